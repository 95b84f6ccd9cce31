import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, ImError, type ErrorInfo } from '../../src/protocol/errors.js';
import { HttpPaths } from '../../src/protocol/http.js';
import { Limits } from '../../src/protocol/limits.js';
import { httpSchemas, parseOrThrow } from '../core/schemas.js';
import { DEMO_USERS } from '../core/seed.js';
import type { Logger, ServerCore } from '../core/server-core.js';
import { constantTimeEqual } from '../core/tokens.js';

/**
 * The JSON API beside the socket (src/protocol/http.ts): admin endpoints an app
 * backend calls with the admin secret, the demo's dev login, and a health check.
 * Same envelope and error table as the socket, plus a fitting HTTP status.
 */

export interface HttpApiOptions {
  core: ServerCore;
  adminSecret: string;
  demo: boolean;
  tokenTtlSeconds: number;
  logger: Logger;
}

/** Handles a request if its path is under /api; returns false otherwise. */
export type HttpApi = (req: IncomingMessage, res: ServerResponse) => boolean;

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BadFrame]: 400,
  [ErrorCode.InvalidArgument]: 400,
  [ErrorCode.MessageTooLong]: 400,
  [ErrorCode.UnknownOp]: 404,
  [ErrorCode.FrameTooLarge]: 413,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.NotAuthenticated]: 401,
  [ErrorCode.TokenInvalid]: 401,
  [ErrorCode.TokenExpired]: 401,
  [ErrorCode.AdminSecretInvalid]: 401,
  [ErrorCode.DevLoginDisabled]: 403,
  [ErrorCode.PermissionDenied]: 403,
  [ErrorCode.NotGroupMember]: 403,
  [ErrorCode.UserNotFound]: 404,
  [ErrorCode.GroupNotFound]: 404,
  [ErrorCode.ConversationNotFound]: 404,
  [ErrorCode.MessageNotFound]: 404,
  [ErrorCode.Internal]: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(text);
}

function sendError(res: ServerResponse, info: ErrorInfo, extraHeaders?: Record<string, string>): void {
  sendJson(res, httpStatusFor(info.code), { ok: false, error: info }, extraHeaders);
}

/** Reads a JSON object body of at most Limits.maxFrameBytes; an empty body is `{}`. */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > Limits.maxFrameBytes) {
      req.resume(); // discard, so the connection can answer
      reject(new ImError(ErrorCode.FrameTooLarge, `The body is ${declared} bytes; the limit is ${Limits.maxFrameBytes}.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > Limits.maxFrameBytes) {
        failed = true;
        chunks.length = 0;
        reject(new ImError(ErrorCode.FrameTooLarge, `The body exceeds ${Limits.maxFrameBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
      failed = true;
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          reject(new ImError(ErrorCode.BadFrame, 'The body must be a JSON object.'));
        } else resolve(value);
      } catch {
        reject(new ImError(ErrorCode.BadFrame, 'The body is not valid JSON.'));
      }
    });
  });
}

interface Route {
  method: 'GET' | 'POST';
  handle(req: IncomingMessage): Promise<unknown>;
}

export function createHttpApi(opts: HttpApiOptions): HttpApi {
  const { core, demo } = opts;

  function requireAdmin(req: IncomingMessage): void {
    const given = req.headers['x-admin-secret'];
    if (typeof given !== 'string' || !constantTimeEqual(given, opts.adminSecret)) {
      throw new ImError(ErrorCode.AdminSecretInvalid);
    }
  }

  function requireDemo(): void {
    if (!demo) throw new ImError(ErrorCode.DevLoginDisabled);
  }

  function requireUser(userID: string): void {
    if (!core.getUser(userID)) throw new ImError(ErrorCode.UserNotFound, `No user "${userID}".`);
  }

  const routes: Record<string, Route> = {
    [HttpPaths.adminUserToken]: {
      method: 'POST',
      async handle(req) {
        requireAdmin(req); // before reading the body: strangers get nothing parsed
        const body = parseOrThrow(httpSchemas.adminUserToken, await readJsonBody(req), ErrorCode.InvalidArgument, 'body');
        requireUser(body.userID);
        return core.issueToken(body.userID, body.expiresInSeconds ?? opts.tokenTtlSeconds);
      },
    },
    [HttpPaths.adminUpsertUser]: {
      method: 'POST',
      async handle(req) {
        requireAdmin(req);
        const body = parseOrThrow(httpSchemas.adminUpsertUser, await readJsonBody(req), ErrorCode.InvalidArgument, 'body');
        return { user: core.upsertUser(body) };
      },
    },
    [HttpPaths.devLogin]: {
      method: 'POST',
      async handle(req) {
        requireDemo();
        const body = parseOrThrow(httpSchemas.devLogin, await readJsonBody(req), ErrorCode.InvalidArgument, 'body');
        requireUser(body.userID);
        if (!DEMO_USERS.some((u) => u.userID === body.userID)) {
          throw new ImError(ErrorCode.PermissionDenied, `Dev login is only for the demo users, not "${body.userID}".`);
        }
        return core.issueToken(body.userID, opts.tokenTtlSeconds);
      },
    },
    [HttpPaths.devUsers]: {
      method: 'GET',
      async handle() {
        requireDemo();
        return { users: core.demoUsers() };
      },
    },
    [HttpPaths.health]: {
      method: 'GET',
      async handle() {
        return { status: 'ok' };
      },
    },
  };

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/api' && !path.startsWith('/api/')) return false;
    // Credential-less CORS: every endpoint is public or authenticates with a header
    // secret, never a cookie, so another origin gains nothing it could not do with
    // curl. Pages on other origins (test runner, Storybook, an app's dev server) need it.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      req.resume();
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, x-admin-secret',
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }
    void (async () => {
      const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
      try {
        if (!route) throw new ImError(ErrorCode.UnknownOp, `No API endpoint ${path}.`);
        const method = req.method === 'HEAD' ? 'GET' : req.method;
        if (method !== route.method) {
          req.resume();
          const error = { code: ErrorCode.UnknownOp, message: `${req.method} is not supported on ${path}; use ${route.method}.` };
          sendJson(res, 405, { ok: false, error }, { allow: route.method });
          return;
        }
        const data = await route.handle(req);
        sendJson(res, 200, { ok: true, data });
      } catch (err) {
        if (err instanceof ImError) {
          req.resume();
          // After an oversized body, close instead of reading the rest of it.
          sendError(res, err.toJSON(), err.code === ErrorCode.FrameTooLarge ? { connection: 'close' } : undefined);
        } else {
          opts.logger.error(`imkit: ${req.method} ${path} failed`, err);
          sendError(res, { code: ErrorCode.Internal, message: 'The server failed to handle the request.' });
        }
      }
    })();
    return true;
  };
}
