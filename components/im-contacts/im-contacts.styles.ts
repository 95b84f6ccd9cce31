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
    [part~='create-panel'] {
      display: flex;
      flex-direction: column;
      min-height: 260px;
      max-height: 60%;
      border-bottom: 1px solid var(--_im-color-border);
    }
    [part~='create-panel'] im-member-picker {
      flex: 1 1 auto;
      min-height: 0;
    }
    .status {
      font-size: 12px;
      color: var(--_im-color-text-muted);
    }
    .status.accepted {
      color: var(--_im-color-success);
    }
  `,
];
