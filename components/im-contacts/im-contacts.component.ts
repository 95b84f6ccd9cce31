import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import { groupConversationID, singleConversationID } from '../../src/model/conversation-id.js';
import { ApplicationResult, type BlackInfo, type FriendApplication, type FriendInfo, type GroupApplication } from '../../src/model/social.js';
import type { GroupInfo } from '../../src/model/types.js';
import type { ImTheme } from '../context.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
// Installs the English social table (not part of a list+chat page).
import '../i18n/social-strings.js';
import { avatar } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { userPlusIcon, usersIcon } from '../shared/social-icons.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ThemeController } from '../shared/theme-controller.js';
import type { ImMembersPickedDetail } from '../im-member-picker/im-member-picker.component.js';
import styles from './im-contacts.styles.js';

export type ImContactsTab = 'friends' | 'requests' | 'groups' | 'blacklist';
const TABS: ImContactsTab[] = ['friends', 'requests', 'groups', 'blacklist'];

/**
 * @summary The social side of the user: friends, friend and join requests, groups, blocked users.
 *
 * Four tabs (ArrowLeft/ArrowRight move between them): Friends (click one to see
 * them, "Message" to chat), New requests (received friend requests to accept or
 * decline, requests I sent, and join requests for groups I own or administer; the
 * tab carries a badge with the pending count), Groups, Blocked. The header adds a
 * friend by user ID, joins a group by ID, or creates a group with the member picker.
 * Uses `<im-member-picker>` (registered by `im-contacts.js`).
 * Everything follows the client's events, so the lists change as requests are
 * accepted on another device or by the other side.
 *
 * @event im-contact-select - A friend or blocked user was chosen. `detail: { userID }`.
 * @event im-open-conversation - "Message" on a friend, or a group was chosen. `detail: { conversationID, userID? , groupID? }`.
 * @event im-group-created - A group was created here. `detail: { group }`.
 * @event im-pending-change - The number of pending requests changed. `detail: { count }`.
 *
 * @slot header-end - After the header's buttons.
 *
 * @csspart base - The wrapper.
 * @csspart header - Title and buttons (`add-friend-button`, `create-group-button`, `join-group-button`).
 * @csspart title - The title.
 * @csspart tabs - The tab list; each tab is `tab`, with `tab-badge` for pending requests.
 * @csspart form - The add-friend and join-group forms.
 * @csspart create-panel - The new-group panel (name and member picker).
 * @csspart list - A list; each entry is `row`.
 * @csspart section-title - "Received" / "Sent" / group names above request lists.
 * @csspart notice - Status and error lines.
 * @csspart empty - An empty list.
 * @csspart loading - Shown while loading.
 * @csspart error - Shown when loading failed, with a retry button.
 * @csspart add-friend-button - Opens the add-friend form.
 * @csspart create-group-button - Opens the new-group panel.
 * @csspart join-group-button - Opens the join-group form.
 * @csspart send-request-button - Sends the friend request.
 * @csspart tab - One tab.
 * @csspart tab-badge - The pending-request count on the requests tab.
 * @csspart row - One person or group in a list.
 * @csspart accept-button - Accepts a request.
 * @csspart refuse-button - Declines a request.
 * @csspart unblock-button - Removes a user from the blacklist.
 * @csspart field - Each input of the add-friend, join-group and new-group forms.
 * @csspart join-button - Sends the join request.
 *
 * @cssprop --im-color-accent - The selected tab and primary buttons.
 * @cssprop --im-color-danger - The request badge.
 */
export class ImContacts extends LitElement {
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
    tab: { reflect: true },
    selected: {},
    strings: { attribute: false },
    friends: { state: true },
    received: { state: true },
    sent: { state: true },
    groupApps: { state: true },
    groups: { state: true },
    blacks: { state: true },
    error: { state: true },
    notice: { state: true },
    form: { state: true },
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
  /** The open tab. */
  tab: ImContactsTab = 'friends';
  /** The highlighted friend. */
  selected: string | null = null;
  strings: Partial<ImSocialStrings> | undefined;

