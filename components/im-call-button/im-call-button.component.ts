import { html, LitElement, type TemplateResult } from 'lit';
import type { CallMediaType } from '../../src/model/call.js';
import type { ImTheme } from '../context.js';
import { phoneIcon, videoIcon } from '../im-call/call-icons.js';
import type { ImCall } from '../im-call/im-call.component.js';
import { LocaleController } from '../shared/locale-controller.js';
// Installs the English call table (not part of a list+chat page).
import '../i18n/call-strings.js';
import { ThemeController } from '../shared/theme-controller.js';
import styles from './im-call-button.styles.js';

export interface ImCallStartDetail {
  conversationID: string;
  mediaType: CallMediaType;
}

/**
 * @summary A small audio or video call button for a chat header: it asks an
 * `<im-call>` to call the other side of a conversation.
 *
 * The `<im-call>` is the one named by `for` (an element ID), else the first in
 * the document. Put it in `<im-chat>`'s `header-end` slot and keep its
 * `conversation-id` in step with the chat's.
 *
 * @event im-call-start - Before calling (cancelable: `preventDefault()` to place the call yourself). `detail: { conversationID, mediaType }`.
 * @event im-call-error - The call could not be started. `detail: { code, message }`.
 *
 * @csspart button - The button.
 * @cssprop --im-color-accent - The icon colour.
 */
export class ImCallButton extends LitElement {
  static override styles = styles;
  /**
   * Lit's reactive properties: the public ones (attributes unless `attribute: false`), then
   * internal state (`state: true`: re-renders, never an attribute). Declared here rather than
   * with decorators, whose helpers and per-field calls every page would download.
   */
  static override properties = {
    conversationID: { attribute: 'conversation-id', reflect: true },
    mediaType: { attribute: 'media-type', reflect: true },
    for: { attribute: 'for' },
    disabled: { type: Boolean, reflect: true },
    label: {},
    theme: { reflect: true },
    locale: { reflect: true },
  };

  /** The conversation to call: `si_…` calls the peer, `sg_…` the group. */
  conversationID: string | null = null;

  /** `audio` or `video`. */
  mediaType: CallMediaType = 'audio';

  /** The ID of the `<im-call>` to use; default: the first `<im-call>` in the document. */
  for = '';

  disabled = false;

  /** The accessible name; default "Voice call" / "Video call". */
  label = '';

  theme: ImTheme | undefined;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;

  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  /** The `<im-call>` this button drives. */
  get target(): ImCall | null {
    const root = this.getRootNode() as Document | ShadowRoot;
    if (this.for) return (root.getElementById?.(this.for) ?? document.getElementById(this.for)) as ImCall | null;
    return document.querySelector('im-call');
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  private async start(): Promise<void> {
    const conversationID = this.conversationID;
    if (!conversationID || this.disabled) return;
    const detail: ImCallStartDetail = { conversationID, mediaType: this.mediaType };
    const go = this.dispatchEvent(new CustomEvent('im-call-start', { detail, bubbles: true, composed: true, cancelable: true }));
    if (!go) return;
    try {
      const target = this.target;
      if (!target) throw Object.assign(new Error('There is no <im-call> on this page.'), { code: 1003 });
      await target.startCall(detail);
    } catch (err) {
      const e = err as { code?: number; message?: string };
      this.dispatchEvent(new CustomEvent('im-call-error', { detail: { code: e.code ?? 0, message: e.message ?? String(err) }, bubbles: true, composed: true }));
    }
  }

  protected override render(): TemplateResult {
    const t = this.i18n.call();
    const label = this.label || (this.mediaType === 'video' ? t.videoCall : t.voiceCall);
    return html`<button part="button" type="button" aria-label=${label} title=${label} ?disabled=${this.disabled || !this.conversationID} @click=${() => void this.start()}>
      ${this.mediaType === 'video' ? videoIcon() : phoneIcon()}
    </button>`;
  }
}
