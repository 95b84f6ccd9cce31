import * as v from 'valibot';
import { ID_PATTERN } from '../../src/model/conversation-id.js';
import { Limits } from '../../src/protocol/limits.js';

/** Valibot schemas of the message-action ops (src/protocol/ops-messages.ts). */
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const conversationID = v.pipe(v.string(), v.minLength(4), v.maxLength(140));
const clientMsgID = v.pipe(v.string(), v.minLength(1), v.maxLength(Limits.maxClientMsgIDLength));
const target = v.strictObject({ conversationID, clientMsgID });

export const messageOpSchemas = {
  'message.revoke': target,
  'message.delete': target,
  'message.typing': v.strictObject({ conversationID, msgTip: v.pipe(v.string(), v.maxLength(256)) }),
  'message.markGroupRead': v.strictObject({
    conversationID,
    clientMsgIDList: v.pipe(v.array(clientMsgID), v.minLength(1), v.maxLength(Limits.maxPageSize)),
  }),
  'message.readers': target,
  'message.search': v.strictObject({
    conversationID: v.optional(v.union([v.literal(''), conversationID])),
    keywordList: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(10))),
    keywordListMatchType: v.optional(int(0, 2)),
    messageTypeList: v.optional(v.pipe(v.array(int(0, 1_000_000)), v.maxLength(32))),
    senderUserIDList: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(ID_PATTERN))), v.maxLength(100))),
    searchTimePosition: v.optional(int(0, 8_640_000_000_000)),
    searchTimePeriod: v.optional(int(0, 8_640_000_000_000)),
    pageIndex: v.optional(int(0, 1_000_000)),
    count: v.optional(int(1, Limits.maxPageSize)),
  }),
};