  private friends: FriendInfo[] | null = null;
  private received: FriendApplication[] = [];
  private sent: FriendApplication[] = [];
  private groupApps: GroupApplication[] = [];
  private groups: GroupInfo[] | null = null;
  private blacks: BlackInfo[] | null = null;
  private error: string | null = null;
  private notice: { kind: 'info' | 'error'; text: string } | null = null;
  private form: 'add' | 'join' | 'create' | null = null;
  private busy = false;
  private selfID = '';

  private lastPending = -1;
  private generation = 0;

  private readonly clients = new ClientController(this, {
    handlers: {
      onFriendApplicationAdded: () => void this.load(),
      onFriendApplicationAccepted: () => void this.load(),
      onFriendApplicationRejected: () => void this.load(),
      onFriendApplicationDeleted: () => void this.load(),
      onFriendAdded: () => void this.load(),
      onFriendDeleted: () => void this.load(),
      onFriendInfoChanged: () => void this.load(),
      onBlackAdded: () => void this.load(),
      onBlackDeleted: () => void this.load(),
      onJoinedGroupAdded: () => void this.load(),
      onJoinedGroupDeleted: () => void this.load(),
      onGroupInfoChanged: () => void this.load(),
      onGroupDismissed: () => void this.load(),
      onGroupApplicationAdded: () => void this.load(),
      onGroupApplicationAccepted: () => void this.load(),
      onGroupApplicationRejected: () => void this.load(),
      onSyncServerFinish: () => void this.load(),
      onLoginStatusChanged: () => void this.load(),
    },
    attached: () => void this.load(),
    detached: () => {
      this.friends = this.groups = this.blacks = null;
    },
  });
  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  private get s(): ImSocialStrings {
    return this.i18n.social(this.strings);
  }

  /** Pending friend requests to me plus pending join requests to groups I manage. */
  get pendingCount(): number {
    return (
      this.received.filter((a) => a.handleResult === ApplicationResult.Pending).length +
      this.groupApps.filter((a) => a.handleResult === ApplicationResult.Pending).length
    );
  }

  private loadTimer: ReturnType<typeof setTimeout> | undefined;
  private loadWaiters: Array<() => void> = [];
  /** Reloads every list (events that arrive together coalesce into one reload). */
  load(): Promise<void> {
    clearTimeout(this.loadTimer);
    return new Promise((resolve) => {
      this.loadWaiters.push(resolve);
      this.loadTimer = setTimeout(() => {
        const waiters = this.loadWaiters.splice(0);
        void this.loadNow().finally(() => waiters.forEach((w) => w()));
      }, 30);
    });
  }

