import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { imLocaleContext } from '../context.js';
import type { MessageStrings } from '../im-chat/strings-messages.js';
import type { ImCallStrings } from '../i18n/call-strings.js';
import { intlLocaleFor, resolveLocale, type ImLocale } from '../i18n/locale.js';
import { isLocaleLoaded, loadLocale, tablesFor } from '../i18n/registry.js';
import type { ImSocialStrings } from '../i18n/social-strings.js';
import type { ImStrings } from '../i18n/strings.js';
import type { ImLocaleTables } from '../i18n/tables.js';
import {
  formatBadge,
  formatBytes,
  formatClock,
  formatDate,
  formatDayLabel,
  formatDuration,
  formatFull,
  formatListTime,
  formatNumber,
  formatRelative,
} from './format.js';

export type LocaleHost = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

/** Every live controller, told when some `lang` attribute in the document changes. */
const live = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const c of live) c.refresh();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest `lang` at or above `el`, crossing shadow roots (the element's, then its ancestors', then the page's). */
function inheritedLang(el: Element): string | undefined {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

type Overrides<T> = Partial<T> | undefined;
interface Memo<T> {
  base: T;
  overrides: Overrides<T>;
  value: T;
}

/**
 * Resolves the language an element speaks and hands it its string tables (loading
 * a Chinese table on first use; English meanwhile) and
 * Intl formatters. Precedence: the element's own `locale` property/attribute,
 * its own `lang` attribute, the enclosing `<im-provider locale>`, the nearest
 * ancestor's (or the page's) `lang`, else English. Any tag maps onto a shipped
 * locale through `resolveLocale` (zh-TW → zh-Hant, zh-CN → zh-Hans, …); Intl
 * gets the precise tag so regional date order survives (`en-GB`).
 *
 * A change in any source (provider, attribute, page `lang`) re-renders the host;
 * the element's `strings` overrides are merged over the locale's table, so they
 * win in every language.
 */
export class LocaleController implements ReactiveController {
  private readonly host: LocaleHost;
  private inherited: string | undefined;
  private tagCache = '';
  /** Between hostUpdate and hostUpdated (the host's render). */
  private updating = false;
  private memo: { [K in keyof ImLocaleTables]?: Memo<ImLocaleTables[K]> } = {};

  constructor(host: LocaleHost) {
    this.host = host;
    host.addController(this);
    new ContextConsumer(host, {
      context: imLocaleContext,
      subscribe: true,
      callback: (value) => {
        this.inherited = value || undefined;
        this.refresh();
      },
    });
  }

  /** The language tag as requested, before mapping (`zh-TW`, `en-GB`, `en`). */
  get requested(): string {
    // While the host renders, the tag noted in hostUpdate holds (a render asks for it per
    // row and per formatted time; walking up the DOM for `lang` each time showed in scrolling).
    return this.updating ? this.tagCache : this.currentTag();
  }

  private currentTag(): string {
    const own = this.host.locale;
    if (own) return own;
    const lang = this.host.getAttribute('lang');
    if (lang) return lang;
    if (this.inherited) return this.inherited;
    return inheritedLang(this.host) ?? 'en';
  }

  /** The shipped locale whose tables the element shows. */
  get locale(): ImLocale {
    return this.mapped().locale;
  }

  /** The tag Intl formats with. */
  get intl(): string {
    return this.mapped().intl;
  }

  private lastMapped: { tag: string; locale: ImLocale; intl: string } | null = null;

  /** `requested` mapped to a shipped locale and an Intl tag, remembered for the last tag (asked for per formatted time). */
  private mapped(): { tag: string; locale: ImLocale; intl: string } {
    const tag = this.requested;
    if (this.lastMapped?.tag !== tag) this.lastMapped = { tag, locale: resolveLocale(tag), intl: intlLocaleFor(tag) };
    return this.lastMapped;
  }

  /** Whether the element is laid out right-to-left (its computed `direction`). */
  get rtl(): boolean {
    return typeof getComputedStyle === 'function' && this.host.isConnected && getComputedStyle(this.host).direction === 'rtl';
  }

  strings(overrides?: Overrides<ImStrings>): ImStrings {
    return this.table('strings', overrides);
  }

  social(overrides?: Overrides<ImSocialStrings>): ImSocialStrings {
    return this.table('social', overrides);
  }

  messages(overrides?: Overrides<MessageStrings>): MessageStrings {
    return this.table('messages', overrides);
  }

  call(overrides?: Overrides<ImCallStrings>): ImCallStrings {
    return this.table('call', overrides);
  }

  // Intl formatting in the resolved locale.
  clock(t: number): string {
    return formatClock(t, this.intl);
  }
  listTime(t: number, now?: number): string {
    return formatListTime(t, now, this.intl);
  }
  dayLabel(t: number, now?: number): string {
    return formatDayLabel(t, now, this.intl);
  }
  full(t: number): string {
    return formatFull(t, this.intl);
  }
  date(t: number, timeZone?: string): string {
    return formatDate(t, this.intl, timeZone);
  }
  relative(t: number, now?: number): string {
    return formatRelative(t, now, this.intl);
  }
  number(n: number): string {
    return formatNumber(n, this.intl);
  }
  badge(n: number): string {
    return formatBadge(n, this.intl);
  }
  bytes(n: number): string {
    return this.messages().fileSize(n);
  }
  duration(seconds: number): string {
    return formatDuration(seconds, this.intl);
  }

  hostConnected(): void {
    live.add(this);
    watchLang();
    this.tagCache = this.currentTag();
    const locale = this.locale;
    if (!isLocaleLoaded(locale)) this.load(locale);
  }

  hostUpdate(): void {
    this.tagCache = this.currentTag();
    this.updating = true;
  }

  hostUpdated(): void {
    this.updating = false;
  }

  hostDisconnected(): void {
    live.delete(this);
  }

  /** Re-renders the host when the resolved tag changed. */
  refresh(): void {
    const tag = this.currentTag();
    if (tag === this.tagCache) return;
    this.tagCache = tag;
    const locale = resolveLocale(tag);
    if (!isLocaleLoaded(locale)) this.load(locale);
    this.host.requestUpdate();
  }

  private table<K extends keyof ImLocaleTables>(kind: K, overrides: Overrides<ImLocaleTables[K]>): ImLocaleTables[K] {
    const locale = this.locale;
    if (!isLocaleLoaded(locale)) this.load(locale);
    const base = tablesFor(locale)[kind];
    const m = this.memo[kind] as Memo<ImLocaleTables[K]> | undefined;
    if (m && m.base === base && m.overrides === overrides) return m.value;
    const value = overrides ? ({ ...base, ...overrides } as ImLocaleTables[K]) : base;
    (this.memo as Record<string, Memo<ImLocaleTables[K]>>)[kind] = { base, overrides, value };
    return value;
  }

  /** Fetches a locale's tables and re-renders the host once they are in (meanwhile it shows English). */
  private load(locale: ImLocale): void {
    void loadLocale(locale).then(() => {
      if (this.host.isConnected && this.locale === locale) this.host.requestUpdate();
    });
  }
}

/** Exported for tests and for pages that pick a locale themselves. */
export { resolveLocale, intlLocaleFor };
