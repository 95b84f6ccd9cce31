import * as v from 'valibot';
import { ID_PATTERN } from '../../src/model/conversation-id.js';
import { Limits } from '../../src/protocol/limits.js';
import type { OpRequest } from '../../src/protocol/ops.js';
import type { SocialOps } from '../../src/protocol/ops-social.js';

/** Valibot schemas of the social and conversation-management ops (spread into opSchemas). */

const id = (what: string) =>
  v.pipe(v.string(), v.regex(ID_PATTERN, `${what} must be 1–64 letters, digits, '.', '-' or '@', starting with a letter or digit`));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const conversationID = v.pipe(v.string(), v.minLength(4), v.maxLength(140));
const empty = v.strictObject({});
const ids = (what: string, max = Limits.maxUserLookup) => v.pipe(v.array(id(what)), v.minLength(1), v.maxLength(max));
const hhmm = v.pipe(v.string(), v.regex(/^$|^([01]\d|2[0-3]):[0-5]\d$/, 'must be "HH:MM" or empty'));
const url = text(1024);
const joinPolicy = v.picklist([0, 1, 2], 'joinPolicy must be 0 (open), 1 (approval) or 2 (invite only)');
const as = v.picklist(['recipient', 'applicant'], "as must be 'recipient' or 'applicant'");
const groupInfoFields = {
  groupName: v.optional(v.pipe(v.string(), v.maxLength(64))),
  notification: v.optional(text(2000)),
  introduction: v.optional(text(1000)),
  faceURL: v.optional(url),
  ex: v.optional(text(4096)),
  joinPolicy: v.optional(joinPolicy),
};

export const socialOpSchemas = {
  'user.setSelfInfo': v.strictObject({
    nickname: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
    faceURL: v.optional(url),
    gender: v.optional(v.picklist([0, 1, 2], 'gender must be 0 (unknown), 1 (male) or 2 (female)')),
    birth: v.optional(int(0, 8_640_000_000_000_000)),
    email: v.optional(v.pipe(v.string(), v.maxLength(254), v.regex(/^$|^[^\s@]+@[^\s@]+$/, 'email must look like name@example.com'))),
    signature: v.optional(text(200)),
    ex: v.optional(text(4096)),
  }),
  'user.getSettings': empty,
  'user.setSettings': v.strictObject({
    globalRecvMsgOpt: v.optional(v.picklist([0, 1, 2], 'globalRecvMsgOpt must be 0, 1 or 2')),
    quietStart: v.optional(hhmm),
    quietEnd: v.optional(hhmm),
  }),
  'friend.add': v.strictObject({ toUserID: id('toUserID'), reqMsg: v.optional(text(500)) }),
  'friend.applications': v.strictObject({ as }),
  'friend.accept': v.strictObject({ toUserID: id('toUserID'), handleMsg: v.optional(text(500)) }),
  'friend.refuse': v.strictObject({ toUserID: id('toUserID'), handleMsg: v.optional(text(500)) }),
  'friend.list': empty,
  'friend.setRemark': v.strictObject({ toUserID: id('toUserID'), remark: text(64) }),
  'friend.delete': v.strictObject({ friendUserID: id('friendUserID') }),
  'friend.check': v.strictObject({ userIDList: ids('each userID') }),
  'black.add': v.strictObject({ toUserID: id('toUserID') }),
  'black.remove': v.strictObject({ toUserID: id('toUserID') }),
  'black.list': empty,
  'group.create': v.strictObject({
    groupID: v.optional(id('groupID')),
    ...groupInfoFields,
    groupName: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    memberUserIDs: v.pipe(v.array(id('each memberUserID')), v.maxLength(500)),
    adminUserIDs: v.optional(v.pipe(v.array(id('each adminUserID')), v.maxLength(500))),
  }),
  'group.info': v.strictObject({ groupIDList: ids('each groupID') }),
  'group.joined': empty,
  'group.setInfo': v.strictObject({ groupID: id('groupID'), ...groupInfoFields }),
  'group.join': v.strictObject({ groupID: id('groupID'), reqMsg: v.optional(text(500)) }),
  'group.applications': v.strictObject({ as }),
  'group.acceptApplication': v.strictObject({ groupID: id('groupID'), fromUserID: id('fromUserID'), handleMsg: v.optional(text(500)) }),
  'group.refuseApplication': v.strictObject({ groupID: id('groupID'), fromUserID: id('fromUserID'), handleMsg: v.optional(text(500)) }),
  'group.invite': v.strictObject({ groupID: id('groupID'), userIDList: ids('each userID'), reason: v.optional(text(500)) }),
  'group.kick': v.strictObject({ groupID: id('groupID'), userIDList: ids('each userID'), reason: v.optional(text(500)) }),
  'group.quit': v.strictObject({ groupID: id('groupID') }),
  'group.dismiss': v.strictObject({ groupID: id('groupID') }),
  'group.transferOwner': v.strictObject({ groupID: id('groupID'), newOwnerUserID: id('newOwnerUserID') }),
  'group.setMemberRole': v.strictObject({ groupID: id('groupID'), userID: id('userID'), roleLevel: int(0, 100) }),
  'group.mute': v.strictObject({ groupID: id('groupID'), isMute: v.boolean() }),
  'group.muteMember': v.strictObject({ groupID: id('groupID'), userID: id('userID'), mutedSeconds: int(0, 366 * 24 * 3600) }),
  'group.members': v.strictObject({
    groupID: id('groupID'),
    filter: v.optional(int(0, 5)),
    offset: v.optional(int(0, 1_000_000)),
    count: v.optional(int(1, Limits.maxPageSize)),
  }),
  'group.membersInfo': v.strictObject({ groupID: id('groupID'), userIDList: ids('each userID') }),
  'group.setMemberNickname': v.strictObject({ groupID: id('groupID'), userID: id('userID'), nickname: text(64) }),
  'conversation.pin': v.strictObject({ conversationID, isPinned: v.boolean() }),
  'conversation.setRecvMsgOpt': v.strictObject({ conversationID, opt: v.picklist([0, 1, 2], 'opt must be 0, 1 or 2') }),
  'conversation.delete': v.strictObject({ conversationID, deleteMessages: v.optional(v.boolean()) }),
  'conversation.clearHistory': v.strictObject({ conversationID }),
  'conversation.markAllRead': empty,
} satisfies { [O in keyof SocialOps]: v.GenericSchema<unknown, OpRequest<O>> };
