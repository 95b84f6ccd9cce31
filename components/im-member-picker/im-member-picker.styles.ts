import { css } from 'lit';
import { avatarStyles } from '../shared/avatar.js';
import { socialStyles } from '../shared/social-styles.js';
import { base, tokens } from '../styles/tokens.js';

export default [
  tokens,
  base,
  avatarStyles,
  socialStyles,
  css`
    [part~='search'] {
      margin: 10px 12px 6px;
    }
    [part~='chips'] {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding: 0 12px 6px;
    }
    [part~='chip'] {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      border: 1px solid var(--_im-color-border);
      background: var(--_im-color-bg-elevated);
      border-radius: 999px;
      padding-block: 2px;
      padding-inline: 10px 4px;
      font: inherit;
      font-size: 12.5px;
      color: var(--_im-color-text);
      cursor: pointer;
    }
    .check {
      flex: none;
      width: 18px;
      height: 18px;
      border-radius: 5px;
      border: 1.5px solid var(--_im-color-border);
      display: inline-flex;
      align-items: center;
      justify-content: center;
      color: var(--_im-color-accent-text);
    }
    [aria-selected='true'] .check {
      background: var(--_im-color-accent);
      border-color: var(--_im-color-accent);
    }
    [aria-disabled='true'] {
      opacity: 0.5;
      cursor: default !important;
    }
    [part~='footer'] {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-top: 1px solid var(--_im-color-border);
    }
    [part~='footer'] .count {
      flex: 1 1 auto;
      font-size: 12.5px;
      color: var(--_im-color-text-muted);
    }
  `,
];
