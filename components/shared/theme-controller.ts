import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { imThemeContext, type ImTheme } from '../context.js';
import { attachImkitStyles, detachImkitStyles } from './extra-styles.js';

export type ThemeHost = ReactiveControllerHost & HTMLElement & { theme?: ImTheme | undefined };

const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/**
 * Resolves the theme an element shows — its own `theme` attribute, else its
 * provider's, else light — and mirrors it to `data-im-theme` on the host,
 * which the token stylesheet keys on. Changing either source re-themes live.
 */
export class ThemeController implements ReactiveController {
  private readonly host: ThemeHost;
  private inherited: ImTheme | undefined;

  constructor(host: ThemeHost) {
    this.host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: imThemeContext,
      subscribe: true,
      callback: (value) => {
        this.inherited = value ?? undefined;
        this.apply();
      },
    });
  }

  get theme(): ImTheme {
    const own = this.host.theme;
    if (own && THEMES.includes(own)) return own;
    return this.inherited ?? 'light';
  }

  hostConnected(): void {
    this.apply();
    // Every element has a ThemeController, so this is also where the page's adoptImkitStyles() sheets join its shadow root.
    attachImkitStyles(this.host);
  }

  hostDisconnected(): void {
    detachImkitStyles(this.host);
  }

  hostUpdate(): void {
    this.apply();
  }

  private apply(): void {
    const theme = this.theme;
    if (this.host.getAttribute('data-im-theme') !== theme) this.host.setAttribute('data-im-theme', theme);
  }
}
