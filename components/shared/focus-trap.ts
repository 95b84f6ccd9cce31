/**
 * Keeping keyboard focus inside a modal part of an element's shadow root: Tab from the last control goes to
 * the first, Shift+Tab from the first to the last, so a keyboard user cannot wander behind an overlay.
 */

const FOCUSABLE = 'a[href], button, input, select, textarea, video[controls], [tabindex], [contenteditable="true"]';

/** The controls inside `container` that Tab can reach, in document order (disabled, hidden and tabindex=-1 left out). */
export function tabbables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  });
}

/**
 * Call from a keydown handler: on Tab, keeps focus within `container` (inside `root`, the shadow root whose
 * `activeElement` tells where focus is). Returns true when it handled the key.
 */
export function trapTab(event: KeyboardEvent, root: ShadowRoot, container: ParentNode): boolean {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return false;
  const list = tabbables(container);
  const current = root.activeElement as HTMLElement | null;
  const index = current ? list.indexOf(current) : -1;
  let next: HTMLElement | undefined;
  if (!list.length) next = undefined;
  else if (event.shiftKey) next = index <= 0 ? list[list.length - 1] : undefined;
  else next = index === -1 || index === list.length - 1 ? list[0] : undefined;
  // Inside the list and not at an end: the browser's own Tab order is right.
  if (list.length && !next) return false;
  event.preventDefault();
  next?.focus();
  return true;
}
