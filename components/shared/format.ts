/**
 * Time and date formatting through Intl, with cached formatters. `locale`
 * undefined means the runtime's default; `now` is injectable for tests.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

const relativeCache = new Map<string, Intl.RelativeTimeFormat>();

/** "today" / "yesterday" in `locale`; one formatter per locale (a day heading asks on every render and scroll). */
function relativeDays(locale: string | undefined): Intl.RelativeTimeFormat {
  let f = relativeCache.get(locale ?? '');
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeCache.set(locale ?? '', f);
  }
  return f;
}

const DAY = 24 * 60 * 60 * 1000;

/** Midnight (local time) of the day holding `t`. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Whole calendar days between the days holding `a` and `b` (b − a). */
export function dayDiff(a: number, b: number): number {
  return Math.round((startOfDay(b) - startOfDay(a)) / DAY);
}

export function isSameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b);
}

/** HH:MM in the locale's clock (12 or 24 hours). */
export function formatClock(t: number, locale?: string): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(t);
}

/**
 * The time shown in a conversation row: today → clock time; within the last
 * week → weekday; this year → day and month; else the numeric date.
 */
export function formatListTime(t: number, now: number = Date.now(), locale?: string): string {
  if (!t) return '';
  const days = dayDiff(t, now);
  if (days <= 0) return formatClock(t, locale);
  if (days < 7) return formatter(locale, { weekday: 'short' }).format(t);
  if (new Date(t).getFullYear() === new Date(now).getFullYear()) {
    return formatter(locale, { day: 'numeric', month: 'short' }).format(t);
  }
  return formatter(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(t);
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}

/** The label of a date separator in a chat: Today, Yesterday, a weekday, or a full date. */
export function formatDayLabel(t: number, now: number = Date.now(), locale?: string): string {
  const days = dayDiff(t, now);
  if (days === 0 || days === 1) {
    return capitalise(relativeDays(locale).format(-days, 'day'));
  }
  if (days > 1 && days < 7) return formatter(locale, { weekday: 'long' }).format(t);
  if (new Date(t).getFullYear() === new Date(now).getFullYear()) {
    return formatter(locale, { weekday: 'short', day: 'numeric', month: 'long' }).format(t);
  }
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(t);
}

/** A full date and time, for tooltips. */
export function formatFull(t: number, locale?: string): string {
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(t);
}

/** An ISO timestamp for `<time datetime>`. */
export function isoTime(t: number): string {
  return new Date(t).toISOString();
}

const numberCache = new Map<string, Intl.NumberFormat>();

function numberFormatter(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = numberCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    numberCache.set(key, f);
  }
  return f;
}

/** A count in the locale's digits and grouping (`1,234`). */
export function formatNumber(n: number, locale?: string): string {
  return numberFormatter(locale).format(n);
}

/** Unread counts: 1–99, then "99+" (digits in the locale's numbering). */
export function formatBadge(count: number, locale?: string): string {
  return count > 99 ? `${formatNumber(99, locale)}+` : formatNumber(count, locale);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/**
 * A file size as chat apps write it in every language, `512 B`, `1.5 KB`, `12 MB`
 * (binary steps, Latin unit symbols, digits and decimal mark from Intl); bad input → ''.
 */
export function formatBytes(n: number, locale?: string): string {
  if (!Number.isFinite(n) || n < 0) return '';
  let i = 0;
  let v = n;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = i === 0 || v >= 10 ? 0 : 1;
  return `${numberFormatter(locale, { maximumFractionDigits: digits }).format(v)} ${BYTE_UNITS[i]}`;
}

/** A media or call duration as `m:ss` or `h:mm:ss`, digits in the locale's numbering. */
export function formatDuration(seconds: number, locale?: string): string {
  const total = Math.max(0, Math.round(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = numberFormatter(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const one = numberFormatter(locale, { useGrouping: false });
  return h ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
}

/** "3 minutes ago", "in 2 days", "昨天": the nearest unit through Intl.RelativeTimeFormat. */
export function formatRelative(t: number, now: number = Date.now(), locale?: string): string {
  const diff = (t - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(diff / 3600), 'hour');
  if (abs < 30 * 86400) return rtf.format(Math.round(diff / 86400), 'day');
  if (abs < 365 * 86400) return rtf.format(Math.round(diff / (30 * 86400)), 'month');
  return rtf.format(Math.round(diff / (365 * 86400)), 'year');
}

/** A calendar date only (birthdays): `timeZone: 'UTC'` keeps the stored day. */
export function formatDate(t: number, locale?: string, timeZone?: string): string {
  return formatter(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(t);
}
