import type { ReactiveController, ReactiveControllerHost } from 'lit';
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

/** The focused element inside `root`, looking through nested shadow roots. */
function deepActive(root: DocumentOrShadowRoot): HTMLElement | null {
  let active = root.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * Focus for a dialog or menu an element opens inside its own shadow root: when it opens, focus moves into it
 * (its `[autofocus]` control, else the first one Tab reaches); when it closes, focus goes back to the control
 * that had it before (if that is still in the page). `autofocus` alone does nothing for nodes Lit inserts later.
 */
export class OpenerFocusController implements ReactiveController {
  private wasOpen = false;
  private changed = false;
  private opener: HTMLElement | null = null;
  /** The control that opened it last time (kept after closing), e.g. a menu button a dialog opened from a menu returns to. */
  lastOpener: HTMLElement | null = null;

  /** `fallback`: where focus returns when the opener itself is gone (e.g. a menu item that opened this dialog). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly isOpen: () => boolean,
    private readonly container: () => HTMLElement | null | undefined,
    private readonly fallback: () => HTMLElement | null | undefined = () => null,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const open = this.isOpen();
    if (open === this.wasOpen) return;
    if (open) this.opener = this.lastOpener = deepActive(this.host.shadowRoot ?? document) ?? deepActive(document);
    this.wasOpen = open;
    this.changed = true;
  }

  hostUpdated(): void {
    if (!this.changed) return;
    this.changed = false;
    if (this.wasOpen) {
      this.focusInside(Date.now() + 5_000);
      return;
    }
    const opener = this.opener?.isConnected ? this.opener : this.fallback();
    this.opener = null;
    // Only if focus was inside the closed part (now gone) or nowhere: never steal it from where the user moved it.
    const now = deepActive(document);
    if (opener?.isConnected && (!now || now === document.body || now === this.host)) opener.focus();
  }

  /**
   * Focuses the opened part's `[autofocus]` control, else its first tabbable one. A part whose code loads on
   * first use (im-chat's dialogs) shows a placeholder first, so this retries each frame until its controls
   * exist, it closes, or `deadline` passes.
   */
  private focusInside(deadline: number): void {
    if (!this.wasOpen) return;
    const box = this.container();
    const target = box?.querySelector<HTMLElement>('[autofocus]') ?? (box ? tabbables(box)[0] : undefined);
    if (target) target.focus();
    else if (Date.now() < deadline) requestAnimationFrame(() => this.focusInside(deadline));
  }
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
