import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import { GroupRole } from '../../src/model/enums.js';
import { ApplicationResult, GroupStatus, type GroupApplication } from '../../src/model/social.js';
import type { GroupInfo, GroupMemberInfo } from '../../src/model/types.js';
import type { ImTheme } from '../context.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
// Installs the English social table (not part of a list+chat page).
import '../i18n/social-strings.js';
import type { ImMembersPickedDetail } from '../im-member-picker/im-member-picker.component.js';
import { avatar } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { OpenerFocusController } from '../shared/focus-trap.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-group-settings.styles.js';

const PAGE = 50;

type Confirming = { kind: 'leave' } | { kind: 'dismiss' } | { kind: 'remove'; member: GroupMemberInfo } | { kind: 'transfer'; member: GroupMemberInfo };

/**
 * @summary A group's settings: info, announcement, join policy, members and roles, moderation, join requests, leave or dismiss.
 *
 * What it offers follows the viewer's role, and the server enforces the same
 * rules: the owner and admins edit the info, handle join requests, remove and
 * mute ordinary members and mute everyone; only the owner grants or revokes
 * admin, hands over ownership and dismisses the group; every member invites
 * (with `<im-member-picker>`, registered by `im-group-settings.js`), sets their
 * own group nickname and may leave. Members load in pages of 50 ("Show more").
 * Destructive actions ask for confirmation inline. Follows the group events, so
 * changes by others show at once.
 *
 * @event im-group-left - The viewer left, or dismissed, the group. `detail: { groupID, dismissed }`.
 * @event im-member-select - A member was chosen. `detail: { groupID, userID }`.
 *
 * @csspart base - The wrapper.
 * @csspart summary - Avatar, name, member count.
 * @csspart announcement - The announcement.
 * @csspart info-form - The info form (owner and admins); `save-button`.
 * @csspart section-title - Section headings.
 * @csspart mute-all - The "mute everyone" switch.
 * @csspart members - The member list; each member is `row`, with `member-actions-button`.
 * @csspart invite-button - Opens the invite panel (`invite-panel`).
 * @csspart applications - Pending join requests; `accept-button`, `refuse-button`.
 * @csspart danger-zone - Leave (`leave-button`) and dismiss (`dismiss-button`).
 * @csspart notice - Status and error lines.
 * @csspart loading - Shown while loading.
 * @csspart error - Shown when the group cannot be loaded.
 * @csspart save-button - Saves the info form.
 * @csspart invite-panel - The member picker for inviting.
 * @csspart row - One member or join request.
 * @csspart member-actions-button - Opens a member's actions.
 * @csspart accept-button - Accepts a join request.
 * @csspart refuse-button - Declines a join request.
 * @csspart nickname-input - The viewer's group nickname.
 * @csspart confirm - The inline confirmation of a destructive action.
 * @csspart confirm-button - Confirms it.
 * @csspart confirm-cancel-button - Cancels it (focused when the confirmation opens; Escape does the same).
 * @csspart leave-button - Leaves the group.
 * @csspart dismiss-button - Dismisses the group (owner).
 * @csspart field - Each input, text area and select of the info form.
 * @csspart member-action - Each button of a member's actions (admin, owner, mute, remove).
 * @csspart load-more-button - Loads the next page of members.
 * @csspart mute-all-checkbox - Mutes everyone but the managers.
 *
 * @cssprop --im-color-accent - Primary buttons.
 * @cssprop --im-color-danger - Destructive buttons.
 */
