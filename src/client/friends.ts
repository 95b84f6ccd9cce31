import type { BlackInfo, FriendApplication, FriendCheckResult, FriendInfo } from '../model/social.js';
import type { SessionContext } from './context.js';
import { requireID, requireIDList, requireObject, serverCall } from './social-call.js';

/** Friends and the blacklist (OpenIM `addFriend`, `acceptFriendApplication`, `addBlack`, …). */
export class Friends {
  constructor(private readonly s: SessionContext) {}

  async addFriend(params: { toUserID: string; reqMsg?: string }): Promise<FriendApplication> {
    requireObject(params, 'params');
    const { application } = await serverCall(this.s, 'friend.add', { toUserID: requireID(params.toUserID, 'toUserID'), reqMsg: params.reqMsg ?? '' });
    return application;
  }

  async applications(as: 'recipient' | 'applicant'): Promise<FriendApplication[]> {
    return (await serverCall(this.s, 'friend.applications', { as })).applications;
  }

  async accept(params: { toUserID: string; handleMsg?: string }): Promise<FriendApplication> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'friend.accept', { toUserID: requireID(params.toUserID, 'toUserID'), handleMsg: params.handleMsg ?? '' })).application;
  }

  async refuse(params: { toUserID: string; handleMsg?: string }): Promise<FriendApplication> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'friend.refuse', { toUserID: requireID(params.toUserID, 'toUserID'), handleMsg: params.handleMsg ?? '' })).application;
  }

  async list(): Promise<FriendInfo[]> {
    return (await serverCall(this.s, 'friend.list', {})).friends;
  }

  async setRemark(params: { toUserID: string; remark: string }): Promise<FriendInfo> {
    requireObject(params, 'params');
    return (await serverCall(this.s, 'friend.setRemark', { toUserID: requireID(params.toUserID, 'toUserID'), remark: String(params.remark ?? '') })).friend;
  }

  async delete(userID: string): Promise<void> {
    await serverCall(this.s, 'friend.delete', { friendUserID: requireID(userID, 'friendUserID') });
  }

  async check(userIDList: string[]): Promise<FriendCheckResult[]> {
    return (await serverCall(this.s, 'friend.check', { userIDList: requireIDList(userIDList, 'userIDList') })).results;
  }

  async addBlack(userID: string): Promise<BlackInfo> {
    return (await serverCall(this.s, 'black.add', { toUserID: requireID(userID, 'toUserID') })).black;
  }

  async removeBlack(userID: string): Promise<void> {
    await serverCall(this.s, 'black.remove', { toUserID: requireID(userID, 'toUserID') });
  }

  async blackList(): Promise<BlackInfo[]> {
    return (await serverCall(this.s, 'black.list', {})).blacks;
  }
}
