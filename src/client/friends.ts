import type { BlackInfo, FriendApplication, FriendCheckResult, FriendInfo } from '../model/social.js';
import type { SessionContext } from './context.js';
import { requireID, requireIDList, requireObject, serverCall } from './social-call.js';

/** Friends and the blacklist, under the client's (OpenIM) method names: ImClient hands those calls here. */
export class Friends {
  constructor(private readonly s: SessionContext) {}

  async addFriend(params: { toUserID: string; reqMsg?: string }): Promise<FriendApplication> {
    requireObject(params, 'params');
    const { application } = await serverCall(this.s, 'friend.add', { toUserID: requireID(params.toUserID, 'toUserID'), reqMsg: params.reqMsg ?? '' });
    return application;
  }

  getFriendApplicationListAsRecipient(): Promise<FriendApplication[]> {
    return this.applications('recipient');
  }

  getFriendApplicationListAsApplicant(): Promise<FriendApplication[]> {
    return this.applications('applicant');
  }

  private async applications(as: 'recipient' | 'applicant'): Promise<FriendApplication[]> {
    return (await serverCall(this.s, 'friend.applications', { as })).applications;
  }

  async acceptFriendApplication(params: { toUserID: string; handleMsg?: string }): Promise<FriendApplication> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'friend.accept', { toUserID: requireID(params.toUserID, 'toUserID'), handleMsg: params.handleMsg ?? '' })).application;
  }

  async refuseFriendApplication(params: { toUserID: string; handleMsg?: string }): Promise<FriendApplication> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'friend.refuse', { toUserID: requireID(params.toUserID, 'toUserID'), handleMsg: params.handleMsg ?? '' })).application;
  }

  async getFriendList(): Promise<FriendInfo[]> {
    return (await serverCall(this.s, 'friend.list', {})).friends;
  }

  async setFriendRemark(params: { toUserID: string; remark: string }): Promise<FriendInfo> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'friend.setRemark', { toUserID: requireID(params.toUserID, 'toUserID'), remark: String(params.remark ?? '') })).friend;
  }

  async deleteFriend(userID: string): Promise<void> {
    await serverCall(this.s, 'friend.delete', { friendUserID: requireID(userID, 'friendUserID') });
  }

  async checkFriend(userIDList: string[]): Promise<FriendCheckResult[]> {
    return (await serverCall(this.s, 'friend.check', { userIDList: requireIDList(userIDList, 'userIDList') })).results;
  }

  async addBlack(userID: string): Promise<BlackInfo> {
    return (await serverCall(this.s, 'black.add', { toUserID: requireID(userID, 'toUserID') })).black;
  }

  async removeBlack(userID: string): Promise<void> {
    await serverCall(this.s, 'black.remove', { toUserID: requireID(userID, 'toUserID') });
  }

  async getBlackList(): Promise<BlackInfo[]> {
    return (await serverCall(this.s, 'black.list', {})).blacks;
  }
}
