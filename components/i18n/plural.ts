/** Number and plural helpers the English tables use (Chinese has no plural forms). */

const numbers = new Map<string, Intl.NumberFormat>();
const plurals = new Map<string, Intl.PluralRules>();

/** `1,234` in the given locale. */
export function formatCount(n: number, locale = 'en'): string {
  let f = numbers.get(locale);
  if (!f) numbers.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

/** Picks the English form for `n` through Intl.PluralRules (`one` or `other`). */
export function plural(n: number, one: string, other: string, locale = 'en'): string {
  let r = plurals.get(locale);
  if (!r) plurals.set(locale, (r = new Intl.PluralRules(locale)));
  return r.select(n) === 'one' ? one : other;
}

/** Sizes as Chinese UIs write them, `1.5 MB` (Latin unit symbols, binary steps, locale digits); bad input → ''. */
export function formatBytesSymbol(b: number, locale: string): string {
  if (!Number.isFinite(b) || b < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  let v = b;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 || v >= 10 ? 0 : 1 });
  return `${f.format(v)} ${units[i]}`;
}