export class ImGroupSettings extends LitElement {
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
    groupId: { attribute: 'group-id' },
    strings: { attribute: false },
    group: { state: true },
    me: { state: true },
    members: { state: true },
    total: { state: true },
    applications: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    openMember: { state: true },
    inviting: { state: true },
    confirming: { state: true },
    gone: { state: true },
  };

  client: ImClientApi | undefined;
  theme: ImTheme | undefined;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;
  groupId = '';
  strings: Partial<ImSocialStrings> | undefined;

  private group: GroupInfo | null = null;
  private me: GroupMemberInfo | null = null;
  private members: GroupMemberInfo[] = [];
  private total = 0;
  private applications: GroupApplication[] = [];
  private error: string | null = null;
  private notice: { kind: 'info' | 'error'; text: string } | null = null;
  private busy = false;
  private openMember: string | null = null;
  private inviting = false;
  private confirming: Confirming | null = null;
  private gone: 'left' | 'dismissed' | null = null;

  private generation = 0;
  private selfID = '';

  private readonly clients = new ClientController(this, {
    handlers: {
      onGroupInfoChanged: (g) => this.ifMine(g.groupID),
      onGroupMemberAdded: (m) => this.ifMine(m.groupID),
      onGroupMemberDeleted: (m) => this.ifMine(m.groupID),
      onGroupMemberInfoChanged: (m) => this.ifMine(m.groupID),
      onGroupApplicationAdded: (a) => this.ifMine(a.groupID),
      onGroupApplicationAccepted: (a) => this.ifMine(a.groupID),
      onGroupApplicationRejected: (a) => this.ifMine(a.groupID),
      onJoinedGroupAdded: (g) => {
        if (g.groupID === this.groupId) {
          this.gone = null;
          void this.load();
        }
      },
      onJoinedGroupDeleted: (g) => {
        if (g.groupID === this.groupId) this.gone = 'left';
      },
      onGroupDismissed: (g) => {
        if (g.groupID === this.groupId) this.gone = 'dismissed';
      },
    },
    attached: () => void this.load(),
  });
  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);
  private readonly confirmFocus = new OpenerFocusController(this, () => this.confirming !== null, () => this.renderRoot.querySelector<HTMLElement>('[part~="confirm"]'));

  private get s(): ImSocialStrings {
    return this.i18n.social(this.strings);
  }

  private ifMine(groupID: string): void {
    if (groupID === this.groupId) void this.load(this.members.length);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('groupId') && changed.get('groupId') !== undefined) {
      this.group = null;
      this.members = [];
      this.gone = null;
      this.confirming = null;
      this.inviting = false;
      this.notice = null;
      void this.load();
    }
  }

  private get myRole(): number {
    return this.me?.roleLevel ?? 0;
  }

  /** Loads the group, the viewer's membership, the first `count` members and (for managers) the join requests. */
  async load(count = PAGE): Promise<void> {
    const client = this.clients.client;
    if (!client || !this.groupId) return;
    const gen = ++this.generation;
    try {
      this.selfID = client.getLoginUserID();
      const [groups, mine] = await Promise.all([
        client.getSpecifiedGroupsInfo([this.groupId]),
        client.getSpecifiedGroupMembersInfo({ groupID: this.groupId, userIDList: [this.selfID] }).catch(() => [] as GroupMemberInfo[]),
      ]);
      if (gen !== this.generation) return;
      const group = groups[0] ?? null;
      this.group = group;
      this.me = mine[0] ?? null;
      if (!group) {
        this.error = this.s.groupNotFound;
        return;
      }
      if (group.status === GroupStatus.Dismissed) this.gone = 'dismissed';
      else if (!this.me) this.gone = this.gone ?? 'left';
      if (!this.me) return;
      const [page, apps] = await Promise.all([
        client.getGroupMemberListPage({ groupID: this.groupId, offset: 0, count: Math.max(PAGE, Math.min(count, 200)) }),
        this.me.roleLevel >= GroupRole.Admin ? client.getGroupApplicationListAsRecipient() : Promise.resolve([] as GroupApplication[]),
      ]);
      if (gen !== this.generation) return;
      this.members = page.members;
      this.total = page.total;
      this.applications = apps.filter((a) => a.groupID === this.groupId && a.handleResult === ApplicationResult.Pending);
      this.error = null;
    } catch (err) {
      if (gen !== this.generation) return;
      const e = err as { code?: number; message?: string };
      if (e.code === 2001) return;
      this.error = e.message ?? String(err);
    }
  }

  private async more(): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    const page = await client.getGroupMemberListPage({ groupID: this.groupId, offset: this.members.length, count: PAGE });
    const seen = new Set(this.members.map((m) => m.userID));
    this.members = [...this.members, ...page.members.filter((m) => !seen.has(m.userID))];
    this.total = page.total;
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

  private async saveInfo(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const f = new FormData(event.target as HTMLFormElement);
    await this.run(
      () =>
        this.clients.client!.setGroupInfo({
          groupID: this.groupId,
          groupName: String(f.get('groupName') ?? '').trim() || this.group!.groupName,
          faceURL: String(f.get('faceURL') ?? '').trim(),
          introduction: String(f.get('introduction') ?? ''),
          notification: String(f.get('notification') ?? ''),
          joinPolicy: Number(f.get('joinPolicy') ?? 1) as 0 | 1 | 2,
        }),
      this.s.save + ' ✓',
    );
  }

  private async saveNickname(event: Event): Promise<void> {
    const nickname = (event.target as HTMLInputElement).value.trim();
    if (!this.me || nickname === this.me.groupNickname) return;
    await this.run(() => this.clients.client!.setGroupMemberNickname({ groupID: this.groupId, userID: this.selfID, groupMemberNickname: nickname }));
  }

  private async invite(event: CustomEvent<ImMembersPickedDetail>): Promise<void> {
    if (await this.run(() => this.clients.client!.inviteUserToGroup({ groupID: this.groupId, userIDList: event.detail.userIDs }))) this.inviting = false;
  }

  private async confirmed(): Promise<void> {
    const c = this.confirming;
    const client = this.clients.client;
    if (!c || !client) return;
    this.confirming = null;
    const groupID = this.groupId;
    if (c.kind === 'leave') {
      if (await this.run(() => client.quitGroup(groupID))) this.left(false);
    } else if (c.kind === 'dismiss') {
      if (await this.run(() => client.dismissGroup(groupID))) this.left(true);
    } else if (c.kind === 'remove') {
      await this.run(() => client.kickGroupMember({ groupID, userIDList: [c.member.userID] }));
    } else {
      await this.run(() => client.transferGroupOwner({ groupID, newOwnerUserID: c.member.userID }));
    }
  }

  private selectMember(userID: string): void {
    this.dispatchEvent(new CustomEvent('im-member-select', { detail: { groupID: this.groupId, userID }, bubbles: true, composed: true }));
  }

  private left(dismissed: boolean): void {
    this.gone = dismissed ? 'dismissed' : 'left';
    this.dispatchEvent(new CustomEvent('im-group-left', { detail: { groupID: this.groupId, dismissed }, bubbles: true, composed: true }));
  }

  private renderConfirm(): TemplateResult | typeof nothing {
    const c = this.confirming;
    if (!c) return nothing;
    const s = this.s;
    const text =
      c.kind === 'leave' ? s.confirmLeave : c.kind === 'dismiss' ? s.confirmDismiss : c.kind === 'remove' ? s.confirmRemove(c.member.nickname) : s.confirmTransfer(c.member.nickname);
    const label = c.kind === 'leave' ? s.leaveGroup : c.kind === 'dismiss' ? s.dismissGroup : c.kind === 'remove' ? s.remove : s.makeOwner;
    // Focus lands on Cancel (the safe choice; see confirmFocus), Escape cancels, and focus then returns to the opener.
    return html`<div class="confirm" part="confirm" role="alertdialog" aria-label=${text}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), (this.confirming = null))}>
      <span>${text}</span>
      <button part="confirm-button" class="btn danger" type="button" ?disabled=${this.busy} @click=${() => void this.confirmed()}>${label}</button>
      <button part="confirm-cancel-button" class="btn" type="button" autofocus @click=${() => (this.confirming = null)}>${this.s.cancel}</button>
    </div>`;
  }

  private roleLabel(role: number): TemplateResult | typeof nothing {
    const s = this.s;
    if (role >= GroupRole.Owner) return html`<span class="role owner">${s.owner}</span>`;
    if (role >= GroupRole.Admin) return html`<span class="role admin">${s.admin}</span>`;
    return nothing;
  }

  private renderMemberActions(m: GroupMemberInfo): TemplateResult | typeof nothing {
    const s = this.s;
    const c = this.clients.client!;
    const g = this.groupId;
    const mine = this.myRole;
    const canModerate = mine > m.roleLevel && mine >= GroupRole.Admin;
    const muted = m.muteEndTime > Date.now();
    const items: TemplateResult[] = [];
    if (mine >= GroupRole.Owner && m.roleLevel < GroupRole.Owner) {
      items.push(m.roleLevel >= GroupRole.Admin
        ? html`<button part="member-action" class="btn" type="button" @click=${() => void this.run(() => c.setGroupMemberRoleLevel({ groupID: g, userID: m.userID, roleLevel: GroupRole.Member }))}>${s.revokeAdmin}</button>`
        : html`<button part="member-action" class="btn" type="button" @click=${() => void this.run(() => c.setGroupMemberRoleLevel({ groupID: g, userID: m.userID, roleLevel: GroupRole.Admin }))}>${s.makeAdmin}</button>`);
      items.push(html`<button part="member-action" class="btn" type="button" @click=${() => (this.confirming = { kind: 'transfer', member: m })}>${s.makeOwner}</button>`);
    }
    if (canModerate) {
      if (muted) items.push(html`<button part="member-action" class="btn" type="button" @click=${() => void this.run(() => c.changeGroupMemberMute({ groupID: g, userID: m.userID, mutedSeconds: 0 }))}>${s.unmuteMember}</button>`);
      else
        for (const [seconds, label] of s.muteDurations)
          items.push(html`<button part="member-action" class="btn" type="button" @click=${() => void this.run(() => c.changeGroupMemberMute({ groupID: g, userID: m.userID, mutedSeconds: seconds }))}>${s.muteFor(label)}</button>`);
      items.push(html`<button part="member-action" class="btn danger" type="button" @click=${() => (this.confirming = { kind: 'remove', member: m })}>${s.remove}</button>`);
    }
    return items.length ? html`<div class="member-menu" role="group" aria-label=${s.actionsFor(m.nickname)}>${items}</div>` : nothing;
  }

  private renderMembers(): TemplateResult {
    const s = this.s;
    return html`<h3 part="section-title">${s.members(this.total)}</h3>
      <div class="inline">
        <button part="invite-button" class="btn" type="button" aria-expanded=${this.inviting ? 'true' : 'false'} @click=${() => (this.inviting = !this.inviting)}>${s.invite}</button>
      </div>
      ${this.inviting
        ? html`<div part="invite-panel"><im-member-picker .client=${this.clients.client} .strings=${this.strings} .exclude=${this.members.map((m) => m.userID)}
            confirm-label=${s.invite} @im-members-picked=${this.invite} @im-pick-cancel=${() => (this.inviting = false)}></im-member-picker></div>`
        : nothing}
      <div part="members" role="list" aria-label=${s.members(this.total)}>
        ${repeat(this.members, (m) => m.userID, (m) => {
          const muted = m.muteEndTime > Date.now();
          const hasActions = (this.myRole >= GroupRole.Owner && m.roleLevel < GroupRole.Owner) || (this.myRole > m.roleLevel && this.myRole >= GroupRole.Admin);
          const open = this.openMember === m.userID;
          return html`<div role="listitem">
            <div part="row" data-user-id=${m.userID}>
              ${avatar({ id: m.userID, name: m.nickname, faceURL: m.faceURL, size: 34 })}
              <span class="who" role="button" tabindex="0" style="cursor:pointer" @click=${() => this.selectMember(m.userID)}
                @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.selectMember(m.userID); } }}>
                <span class="name">${m.nickname}${m.userID === this.selfID ? ` (${s.you})` : ''}</span>
                <span class="sub">${m.userID}${muted ? html` · <span class="muted">${s.mutedUntil(this.i18n.clock(m.muteEndTime))}</span>` : nothing}</span>
              </span>
              ${this.roleLabel(m.roleLevel)}
              ${hasActions
                ? html`<button part="member-actions-button" class="btn icon" type="button" aria-expanded=${open ? 'true' : 'false'} aria-label=${s.actionsFor(m.nickname)}
                    @click=${() => (this.openMember = open ? null : m.userID)}>⋯</button>`
                : nothing}
            </div>
            ${open ? this.renderMemberActions(m) : nothing}
          </div>`;
        })}
      </div>
      ${this.members.length < this.total ? html`<div class="inline"><button part="load-more-button" class="btn" type="button" @click=${() => void this.more()}>${s.loadMore}</button></div>` : nothing}`;
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const g = this.group;
    if (this.error && !g) return html`<div part="base"><div part="error" role="alert">${this.error}<button class="btn" type="button" @click=${() => void this.load()}>${s.retry}</button></div></div>`;
    if (!g) return html`<div part="base"><div part="loading" aria-busy="true"><span class="spinner"></span></div></div>`;
    const manager = this.myRole >= GroupRole.Admin;
    const owner = this.myRole >= GroupRole.Owner;
    const summary = html`<div part="summary">
      ${avatar({ id: g.groupID, name: g.groupName, faceURL: g.faceURL, size: 52, group: true })}
      <span class="who"><span class="name">${g.groupName}</span><span class="sub">${g.groupID} · ${s.members(g.memberCount)}</span></span>
      ${this.roleLabel(this.myRole)}
    </div>`;
    if (this.gone || !this.me)
      return html`<div part="base">${summary}<div part="notice" role="status">${this.gone === 'dismissed' ? s.dismissed : s.notAMember}</div></div>`;
    return html`<div part="base"><div class="scroll">
      ${summary}
      ${g.notification ? html`<div part="announcement"><strong>${s.announcement}:</strong> ${g.notification}</div>` : nothing}
      ${g.introduction && !manager ? html`<div part="notice">${g.introduction}</div>` : nothing}
      ${this.notice ? html`<div part="notice" data-kind=${this.notice.kind} role=${this.notice.kind === 'error' ? 'alert' : 'status'}>${this.notice.text}</div>` : nothing}
      ${this.renderConfirm()}
      ${manager
        ? html`<form part="info-form" @submit=${this.saveInfo}>
            <h3 part="section-title">${s.groupSettings}</h3>
            <label class="field">${s.groupName}<input part="field" name="groupName" required maxlength="64" .value=${g.groupName} /></label>
            <label class="field">${s.avatarURL}<input part="field" name="faceURL" type="url" maxlength="1024" .value=${g.faceURL} placeholder="https://…" /></label>
            <label class="field">${s.introduction}<textarea part="field" name="introduction" maxlength="1000" .value=${g.introduction}></textarea></label>
            <label class="field">${s.announcement}<textarea part="field" name="notification" maxlength="2000" .value=${g.notification}></textarea></label>
            <label class="field">${s.joinPolicy}
              <select part="field" name="joinPolicy">${s.joinPolicies.map((label, i) => html`<option value=${i} ?selected=${g.joinPolicy === i}>${label}</option>`)}</select>
            </label>
            <div class="inline"><button part="save-button" class="btn primary" type="submit" ?disabled=${this.busy}>${s.save}</button></div>
          </form>
          <label class="switch" part="mute-all">
            <input part="mute-all-checkbox" type="checkbox" .checked=${g.status === GroupStatus.Muted} ?disabled=${this.busy}
              @change=${(e: Event) => void this.run(() => this.clients.client!.changeGroupMute({ groupID: g.groupID, isMute: (e.target as HTMLInputElement).checked }))} />
            <span>${s.muteAll}<span class="hint">${s.muteAllHint}</span></span>
          </label>`
        : nothing}
      ${manager
        ? html`<h3 part="section-title">${s.applications}</h3>
            ${this.applications.length
              ? html`<div part="applications" role="list">
                  ${this.applications.map((a) => html`<div part="row" role="listitem">
                    ${avatar({ id: a.userID, name: a.nickname, faceURL: a.userFaceURL, size: 34 })}
                    <span class="who"><span class="name">${a.nickname}</span><span class="sub">${a.reqMsg || a.userID}</span></span>
                    <span class="row-actions">
                      <button part="accept-button" class="btn primary" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => this.clients.client!.acceptGroupApplication({ groupID: g.groupID, fromUserID: a.userID }))}>${s.accept}</button>
                      <button part="refuse-button" class="btn" type="button" ?disabled=${this.busy} @click=${() => void this.run(() => this.clients.client!.refuseGroupApplication({ groupID: g.groupID, fromUserID: a.userID }))}>${s.refuse}</button>
                    </span>
                  </div>`)}
                </div>`
              : html`<div part="notice">${s.noApplications}</div>`}`
        : nothing}
      <label class="field">${s.myGroupNickname}<input part="nickname-input" maxlength="64" .value=${this.me.groupNickname} @change=${this.saveNickname} /></label>
      ${this.renderMembers()}
      <div part="danger-zone">
        ${owner
          ? html`<button part="dismiss-button" class="btn danger" type="button" @click=${() => (this.confirming = { kind: 'dismiss' })}>${s.dismissGroup}</button>`
          : html`<button part="leave-button" class="btn danger" type="button" @click=${() => (this.confirming = { kind: 'leave' })}>${s.leaveGroup}</button>`}
      </div>
    </div></div>`;
  }
}
