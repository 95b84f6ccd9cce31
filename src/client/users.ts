import type { SelfInfoUpdate, UserSettings } from '../model/social.js';
import type { UserInfo } from '../model/types.js';
import { ID_PATTERN } from '../model/conversation-id.js';
import { ErrorCode, ImError } from '../protocol/errors.js';
import { Limits } from '../protocol/limits.js';
import { SETTINGS_KEY } from '../sync/social-pushes.js';
import type { SessionContext } from './context.js';
import { requireObject, serverCall } from './social-call.js';

const DEFAULT_SETTINGS: UserSettings = { globalRecvMsgOpt: 0, quietStart: '', quietEnd: '' };

/** Profiles and per-user settings (global receive option, quiet hours), under the client's method names (ImClient hands those calls here). */
export class Users {
  // Profile edits from other devices (onSelfInfoUpdated) are followed by the client itself:
  // this module loads only when one of its methods is first called.
  constructor(
    private readonly s: SessionContext,
    private readonly setSelf: (u: UserInfo) => void,
  ) {}

  /** Profiles from the server when online (and cached), else from the cache. */
  async getUsersInfo(userIDList: string[]): Promise<UserInfo[]> {
    if (!Array.isArray(userIDList) || userIDList.length > Limits.maxUserLookup || !userIDList.every((id) => typeof id === 'string' && ID_PATTERN.test(id))) {
      throw new ImError(ErrorCode.InvalidArgument, `userIDList must be an array of at most ${Limits.maxUserLookup} valid user IDs.`);
    }
    if (this.s.isOnline()) {
      try {
        const { users } = await this.s.connection.request('user.get', { userIDList });
        await this.s.cache.putUsers(users);
        return users;
      } catch (error) {
        if (!(error instanceof ImError) || (error.code !== ErrorCode.NetworkError && error.code !== ErrorCode.Timeout)) throw error;
      }
    }
    return this.s.cache.getUsers(userIDList);
  }

  /** Edits my profile; only the given fields change. My other devices get onSelfInfoUpdated, my friends onFriendInfoChanged. */
  async setSelfInfo(info: SelfInfoUpdate): Promise<UserInfo> {
    requireObject(info, 'info');
    const { user } = await serverCall(this.s, 'user.setSelfInfo', info);
    this.setSelf(user);
    await this.s.cache.putUsers([user]);
    return user;
  }

  /** Settings from the cache at once; the server's copy when online. */
  async getUserSettings(): Promise<UserSettings> {
    if (this.s.isOnline()) {
      try {
        const { settings } = await serverCall(this.s, 'user.getSettings', {});
        await this.s.cache.setMeta(SETTINGS_KEY, settings);
        return settings;
      } catch (error) {
        if (!(error instanceof ImError) || (error.code !== ErrorCode.NetworkError && error.code !== ErrorCode.Timeout)) throw error;
      }
    }
    return (await this.s.cache.getMeta<UserSettings>(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
  }

  setGlobalRecvMessageOpt(opt: number): Promise<UserSettings> {
    return this.setSettings({ globalRecvMsgOpt: opt });
  }

  /** "HH:MM" local times; two empty strings turn quiet hours off. */
  setQuietHours(quietStart: string, quietEnd: string): Promise<UserSettings> {
    return this.setSettings({ quietStart, quietEnd });
  }

  private async setSettings(patch: Partial<UserSettings>): Promise<UserSettings> {
    const { settings } = await serverCall(this.s, 'user.setSettings', requireObject(patch, 'settings'));
    await this.s.cache.setMeta(SETTINGS_KEY, settings);
    return settings;
  }
}
