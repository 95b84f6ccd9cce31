import { ErrorCode, ImError, isErrorCode } from '../protocol/errors.js';
import { UploadPaths, type UploadResult } from '../protocol/uploads.js';

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
