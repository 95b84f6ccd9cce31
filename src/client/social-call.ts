import { ID_PATTERN } from '../model/conversation-id.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import type { OpName, OpRequest, OpResponse } from '../protocol/ops.js';
import type { SessionContext } from './context.js';

/** Social operations need the server: offline they reject with NetworkError at once instead of waiting. */
export function serverCall<O extends OpName>(s: SessionContext, op: O, data: OpRequest<O>): Promise<OpResponse<O>> {
  if (!s.isOnline()) {
    return Promise.reject(new ImError(ErrorCode.NetworkError, 'This needs the server, which cannot be reached right now.'));
  }
  return s.connection.request(op, data);
}

export function requireID(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new ImError(ErrorCode.InvalidArgument, `${what} must be a valid ID (1–64 letters, digits, ".", "-" or "@").`);
  }
  return value;
}

export function requireIDList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 200) {
    throw new ImError(ErrorCode.InvalidArgument, `${what} must be a non-empty array of at most 200 IDs.`);
  }
  return value.map((v, i) => requireID(v, `${what}[${i}]`));
}

export function requireObject<T>(value: T, what: string): T {
  if (!value || typeof value !== 'object') throw new ImError(ErrorCode.InvalidArgument, `${what} is required.`);
  return value;
}
