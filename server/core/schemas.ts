import * as v from 'valibot';
import { ID_PATTERN } from '../../src/model/conversation-id.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import { Limits } from '../../src/protocol/limits.js';
import type { OpName, OpRequest } from '../../src/protocol/ops.js';
import { messageOpSchemas } from './schemas-messages.js';
import { socialOpSchemas } from './schemas-social.js';
import { signalingSchemas } from './signaling-schemas.js';

/**
 * Valibot schemas for the request envelope and for every op's `data`.
 * Objects are strict (an unknown field is an error, so a typo never silently
 * does nothing) and every string and number is bounded. Checks that need the
 * database (does the user exist, is the caller a member) live in the handlers.
 */

const id = (what: string) =>
  v.pipe(v.string(), v.regex(ID_PATTERN, `${what} must be 1–64 letters, digits, '.', '-' or '@', starting with a letter or digit`));
/** Either '' or a valid ID: OutgoingMessage carries both recvID and groupID, one of them empty. */
const optionalId = (what: string) =>
  v.pipe(v.string(), v.regex(new RegExp(`^$|${ID_PATTERN.source}`), `${what} must be empty or a valid ID`));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/** Times are ms since the epoch; the bound just keeps them in the safe-integer range. */
const time = int(0, 8_640_000_000_000_000);
const seq = int(0, Number.MAX_SAFE_INTEGER);
const conversationID = v.pipe(v.string(), v.minLength(4), v.maxLength(140));
const empty = v.strictObject({});

export const requestEnvelopeSchema = v.strictObject({
  id: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  op: v.pipe(v.string(), v.maxLength(64)),
  // `data` may be omitted for ops without arguments (ping, conversation.list).
  data: v.optional(v.unknown()),
});

/** valibot's object schemas accept arrays; the wire never means an array where it says object. */
export const dataObjectSchema = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  'must be a JSON object',
);

export const outgoingMessageSchema = v.strictObject({
  // Visible ASCII only: clientMsgIDs are UUIDs or hex digests in practice, and
  // this keeps them safe to log and to use as keys.
  clientMsgID: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(Limits.maxClientMsgIDLength),
    v.regex(/^[\x21-\x7e]+$/, 'clientMsgID must be visible ASCII without spaces'),
  ),
  sessionType: v.picklist([1, 2], 'sessionType must be 1 (one-to-one) or 2 (group)'),
  recvID: optionalId('recvID'),
  groupID: optionalId('groupID'),
  contentType: int(0, 1_000_000),
  // The text limit is checked by the handler so that it can answer MessageTooLong;
  // here only the frame size bounds it.
  content: v.pipe(v.string(), v.maxLength(Limits.maxFrameBytes)),
  createTime: time,
  ex: v.optional(v.pipe(v.string(), v.maxLength(4096))),
});

export const opSchemas = {
  auth: v.strictObject({
    token: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
    platformID: int(0, 100),
  }),
  ping: empty,
  sync: v.strictObject({
    since: seq,
    limit: v.optional(int(1, Limits.maxPageSize)),
  }),
  'conversation.list': empty,
  'message.send': v.strictObject({ message: outgoingMessageSchema }),
  'message.history': v.strictObject({
    conversationID,
    beforeSeq: seq,
    count: int(1, Limits.maxPageSize),
  }),
  'conversation.markRead': v.strictObject({
    conversationID,
    seq: v.optional(seq),
  }),
  'conversation.get': v.strictObject({ conversationID }),
  'user.get': v.strictObject({
    userIDList: v.pipe(v.array(id('each userID')), v.maxLength(Limits.maxUserLookup)),
  }),
  ...signalingSchemas,
  ...messageOpSchemas,
  ...socialOpSchemas,
} satisfies { [O in OpName]: v.GenericSchema<unknown, OpRequest<O>> };

export const httpSchemas = {
  adminUserToken: v.strictObject({
    userID: id('userID'),
    expiresInSeconds: v.optional(int(1, 366 * 24 * 3600)),
  }),
  adminUpsertUser: v.strictObject({
    userID: id('userID'),
    nickname: v.optional(v.pipe(v.string(), v.maxLength(64))),
    faceURL: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  }),
  devLogin: v.strictObject({ userID: id('userID') }),
};

/** "message.content: Invalid type: Expected string but received 5" — names the field. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], root = 'data'): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      const where = path ? `${root}.${path}` : root;
      if (issue.received === 'undefined' && path) return `${where}: required field is missing`;
      if (issue.type === 'strict_object' && issue.expected === 'never') return `${where}: unknown field`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses `input` or throws ImError(code) with a message naming the offending field. */
export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  code: ErrorCode = ErrorCode.InvalidArgument,
  root = 'data',
): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new ImError(code, describeIssues(result.issues, root));
}
