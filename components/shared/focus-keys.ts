// The keys of the menus and modal dialogs elements open in their shadow roots. Split from
// focus-trap.ts (whose OpenerFocusController every chat constructs) because only the parts
// that show a menu or a dialog need them, and those load on first use.
import { tabbables } from './focus-trap.js';

/**
 * Keeping keyboard focus inside a modal part of an element's shadow root: Tab from the last control goes to
 * the first, Shift+Tab from the first to the last, so a keyboard user cannot wander behind an overlay.
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

/**
 * Keys of a menu of `role="menuitem"` buttons (WAI-ARIA menu pattern): arrows, Home and End move between
 * items (wrapping), Escape closes and Tab closes. Attach to the menu's `@keydown`.
 */
export function menuKeydown(event: KeyboardEvent, close: () => void): void {
  const menu = event.currentTarget as HTMLElement;
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])')];
  const root = menu.getRootNode() as ShadowRoot | Document;
  const index = items.indexOf(root.activeElement as HTMLElement);
  let next: HTMLElement | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = items[(index + 1) % items.length];
      break;
    case 'ArrowUp':
      next = items[(index - 1 + items.length) % items.length];
      break;
    case 'Home':
      next = items[0];
      break;
    case 'End':
      next = items[items.length - 1];
      break;
    case 'Escape':
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    case 'Tab':
      close();
      return;
    default:
      return;
  }
  event.preventDefault();
  next?.focus();
}
