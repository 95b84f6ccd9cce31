import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import { ID_PATTERN } from '../../src/model/conversation-id.js';
import { LoginStatus } from '../../src/model/enums.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { ImTheme } from '../context.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
// Installs the English social table (not part of a list+chat page).
import '../i18n/social-strings.js';
import { avatar } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { checkIcon, closeIcon } from '../shared/social-icons.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-member-picker.styles.js';
import { sweepRowMarkers } from '../shared/row-markers.js';

/** Someone who can be picked. */
export interface PickCandidate {
  userID: string;
  nickname: string;
  faceURL?: string;
  /** A second line (a remark, a role, …). */
  sub?: string;
}

export interface ImMembersPickedDetail {
  userIDs: string[];
  users: PickCandidate[];
}

/**
 * @summary Pick people: for a new group, for an invitation, for a mention.
 *
 * Lists `candidates` when given, else the user's friends (`getFriendList`);
 * a search box filters by name or ID, and a valid user ID that is not listed can
 * be looked up and added. A multi-select listbox: ArrowUp/ArrowDown move,
 * Space or Enter toggles, Enter in the search box toggles the only match;
 * Ctrl+Enter confirms, Escape cancels.
 *
 * @event im-members-picked - Confirmed. `detail: { userIDs, users }`.
 * @event im-pick-cancel - The user cancelled.
 * @event im-selection-change - The selection changed. `detail: { userIDs, users }`.
 *
 * @slot header - Above the search box (a title).
 *
 * @csspart base - The wrapper.
 * @csspart search - The search input.
 * @csspart chips - The selected people, as removable chips; each is `chip`.
 * @csspart list - The listbox; each option is `row` (also `row-selected`).
 * @csspart footer - The count and the buttons; `confirm-button`, `cancel-button`.
 * @csspart empty - "Nobody to pick" / "No matches".
 * @csspart error - Loading the friends failed.
 * @csspart chip - One picked person in the chips.
 * @csspart loading - Shown while the friends load.
 * @csspart notice - Lookup and loading errors.
 * @csspart confirm-button - Confirms the pick.
 * @csspart cancel-button - Cancels.
 * @csspart lookup-button - Looks up a typed user ID.
 *
 * @cssprop --im-color-accent - Checked boxes and the confirm button.
 */
