import { en } from './en.js';
import type { ImLocale } from './locale.js';
import type { ImLocaleTables } from './tables.js';
import { zhHans } from './zh-hans.js';
import { zhHant } from './zh-hant.js';

/**
 * The tables of every shipped locale. They are small (a few kB each), so they
 * are bundled eagerly: switching languages is synchronous and never flashes
 * English while a chunk loads.
 */
const TABLES: Record<ImLocale, ImLocaleTables> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

export function tablesFor(locale: ImLocale): ImLocaleTables {
  return TABLES[locale];
}
