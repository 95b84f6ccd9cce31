import type { ConversationItem, GroupInfo, GroupMemberInfo, UserInfo } from '../model/types.js';
import type {
  BlackInfo,
  FriendApplication,
  FriendCheckResult,
  FriendInfo,
  GroupApplication,
  GroupBaseInfo,
  GroupInfoUpdate,
  SelfInfoUpdate,
  UserResult,
  UserSettings,
} from '../model/social.js';

/**
 * Operations of the social graph and of conversation management (merged into
 * `Ops`). The server enforces who may do what; every change is logged to the
 * event log of each user it concerns, so their other devices follow.
 */
export interface SocialOps {
  // --- users ---
  'user.setSelfInfo': { req: SelfInfoUpdate; res: { user: UserInfo } };
  'user.getSettings': { req: Record<string, never>; res: { settings: UserSettings } };
  'user.setSettings': { req: Partial<UserSettings>; res: { settings: UserSettings } };

  // --- friends and blacklist ---
  'friend.add': { req: { toUserID: string; reqMsg?: string }; res: { application: FriendApplication } };
  /** `as`: 'recipient' (requests to me) or 'applicant' (requests I sent). */
  'friend.applications': { req: { as: 'recipient' | 'applicant' }; res: { applications: FriendApplication[] } };
  /** `toUserID`: the applicant. */
  'friend.accept': { req: { toUserID: string; handleMsg?: string }; res: { application: FriendApplication } };
  'friend.refuse': { req: { toUserID: string; handleMsg?: string }; res: { application: FriendApplication } };
  'friend.list': { req: Record<string, never>; res: { friends: FriendInfo[] } };
  'friend.setRemark': { req: { toUserID: string; remark: string }; res: { friend: FriendInfo } };
  'friend.delete': { req: { friendUserID: string }; res: Record<string, never> };
  'friend.check': { req: { userIDList: string[] }; res: { results: FriendCheckResult[] } };
  'black.add': { req: { toUserID: string }; res: { black: BlackInfo } };
  'black.remove': { req: { toUserID: string }; res: Record<string, never> };
  'black.list': { req: Record<string, never>; res: { blacks: BlackInfo[] } };

  // --- groups ---
  'group.create': { req: GroupBaseInfo & { memberUserIDs: string[]; adminUserIDs?: string[] }; res: { group: GroupInfo } };
  'group.info': { req: { groupIDList: string[] }; res: { groups: GroupInfo[] } };
  'group.joined': { req: Record<string, never>; res: { groups: GroupInfo[] } };
  'group.setInfo': { req: GroupInfoUpdate & { groupID: string }; res: { group: GroupInfo } };
  /** Joins at once (open groups) or files an application (approval groups). */
  'group.join': { req: { groupID: string; reqMsg?: string }; res: { joined: boolean; application?: GroupApplication } };
  /** `as`: 'recipient' (to groups I own or administer) or 'applicant' (mine). */
  'group.applications': { req: { as: 'recipient' | 'applicant' }; res: { applications: GroupApplication[] } };
  'group.acceptApplication': { req: { groupID: string; fromUserID: string; handleMsg?: string }; res: { application: GroupApplication } };
  'group.refuseApplication': { req: { groupID: string; fromUserID: string; handleMsg?: string }; res: { application: GroupApplication } };
  'group.invite': { req: { groupID: string; userIDList: string[]; reason?: string }; res: { results: UserResult[] } };
  'group.kick': { req: { groupID: string; userIDList: string[]; reason?: string }; res: { results: UserResult[] } };
  'group.quit': { req: { groupID: string }; res: Record<string, never> };
  'group.dismiss': { req: { groupID: string }; res: Record<string, never> };
  'group.transferOwner': { req: { groupID: string; newOwnerUserID: string }; res: { group: GroupInfo } };
  'group.setMemberRole': { req: { groupID: string; userID: string; roleLevel: number }; res: { member: GroupMemberInfo } };
  'group.mute': { req: { groupID: string; isMute: boolean }; res: { group: GroupInfo } };
  /** `mutedSeconds` 0 unmutes. */
  'group.muteMember': { req: { groupID: string; userID: string; mutedSeconds: number }; res: { member: GroupMemberInfo } };
  /** `filter`: GroupMemberFilter. */
  'group.members': { req: { groupID: string; filter?: number; offset?: number; count?: number }; res: { members: GroupMemberInfo[]; total: number } };
  'group.membersInfo': { req: { groupID: string; userIDList: string[] }; res: { members: GroupMemberInfo[] } };
  /** One's own name card, or (owner/admin) another member's. '' clears it. */
  'group.setMemberNickname': { req: { groupID: string; userID: string; nickname: string }; res: { member: GroupMemberInfo } };

  // --- conversation management (per-user state) ---
  'conversation.pin': { req: { conversationID: string; isPinned: boolean }; res: { conversation: ConversationItem } };
  /** `opt`: RecvMsgOpt (0 receive, 1 do not receive, 2 receive without notification). */
  'conversation.setRecvMsgOpt': { req: { conversationID: string; opt: number }; res: { conversation: ConversationItem } };
  /** Hides the conversation until its next message; `deleteMessages` also clears its history for this user. */
  'conversation.delete': { req: { conversationID: string; deleteMessages?: boolean }; res: Record<string, never> };
  /** Clears the history for this user (the conversation stays). */
  'conversation.clearHistory': { req: { conversationID: string }; res: { conversation: ConversationItem } };
  /** Marks every conversation read. */
  'conversation.markAllRead': { req: Record<string, never>; res: { count: number } };
}

export const SOCIAL_OP_NAMES: readonly (keyof SocialOps)[] = [
  'user.setSelfInfo',
  'user.getSettings',
  'user.setSettings',
  'friend.add',
  'friend.applications',
  'friend.accept',
  'friend.refuse',
  'friend.list',
  'friend.setRemark',
  'friend.delete',
  'friend.check',
  'black.add',
  'black.remove',
  'black.list',
  'group.create',
  'group.info',
  'group.joined',
  'group.setInfo',
  'group.join',
  'group.applications',
  'group.acceptApplication',
  'group.refuseApplication',
  'group.invite',
  'group.kick',
  'group.quit',
  'group.dismiss',
  'group.transferOwner',
  'group.setMemberRole',
  'group.mute',
  'group.muteMember',
  'group.members',
  'group.membersInfo',
  'group.setMemberNickname',
  'conversation.pin',
  'conversation.setRecvMsgOpt',
  'conversation.delete',
  'conversation.clearHistory',
  'conversation.markAllRead',
];
