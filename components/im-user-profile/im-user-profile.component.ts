import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import type { FriendInfo, SelfInfoUpdate } from '../../src/model/social.js';
import type { UserInfo } from '../../src/model/types.js';
import type { ImTheme } from '../context.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
// Installs the English social table (not part of a list+chat page).
import '../i18n/social-strings.js';
import { avatar } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-user-profile.styles.js';

export interface ImOpenConversationDetail {
  conversationID: string;
  userID?: string;
  groupID?: string;
}

const dateInput = (ms: number | undefined) => (ms ? new Date(ms).toISOString().slice(0, 10) : '');

/**
 * @summary A user's profile: one's own (editable) or someone else's, with the friendship around it.
 *
 * For oneself (`user-id` empty or the logged-in user): name, avatar URL, gender,
 * birthday, email and "about", editable with Edit/Save (`setSelfInfo`). For others:
 * the profile, and by relationship — friend: remark, Message, Remove friend;
 * not a friend: Add friend with a message; always Block/Unblock. Follows the
 * client's events, so changes made elsewhere (another device, the other side) show at once.
 *
 * @event im-open-conversation - "Message" was pressed. `detail: { conversationID, userID }`.
 * @event im-profile-saved - One's own profile was saved. `detail: { user }`.
 *
 * @csspart base - The wrapper.
 * @csspart card - Avatar, name, ID and "about".
 * @csspart name - The display name.
 * @csspart user-id - The user ID.
 * @csspart signature - The "about" line.
 * @csspart details - The list of profile fields.
 * @csspart actions - The buttons (`message-button`, `add-button`, `remove-button`, `block-button`, `edit-button`).
 * @csspart form - The edit form (own profile) or the request form.
 * @csspart notice - Status and error lines.
 * @csspart loading - Shown while loading.
 * @csspart error - Shown when the user cannot be loaded.
 * @csspart message-button - Opens the one-to-one chat.
 * @csspart add-button - Opens the friend-request form.
 * @csspart remove-button - Removes the friend.
 * @csspart block-button - Blocks or unblocks.
 * @csspart edit-button - Edits one’s own profile.
 * @csspart save-button - Saves the edit form.
 * @csspart remark - The remark input (friends).
 * @csspart field - Each input and select of the edit and request forms.
 * @csspart cancel-button - Leaves the edit form.
 * @csspart send-request-button - Sends the friend request.
 *
 * @cssprop --im-color-accent - Primary buttons.
 */
export class ImUserProfile extends LitElement {
  static override styles = styles;
  /**
   * Lit's reactive properties: the public ones (attributes unless `attribute: false`), then
   * internal state (`state: true`: re-renders, never an attribute). Declared here rather than
   * with decorators, whose helpers and per-field calls every page would download.
   */
  static override properties = {
    client: { attribute: false },
    theme: { reflect: true },
    locale: { reflect: true },
    userId: { attribute: 'user-id' },
    strings: { attribute: false },
    user: { state: true },
    friend: { state: true },
    blocked: { state: true },
    loading: { state: true },
    error: { state: true },
    notice: { state: true },
    editing: { state: true },
    requesting: { state: true },
    busy: { state: true },
    selfID: { state: true },
  };

  client: ImClientApi | undefined;
  theme: ImTheme | undefined;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;
  /** Whose profile; empty means the logged-in user. */
  userId = '';
  strings: Partial<ImSocialStrings> | undefined;

  private user: UserInfo | null = null;
  private friend: FriendInfo | null = null;
  private blocked = false;
  private loading = false;
  private error: string | null = null;
  private notice: { kind: 'info' | 'error'; text: string } | null = null;
  private editing = false;
  private requesting = false;
  private busy = false;
  private selfID = '';

  private generation = 0;

  private readonly clients = new ClientController(this, {
    handlers: {
      onSelfInfoUpdated: (u) => {
        if (this.isSelf && u.userID === this.targetID) this.user = u;
      },
      onFriendAdded: (f) => this.ifMine(f.userID),
      onFriendDeleted: (f) => this.ifMine(f.userID),
      onFriendInfoChanged: (f) => this.ifMine(f.userID),
      onBlackAdded: (b) => this.ifMine(b.userID),
      onBlackDeleted: (b) => this.ifMine(b.userID),
      onFriendApplicationAccepted: (a) => this.ifMine(a.fromUserID === this.selfID ? a.toUserID : a.fromUserID),
      onLoginStatusChanged: () => void this.load(),
    },
    attached: () => void this.load(),
  });
  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  private get s(): ImSocialStrings {
    return this.i18n.social(this.strings);
  }

