import { ContextConsumer, ContextProvider } from '@lit/context';
import { html, LitElement, type PropertyValues } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import { ImClient } from '../../src/client/im-client.js';
import { imClientContext, imLocaleContext, imThemeContext, type ImTheme } from '../context.js';
import { resolveLocale } from '../i18n/locale.js';
import { loadLocale } from '../i18n/registry.js';
import styles from './im-provider.styles.js';

export interface ImLoginDetail {
  userID: string;
}
export interface ImLoginErrorDetail {
  userID: string;
  error: { code: number; message: string };
}

/**
 * @summary Shares one IM client (and a theme and a language) with every imkit element inside it.
 *
 * Either give it a client (`provider.client = new ImClient(…)`), or let it make
 * one from `server-url`. When `user-id` and `token` are set too, it logs in, and
 * logs in again when they change. It renders nothing of its own (`display: contents`).
 *
 * @event im-login - The provider's login finished. `detail: { userID }`.
 * @event im-login-error - The provider's login failed. `detail: { userID, error: { code, message } }`.
 *
 * @slot - The elements that use the client: `<im-conversation-list>`, `<im-chat>`, …
 */
export class ImProvider extends LitElement {
  static override styles = styles;
  /**
   * Lit's reactive properties: the public ones (attributes unless `attribute: false`), then
   * internal state (`state: true`: re-renders, never an attribute). Declared here rather than
   * with decorators, whose helpers and per-field calls every page would download.
   */
  static override properties = {
    serverURL: { attribute: 'server-url' },
    userID: { attribute: 'user-id' },
    token: {},
    theme: { reflect: true },
    locale: { reflect: true },
    client: { attribute: false },
  };

  /** The IM server's base URL (`https://im.example.com`). Used only when no `.client` is given. */
  serverURL = '';

  /** Log in as this user when `token` is set too. */
  userID = '';

  /** The user's token, from your app server. */
  token = '';

  /** Theme for the elements inside (each may override with its own `theme`). */
  theme: ImTheme | undefined;

  /**
   * Language of the elements inside: any BCP 47 tag. `en`, `zh-Hans` and `zh-Hant`
   * ship; `zh-CN`/`zh-SG` → Simplified, `zh-TW`/`zh-HK`/`zh-MO` → Traditional,
   * anything else → English. Unset: each element follows its nearest `lang`
   * (the page's). Each element may override with its own `locale`. Changing it
   * re-renders every element live.
   */
  locale: string | undefined;

  /** A client to share. When unset, the provider creates one from `server-url`. */
  client: ImClientApi | undefined;

  private readonly clientProvider = new ContextProvider(this, { context: imClientContext });
  private readonly themeProvider = new ContextProvider(this, { context: imThemeContext });
  /** An outer provider's theme, handed on when this one sets none. */
  private outerTheme: ImTheme | undefined;
  private readonly themeConsumer = new ContextConsumer(this, {
    context: imThemeContext,
    subscribe: true,
    callback: (value) => {
      this.outerTheme = value ?? undefined;
      this.themeProvider.setValue(this.theme ?? this.outerTheme);
    },
  });
  private readonly localeProvider = new ContextProvider(this, { context: imLocaleContext });
  /** An outer provider's locale, handed on when this one sets none. */
  private outerLocale: string | undefined;
  private readonly localeConsumer = new ContextConsumer(this, {
    context: imLocaleContext,
    subscribe: true,
    callback: (value) => {
      this.outerLocale = value ?? undefined;
      this.localeProvider.setValue(this.locale || this.outerLocale);
    },
  });
  private owned: { client: ImClientApi; serverURL: string } | undefined;
  private session: { client: ImClientApi; userID: string; token: string } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private disposeTimer: ReturnType<typeof setTimeout> | undefined;

  /** The client the provider currently shares (its own `.client`, or the one it created). */
  get activeClient(): ImClientApi | undefined {
    return this.client ?? this.owned?.client;
  }

  /** Resolves when every login or logout the provider started so far has settled. */
  get settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.disposeTimer !== undefined) {
      clearTimeout(this.disposeTimer);
      this.disposeTimer = undefined;
    }
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A provider that is only moved in the DOM keeps its client; one that is removed
    // logs its own client out so that sockets and databases are released.
    this.disposeTimer = setTimeout(() => {
      this.disposeTimer = undefined;
      if (!this.isConnected) this.dispose();
    }, 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) this.themeProvider.setValue(this.theme ?? this.outerTheme);
    if (changed.has('locale')) {
      // Start fetching the table now, so that the elements inside mostly find it loaded.
      if (this.locale) void loadLocale(resolveLocale(this.locale));
      this.localeProvider.setValue(this.locale || this.outerLocale);
    }
    if (!this.isConnected) return;
    if (!this.client && this.serverURL && (!this.owned || this.owned.serverURL !== this.serverURL)) {
      this.releaseOwned();
      this.owned = { client: new ImClient({ serverURL: this.serverURL }), serverURL: this.serverURL };
    }
    if (this.client && this.owned) this.releaseOwned();
    const active = this.activeClient;
    if (this.clientProvider.value !== active) this.clientProvider.setValue(active);
    this.syncSession(active);
  }

  private syncSession(client: ImClientApi | undefined): void {
    const { userID, token } = this;
    const s = this.session;
    if (s && s.client === client && s.userID === userID && s.token === token) return;
    if (!client || !userID || !token) return;
    const previous = s;
    this.session = { client, userID, token };
    this.enqueue(async () => {
      if (previous && previous.client === client) {
        await client.logout().catch(() => undefined);
      }
      try {
        await client.login(userID, token);
        this.emit<ImLoginDetail>('im-login', { userID });
      } catch (err) {
        const e = err as { code?: number; message?: string };
        this.emit<ImLoginErrorDetail>('im-login-error', {
          userID,
          error: { code: e.code ?? 0, message: e.message ?? String(err) },
        });
      }
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task, task);
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  private releaseOwned(): void {
    const owned = this.owned;
    if (!owned) return;
    this.owned = undefined;
    if (this.session?.client === owned.client) this.session = undefined;
    this.enqueue(() => owned.client.logout().catch(() => undefined));
  }

  private dispose(): void {
    this.releaseOwned();
    this.session = undefined;
    this.clientProvider.setValue(this.client);
    // A later reconnect (connectedCallback → update) creates a client and logs in again.
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
