import type { ImClientApi } from '../../../src/client/api.js';
import type { MessageItem } from '../../../src/model/types.js';

export type AttachmentKind = 'image' | 'video' | 'voice' | 'file';

/** Which message a picked, pasted or dropped file becomes (the server checks the bytes again). */
export function kindOf(file: Blob): AttachmentKind {
  const type = file.type || '';
  if (/^image\/(png|jpeg|gif|webp|bmp)$/.test(type)) return 'image';
  if (/^video\/(mp4|webm|ogg|quicktime)$/.test(type)) return 'video';
  return 'file';
}

/** Creates the message for a file with the OpenIM creators (media creators take the File itself). */
export function createForFile(client: ImClientApi, file: File): Promise<MessageItem> {
  switch (kindOf(file)) {
    case 'image':
      return client.createImageMessage(file);
    case 'video':
      return client.createVideoMessage(file);
    default:
      return client.createFileMessage(file, file.name);
  }
}
