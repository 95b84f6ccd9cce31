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
    [part~='card'] {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
      padding: 20px 16px 10px;
      text-align: center;
    }
    [part~='name'] {
      font-size: 18px;
      font-weight: 650;
      margin: 4px 0 0;
    }
    [part~='user-id'] {
      font-size: 12.5px;
      color: var(--_im-color-text-muted);
    }
    [part~='signature'] {
      font-size: 13.5px;
      color: var(--_im-color-text);
      max-width: 36ch;
      overflow-wrap: anywhere;
    }
    .tags {
      display: flex;
      gap: 6px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 14px;
      margin: 6px 16px 10px;
      font-size: 13.5px;
    }
    dt {
      color: var(--_im-color-text-muted);
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    [part~='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      justify-content: center;
      padding: 8px 16px 16px;
    }
    form {
      display: flex;
      flex-direction: column;
      padding-bottom: 8px;
    }
  `,
];
