import type { PictureElem, VideoElem } from '../../../src/model/elems.js';

/** Largest box an image thumbnail takes in the chat (CSS px). */
const IMAGE_BOX = 240;
/** Largest box a video poster takes in the chat (CSS px). */
const VIDEO_BOX = 260;

/** A size from message data as a positive number, else 0 (the data may come from anyone). */
function size(n: unknown): number {
  return typeof n === 'number' && n > 0 && n < 1e6 ? n : 0;
}

/** A box as the value of a `style` attribute: made of numbers only, whatever the message holds. */
export function boxStyle(box: { width: string; aspectRatio: string }): string {
  return `width:${box.width};aspect-ratio:${box.aspectRatio}`;
}

/**
 * The box of an image message, from the sizes in the message: the thumbnail and the
 * placeholder shown before the renderer has loaded take the same room, so nothing jumps.
 */
export function imageBox(p: PictureElem): { width: string; aspectRatio: string } {
  const w = size(p.snapshotPicture?.width) || size(p.sourcePicture?.width) || IMAGE_BOX;
  const h = size(p.snapshotPicture?.height) || size(p.sourcePicture?.height) || IMAGE_BOX;
  const scale = Math.min(1, IMAGE_BOX / Math.max(w, h));
  return { width: `${Math.max(40, Math.round(w * scale))}px`, aspectRatio: `${w} / ${h}` };
}

/** The box of a video message's poster (see imageBox). */
export function videoBox(v: VideoElem): { width: string; aspectRatio: string } {
  const w = size(v.snapshotWidth) || 16;
  const h = size(v.snapshotHeight) || 9;
  const scale = Math.min(1, VIDEO_BOX / Math.max(w, h));
  return { width: `${Math.max(120, Math.round(w * scale * (w < VIDEO_BOX / 2 ? VIDEO_BOX / 2 / w : 1)))}px`, aspectRatio: `${w} / ${h}` };
}
