// Windowing for <im-chat>'s message log: which slice of the loaded messages is in the DOM.
//
// The log keeps every loaded message in memory (`messages`, oldest first) but renders only a
// window of them, between two spacers whose heights stand in for the rows left out. Heights
// come from a cache keyed by clientMsgID, filled by measuring rows while they are rendered;
// rows never rendered yet count as the average measured height. The window is always
// computed around an anchor (a row and where it sits in the viewport) rather than from
// scrollTop, so a wrong estimate never moves what the reader sees: the component puts the
// anchor row back at its offset after each render (see im-chat.component.ts, updated()).

/** How close to the bottom (px) still counts as "at the bottom". */
export const BOTTOM_SLACK = 32;

/** Whether the log is scrolled to (within BOTTOM_SLACK of) its bottom. */
export function isAtBottom(log: HTMLElement): boolean {
  return log.scrollHeight - log.scrollTop - log.clientHeight <= BOTTOM_SLACK;
}
/** Rows in the DOM at most, whatever the viewport (keeps the DOM small on tall screens). */
export const MAX_WINDOW_ROWS = 90;
/** The guess for a row never measured before any row was measured (a one-line bubble). */
const FIRST_GUESS_PX = 56;

/** A half-open slice `[start, end)` of the message list. */
export interface RowRange {
  start: number;
  end: number;
}

/** Something with a message ID (a `MessageItem`). */
interface Keyed {
  clientMsgID: string;
}

/** Measured row heights (px), by clientMsgID, with the running average used for the rest. */
export class RowHeights {
  private readonly heights = new Map<string, number>();
  private total = 0;

  /** The measured height, else the average of those measured. */
  get(id: string): number {
    return this.heights.get(id) ?? this.estimate();
  }

  estimate(): number {
    return this.heights.size ? this.total / this.heights.size : FIRST_GUESS_PX;
  }

  /** Records a measurement; returns whether it changed (by half a pixel or more). */
  set(id: string, px: number): boolean {
    const old = this.heights.get(id);
    if (old !== undefined && Math.abs(old - px) < 0.5) return false;
    if (old !== undefined) this.total -= old;
    this.heights.set(id, px);
    this.total += px;
    return true;
  }

  /** Total height of `list[from..to)`. */
  sum(list: readonly Keyed[], from: number, to: number): number {
    let px = 0;
    const guess = this.estimate();
    for (let i = from; i < to; i++) px += this.heights.get(list[i]!.clientMsgID) ?? guess;
    return px;
  }

  clear(): void {
    this.heights.clear();
    this.total = 0;
  }
}

/**
 * The rows to render so that, with `list[anchor]` starting `anchorTop` px below the top of a
 * `viewport` px tall view, the view plus `overscan` px above and below is covered.
 */
export function rangeAround(
  list: readonly Keyed[],
  heights: RowHeights,
  anchor: number,
  anchorTop: number,
  viewport: number,
  overscan: number,
): RowRange {
  const n = list.length;
  if (n === 0) return { start: 0, end: 0 };
  const a = Math.min(Math.max(anchor, 0), n - 1);
  let start = a;
  for (let need = Math.max(0, anchorTop) + overscan; start > 0 && need > 0; ) need -= heights.get(list[--start]!.clientMsgID);
  let end = a;
  for (let need = viewport - anchorTop + overscan; end < n && need > 0; ) need -= heights.get(list[end++]!.clientMsgID);
  if (end === a) end = a + 1;
  // Too many rows (tiny rows, huge viewport): give up overscan on the longer side first.
  while (end - start > MAX_WINDOW_ROWS) {
    if (a - start > end - 1 - a) start++;
    else end--;
  }
  return { start, end };
}

/** The rows to render when the view is at the bottom (the newest message last). */
export function rangeAtBottom(list: readonly Keyed[], heights: RowHeights, viewport: number, overscan: number): RowRange {
  const n = list.length;
  let start = n;
  for (let need = viewport + overscan; start > 0 && need > 0; ) need -= heights.get(list[--start]!.clientMsgID);
  return { start: Math.max(start, n - MAX_WINDOW_ROWS), end: n };
}

/**
 * The row at `offset` px from the top of the first row (`list[0]`), and how far (≤ 0) its
 * top is above that point: where the reader is when the rendered rows are out of view
 * (the scrollbar was dragged far), by the cached heights.
 */
export function rowAtOffset(list: readonly Keyed[], heights: RowHeights, offset: number): { index: number; top: number } {
  let y = 0;
  const guess = heights.estimate();
  for (let i = 0; i < list.length; i++) {
    const h = heights.get(list[i]!.clientMsgID) ?? guess;
    if (y + h > offset) return { index: i, top: y - offset };
    y += h;
  }
  return { index: Math.max(0, list.length - 1), top: 0 };
}