export class ImMemberPicker extends LitElement {
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
    candidates: { attribute: false },
    exclude: { attribute: false },
    selected: { attribute: false },
    multiple: { type: Boolean },
    max: { type: Number },
    confirmLabel: { attribute: 'confirm-label' },
    noFooter: { type: Boolean, attribute: 'no-footer' },
    strings: { attribute: false },
    loaded: { state: true },
    extra: { state: true },
    filter: { state: true },
    error: { state: true },
    focusedID: { state: true },
    lookingUp: { state: true },
  };

  client: ImClientApi | undefined;
  theme: ImTheme | undefined;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;
  /** Who can be picked; when unset, the user's friends. */
  candidates: PickCandidate[] | undefined;
  /** User IDs shown but not pickable (e.g. existing members). */
  exclude: string[] = [];
  /** The picked user IDs. */
  selected: string[] = [];
  /** Allow more than one. */
  multiple = true;
  /** Most people that can be picked (0 = no limit). */
  max = 0;
  /** Label of the confirm button. */
  confirmLabel = '';
  /** Hide the footer (a host that confirms by other means). */
  noFooter = false;
  strings: Partial<ImSocialStrings> | undefined;

  private loaded: PickCandidate[] | null = null;
  private extra: PickCandidate[] = [];
  private filter = '';
  private error: string | null = null;
  private focusedID: string | null = null;
  private lookingUp = false;
  private get searchInput(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('[part~="search"]') ?? null;
  }

  private readonly clients = new ClientController(this, {
    handlers: {
      onFriendAdded: () => void this.loadFriends(),
      onFriendDeleted: () => void this.loadFriends(),
      // A client that was still logging in when attached: load once it is in.
      onLoginStatusChanged: ({ status }) => {
        if (status === LoginStatus.Logged && this.loaded === null) void this.loadFriends();
      },
    },
    attached: () => void this.loadFriends(),
    detached: () => (this.loaded = null),
  });
  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  private get s(): ImSocialStrings {
    return this.i18n.social(this.strings);
  }

  private async loadFriends(): Promise<void> {
    if (this.candidates) return;
    const client = this.clients.client;
    if (!client) return;
    try {
      const friends = await client.getFriendList();
      this.loaded = friends.map((f) => ({ userID: f.userID, nickname: f.remark || f.nickname || f.userID, faceURL: f.faceURL, sub: f.remark ? f.nickname : f.userID }));
      this.error = null;
    } catch (err) {
      // Not logged in yet: stay in the loading state; onLoginStatusChanged loads again.
      if ((err as { code?: number }).code === ErrorCode.NotLoggedIn) return;
      this.loaded = [];
      this.error = (err as Error).message;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('candidates') && !this.candidates && this.clients.client) void this.loadFriends();
  }

  protected override updated(): void {
    // Filtering removes rows on every keystroke: clear what Lit's repeat leaves of them (shared/row-markers.ts).
    const list = this.renderRoot.querySelector('[part~="list"]');
    if (list) sweepRowMarkers(list);
  }

  private get all(): PickCandidate[] {
    const base = this.candidates ?? this.loaded ?? [];
    const seen = new Set(base.map((c) => c.userID));
    return [...base, ...this.extra.filter((e) => !seen.has(e.userID))];
  }

  private get visible(): PickCandidate[] {
    const q = this.filter.trim().toLocaleLowerCase();
    if (!q) return this.all;
    return this.all.filter((c) => c.nickname.toLocaleLowerCase().includes(q) || c.userID.toLocaleLowerCase().includes(q) || (c.sub ?? '').toLocaleLowerCase().includes(q));
  }

  /** The picked people. */
  get selectedUsers(): PickCandidate[] {
    const byID = new Map(this.all.map((c) => [c.userID, c]));
    return this.selected.map((id) => byID.get(id) ?? { userID: id, nickname: id });
  }

  private isDisabled(id: string): boolean {
    return this.exclude.includes(id);
  }

  /** Toggles a person; returns whether they are picked now. */
  toggle(userID: string): boolean {
    if (this.isDisabled(userID)) return false;
    let next: string[];
    if (this.selected.includes(userID)) next = this.selected.filter((x) => x !== userID);
    else if (!this.multiple) next = [userID];
    else if (this.max && this.selected.length >= this.max) return false;
    else next = [...this.selected, userID];
    this.selected = next;
    this.dispatchEvent(new CustomEvent('im-selection-change', { detail: { userIDs: next, users: this.selectedUsers }, bubbles: true, composed: true }));
    return next.includes(userID);
  }

  confirm(): void {
    if (!this.selected.length) return;
    this.dispatchEvent(
      new CustomEvent<ImMembersPickedDetail>('im-members-picked', { detail: { userIDs: [...this.selected], users: this.selectedUsers }, bubbles: true, composed: true }),
    );
  }

  cancel(): void {
    this.dispatchEvent(new CustomEvent('im-pick-cancel', { bubbles: true, composed: true }));
  }

  /** Clears the selection and the search. */
  reset(): void {
    this.selected = [];
    this.filter = '';
    this.extra = [];
  }

  private async lookUp(userID: string): Promise<void> {
    const client = this.clients.client;
    if (!client) return;
    this.lookingUp = true;
    try {
      const [user] = await client.getUsersInfo([userID]);
      if (!user) {
        this.error = this.s.userNotFound;
        return;
      }
      this.extra = [...this.extra, { userID: user.userID, nickname: user.nickname || user.userID, faceURL: user.faceURL, sub: user.userID }];
      this.error = null;
      this.toggle(user.userID);
      this.filter = '';
    } catch (err) {
      this.error = (err as Error).message;
    } finally {
      this.lookingUp = false;
    }
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.confirm();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const v = this.visible;
      if (v.length === 1) this.toggle(v[0]!.userID);
      else if (v.length === 0 && ID_PATTERN.test(this.filter.trim())) void this.lookUp(this.filter.trim());
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      const first = this.visible.find((c) => !this.isDisabled(c.userID));
      if (first) this.focusRow(first.userID);
    } else if (event.key === 'Escape') {
      this.cancel();
    }
  }

  private focusRow(id: string): void {
    this.focusedID = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-user-id="${CSS.escape(id)}"]`)?.focus());
  }

  private onListKey(event: KeyboardEvent): void {
    const ids = this.visible.map((c) => c.userID);
    const current = this.focusedID && ids.includes(this.focusedID) ? this.focusedID : ids[0];
    const i = current ? ids.indexOf(current) : -1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (ids[i + 1]) this.focusRow(ids[i + 1]!);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (i <= 0) this.searchInput?.focus();
        else this.focusRow(ids[i - 1]!);
        break;
      case 'Home':
        event.preventDefault();
        if (ids[0]) this.focusRow(ids[0]);
        break;
      case 'End':
        event.preventDefault();
        if (ids.length) this.focusRow(ids[ids.length - 1]!);
        break;
      case ' ':
      case 'Enter':
        event.preventDefault();
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.confirm();
        else if (current) this.toggle(current);
        break;
      case 'Escape':
        this.cancel();
        break;
    }
  }

  override focus(options?: FocusOptions): void {
    this.searchInput?.focus(options);
  }

  protected override render(): TemplateResult {
    const s = this.s;
    const visible = this.visible;
    const roving = this.focusedID && visible.some((c) => c.userID === this.focusedID) ? this.focusedID : visible[0]?.userID;
    const q = this.filter.trim();
    let body: TemplateResult;
    if (!this.candidates && this.loaded === null) body = html`<div part="loading" aria-busy="true"><span class="spinner"></span></div>`;
    else if (visible.length === 0)
      body = html`<div part="empty">
        ${q ? s.noMatches : s.nobodyToPick}
        ${q && ID_PATTERN.test(q) && this.clients.client
          ? html`<button part="lookup-button" class="btn" type="button" ?disabled=${this.lookingUp} @click=${() => void this.lookUp(q)}>${s.addFriendPlaceholder}: ${q}</button>`
          : nothing}
      </div>`;
    else
      body = html`<div part="list" role="listbox" aria-multiselectable=${this.multiple ? 'true' : 'false'} aria-label=${s.search} @keydown=${this.onListKey}>
        ${repeat(
          visible,
          (c) => c.userID,
          (c) => {
            const on = this.selected.includes(c.userID);
            const disabled = this.isDisabled(c.userID);
            return html`<div part=${on ? 'row row-selected' : 'row'} role="option" data-clickable data-user-id=${c.userID}
              aria-selected=${on || disabled ? 'true' : 'false'} aria-disabled=${disabled ? 'true' : 'false'}
              tabindex=${c.userID === roving ? 0 : -1}
              @click=${() => { this.focusedID = c.userID; this.toggle(c.userID); }}>
              <span class="check">${on || disabled ? checkIcon() : nothing}</span>
              ${avatar({ id: c.userID, name: c.nickname, faceURL: c.faceURL ?? '', size: 32 })}
              <span class="who"><span class="name">${c.nickname}</span><span class="sub">${c.sub ?? c.userID}</span></span>
            </div>`;
          },
        )}
      </div>`;
    return html`<div part="base">
      <slot name="header"></slot>
      <input part="search" type="search" placeholder=${s.search} aria-label=${s.search} .value=${this.filter}
        @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} @keydown=${this.onSearchKey} />
      ${this.selected.length && this.multiple
        ? html`<div part="chips">
            ${this.selectedUsers.map(
              (u) => html`<button part="chip" type="button" aria-label="${s.remove} ${u.nickname}" @click=${() => this.toggle(u.userID)}>${u.nickname} ${closeIcon()}</button>`,
            )}
          </div>`
        : nothing}
      ${this.error ? html`<div part="notice" data-kind="error" role="alert">${this.error}</div>` : nothing}
      <div class="scroll">${body}</div>
      ${this.noFooter
        ? nothing
        : html`<div part="footer">
            <span class="count" aria-live="polite">${s.selected(this.selected.length)}</span>
            <button part="cancel-button" class="btn" type="button" @click=${() => this.cancel()}>${s.cancel}</button>
            <button part="confirm-button" class="btn primary" type="button" ?disabled=${!this.selected.length} @click=${() => this.confirm()}>
              ${this.confirmLabel || s.done}
            </button>
          </div>`}
    </div>`;
  }
}