  private get targetID(): string {
    return this.userId || this.selfID;
  }

  private get isSelf(): boolean {
    return !!this.selfID && this.targetID === this.selfID;
  }

  private ifMine(userID: string): void {
    if (userID === this.targetID) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('userId') && changed.get('userId') !== undefined) {
      this.editing = false;
      this.requesting = false;
      this.notice = null;
      void this.load();
    }
  }

  /** Reloads the profile and the relationship. */
  async load(): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    const gen = ++this.generation;
    try {
      this.selfID = client.getLoginUserID();
    } catch {
      this.selfID = '';
    }
    if (!this.targetID) return;
    this.loading = !this.user || this.user.userID !== this.targetID;
    this.error = null;
    try {
      if (this.isSelf) {
        const self = await client.getSelfUserInfo();
        const [fresh] = await client.getUsersInfo([this.targetID]).catch(() => [self]);
        if (gen !== this.generation) return;
        this.user = fresh ?? self;
        this.friend = null;
        this.blocked = false;
      } else {
        const [users, friends, blacks] = await Promise.all([
          client.getUsersInfo([this.targetID]),
          client.getFriendList().catch(() => [] as FriendInfo[]),
          client.getBlackList().catch(() => []),
        ]);
        if (gen !== this.generation) return;
        this.user = users[0] ?? null;
        if (!this.user) this.error = this.s.userNotFound;
        this.friend = friends.find((f) => f.userID === this.targetID) ?? null;
        this.blocked = blacks.some((b) => b.userID === this.targetID);
      }
    } catch (err) {
      if (gen !== this.generation) return;
      const e = err as { code?: number; message?: string };
      if (e.code === 2001) return; // not logged in yet
      this.error = e.message ?? String(err);
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }

  private async run(task: () => Promise<unknown>, done?: string): Promise<boolean> {
    this.busy = true;
    try {
      await task();
      this.notice = done ? { kind: 'info', text: done } : null;
      return true;
    } catch (err) {
      this.notice = { kind: 'error', text: (err as Error).message };
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.clients.client;
    if (!client) return;
    const f = new FormData(event.target as HTMLFormElement);
    const birth = String(f.get('birth') ?? '');
    const info: SelfInfoUpdate = {
      nickname: String(f.get('nickname') ?? '').trim() || this.targetID,
      faceURL: String(f.get('faceURL') ?? '').trim(),
      gender: Number(f.get('gender') ?? 0),
      birth: birth ? Date.parse(birth) : 0,
      email: String(f.get('email') ?? '').trim(),
      signature: String(f.get('signature') ?? '').trim(),
    };
    let saved: UserInfo | null = null;
    if (await this.run(async () => (saved = await client.setSelfInfo(info)))) {
      this.user = saved;
      this.editing = false;
      this.dispatchEvent(new CustomEvent('im-profile-saved', { detail: { user: saved }, bubbles: true, composed: true }));
    }
  }

  private async sendRequest(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.clients.client;
    if (!client) return;
    const reqMsg = String(new FormData(event.target as HTMLFormElement).get('reqMsg') ?? '');
    if (await this.run(() => client.addFriend({ toUserID: this.targetID, reqMsg }), this.s.requestSent)) this.requesting = false;
  }

  private async saveRemark(event: Event): Promise<void> {
    const client = this.clients.client;
    const remark = (event.target as HTMLInputElement).value.trim();
    if (!client || !this.friend || remark === this.friend.remark) return;
    await this.run(() => client.setFriendRemark({ toUserID: this.targetID, remark }));
  }

  private openConversation(): void {
    if (!this.selfID) return;
    this.dispatchEvent(
      new CustomEvent<ImOpenConversationDetail>('im-open-conversation', {
        detail: { conversationID: singleConversationID(this.selfID, this.targetID), userID: this.targetID },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private renderEdit(u: UserInfo): TemplateResult {
    const s = this.s;
    return html`<form part="form" @submit=${this.save}>
      <label class="field">${s.nickname}<input part="field" name="nickname" required maxlength="64" .value=${u.nickname} /></label>
      <label class="field">${s.avatarURL}<input part="field" name="faceURL" type="url" maxlength="1024" .value=${u.faceURL} placeholder="https://…" /></label>
      <label class="field">${s.signature}<input part="field" name="signature" maxlength="200" .value=${u.signature ?? ''} /></label>
      <label class="field">${s.gender}
        <select part="field" name="gender">
          ${s.genders.map((g, i) => html`<option value=${i} ?selected=${(u.gender ?? 0) === i}>${g}</option>`)}
        </select>
      </label>
      <label class="field">${s.birthday}<input part="field" name="birth" type="date" .value=${dateInput(u.birth)} /></label>
      <label class="field">${s.email}<input part="field" name="email" type="email" maxlength="254" .value=${u.email ?? ''} /></label>
      <div part="actions">
        <button part="cancel-button" class="btn" type="button" @click=${() => (this.editing = false)}>${s.cancel}</button>
        <button part="save-button" class="btn primary" type="submit" ?disabled=${this.busy}>${s.save}</button>
      </div>
    </form>`;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const u = this.user;
    if (this.error && !u) return html`<div part="base"><div part="error" role="alert">${this.error}</div></div>`;
    if (!u || this.loading) return html`<div part="base"><div part="loading" aria-busy="true"><span class="spinner"></span></div></div>`;
    const name = this.friend?.remark || u.nickname || u.userID;
    const details: Array<[string, string]> = [];
    if (u.gender) details.push([s.gender, s.genders[u.gender] ?? '']);
    if (u.birth) details.push([s.birthday, this.i18n.date(new Date(u.birth).getTime(), 'UTC')]);
    if (u.email) details.push([s.email, u.email]);
    if (this.friend?.remark) details.push([s.nickname, u.nickname]);
    return html`<div part="base"><div class="scroll">
      <div part="card">
        ${avatar({ id: u.userID, name: u.nickname || u.userID, faceURL: u.faceURL, size: 72 })}
        <h2 part="name">${name}</h2>
        <span part="user-id">${u.userID}</span>
        <span class="tags">
          ${this.isSelf ? html`<span class="role">${s.you}</span>` : nothing}
          ${this.friend ? html`<span class="role admin">${s.isFriend}</span>` : nothing}
          ${this.blocked ? html`<span class="role">${s.blocked}</span>` : nothing}
        </span>
        ${u.signature ? html`<span part="signature">${u.signature}</span>` : nothing}
      </div>
      ${this.editing
        ? this.renderEdit(u)
        : html`${details.length ? html`<dl part="details">${details.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : nothing}
            ${this.friend
              ? html`<label class="field">${s.remark}<input part="remark" maxlength="64" .value=${this.friend.remark} @change=${this.saveRemark} /></label>`
              : nothing}
            ${this.requesting
              ? html`<form part="form" class="inline" @submit=${this.sendRequest}>
                  <input part="field" name="reqMsg" maxlength="500" placeholder=${s.requestMessage} aria-label=${s.requestMessage} />
                  <button part="send-request-button" class="btn primary" type="submit" ?disabled=${this.busy}>${s.sendRequest}</button>
                </form>`
              : nothing}
            <div part="actions">
              ${this.isSelf
                ? html`<button part="edit-button" class="btn" type="button" @click=${() => (this.editing = true)}>${s.edit}</button>`
                : html`<button part="message-button" class="btn primary" type="button" @click=${this.openConversation}>${s.sendMessage}</button>
                    ${this.friend
                      ? html`<button part="remove-button" class="btn danger" type="button" ?disabled=${this.busy}
                          @click=${() => void this.run(() => this.clients.client!.deleteFriend(this.targetID))}>${s.deleteFriend}</button>`
                      : this.requesting
                        ? nothing
                        : html`<button part="add-button" class="btn" type="button" ?disabled=${this.blocked} @click=${() => (this.requesting = true)}>${s.addFriend}</button>`}
                    <button part="block-button" class="btn ${this.blocked ? '' : 'danger'}" type="button" ?disabled=${this.busy}
                      @click=${() => void this.run(() => (this.blocked ? this.clients.client!.removeBlack(this.targetID) : this.clients.client!.addBlack(this.targetID)))}>
                      ${this.blocked ? s.unblock : s.block}
                    </button>`}
            </div>`}
      ${this.notice ? html`<div part="notice" data-kind=${this.notice.kind} role=${this.notice.kind === 'error' ? 'alert' : 'status'}>${this.notice.text}</div>` : nothing}
    </div></div>`;
  }
}
