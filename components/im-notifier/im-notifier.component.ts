import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import type { ImTheme } from '../context.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
// Installs the English social table (not part of a list+chat page).
import '../i18n/social-strings.js';
import { bellIcon } from '../shared/social-icons.js';
import { LocaleController } from '../shared/locale-controller.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-notifier.styles.js';
import { NotificationController, type NotifyDetail } from './notification-controller.js';

/**
 * @summary New-message notifications and the unread total for the host page.
 *
 * Shows a desktop notification (and, with `sound`, a short chime) for each new
 * message from someone else while the page is hidden, respecting each
 * conversation's receive option, the user's global receive option and quiet
 * hours (`setGlobalRecvMessageOpt`, `setQuietHours`). Permission is asked on the
 * first click or key press after the element connects, never on load. With
 * `update-title` it keeps "(3) " in front of `document.title`.
 *
 * @event im-notify - About to notify. `detail: { message, conversationID, title, body }`. Cancelable.
 * @event im-notification-click - A desktop notification was clicked (the window is focused). `detail` as above.
 * @event im-unread-change - The total unread count changed. `detail: { total }`.
 *
 * @csspart enable-button - With `prompt`, the "Enable notifications" button shown while permission is undecided.
 *
 * @cssprop --im-color-border - The button's border.
 */
export class ImNotifier extends LitElement {
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
    desktop: { type: Boolean },
    sound: { type: Boolean },
    whenVisible: { type: Boolean, attribute: 'when-visible' },
    updateTitle: { type: Boolean, attribute: 'update-title' },
    prompt: { type: Boolean },
    strings: { attribute: false },
  };

  client: ImClientApi | undefined;
  theme: ImTheme | undefined;
  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;
  /** Desktop notifications (when the user allows them). */
  desktop = true;
  /** Play a short chime for each notification. */
  sound = false;
  /** Notify also while the page is visible and focused. */
  whenVisible = false;
  /** Keep "(N) " in front of document.title. */
  updateTitle = false;
  /** Render a small "Enable notifications" button while permission is undecided. */
  prompt = false;
  strings: Partial<ImSocialStrings> | undefined;

  private baseTitle: string | null = null;

  readonly notifications = new NotificationController(this, {
    desktop: () => this.desktop,
    sound: () => this.sound,
    whenVisible: () => this.whenVisible,
    strings: () => this.i18n.strings(),
    beforeNotify: (detail) => this.fire('im-notify', detail, true),
    onClick: (detail) => void this.fire('im-notification-click', detail, false),
    onUnread: (total) => {
      this.fire('im-unread-change', { total }, false);
      this.applyTitle(total);
    },
  });

  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  /** The total unread count, as last reported by the client. */
  get unread(): number {
    return this.notifications.unread;
  }

  /** Asks for notification permission; call it from a click handler. */
  requestPermission(): Promise<NotificationPermission | 'unsupported'> {
    return this.notifications.requestPermission();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.baseTitle !== null) document.title = this.baseTitle;
    this.baseTitle = null;
  }

  private fire(name: string, detail: NotifyDetail | { total: number }, cancelable: boolean): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  private applyTitle(total: number): void {
    if (!this.updateTitle || typeof document === 'undefined') return;
    const current = document.title.replace(/^\(\d+\+?\) /, '');
    this.baseTitle = current;
    document.title = total > 0 ? `(${total > 99 ? '99+' : total}) ${current}` : current;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.prompt || !this.desktop || this.notifications.permission !== 'default') return nothing;
    const s = this.i18n.social(this.strings);
    return html`<button part="enable-button" type="button" @click=${() => void this.requestPermission()}>${bellIcon()} ${s.enableNotifications}</button>`;
  }
}
