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
    [part~='summary'] {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 14px;
    }
    [part~='summary'] .who .name {
      font-size: 16px;
    }
    [part~='announcement'] {
      margin: 0 14px 8px;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--_im-color-warning-bg);
      color: var(--_im-color-warning-text);
      font-size: 13px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .switch {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 8px 14px;
      font-size: 13.5px;
    }
    .switch .hint {
      display: block;
      font-size: 12px;
      color: var(--_im-color-text-muted);
    }
    .member-menu {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding-block: 4px 8px;
      padding-inline: 54px 8px;
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      padding: 8px 14px;
      font-size: 13.5px;
    }
    [part~='danger-zone'] {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      padding: 12px 14px 18px;
      border-top: 1px solid var(--_im-color-border);
      margin-top: 10px;
    }
    [part~='invite-panel'] {
      display: flex;
      flex-direction: column;
      min-height: 280px;
      max-height: 420px;
      border: 1px solid var(--_im-color-border);
      border-radius: var(--_im-radius);
      margin: 6px 14px;
      overflow: hidden;
    }
    [part~='invite-panel'] im-member-picker {
      flex: 1 1 auto;
      min-height: 0;
    }
    .muted {
      font-size: 11.5px;
      color: var(--_im-color-danger);
    }
  `,
];
