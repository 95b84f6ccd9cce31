/**
 * Browser-side media helpers for the message creators: image size and a
 * thumbnail made with canvas, a video's duration and poster frame. Each falls
 * back quietly (no thumbnail) where the browser cannot decode the file.
 */

export interface MediaInfo {
  width: number;
  height: number;
  /** Thumbnail (JPEG), absent when it could not be made or the image is small already. */
  snapshot?: Blob;
  snapshotWidth: number;
  snapshotHeight: number;
}

/** Longest side of a thumbnail, in pixels. */
export const SNAPSHOT_MAX = 480;

function fit(w: number, h: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

function toJpeg(source: CanvasImageSource, w: number, h: number): Promise<Blob | undefined> {
  if (typeof document === 'undefined') return Promise.resolve(undefined);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(undefined);
  ctx.fillStyle = '#fff'; // transparent PNGs get a white background in JPEG
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? undefined), 'image/jpeg', 0.82));
}

export async function describeImage(file: Blob): Promise<MediaInfo> {
  try {
    const bitmap = await createImageBitmap(file);
    const { width, height } = bitmap;
    const size = fit(width, height, SNAPSHOT_MAX);
    const small = width <= SNAPSHOT_MAX && height <= SNAPSHOT_MAX && file.size < 200 * 1024;
    const snapshot = small ? undefined : await toJpeg(bitmap, size.width, size.height);
    bitmap.close();
    return { width, height, ...(snapshot ? { snapshot } : {}), snapshotWidth: size.width, snapshotHeight: size.height };
  } catch {
    return { width: 0, height: 0, snapshotWidth: 0, snapshotHeight: 0 };
  }
}

export async function describeVideo(file: Blob): Promise<MediaInfo & { duration: number }> {
  const none = { width: 0, height: 0, snapshotWidth: 0, snapshotHeight: 0, duration: 0 };
  if (typeof document === 'undefined') return none;
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  video.playsInline = true;
  try {
    await new Promise<void>((resolve, reject) => {
      video.onloadeddata = () => resolve();
      video.onerror = () => reject(new Error('video cannot be decoded'));
      setTimeout(() => reject(new Error('timeout')), 8000);
      video.src = url;
    });
    let duration = Number.isFinite(video.duration) ? video.duration : 0;
    if (!Number.isFinite(video.duration)) {
      // Fresh MediaRecorder WebM files carry no duration: seeking far makes the browser find the end.
      duration = await new Promise<number>((resolve) => {
        const done = () => resolve(Number.isFinite(video.duration) ? video.duration : 0);
        video.ondurationchange = () => Number.isFinite(video.duration) && done();
        video.currentTime = 1e7;
        setTimeout(done, 2000);
      });
      video.currentTime = 0;
    }
    if (duration > 0.2) {
      await new Promise<void>((resolve) => {
        video.onseeked = () => resolve();
        video.currentTime = Math.min(0.1, duration / 2);
        setTimeout(resolve, 2000);
      });
    }
    const w = video.videoWidth;
    const h = video.videoHeight;
    const size = fit(w, h, SNAPSHOT_MAX);
    const snapshot = w && h ? await toJpeg(video, size.width, size.height) : undefined;
    return { width: w, height: h, ...(snapshot ? { snapshot } : {}), snapshotWidth: size.width, snapshotHeight: size.height, duration };
  } catch {
    return none;
  } finally {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}
