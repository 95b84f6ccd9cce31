import { en } from './en.js';
import type { ImLocale } from './locale.js';
import type { ImLocaleTables } from './tables.js';

/**
 * The tables of the shipped locales. English is bundled; the Chinese tables
 * (a few kB each) are separate chunks loaded on first use, so an English page
 * pays nothing for them. Until a table has loaded, elements show English and
 * re-render when it arrives; `await loadLocale('zh-Hans')` before first paint
 * avoids that flash.
 */
const loaded: Partial<Record<ImLocale, ImLocaleTables>> = { en };
const pending = new Map<ImLocale, Promise<ImLocaleTables>>();

const LOADERS: Record<Exclude<ImLocale, 'en'>, () => Promise<ImLocaleTables>> = {
  'zh-Hans': () => import('./zh-hans.js').then((m) => m.zhHans),
  'zh-Hant': () => import('./zh-hant.js').then((m) => m.zhHant),
};

/** The tables of `locale` if loaded, else English (see `loadLocale`). */
export function tablesFor(locale: ImLocale): ImLocaleTables {
  return loaded[locale] ?? en;
}

/** Whether `locale`'s tables are in memory. */
export function isLocaleLoaded(locale: ImLocale): boolean {
  return loaded[locale] !== undefined;
}

/** Loads a shipped locale's tables (once); resolves with them. A failed load falls back to English and may be retried. */
export function loadLocale(locale: ImLocale): Promise<ImLocaleTables> {
  const have = loaded[locale];
  if (have) return Promise.resolve(have);
  let p = pending.get(locale);
  if (!p) {
    p = LOADERS[locale as Exclude<ImLocale, 'en'>]()
      .then((tables) => (loaded[locale] = tables))
      .catch(() => {
        pending.delete(locale);
        return en;
      });
    pending.set(locale, p);
  }
  return p;
}
