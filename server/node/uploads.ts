import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import { UploadPaths, type UploadResult } from '../../src/protocol/uploads.js';
import type { Logger, ServerCore } from '../core/server-core.js';
import { httpStatusFor } from './http-api.js';

/**
 * Files over HTTP (issue 3): `POST /api/upload` (multipart, one field `file`,
 * `Authorization: Bearer <user token>`), `GET /api/files/<uuid>` (same header),
 * and the emoji picker's data from the emoji-picker-element-data package.
 *
 * - Parsing: busboy, streamed to disk under `<dataDir>/uploads/`, with a size cap.
 * - The type is decided by the file's first bytes (magic numbers), never by its
 *   name or the browser's claim; executables are refused.
 * - Downloads carry `Content-Disposition` (inline for images, audio and video,
 *   attachment otherwise), `X-Content-Type-Options: nosniff` and a CSP that
 *   forbids scripts, and may be cached privately (a file's bytes never change).
 */

export interface UploadsOptions {
  core: ServerCore;
  dataDir: string;
  maxUploadBytes: number;
  logger: Logger;
}

export type UploadsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const INLINE = /^(image\/(png|jpeg|gif|webp|bmp)|audio\/|video\/)/;

/** MIME type from the first bytes; `declared` only picks between audio and video for shared containers. */
export function sniffType(head: Uint8Array, declared: string): { mime: string } | { refused: string } {
  const b = head;
  const at = (i: number, ...bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  const ascii = (i: number, s: string) => at(i, ...Array.from(s, (c) => c.charCodeAt(0)));
  const audio = declared.startsWith('audio/');
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mime: 'image/png' };
  if (at(0, 0xff, 0xd8, 0xff)) return { mime: 'image/jpeg' };
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return { mime: 'image/gif' };
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return { mime: 'image/webp' };
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return { mime: 'audio/wav' };
  if (ascii(0, 'BM') && b.length > 14) return { mime: 'image/bmp' };
  if (at(0, 0x1a, 0x45, 0xdf, 0xa3)) return { mime: audio ? 'audio/webm' : 'video/webm' };
  if (ascii(0, 'OggS')) return { mime: audio || !declared.startsWith('video/') ? 'audio/ogg' : 'video/ogg' };
  if (ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...b.slice(8, 12));
    if (brand.startsWith('M4A')) return { mime: 'audio/mp4' };
    if (brand === 'qt  ') return { mime: 'video/quicktime' };
    return { mime: audio ? 'audio/mp4' : 'video/mp4' };
  }
  if (ascii(0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return { mime: 'audio/mpeg' };
  if (ascii(0, '%PDF-')) return { mime: 'application/pdf' };
  if (at(0, 0x50, 0x4b, 0x03, 0x04) || at(0, 0x50, 0x4b, 0x05, 0x06)) return { mime: 'application/zip' };
  if (at(0, 0x1f, 0x8b)) return { mime: 'application/gzip' };
  // Programs are refused whatever their name says.
  if (ascii(0, 'MZ')) return { refused: 'a Windows program' };
  if (at(0, 0x7f, 0x45, 0x4c, 0x46)) return { refused: 'a Linux program' };
  if (at(0, 0xcf, 0xfa, 0xed, 0xfe) || at(0, 0xfe, 0xed, 0xfa, 0xcf) || at(0, 0xca, 0xfe, 0xba, 0xbe)) return { refused: 'a macOS program' };
  if (ascii(0, '#!')) return { refused: 'a script' };
  if (b.length === 0) return { mime: 'text/plain' };
  if (!b.includes(0) && isUtf8(b)) return { mime: 'text/plain' };
  return { mime: 'application/octet-stream' };
}

function isUtf8(b: Uint8Array): boolean {
  try {
    // The head may end inside a multi-byte sequence: ignore its last 3 bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(b.length > 4 ? b.slice(0, b.length - 3) : b);
    return true;
  } catch {
    return false;
  }
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
}

const FILE_STATUS: Partial<Record<number, number>> = {
  [ErrorCode.FileTooLarge]: 413,
  [ErrorCode.FileTypeNotAllowed]: 415,
  [ErrorCode.FileNotFound]: 404,
};

function fail(res: ServerResponse, err: ImError, closeConnection = false): void {
  send(res, FILE_STATUS[err.code] ?? httpStatusFor(err.code), { ok: false, error: err.toJSON() }, closeConnection ? { connection: 'close' } : {});
}

function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function createUploadsHandler(opts: UploadsOptions): UploadsHandler {
  const dir = join(opts.dataDir, 'uploads');
  const require = createRequire(import.meta.url);

  async function authenticate(req: IncomingMessage): Promise<string> {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new ImError(ErrorCode.NotAuthenticated, 'Send the user token as "Authorization: Bearer <token>".');
    return opts.core.verifyToken(m[1]!);
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let userID: string;
    try {
      userID = await authenticate(req);
    } catch (err) {
      req.resume();
      return fail(res, err instanceof ImError ? err : new ImError(ErrorCode.TokenInvalid));
    }
    const limit = opts.maxUploadBytes;
    const declaredLength = Number(req.headers['content-length'] ?? 0);
    if (declaredLength > limit + 64 * 1024) {
      req.resume();
      return fail(res, new ImError(ErrorCode.FileTooLarge, `The file is larger than ${formatBytes(limit)}, the most this server accepts.`), true);
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: limit, fields: 4, fieldSize: 1024, parts: 6 } });
    } catch {
      req.resume();
      return fail(res, new ImError(ErrorCode.InvalidArgument, 'Send the file as multipart/form-data with a field named "file".'));
    }
    mkdirSync(dir, { recursive: true });
    const uuid = randomUUID();
    const tmp = join(dir, `${uuid}.part`);
    let done = false;
    let sawFile = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      fn();
    };
    const abort = (err: ImError) =>
      finish(() => {
        rmSync(tmp, { force: true });
        req.unpipe(bb);
        req.resume();
        fail(res, err, err.code === ErrorCode.FileTooLarge);
      });

    bb.on('file', (field, stream, info) => {
      if (field !== 'file' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      const name = (info.filename || 'file').slice(0, 255);
      const out = createWriteStream(tmp);
      let size = 0;
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.on('limit', () => {
        abort(new ImError(ErrorCode.FileTooLarge, `The file is larger than ${formatBytes(limit)}, the most this server accepts.`));
        stream.unpipe(out);
        stream.resume();
        out.destroy();
      });
      stream.pipe(out);
      out.on('error', (e) => {
        if (done) return; // a refused or aborted upload: the file is being thrown away anyway
        opts.logger.error('imkit: upload write failed', e);
        abort(new ImError(ErrorCode.Internal, 'The server could not store the file.'));
      });
      out.on('finish', () => {
        if (done) return;
        void (async () => {
          const fh = await open(tmp, 'r');
          const head = Buffer.alloc(4100);
          const { bytesRead } = await fh.read(head, 0, head.length, 0);
          await fh.close();
          const sniffed = sniffType(head.subarray(0, bytesRead), info.mimeType || '');
          if ('refused' in sniffed) {
            return abort(new ImError(ErrorCode.FileTypeNotAllowed, `"${name}" looks like ${sniffed.refused}; programs and scripts cannot be uploaded.`));
          }
          const path = join(dir, uuid);
          renameSync(tmp, path);
          opts.core.messageStore.insertFile({ uuid, owner_id: userID, name, mime: sniffed.mime, size, path: uuid, create_time: Date.now() });
          const result: UploadResult = { uuid, url: `${UploadPaths.files}${uuid}`, name, size, type: sniffed.mime };
          finish(() => send(res, 200, { ok: true, data: result }));
        })().catch((e) => {
          opts.logger.error('imkit: upload failed', e);
          abort(new ImError(ErrorCode.Internal, 'The server could not store the file.'));
        });
      });
    });
    bb.on('error', () => abort(new ImError(ErrorCode.InvalidArgument, 'The multipart body is malformed.')));
    bb.on('close', () => {
      if (!sawFile) abort(new ImError(ErrorCode.InvalidArgument, 'No file: send it in a multipart field named "file".'));
    });
    req.on('aborted', () => finish(() => rmSync(tmp, { force: true })));
    req.pipe(bb);
  }

  async function download(req: IncomingMessage, res: ServerResponse, uuid: string): Promise<void> {
    req.resume();
    let userID: string;
    try {
      userID = await authenticate(req);
    } catch (err) {
      return fail(res, err instanceof ImError ? err : new ImError(ErrorCode.TokenInvalid));
    }
    const valid = /^[0-9a-f-]{36}$/.test(uuid);
    const row = valid ? opts.core.messageStore.getFile(uuid) : undefined;
    // Someone who may not see the file is told it does not exist, so IDs cannot be probed.
    if (!row || !opts.core.messageStore.canReadFile(uuid, userID)) return fail(res, new ImError(ErrorCode.FileNotFound, `No file ${uuid.slice(0, 40)}.`));
    const path = join(dir, row.path);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return fail(res, new ImError(ErrorCode.FileNotFound, 'The file is gone from the server.'));
    }
    res.writeHead(200, {
      'content-type': row.mime,
      'content-length': size,
      'content-disposition': contentDisposition(INLINE.test(row.mime) ? 'inline' : 'attachment', row.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      // Bytes behind a uuid never change; only the holder of a token fetched them.
      'cache-control': 'private, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path).pipe(res);
  }

  function emojiData(res: ServerResponse): void {
    let path: string;
    try {
      path = require.resolve('emoji-picker-element-data/en/emojibase/data.json');
    } catch {
      return fail(res, new ImError(ErrorCode.FileNotFound, 'emoji-picker-element-data is not installed.'));
    }
    const { size, mtime } = statSync(path);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': size,
      'cache-control': 'public, max-age=86400',
      etag: `"${size}-${mtime.getTime()}"`,
      'x-content-type-options': 'nosniff',
    });
    createReadStream(path).pipe(res);
  }

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const isUpload = path === UploadPaths.upload;
    const isFile = path.startsWith(UploadPaths.files);
    const isEmoji = path === UploadPaths.emojiData;
    if (!isUpload && !isFile && !isEmoji) return false;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'content-disposition, content-length');
    if (req.method === 'OPTIONS') {
      req.resume();
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, HEAD, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }
    const run = async () => {
      if (isUpload && req.method === 'POST') return upload(req, res);
      if (isFile && (req.method === 'GET' || req.method === 'HEAD')) return download(req, res, path.slice(UploadPaths.files.length));
      if (isEmoji && req.method === 'GET') return void (req.resume(), emojiData(res));
      req.resume();
      send(res, 405, { ok: false, error: { code: ErrorCode.UnknownOp, message: `${req.method} is not supported on ${path}.` } });
    };
    run().catch((err) => {
      opts.logger.error(`imkit: ${req.method} ${path} failed`, err);
      fail(res, new ImError(ErrorCode.Internal, 'The server failed to handle the request.'));
    });
    return true;
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KB`;
  return `${Math.round(n / (1024 * 102.4)) / 10} MB`;
}
