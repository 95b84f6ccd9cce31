import { css } from 'lit';
import { base, tokens } from '../styles/tokens.js';

export default [
  tokens,
  base,
  css`
    :host {
      display: contents;
    }
    [part~='enable-button'] {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      border: 1px solid var(--_im-color-border);
      background: var(--_im-color-bg);
      color: var(--_im-color-text);
      border-radius: 999px;
      padding: 4px 10px;
      font: inherit;
      font-size: 12.5px;
      cursor: pointer;
    }
    [part~='enable-button']:hover {
      background: var(--_im-color-bg-hover);
    }
  `,
];
