import * as v from 'valibot';
import { ID_PATTERN } from '../../src/model/conversation-id.js';
import { MAX_CALL_PARTICIPANTS } from '../../src/model/call.js';

/** Valibot schemas for the call ops (spread into `opSchemas`). */

const id = (what: string) => v.pipe(v.string(), v.regex(ID_PATTERN, `${what} must be a valid ID`));
const optionalId = (what: string) => v.pipe(v.string(), v.regex(new RegExp(`^$|${ID_PATTERN.source}`), `${what} must be empty or a valid ID`));
const roomID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'roomID must be 1–64 letters, digits, ".", "_", ":" or "-"'));

/** The invitation as a caller sends it; the server fills inviterUserID, platformID and initiateTime. */
const invitation = v.object({
  inviterUserID: v.optional(v.string()),
  inviteeUserIDList: v.pipe(v.array(id('each inviteeUserID')), v.maxLength(MAX_CALL_PARTICIPANTS - 1)),
  groupID: v.optional(optionalId('groupID')),
  roomID: v.optional(v.union([v.literal(''), roomID])),
  timeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(120))),
  mediaType: v.picklist(['audio', 'video'], 'mediaType must be "audio" or "video"'),
  sessionType: v.optional(v.picklist([1, 2], 'sessionType must be 1 (one-to-one) or 2 (group)')),
  platformID: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  initiateTime: v.optional(v.number()),
});

/** accept / reject / cancel / hungUp: the reference passes the whole invitation back; only roomID matters. */
const opReq = v.object({
  opUserID: v.optional(v.string()),
  invitation: v.object({ roomID }),
  reason: v.optional(v.picklist(['hangup', 'failed'])),
});

export const signalingSchemas = {
  'signal.invite': v.object({ invitation, offlinePushInfo: v.optional(v.unknown()) }),
  'signal.accept': opReq,
  'signal.reject': opReq,
  'signal.cancel': opReq,
  'signal.hungUp': opReq,
  'signal.relay': v.strictObject({
    roomID,
    toUserID: id('toUserID'),
    kind: v.picklist(['offer', 'answer', 'candidate', 'media']),
    // SDP with many candidates can be ~10 KB; the frame limit bounds it anyway.
    payload: v.pipe(v.string(), v.maxLength(48 * 1024)),
  }),
  'call.iceConfig': v.strictObject({}),
};
