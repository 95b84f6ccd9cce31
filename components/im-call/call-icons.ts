import { html, svg, type TemplateResult } from 'lit';

/** Call icons (24×24), decorative: buttons carry their own labels. */
function icon(body: ReturnType<typeof svg>): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

export const phoneIcon = () =>
  icon(svg`<path d="M5 4h3.5l1.6 4.2-2.2 1.4a11 11 0 0 0 6.5 6.5l1.4-2.2L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5A16.5 16.5 0 0 1 3.5 5.6 1.5 1.5 0 0 1 5 4z"/>`);
export const hangUpIcon = () =>
  icon(svg`<path d="M3.2 14.6c5-4.4 12.6-4.4 17.6 0l-1.6 2.7-3.6-1.2-.4-2.5a10 10 0 0 0-6.4 0l-.4 2.5-3.6 1.2z" fill="currentColor" stroke="none"/>`);
export const videoIcon = () => icon(svg`<rect x="3" y="6.5" width="12" height="11" rx="2"/><path d="M15 10.5l5.5-3v9l-5.5-3z"/>`);
export const videoOffIcon = () =>
  icon(svg`<rect x="3" y="6.5" width="12" height="11" rx="2"/><path d="M15 10.5l5.5-3v9l-5.5-3z"/><path d="M3 3l18 18"/>`);
export const micIcon = () => icon(svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21"/>`);
export const micOffIcon = () =>
  icon(svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M3 3l18 18"/>`);
export const settingsIcon = () =>
  icon(svg`<circle cx="12" cy="12" r="3"/><path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z"/>`);
export const missedIcon = () => icon(svg`<path d="M4 7l6 6 4-4 6 6"/><path d="M15 15h5v-5" transform="rotate(0)"/>`);
