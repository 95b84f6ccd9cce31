import { ErrorCode, ImError, isErrorCode } from '../protocol/errors.js';
import { UploadPaths, type UploadResult } from '../protocol/uploads.js';
import type { MessageItem } from '../model/types.js';
import type { SessionContext } from './context.js';
import type { MessageElems } from '../model/elems.js';
import { ContentType } from '../model/enums.js';
import type { PendingFiles } from './message-create.js';

/**
 * Files over HTTP: uploads with progress and cancel (XMLHttpRequest, since
 * fetch reports no upload progress), downloads with the token in a header,
 * turned into object URLs and cached for the page's life.
 */

export { httpBaseOf, type FileAuth } from './file-auth.js';
import type { FileAuth } from './file-auth.js';

export interface UploadHandle {
  promise: Promise<UploadResult>;
  cancel(): void;
}

export function uploadFile(auth: FileAuth, blob: Blob, name: string, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  let cancelled = false;
  const promise = new Promise<UploadResult>((resolve, reject) => {
    xhr.open('POST', auth.baseURL + UploadPaths.upload);
    xhr.setRequestHeader('authorization', `Bearer ${auth.token}`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      const body = xhr.response as { ok?: boolean; data?: UploadResult; error?: { code: number; message: string } } | null;
      if (body?.ok && body.data) return resolve(body.data);
      const code = body?.error && isErrorCode(body.error.code) ? body.error.code : ErrorCode.Internal;
      reject(new ImError(code, body?.error?.message ?? `Upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new ImError(ErrorCode.NetworkError, 'The upload could not reach the server.'));
    xhr.onabort = () => reject(new ImError(cancelled ? ErrorCode.UploadCancelled : ErrorCode.NetworkError));
    const form = new FormData();
    form.append('file', blob, name);
    xhr.send(form);
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
      xhr.abort();
    },
  };
}

const cache = new Map<string, Promise<string>>();

/**
 * An object URL for a server file (`/api/files/<uuid>` or absolute), fetched
 * with the token; the same URL is fetched once per page. Other URLs (http(s)
 * elsewhere, blob:, data:) come back unchanged.
 */
export function fileObjectURL(auth: FileAuth, url: string): Promise<string> {
  if (!url) return Promise.reject(new ImError(ErrorCode.FileNotFound, 'No file URL.'));
  const absolute = url.startsWith(UploadPaths.files) ? auth.baseURL + url : url;
  if (!absolute.startsWith(auth.baseURL + UploadPaths.files)) return Promise.resolve(url);
  let p = cache.get(absolute);
  if (!p) {
    p = fetch(absolute, { headers: { authorization: `Bearer ${auth.token}` } }).then(async (res) => {
      if (!res.ok) {
        cache.delete(absolute);
        const body = (await res.json().catch(() => null)) as { error?: { code: number; message: string } } | null;
        throw new ImError(body?.error && isErrorCode(body.error.code) ? body.error.code : ErrorCode.FileNotFound, body?.error?.message);
      }
      return URL.createObjectURL(await res.blob());
    });
    p.catch(() => cache.delete(absolute));
    cache.set(absolute, p);
  }
  return p;
}

/**
 * Uploads the files of a media message (`files`, kept since it was created), reporting
 * progress (`onSendMessageProgress`), then rewrites the elem and `content` with the server's
 * URLs, caches the message and emits it. `uploads` holds the running upload for cancelUpload.
 */
export async function uploadMessageFiles(s: SessionContext, message: MessageItem, files: PendingFiles, uploads: Map<string, UploadHandle>): Promise<MessageItem> {
  const auth = s.fileAuth();
  const total = files.source.size + (files.snapshot?.size ?? 0);
  let done = 0;
  const progress = (fraction: number, size: number) => {
    const value = Math.round(((done + fraction * size) / total) * 100);
    s.emitter.emit('onSendMessageProgress', { clientMsgID: message.clientMsgID, progress: Math.min(100, value), message });
  };
  const put = async (blob: Blob, name: string) => {
    const handle = uploadFile(auth, blob, name, (f) => progress(f, blob.size));
    uploads.set(message.clientMsgID, handle);
    try {
      const result = await handle.promise;
      done += blob.size;
      return result;
    } finally {
      uploads.delete(message.clientMsgID);
    }
  };
  progress(0, 0);
  const next: MessageItem = JSON.parse(JSON.stringify(message));
  const source = await put(files.source, files.sourceName);
  const snapshot = files.snapshot ? await put(files.snapshot, 'snapshot.jpg') : null;
  if (next.pictureElem) {
    const p = next.pictureElem;
    p.sourcePicture = { ...p.sourcePicture, uuid: source.uuid, url: source.url, type: source.type, size: source.size };
    p.bigPicture = { ...p.sourcePicture };
    p.snapshotPicture = snapshot
      ? { ...p.snapshotPicture, uuid: snapshot.uuid, url: snapshot.url, type: snapshot.type, size: snapshot.size }
      : { ...p.sourcePicture, width: p.snapshotPicture.width || p.sourcePicture.width, height: p.snapshotPicture.height || p.sourcePicture.height };
  }
  if (next.soundElem) Object.assign(next.soundElem, { uuid: source.uuid, sourceUrl: source.url, dataSize: source.size, soundType: source.type });
  if (next.videoElem) {
    Object.assign(next.videoElem, { videoUUID: source.uuid, videoUrl: source.url, videoSize: source.size, videoType: source.type });
    if (snapshot) Object.assign(next.videoElem, { snapshotUUID: snapshot.uuid, snapshotUrl: snapshot.url, snapshotSize: snapshot.size });
  }
  if (next.fileElem) Object.assign(next.fileElem, { uuid: source.uuid, sourceUrl: source.url, fileSize: source.size, fileType: source.type });
  next.content = wireContent(next.contentType, next);
  progress(1, 0);
  await s.serial(async () => {
    await s.cache.putMessages([next]);
    s.emitter.emit('onMessageUpdated', next);
  });
  return next;
}

/** The elem as sent: local-only fields (object URLs) left out. */
export function wireContent(contentType: number, elems: MessageElems): string {
  switch (contentType) {
    case ContentType.Picture:
      return JSON.stringify({ ...elems.pictureElem, sourcePath: '' });
    case ContentType.Voice:
      return JSON.stringify({ ...elems.soundElem, soundPath: '' });
    case ContentType.Video:
      return JSON.stringify({ ...elems.videoElem, videoPath: '', snapshotPath: '' });
    case ContentType.File:
      return JSON.stringify({ ...elems.fileElem, filePath: '' });
    default:
      return '';
  }
}
