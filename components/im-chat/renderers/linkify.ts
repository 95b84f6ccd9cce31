import { html, type TemplateResult } from 'lit';

/** http, https and mailto only; anything else stays text. */
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/giu;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

export function safeHref(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Text with its links made clickable, built as Lit template parts (the text is
 * bound as text, the URL as an attribute): no markup in a message ever runs.
 * `highlight` marks @mentions.
 */
export function linkify(text: string, highlight: string[] = []): Array<TemplateResult | string> {
  const out: Array<TemplateResult | string> = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    let url = match[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    // Keep a closing parenthesis that has its opening one inside the URL.
    if (trail && !(trail.startsWith(')') && url.includes('('))) url = url.slice(0, url.length - trail.length);
    const href = safeHref(url);
    const start = match.index!;
    if (!href) continue;
    if (start > last) out.push(...mentions(text.slice(last, start), highlight));
    out.push(html`<a part="link" href=${href} target="_blank" rel="noopener noreferrer nofollow">${url}</a>`);
    last = start + url.length;
  }
  if (last < text.length) out.push(...mentions(text.slice(last), highlight));
  return out;
}

function mentions(text: string, names: string[]): Array<TemplateResult | string> {
  const wanted = names.filter(Boolean).map((n) => `@${n}`);
  if (!wanted.length) return [text];
  const out: Array<TemplateResult | string> = [];
  let rest = text;
  for (;;) {
    let best = -1;
    let hit = '';
    for (const w of wanted) {
      const i = rest.indexOf(w);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
        hit = w;
      }
    }
    if (best < 0) break;
    if (best > 0) out.push(rest.slice(0, best));
    out.push(html`<span part="mention">${hit}</span>`);
    rest = rest.slice(best + hit.length);
  }
  if (rest) out.push(rest);
  return out;
}
