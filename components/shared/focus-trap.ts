import type { ReactiveController, ReactiveControllerHost } from 'lit';
/**
 * Focus for the dialogs and menus an element opens in its shadow root: into them when they open,
 * back to their opener when they close. Their keys (Tab kept inside a modal, arrows in a menu) are
 * in focus-keys.ts, which only the lazily loaded menus and dialogs import.
 */

const FOCUSABLE = 'a[href], button, input, select, textarea, video[controls], [tabindex], [contenteditable="true"]';

/** The controls inside `container` that Tab can reach, in document order (disabled, hidden and tabindex=-1 left out). */
export function tabbables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || el.closest('[inert]')) return false;
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  });
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
