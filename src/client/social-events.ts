import type { BlackInfo, FriendApplication, FriendInfo, GroupApplication, UserSettings } from '../model/social.js';
import type { GroupInfo, GroupMemberInfo } from '../model/types.js';

/**
 * Events of the social graph and conversation management (merged into ImEvents).
 * Names are OpenIM's `OnFriendshipListener` / `OnGroupListener` callbacks; the
 * ones the reference lacks are marked imkit.
 */
export type SocialEvents = {
  onFriendApplicationAdded: FriendApplication;
  onFriendApplicationDeleted: FriendApplication;
  onFriendApplicationAccepted: FriendApplication;
  onFriendApplicationRejected: FriendApplication;
  onFriendAdded: FriendInfo;
  onFriendDeleted: FriendInfo;
  /** A friend's profile or my remark for them changed. */
  onFriendInfoChanged: FriendInfo;
  onBlackAdded: BlackInfo;
  onBlackDeleted: BlackInfo;
  /** I joined a group: created, invited or approved. */
  onJoinedGroupAdded: GroupInfo;
  /** I left a group: quit or kicked. */
  onJoinedGroupDeleted: GroupInfo;
  onGroupInfoChanged: GroupInfo;
  /** imkit: the owner dismissed a group I was in. */
  onGroupDismissed: GroupInfo;
  onGroupMemberAdded: GroupMemberInfo;
  onGroupMemberDeleted: GroupMemberInfo;
  onGroupMemberInfoChanged: GroupMemberInfo;
  onGroupApplicationAdded: GroupApplication;
  onGroupApplicationAccepted: GroupApplication;
  onGroupApplicationRejected: GroupApplication;
  /** imkit: a conversation was deleted (hidden) on one of my devices. */
  onConversationDeleted: { conversationID: string; deleteMessages: boolean };
  /** imkit: a conversation's history was cleared on one of my devices. */
  onConversationHistoryCleared: { conversationID: string; clearedSeq: number };
  /** imkit: the global receive option or quiet hours changed. */
  onUserSettingsChanged: UserSettings;
};
