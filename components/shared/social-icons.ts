import { html, svg, type TemplateResult } from 'lit';

/** Icons of the social elements (16×16, stroke currentColor, decorative). */
function icon(body: ReturnType<typeof svg>): TemplateResult {
  return html`<svg class="im-icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.6"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

export const moreIcon = () => icon(svg`<circle cx="3.5" cy="8" r="1" fill="currentColor"/><circle cx="8" cy="8" r="1" fill="currentColor"/><circle cx="12.5" cy="8" r="1" fill="currentColor"/>`);
export const userPlusIcon = () => icon(svg`<circle cx="6" cy="5.5" r="2.5"/><path d="M1.5 13.5c.6-2.4 2.3-3.5 4.5-3.5s3.9 1.1 4.5 3.5M12.5 5v5M10 7.5h5"/>`);
export const usersIcon = () => icon(svg`<circle cx="5.5" cy="5.5" r="2.2"/><circle cx="11" cy="6" r="1.8"/><path d="M1.5 13c.5-2.2 2-3.2 4-3.2s3.5 1 4 3.2M10 9.8c1.9 0 3.2.9 3.8 2.9"/>`);
export const blockIcon = () => icon(svg`<circle cx="8" cy="8" r="5.5"/><path d="M4.2 11.8l7.6-7.6"/>`);
export const closeIcon = () => icon(svg`<path d="M4 4l8 8M12 4l-8 8"/>`);
export const checkIcon = () => icon(svg`<path d="M3.5 8.5l3 3 6-7"/>`);
export const searchIcon = () => icon(svg`<circle cx="7" cy="7" r="4.5"/><path d="M10.5 10.5L14 14"/>`);
export const settingsIcon = () => icon(svg`<circle cx="8" cy="8" r="2"/><path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"/>`);
export const bellIcon = () => icon(svg`<path d="M4 11V7a4 4 0 018 0v4l1.2 1.5H2.8zM6.5 14a1.6 1.6 0 003 0"/>`);
