import type { GroupInfo, GroupMemberInfo, UserInfo } from '../model/types.js';
import type { BlackInfo, FriendApplication, FriendInfo, GroupApplication, UserSettings } from '../model/social.js';

/**
 * Logged pushes of the social graph and of conversation management. `kind`
 * names what happened; the client turns each into the OpenIM listener event
 * (e.g. `friend.application` + `accepted` → `onFriendApplicationAccepted`).
 */
export type SocialPushEvent =
  /** A profile changed: one's own (→ onSelfInfoUpdated) or a friend's (→ onFriendInfoChanged, with `friend`). */
  | { push: 'user.updated'; data: { user: UserInfo; friend?: FriendInfo } }
  | { push: 'user.settings'; data: { settings: UserSettings } }
  | { push: 'friend.application'; data: { kind: 'added' | 'accepted' | 'rejected' | 'deleted'; application: FriendApplication } }
  | { push: 'friend.changed'; data: { kind: 'added' | 'deleted' | 'info'; friend: FriendInfo } }
  | { push: 'black.changed'; data: { kind: 'added' | 'deleted'; black: BlackInfo } }
  /** joined → onJoinedGroupAdded, left → onJoinedGroupDeleted, info → onGroupInfoChanged, dismissed → onGroupDismissed. */
  | { push: 'group.changed'; data: { kind: 'joined' | 'left' | 'info' | 'dismissed'; group: GroupInfo } }
  | { push: 'group.member'; data: { kind: 'added' | 'deleted' | 'info'; member: GroupMemberInfo } }
  | { push: 'group.application'; data: { kind: 'added' | 'accepted' | 'rejected'; application: GroupApplication } }
  /** The user deleted (hid) a conversation; `deleteMessages` when its history went too. */
  | { push: 'conversation.deleted'; data: { conversationID: string; deleteMessages: boolean } }
  /** The user cleared a conversation's history: messages with `seq <= clearedSeq` are gone for them. */
  | { push: 'conversation.cleared'; data: { conversationID: string; clearedSeq: number } };

export type SocialPushName = SocialPushEvent['push'];
