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
    return capitalise(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-days, 'day'));
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

/** Unread counts: 1–99, then "99+". */
export function formatBadge(count: number): string {
  return count > 99 ? '99+' : String(count);
}
