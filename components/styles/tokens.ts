import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Every element reads its colours, radii and fonts from
 * private `--_im-*` variables that fall back to the public `--im-*` custom
 * properties, so a host page can theme the kit from anywhere up the tree:
 *
 * ```css
 * :root { --im-color-accent: #7c3aed; }          // everywhere
 * im-chat[theme='dark'] { --im-color-bg: #000; } // one element, one theme
 * ```
 *
 * The `theme` attribute (`light` | `dark` | `auto`) picks the default values;
 * `auto` follows `prefers-color-scheme`. Elements under an `<im-provider theme=…>`
 * inherit its theme unless they set their own.
 */
export const TOKENS = {
  'font-family': [
    `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif`,
    null,
  ],
  'font-size': ['14px', null],
  'radius': ['10px', null],
  'radius-bubble': ['16px', null],
  'color-bg': ['#ffffff', '#17191c'],
  'color-bg-elevated': ['#f7f8fa', '#1e2125'],
  'color-bg-hover': ['#eef1f5', '#262a30'],
  'color-bg-selected': ['#e3ecff', '#243352'],
  'color-chat-bg': ['#eef1f5', '#0f1114'],
  'color-border': ['#e3e6ea', '#2c3036'],
  'color-text': ['#15181c', '#e8eaed'],
  'color-text-muted': ['#5a616b', '#9aa1ab'],
  'color-accent': ['#2a62d4', '#7aa5fb'],
  'color-accent-text': ['#ffffff', '#0b1530'],
  'color-bubble-own': ['#2f6fed', '#2f5fc4'],
  'color-bubble-own-text': ['#ffffff', '#f4f7ff'],
  'color-bubble-own-muted': ['rgba(255,255,255,0.75)', 'rgba(244,247,255,0.7)'],
  'color-bubble-other': ['#ffffff', '#23272d'],
  'color-bubble-other-text': ['#15181c', '#e8eaed'],
  'color-danger': ['#c5221f', '#f28b82'],
  'color-danger-bg': ['#fdecea', '#3b1f1d'],
  'color-success': ['#188038', '#81c995'],
  'color-read': ['#9fe7ff', '#9fe7ff'],
  'color-badge': ['#2a62d4', '#7aa5fb'],
  'color-badge-muted': ['#6b7280', '#5c636d'],
  'color-badge-text': ['#ffffff', '#0b1530'],
  'color-skeleton': ['#e7eaee', '#2a2e34'],
  'color-focus': ['#2f6fed', '#8ab4f8'],
  'color-warning-bg': ['#fff4d6', '#3a3220'],
  'color-warning-text': ['#6b4e00', '#f5d88a'],
  'color-owner': ['#8a5200', '#f0b34d'],
  'shadow': ['0 1px 2px rgba(16,24,40,0.08)', '0 1px 2px rgba(0,0,0,0.4)'],
  'shadow-raised': ['0 4px 16px rgba(16,24,40,0.16)', '0 4px 16px rgba(0,0,0,0.5)'],
} as const satisfies Record<string, readonly [string, string | null]>;

export type TokenName = keyof typeof TOKENS;

/**
 * What each token styles. Typed over every token, so a new token without a description does not compile;
 * the README's "Theming" table is generated from this and TOKENS (`node --import tsx scripts/tokens-table.ts`)
 * and test/server/theming-docs.test.ts fails when the two drift apart.
 */
export const TOKEN_DESCRIPTIONS: Record<TokenName, string> = {
  'font-family': 'Font of every element',
  'font-size': 'Base text size (other sizes are set relative to the layout)',
  'radius': 'Corner radius of panels, inputs, buttons and menus',
  'radius-bubble': 'Corner radius of message bubbles and media',
  'color-bg': 'Background of lists, panels, dialogs and the composer',
  'color-bg-elevated': 'Raised surfaces: headers, cards, chips, role badges',
  'color-bg-hover': 'Row and button background under the pointer',
  'color-bg-selected': 'The selected conversation, contact or member row',
  'color-chat-bg': 'Background behind the messages of `<im-chat>`',
  'color-border': 'Separators and outlines',
  'color-text': 'Body text',
  'color-text-muted': 'Secondary text: previews, times, hints, counts (AA on every background above)',
  'color-accent': 'Primary buttons, links, the active tab, admin badges, accent text',
  'color-accent-text': 'Text and icons on an accent background',
  'color-bubble-own': 'Your own message bubbles',
  'color-bubble-own-text': 'Text in your own bubbles',
  'color-bubble-own-muted': 'Times and ticks in your own bubbles',
  'color-bubble-other': 'Other people\'s message bubbles',
  'color-bubble-other-text': 'Text in other people\'s bubbles',
  'color-danger': 'Errors, failed messages, destructive actions, mentions',
  'color-danger-bg': 'Background of error notes and failed bubbles',
  'color-success': 'Confirmations (e.g. "request sent")',
  'color-read': 'The read tick on your own bubbles',
  'color-badge': 'Unread count badges',
  'color-badge-muted': 'Unread badge of a muted conversation',
  'color-badge-text': 'Text on unread badges',
  'color-skeleton': 'Loading placeholders',
  'color-focus': 'Keyboard focus ring',
  'color-warning-bg': 'Background of offline / reconnecting banners and warnings',
  'color-warning-text': 'Text of those banners',
  'color-owner': 'The group owner\'s role badge',
  'shadow': 'Bubbles and sticky date separators',
  'shadow-raised': 'Menus, popovers and floating buttons',
};

function block(dark: boolean): string {
  return Object.entries(TOKENS)
    .map(([name, [light, darkValue]]) => `--_im-${name}: var(--im-${name}, ${dark ? (darkValue ?? light) : light});`)
    .join('\n');
}

/**
 * Tokens as a stylesheet for a shadow root. The element sets
 * `data-im-theme` on itself (see ThemeController) from its own `theme`
 * attribute or the provider's.
 */
export const tokens: CSSResult = css`
  :host {
    ${unsafeCSS(block(false))}
    color-scheme: light;
  }
  :host([data-im-theme='dark']) {
    ${unsafeCSS(block(true))}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([data-im-theme='auto']) {
      ${unsafeCSS(block(true))}
      color-scheme: dark;
    }
  }
`;

/** Rules every element shares: box sizing, font, focus ring, visually-hidden text, the reduced-motion switch. */
export const base: CSSResult = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_im-font-family);
    font-size: var(--_im-font-size);
    line-height: 1.4;
    color: var(--_im-color-text);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_im-color-focus);
    outline-offset: -2px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @keyframes im-pulse {
    0%,
    100% {
      opacity: 1;
    }
    50% {
      opacity: 0.45;
    }
  }
  @keyframes im-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation-duration: 0s !important;
      transition-duration: 0s !important;
    }
  }
`;
