import type { GroupApplication, GroupBaseInfo, GroupInfoUpdate, UserResult } from '../model/social.js';
import type { GroupInfo, GroupMemberInfo } from '../model/types.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import type { SessionContext } from './context.js';
import { requireID, requireIDList, requireObject, serverCall } from './social-call.js';

export interface CreateGroupParams {
  groupInfo: GroupBaseInfo;
  /** Initial members besides me (I become the owner). */
  memberUserIDs: string[];
  /** Initial members who start as admins. */
  adminUserIDs?: string[];
}

export interface GroupMemberListParams {
  groupID: string;
  /** GroupMemberFilter: 0 all, 1 owner, 2 admins, 3 ordinary members, 4 admins and owner, 5 muted. */
  filter?: number;
  offset?: number;
  count?: number;
}

/** Groups: lifecycle, roles, moderation, applications (OpenIM v3 JS names and shapes: ImClient hands those calls here). */
export class Groups {
  constructor(private readonly s: SessionContext) {}

  async createGroup(params: CreateGroupParams): Promise<GroupInfo> {
    requireObject(params, 'params');
    requireObject(params.groupInfo, 'groupInfo');
    if (typeof params.groupInfo.groupName !== 'string' || !params.groupInfo.groupName.trim()) {
      throw new ImError(ErrorCode.InvalidArgument, 'groupInfo.groupName is required.');
    }
    const members = Array.isArray(params.memberUserIDs) ? params.memberUserIDs.map((u, i) => requireID(u, `memberUserIDs[${i}]`)) : [];
    const { group } = await serverCall(this.s, 'group.create', {
      ...params.groupInfo,
      memberUserIDs: members,
      ...(params.adminUserIDs?.length ? { adminUserIDs: params.adminUserIDs } : {}),
    });
    return group;
  }

  async getSpecifiedGroupsInfo(groupIDList: string[]): Promise<GroupInfo[]> {
    return (await serverCall(this.s, 'group.info', { groupIDList: requireIDList(groupIDList, 'groupIDList') })).groups;
  }

  async getJoinedGroupList(): Promise<GroupInfo[]> {
    return (await serverCall(this.s, 'group.joined', {})).groups;
  }

  async setGroupInfo(params: GroupInfoUpdate & { groupID: string }): Promise<GroupInfo> {
    requireObject(params, 'params');
    requireID(params.groupID, 'groupID');
    return (await serverCall(this.s, 'group.setInfo', params)).group;
  }

  async joinGroup(params: { groupID: string; reqMsg?: string }): Promise<{ joined: boolean; application?: GroupApplication }> {
    requireObject(params, 'params');
    return serverCall(this.s, 'group.join', { groupID: requireID(params.groupID, 'groupID'), reqMsg: params.reqMsg ?? '' });
  }

  getGroupApplicationListAsRecipient(): Promise<GroupApplication[]> {
    return this.applications('recipient');
  }

  getGroupApplicationListAsApplicant(): Promise<GroupApplication[]> {
    return this.applications('applicant');
  }

  private async applications(as: 'recipient' | 'applicant'): Promise<GroupApplication[]> {
    return (await serverCall(this.s, 'group.applications', { as })).applications;
  }

  acceptGroupApplication(params: { groupID: string; fromUserID: string; handleMsg?: string }): Promise<GroupApplication> {
    return this.handleApplication(params, true);
  }

  refuseGroupApplication(params: { groupID: string; fromUserID: string; handleMsg?: string }): Promise<GroupApplication> {
    return this.handleApplication(params, false);
  }

  private async handleApplication(params: { groupID: string; fromUserID: string; handleMsg?: string }, accept: boolean): Promise<GroupApplication> {
    requireObject(params, 'params');
    const data = { groupID: requireID(params.groupID, 'groupID'), fromUserID: requireID(params.fromUserID, 'fromUserID'), handleMsg: params.handleMsg ?? '' };
    return (await serverCall(this.s, accept ? 'group.acceptApplication' : 'group.refuseApplication', data)).application;
  }

  async inviteUserToGroup(params: { groupID: string; userIDList: string[]; reason?: string }): Promise<UserResult[]> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'group.invite', { groupID: requireID(params.groupID, 'groupID'), userIDList: requireIDList(params.userIDList, 'userIDList'), reason: params.reason ?? '' })).results;
  }

  async kickGroupMember(params: { groupID: string; userIDList: string[]; reason?: string }): Promise<UserResult[]> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'group.kick', { groupID: requireID(params.groupID, 'groupID'), userIDList: requireIDList(params.userIDList, 'userIDList'), reason: params.reason ?? '' })).results;
  }

  async quitGroup(groupID: string): Promise<void> {
    await serverCall(this.s, 'group.quit', { groupID: requireID(groupID, 'groupID') });
  }

  async dismissGroup(groupID: string): Promise<void> {
    await serverCall(this.s, 'group.dismiss', { groupID: requireID(groupID, 'groupID') });
  }

  async transferGroupOwner(params: { groupID: string; newOwnerUserID: string }): Promise<GroupInfo> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'group.transferOwner', { groupID: requireID(params.groupID, 'groupID'), newOwnerUserID: requireID(params.newOwnerUserID, 'newOwnerUserID') })).group;
  }

  async setGroupMemberRoleLevel(params: { groupID: string; userID: string; roleLevel: number }): Promise<GroupMemberInfo> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'group.setMemberRole', { groupID: requireID(params.groupID, 'groupID'), userID: requireID(params.userID, 'userID'), roleLevel: params.roleLevel })).member;
  }

  async changeGroupMute(params: { groupID: string; isMute: boolean }): Promise<GroupInfo> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'group.mute', { groupID: requireID(params.groupID, 'groupID'), isMute: !!params.isMute })).group;
  }

  async changeGroupMemberMute(params: { groupID: string; userID: string; mutedSeconds: number }): Promise<GroupMemberInfo> {
    requireObject(params, 'params');
    const seconds = Math.max(0, Math.floor(Number(params.mutedSeconds) || 0));
    return (await serverCall(this.s, 'group.muteMember', { groupID: requireID(params.groupID, 'groupID'), userID: requireID(params.userID, 'userID'), mutedSeconds: seconds })).member;
  }

  async getGroupMemberList(params: GroupMemberListParams): Promise<GroupMemberInfo[]> {
    return (await this.getGroupMemberListPage(params)).members;
  }

  async getGroupMemberListPage(params: GroupMemberListParams): Promise<{ members: GroupMemberInfo[]; total: number }> {
    requireObject(params, 'params');
    return serverCall(this.s, 'group.members', {
      groupID: requireID(params.groupID, 'groupID'),
      filter: params.filter ?? 0,
      offset: params.offset ?? 0,
      count: params.count ?? 100,
    });
  }

  async getSpecifiedGroupMembersInfo(params: { groupID: string; userIDList: string[] }): Promise<GroupMemberInfo[]> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'group.membersInfo', { groupID: requireID(params.groupID, 'groupID'), userIDList: requireIDList(params.userIDList, 'userIDList') })).members;
  }

  async setGroupMemberNickname(params: { groupID: string; userID: string; groupMemberNickname: string }): Promise<GroupMemberInfo> {
    requireObject(params, 'params');
    return (
      await serverCall(this.s, 'group.setMemberNickname', {
        groupID: requireID(params.groupID, 'groupID'),
        userID: requireID(params.userID, 'userID'),
        nickname: String(params.groupMemberNickname ?? ''),
      })
    ).member;
  }
}
