import type { ErrorInfo } from './errors.js';
import type { OpName, OpRequest, OpResponse } from './ops.js';
import type { PushEvent } from './pushes.js';

/** Client → server. `id` pairs the response with the request. */
export interface RequestFrame<O extends OpName = OpName> {
  id: number;
  op: O;
  data: OpRequest<O>;
}

export type ResponseFrame<O extends OpName = OpName> =
  | { id: number; ok: true; data: OpResponse<O> }
  | { id: number; ok: false; error: ErrorInfo };

/**
 * Server → client, unasked. `seq` is the position in the user's event log and only
 * grows; a push with `seq: 0` is transient (typing, kick) and is never logged.
 */
export type PushFrame = PushEvent & { seq: number };

export type ServerFrame = ResponseFrame | PushFrame;

export function isPushFrame(frame: ServerFrame): frame is PushFrame {
  return 'push' in frame;
}
