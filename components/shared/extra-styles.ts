import type { CSSResultOrNative } from 'lit';

/**
 * Stylesheets the host page adds to every imkit shadow root, for what the `--im-*` tokens and `::part()`
 * cannot reach (a rule on an inner node, a pseudo-element, a media query inside the element).
 *
 * ```ts
 * import { adoptImkitStyles } from 'imkit';
 * const remove = adoptImkitStyles(`[part~='bubble'] { border-radius: 4px; }`);
 * ```
 *
 * The sheets go after each element's own styles, so at equal specificity they win. They apply to the
 * elements in the page now and to every element created later; the returned function takes them out again.
 */
const sheets: CSSStyleSheet[] = [];
/** Every sheet ever adopted through here, so a removed one is also taken out of the roots. */
const ours = new WeakSet<CSSStyleSheet>();
/** Shadow roots of the imkit elements currently in the document. */
const roots = new Set<ShadowRoot>();

function toSheet(style: string | CSSResultOrNative): CSSStyleSheet {
  if (typeof style === 'string') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style);
    return sheet;
  }
  if (style instanceof CSSStyleSheet) return style;
  const sheet = style.styleSheet;
  if (!sheet) throw new TypeError('adoptImkitStyles: this browser cannot construct stylesheets.');
  return sheet;
}

function apply(root: ShadowRoot): void {
  root.adoptedStyleSheets = [...root.adoptedStyleSheets.filter((s) => !ours.has(s)), ...sheets];
}

/** Adds a stylesheet (CSS text, a `CSSStyleSheet` or a stylesheet from Lit's css tag) to every imkit shadow root; returns its remover. */
export function adoptImkitStyles(style: string | CSSResultOrNative): () => void {
  const sheet = toSheet(style);
  ours.add(sheet);
  sheets.push(sheet);
  for (const root of roots) apply(root);
  return () => {
    const i = sheets.indexOf(sheet);
    if (i < 0) return;
    sheets.splice(i, 1);
    for (const root of roots) apply(root);
  };
}

/** Called by each element when it connects (ThemeController does it for them). */
export function attachImkitStyles(host: Element): void {
  const root = host.shadowRoot;
  if (!root || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in root)) return;
  roots.add(root);
  if (sheets.length || root.adoptedStyleSheets.some((s) => ours.has(s))) apply(root);
}

/** Called when the element leaves the document, so a removed element is not kept alive. */
export function detachImkitStyles(host: Element): void {
  if (host.shadowRoot) roots.delete(host.shadowRoot);
}
