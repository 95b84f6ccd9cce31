/** HTTP paths for files (issue 3). Uploads and downloads authenticate with `Authorization: Bearer <user token>`. */
export const UploadPaths = {
  /** POST multipart/form-data with one field `file` → `{ ok: true, data: UploadResult }`. */
  upload: '/api/upload',
  /** GET `/api/files/<uuid>` → the bytes, with Content-Disposition and nosniff. */
  files: '/api/files/',
  /** GET → emoji-picker-element's data (served from the emoji-picker-element-data package, no CDN). */
  emojiData: '/api/emoji/data.json',
} as const;

export interface UploadResult {
  uuid: string;
  /** Path on the server, e.g. `/api/files/<uuid>` (what elems store). */
  url: string;
  name: string;
  size: number;
  /** MIME type decided by the file's content. */
  type: string;
}
