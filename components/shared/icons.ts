import { svg, html, type TemplateResult } from 'lit';

/** Small inline icons (16×16 viewBox unless noted), decorative unless given a label by the caller. */
function icon(body: ReturnType<typeof svg>, viewBox = '0 0 16 16', cls = ''): TemplateResult {
  return html`<svg
    class="im-icon ${cls}"
    viewBox=${viewBox}
    width="16"
    height="16"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${body}
  </svg>`;
}

export const clockIcon = () => icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 4.8V8l2.2 1.4"/>`);
export const tickIcon = () => icon(svg`<path d="M3.5 8.5l3 3 6-7"/>`);
export const doubleTickIcon = () =>
  icon(svg`<path d="M1.5 8.5l3 3 6-7"/><path d="M7.6 11.2l.3.3 6-7"/>`, '0 0 16 16', 'im-icon--wide');
export const alertIcon = () =>
  icon(svg`<circle cx="8" cy="8" r="6.5"/><path d="M8 4.6v4"/><path d="M8 11.2v.1" stroke-width="2"/>`);
export const sendIcon = () =>
  icon(svg`<path d="M2.2 7.6L13.6 2.4c.4-.2.8.2.6.6L9 14.2c-.2.4-.8.4-.9-.1L7 9 2.3 8.5c-.5-.1-.6-.7-.1-.9z"/><path d="M7 9l3-3"/>`);
export const arrowDownIcon = () => icon(svg`<path d="M8 3v10"/><path d="M3.5 8.5L8 13l4.5-4.5"/>`);
export const pinIcon = () =>
  icon(svg`<path d="M10 2.5l3.5 3.5-2 1-2.5 2.5.5 2.5-1 1-2.5-2.5L3 13.5M6 8.5L3.5 6l1-1 2.5.5L9.5 3z"/>`);
export const muteIcon = () =>
  icon(svg`<path d="M3 6h2l3-2.5v9L5 10H3z"/><path d="M11 6.5l3 3M14 6.5l-3 3"/>`);
export const retryIcon = () => icon(svg`<path d="M13 8a5 5 0 1 1-1.5-3.6"/><path d="M13 2.5v2.8h-2.8"/>`);
export const chatIcon = () =>
  icon(
    svg`<path d="M6 10.5h8.5a3 3 0 0 0 3-3V6a3 3 0 0 0-3-3h-9a3 3 0 0 0-3 3v1.5a3 3 0 0 0 3 3" /><path d="M6 10.5v3l3.5-3"/><path d="M21.5 11v1.5a3 3 0 0 1-3 3H18v3l-3.5-3H11a3 3 0 0 1-2.6-1.5"/>`,
    '0 0 24 24',
  );
