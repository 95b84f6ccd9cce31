/**
 * Removes the comment markers that lit-html's `repeat` leaves behind when it removes a row.
 *
 * lit-html 3.3.1 to 3.3.3 (the latest) drop a removed part's start marker but not its end marker
 * (lit/lit#5298, fix pending in lit/lit#5299). A virtualized list removes rows at one edge on
 * every scroll, so one empty comment per row ever shown piles up: 10,000 of them after scrolling
 * through 10,000 messages, and every later walk, insertion and removal among the rows slows down
 * with them (the scroll bench's late frames doubled).
 *
 * Call it on the element that holds a `repeat` whose rows each render content (an element): a
 * live row's two markers each touch that content, so an empty comment with only comments (or
 * nothing) on both sides belongs to no row. At most one such marker stays at each end of the
 * rows (next to the container's other content), so they no longer pile up. Once Lit is fixed
 * this finds nothing and costs one walk over the container's children.
 */
export function sweepRowMarkers(parent: Node): void {
  const marker = (n: Node | null) => !n || n.nodeType === 8;
  for (let n = parent.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === 8 && !(n as Comment).data && marker(n.previousSibling) && marker(next)) n.remove();
    n = next;
  }
}
