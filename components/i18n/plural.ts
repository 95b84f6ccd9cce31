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