  private async loadNow(): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    const gen = ++this.generation;
    try {
      this.selfID = client.getLoginUserID();
      const [friends, received, sent, groups, blacks, groupApps] = await Promise.all([
        client.getFriendList(),
        client.getFriendApplicationListAsRecipient(),
        client.getFriendApplicationListAsApplicant(),
        client.getJoinedGroupList(),
        client.getBlackList(),
        client.getGroupApplicationListAsRecipient(),
      ]);
      if (gen !== this.generation) return;
      const byName = (a: { nickname: string; remark?: string }, b: { nickname: string; remark?: string }) =>
        (a.remark || a.nickname).localeCompare(b.remark || b.nickname);
      this.friends = friends.sort(byName);
      this.received = received;
      this.sent = sent;
      this.groups = groups.sort((a, b) => a.groupName.localeCompare(b.groupName));
      this.blacks = blacks;
      this.groupApps = groupApps;
      this.error = null;
      const pending = this.pendingCount;
      if (pending !== this.lastPending) {
        this.lastPending = pending;
        this.dispatchEvent(new CustomEvent('im-pending-change', { detail: { count: pending }, bubbles: true, composed: true }));
      }
    } catch (err) {
      if (gen !== this.generation) return;
      const e = err as { code?: number; message?: string };
      if (e.code === 2001) return;
      this.error = e.code === 2003 ? this.s.offlineHint : (e.message ?? String(err));
    }
  }

  private fire(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
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

  private selectTab(tab: ImContactsTab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[part~="tab"][data-tab="${tab}"]`)?.focus());
  }

  private onTabKey(event: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    // The tabs run right to left in an RTL layout, so the arrow keys swap meaning.
    const next = this.i18n.rtl ? 'ArrowLeft' : 'ArrowRight';
    const previous = this.i18n.rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === next) this.selectTab(TABS[(i + 1) % TABS.length]!, true);
    else if (event.key === previous) this.selectTab(TABS[(i - 1 + TABS.length) % TABS.length]!, true);
    else if (event.key === 'Home') this.selectTab(TABS[0]!, true);
    else if (event.key === 'End') this.selectTab(TABS[TABS.length - 1]!, true);
    else return;
    event.preventDefault();
  }

  private async submitAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = new FormData(form);
    const toUserID = String(f.get('userID') ?? '').trim();
    const reqMsg = String(f.get('reqMsg') ?? '');
    if (!toUserID) return;
    if (await this.run(() => this.clients.client!.addFriend({ toUserID, reqMsg }), this.s.requestSent)) {
      form.reset();
      this.form = null;
      this.tab = 'requests';
    }
  }

  private async submitJoin(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = new FormData(form);
    const groupID = String(f.get('groupID') ?? '').trim();
    const reqMsg = String(f.get('reqMsg') ?? '');
    if (!groupID) return;
    let joined = false;
    if (await this.run(async () => (joined = (await this.clients.client!.joinGroup({ groupID, reqMsg })).joined))) {
      this.notice = { kind: 'info', text: joined ? this.s.joined : this.s.joinRequested };
      form.reset();
      this.form = null;
      if (joined) this.fire('im-open-conversation', { conversationID: groupConversationID(groupID), groupID });
    }
  }

  private async createGroup(event: CustomEvent<ImMembersPickedDetail>): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="groupName"]');
    const picked = event.detail.users;
    const groupName = input?.value.trim() || [this.s.you, ...picked.map((u) => u.nickname)].slice(0, 4).join(', ');
    let group: GroupInfo | null = null;
    if (await this.run(async () => (group = await this.clients.client!.createGroup({ groupInfo: { groupName }, memberUserIDs: event.detail.userIDs })))) {
      this.form = null;
      this.fire('im-group-created', { group });
      this.fire('im-open-conversation', { conversationID: groupConversationID(group!.groupID), groupID: group!.groupID });
    }
  }

  private toggleForm(form: 'add' | 'join' | 'create'): void {
    this.form = this.form === form ? null : form;
    this.notice = null;
    if (this.form) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="form"] input, [part~="create-panel"] input')?.focus());
  }

  private renderForms(): TemplateResult | typeof nothing {
    const s = this.s;
    if (this.form === 'add')
      return html`<form part="form" class="inline" @submit=${this.submitAdd}>
        <input part="field" name="userID" required placeholder=${s.addFriendPlaceholder} aria-label=${s.addFriendPlaceholder} autocomplete="off" />
        <input part="field" name="reqMsg" maxlength="500" placeholder=${s.requestMessage} aria-label=${s.requestMessage} />
        <button part="send-request-button" class="btn primary" type="submit" ?disabled=${this.busy}>${s.sendRequest}</button>
      </form>`;
    if (this.form === 'join')
      return html`<form part="form" class="inline" @submit=${this.submitJoin}>
        <input part="field" name="groupID" required placeholder=${s.joinGroupPlaceholder} aria-label=${s.joinGroupPlaceholder} autocomplete="off" />
        <input part="field" name="reqMsg" maxlength="500" placeholder=${s.requestMessage} aria-label=${s.requestMessage} />
        <button part="join-button" class="btn primary" type="submit" ?disabled=${this.busy}>${s.joinGroup}</button>
      </form>`;
    if (this.form === 'create')
      return html`<div part="create-panel">
        <div class="inline"><input part="field" name="groupName" maxlength="64" placeholder=${s.groupName} aria-label=${s.groupName} /></div>
        <im-member-picker .client=${this.clients.client} .strings=${this.strings} confirm-label=${s.createGroup}
          @im-members-picked=${this.createGroup} @im-pick-cancel=${() => (this.form = null)}></im-member-picker>
      </div>`;
    return nothing;
  }

  private personRow(id: string, name: string, faceURL: string, sub: string, actions: TemplateResult | typeof nothing, onOpen?: () => void): TemplateResult {
    return html`<div part="row" role="listitem" data-user-id=${id} ?data-clickable=${!!onOpen} tabindex=${onOpen ? 0 : -1}
      aria-current=${this.selected === id ? 'true' : nothing}
      @click=${(e: Event) => { if (onOpen && !(e.target as Element).closest('button')) onOpen(); }}
      @keydown=${(e: KeyboardEvent) => { if (onOpen && (e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) { e.preventDefault(); onOpen(); } }}>
      ${avatar({ id, name, faceURL, size: 36 })}
      <span class="who"><span class="name">${name}</span><span class="sub">${sub}</span></span>
      <span class="row-actions">${actions}</span>
    </div>`;
  }

  private renderFriends(): TemplateResult {
    const s = this.s;
    const list = this.friends ?? [];
    if (!list.length) return html`<div part="empty"><strong>${s.noFriends}</strong><span>${s.noFriendsHint}</span></div>`;
    return html`<div part="list" role="list" aria-label=${s.friends}>
      ${repeat(list, (f) => f.userID, (f) =>
        this.personRow(f.userID, f.remark || f.nickname || f.userID, f.faceURL, f.signature || f.userID,
          html`<button class="btn" type="button" @click=${() => this.fire('im-open-conversation', { conversationID: singleConversationID(this.selfID, f.userID), userID: f.userID })}>${s.sendMessage}</button>`,
          () => { this.selected = f.userID; this.fire('im-contact-select', { userID: f.userID }); }))}
    </div>`;
  }

  private status(result: number): TemplateResult {
    const s = this.s;
    return result === ApplicationResult.Accepted
      ? html`<span class="status accepted">${s.accepted}</span>`
      : result === ApplicationResult.Refused
        ? html`<span class="status">${s.refused}</span>`
        : html`<span class="status">${s.pending}</span>`;
  }

  private renderRequests(): TemplateResult {
    const s = this.s;
    const c = this.clients.client!;
    const empty = !this.received.length && !this.sent.length && !this.groupApps.length;
    if (empty) return html`<div part="empty">${s.noRequests}</div>`;
    return html`
      ${this.received.length
        ? html`<h3 part="section-title">${s.newRequests}</h3>
            <div part="list" role="list" aria-label=${s.newRequests}>
              ${repeat(this.received, (a) => `r-${a.fromUserID}`, (a) =>
                this.personRow(a.fromUserID, a.fromNickname || a.fromUserID, a.fromFaceURL, a.reqMsg || a.fromUserID,
                  a.handleResult === ApplicationResult.Pending
                    ? html`<button part="accept-button" class="btn primary" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => c.acceptFriendApplication({ toUserID: a.fromUserID }))}>${s.accept}</button>
                        <button part="refuse-button" class="btn" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => c.refuseFriendApplication({ toUserID: a.fromUserID }))}>${s.refuse}</button>`
                    : this.status(a.handleResult),
                  () => this.fire('im-contact-select', { userID: a.fromUserID })))}
            </div>`
        : nothing}
      ${this.groupApps.length
        ? html`<h3 part="section-title">${s.applications}</h3>
            <div part="list" role="list" aria-label=${s.applications}>
              ${repeat(this.groupApps, (a) => `g-${a.groupID}-${a.userID}`, (a) =>
                this.personRow(a.userID, a.nickname || a.userID, a.userFaceURL, `→ ${a.groupName}${a.reqMsg ? ` · ${a.reqMsg}` : ''}`,
                  a.handleResult === ApplicationResult.Pending
                    ? html`<button part="accept-button" class="btn primary" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => c.acceptGroupApplication({ groupID: a.groupID, fromUserID: a.userID }))}>${s.accept}</button>
                        <button part="refuse-button" class="btn" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => c.refuseGroupApplication({ groupID: a.groupID, fromUserID: a.userID }))}>${s.refuse}</button>`
                    : this.status(a.handleResult)))}
            </div>`
        : nothing}
      ${this.sent.length
        ? html`<h3 part="section-title">${s.sent}</h3>
            <div part="list" role="list" aria-label=${s.sent}>
              ${repeat(this.sent, (a) => `s-${a.toUserID}`, (a) =>
                this.personRow(a.toUserID, a.toNickname || a.toUserID, a.toFaceURL, a.reqMsg || a.toUserID, this.status(a.handleResult)))}
            </div>`
        : nothing}
    `;
  }

  private renderGroups(): TemplateResult {
    const s = this.s;
    const list = this.groups ?? [];
    if (!list.length) return html`<div part="empty">${s.noGroups}</div>`;
    return html`<div part="list" role="list" aria-label=${s.groups}>
      ${repeat(list, (g) => g.groupID, (g) => html`<div part="row" role="listitem" data-clickable tabindex="0" data-group-id=${g.groupID}
        @click=${() => this.fire('im-open-conversation', { conversationID: groupConversationID(g.groupID), groupID: g.groupID })}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.fire('im-open-conversation', { conversationID: groupConversationID(g.groupID), groupID: g.groupID }); } }}>
        ${avatar({ id: g.groupID, name: g.groupName, faceURL: g.faceURL, size: 36, group: true })}
        <span class="who"><span class="name">${g.groupName}</span><span class="sub">${s.members(g.memberCount)}${g.ownerUserID === this.selfID ? ` · ${s.owner}` : ''}</span></span>
      </div>`)}
    </div>`;
  }

  private renderBlacklist(): TemplateResult {
    const s = this.s;
    const list = this.blacks ?? [];
    if (!list.length) return html`<div part="empty">${s.noBlacklist}</div>`;
    return html`<div part="list" role="list" aria-label=${s.blacklist}>
      ${repeat(list, (b) => b.userID, (b) =>
        this.personRow(b.userID, b.nickname || b.userID, b.faceURL, b.userID,
          html`<button part="unblock-button" class="btn" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => this.clients.client!.removeBlack(b.userID))}>${s.unblock}</button>`,
          () => this.fire('im-contact-select', { userID: b.userID })))}
    </div>`;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const pending = this.pendingCount;
    const labels: Record<ImContactsTab, string> = { friends: s.friends, requests: s.newRequests, groups: s.groups, blacklist: s.blacklist };
    let body: TemplateResult;
    if (this.error && this.friends === null)
      body = html`<div part="error" role="alert">${s.loadFailed}: ${this.error}<button class="btn" type="button" @click=${() => void this.load()}>${s.retry}</button></div>`;
    else if (!this.clients.client || this.friends === null) body = html`<div part="loading" aria-busy="true"><span class="spinner"></span></div>`;
    else
      body =
        this.tab === 'requests' ? this.renderRequests() : this.tab === 'groups' ? this.renderGroups() : this.tab === 'blacklist' ? this.renderBlacklist() : this.renderFriends();
    return html`<div part="base">
      <div part="header">
        <h2 part="title">${s.contacts}</h2>
        <button part="add-friend-button" class="btn icon" type="button" title=${s.addFriend} aria-label=${s.addFriend} aria-expanded=${this.form === 'add' ? 'true' : 'false'} @click=${() => this.toggleForm('add')}>${userPlusIcon()}</button>
        <button part="create-group-button" class="btn icon" type="button" title=${s.createGroup} aria-label=${s.createGroup} aria-expanded=${this.form === 'create' ? 'true' : 'false'} @click=${() => this.toggleForm('create')}>${usersIcon()}</button>
        <button part="join-group-button" class="btn" type="button" aria-expanded=${this.form === 'join' ? 'true' : 'false'} @click=${() => this.toggleForm('join')}>${s.joinGroup}</button>
        <slot name="header-end"></slot>
      </div>
      ${this.renderForms()}
      ${this.notice ? html`<div part="notice" data-kind=${this.notice.kind} role=${this.notice.kind === 'error' ? 'alert' : 'status'}>${this.notice.text}</div>` : nothing}
      <div part="tabs" role="tablist" aria-label=${s.contacts} @keydown=${this.onTabKey}>
        ${TABS.map((t) => html`<button part="tab" role="tab" type="button" data-tab=${t} id="tab-${t}" aria-controls="panel"
          aria-selected=${this.tab === t ? 'true' : 'false'} tabindex=${this.tab === t ? 0 : -1} @click=${() => this.selectTab(t)}>
          ${labels[t]}${t === 'requests' && pending ? html`<span part="tab-badge" aria-label="${pending}">${pending > 99 ? '99+' : pending}</span>` : nothing}
        </button>`)}
      </div>
      <div class="scroll" id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">${body}</div>
    </div>`;
  }
}
