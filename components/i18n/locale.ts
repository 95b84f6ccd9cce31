/**
 * The languages imkit ships and how any BCP 47 tag maps onto them.
 *
 * Fallback (documented in the README): `zh-Hans`, `zh-CN`, `zh-SG`, `zh-MY` and
 * bare `zh` → Simplified Chinese (`zh-Hans`); `zh-Hant`, `zh-TW`, `zh-HK`,
 * `zh-MO` → Traditional Chinese (`zh-Hant`); every other tag → English (`en`).
 */
export type ImLocale = 'en' | 'zh-Hans' | 'zh-Hant';

export const IM_LOCALES: readonly ImLocale[] = ['en', 'zh-Hans', 'zh-Hant'];

const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** Maps any language tag (any case, `_` or `-`) to a shipped locale; unknown or empty → `en`. */
export function resolveLocale(tag: string | null | undefined): ImLocale {
  if (!tag) return 'en';
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  const lang = parts[0]?.toLowerCase();
  if (lang !== 'zh') return 'en';
  const rest = parts.slice(1);
  for (const p of rest) {
    const lower = p.toLowerCase();
    if (lower === 'hant') return 'zh-Hant';
    if (lower === 'hans') return 'zh-Hans';
  }
  for (const p of rest) if (TRADITIONAL_REGIONS.has(p.toUpperCase())) return 'zh-Hant';
  return 'zh-Hans';
}

/**
 * The tag to hand Intl: the requested one when Intl knows it and it maps to the
 * same shipped locale (so `en-GB` keeps day-first dates), else the shipped locale.
 */
export function intlLocaleFor(tag: string | null | undefined): string {
  const resolved = resolveLocale(tag);
  if (!tag) return resolved;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
    return canonical ?? resolved;
  } catch {
    return resolved;
  }
}
