import type {
  BlackInfo,
  FriendApplication,
  FriendCheckResult,
  FriendInfo,
  GroupApplication,
  GroupInfoUpdate,
  SelfInfoUpdate,
  UserResult,
  UserSettings,
} from '../model/social.js';
import type { ConversationItem, GroupInfo, GroupMemberInfo, UserInfo } from '../model/types.js';
import type { CreateGroupParams, GroupMemberListParams } from './groups.js';

/**
 * Profiles, friends, blacklist, groups and conversation management, with the
 * OpenIM v3 JS SDK's method names and parameter objects. Everything here needs
 * the server: offline, these reject with NetworkError (2003).
 */
export interface SocialApi {
  // users
  setSelfInfo(info: SelfInfoUpdate): Promise<UserInfo>;
  /** imkit: the global receive option and quiet hours (kept on the server, shared by my devices). */
  getUserSettings(): Promise<UserSettings>;
  setGlobalRecvMessageOpt(opt: number): Promise<UserSettings>;
  /** imkit: "HH:MM" local times; two empty strings turn quiet hours off. */
  setQuietHours(quietStart: string, quietEnd: string): Promise<UserSettings>;

  // friends and blacklist
  addFriend(params: { toUserID: string; reqMsg?: string }): Promise<FriendApplication>;
  getFriendApplicationListAsRecipient(): Promise<FriendApplication[]>;
  getFriendApplicationListAsApplicant(): Promise<FriendApplication[]>;
  acceptFriendApplication(params: { toUserID: string; handleMsg?: string }): Promise<FriendApplication>;
  refuseFriendApplication(params: { toUserID: string; handleMsg?: string }): Promise<FriendApplication>;
  getFriendList(): Promise<FriendInfo[]>;
  setFriendRemark(params: { toUserID: string; remark: string }): Promise<FriendInfo>;
  deleteFriend(userID: string): Promise<void>;
  checkFriend(userIDList: string[]): Promise<FriendCheckResult[]>;
  addBlack(userID: string): Promise<BlackInfo>;
  removeBlack(userID: string): Promise<void>;
  getBlackList(): Promise<BlackInfo[]>;

  // groups
  createGroup(params: CreateGroupParams): Promise<GroupInfo>;
  getSpecifiedGroupsInfo(groupIDList: string[]): Promise<GroupInfo[]>;
  getJoinedGroupList(): Promise<GroupInfo[]>;
  setGroupInfo(params: GroupInfoUpdate & { groupID: string }): Promise<GroupInfo>;
  joinGroup(params: { groupID: string; reqMsg?: string }): Promise<{ joined: boolean; application?: GroupApplication }>;
  getGroupApplicationListAsRecipient(): Promise<GroupApplication[]>;
  getGroupApplicationListAsApplicant(): Promise<GroupApplication[]>;
  acceptGroupApplication(params: { groupID: string; fromUserID: string; handleMsg?: string }): Promise<GroupApplication>;
  refuseGroupApplication(params: { groupID: string; fromUserID: string; handleMsg?: string }): Promise<GroupApplication>;
  inviteUserToGroup(params: { groupID: string; userIDList: string[]; reason?: string }): Promise<UserResult[]>;
  kickGroupMember(params: { groupID: string; userIDList: string[]; reason?: string }): Promise<UserResult[]>;
  quitGroup(groupID: string): Promise<void>;
  dismissGroup(groupID: string): Promise<void>;
  transferGroupOwner(params: { groupID: string; newOwnerUserID: string }): Promise<GroupInfo>;
  setGroupMemberRoleLevel(params: { groupID: string; userID: string; roleLevel: number }): Promise<GroupMemberInfo>;
  changeGroupMute(params: { groupID: string; isMute: boolean }): Promise<GroupInfo>;
  changeGroupMemberMute(params: { groupID: string; userID: string; mutedSeconds: number }): Promise<GroupMemberInfo>;
  getGroupMemberList(params: GroupMemberListParams): Promise<GroupMemberInfo[]>;
  /** imkit: the page and the total count for the filter. */
  getGroupMemberListPage(params: GroupMemberListParams): Promise<{ members: GroupMemberInfo[]; total: number }>;
  getSpecifiedGroupMembersInfo(params: { groupID: string; userIDList: string[] }): Promise<GroupMemberInfo[]>;
  setGroupMemberNickname(params: { groupID: string; userID: string; groupMemberNickname: string }): Promise<GroupMemberInfo>;

  // conversation management
  pinConversation(params: { conversationID: string; isPinned: boolean }): Promise<ConversationItem>;
  setConversationRecvMessageOpt(params: { conversationID: string; opt: number }): Promise<ConversationItem>;
  /** Removes the conversation from the list until its next message; its messages stay. */
  hideConversation(conversationID: string): Promise<void>;
  /** Removes the conversation and its messages (for me). */
  deleteConversationAndDeleteAllMsg(conversationID: string): Promise<void>;
  /** Deletes the messages (for me); the conversation stays. */
  clearConversationAndDeleteAllMsg(conversationID: string): Promise<ConversationItem>;
  markAllConversationMessageAsRead(): Promise<void>;
}
