import type { CSSResult, LitElement } from 'lit';

const adopted = new WeakMap<CSSResult, WeakSet<ShadowRoot>>();

/**
 * Adds `styles` (CSS of a part loaded on first use) to `el`'s shadow root, once per root,
 * right after the element's own styles: sheets a page added with adoptImkitStyles come
 * later and so still win. Call it before the part is first shown (in the render that shows it).
 */
export function adoptStyles(el: LitElement, styles: CSSResult): void {
  const root = el.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  let roots = adopted.get(styles);
  if (!roots) adopted.set(styles, (roots = new WeakSet()));
  if (roots.has(root)) return;
  roots.add(root);
  const sheet = styles.styleSheet;
  if (sheet) {
    const own = new Set((el.constructor as typeof LitElement).elementStyles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet)));
    const sheets = [...root.adoptedStyleSheets];
    let at = 0;
    sheets.forEach((s, i) => own.has(s) && (at = i + 1));
    sheets.splice(at, 0, sheet);
    root.adoptedStyleSheets = sheets;
  } else {
    // No constructable stylesheets (Lit falls back to <style> elements in the same case).
    const style = document.createElement('style');
    style.textContent = styles.cssText;
    root.append(style);
  }
}

/**
 * `adoptStyles` for a part that only has one of its own nodes (a `ref` callback on it): adds
 * `styles` to the shadow root `el` renders in. Lit calls a ref while the node is still in its
 * template fragment; then this looks again once it is in the shadow root (a microtask, so still
 * before the frame is painted).
 */
export function adoptStylesAt(el: Element | undefined, styles: CSSResult): void {
  if (!el) return;
  const root = el.getRootNode();
  if (!(root instanceof ShadowRoot)) {
    if (!el.isConnected) queueMicrotask(() => adoptStylesAt(el.isConnected ? el : undefined, styles));
    return;
  }
  adoptStyles(root.host as LitElement, styles);
}
