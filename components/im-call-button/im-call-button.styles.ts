import { css } from 'lit';
import { base, tokens } from '../styles/tokens.js';

export default [
  tokens,
  base,
  css`
    :host {
      display: inline-flex;
    }
    [part~='button'] {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 36px;
      height: 36px;
      border-radius: 50%;
      border: none;
      background: transparent;
      color: var(--_im-color-accent);
      cursor: pointer;
    }
    [part~='button']:hover:not(:disabled) {
      background: var(--_im-color-bg-hover);
    }
    [part~='button']:disabled {
      color: var(--_im-color-text-muted);
      cursor: default;
      opacity: 0.6;
    }
    [part~='button']:focus-visible {
      outline: 2px solid var(--_im-color-focus);
      outline-offset: 1px;
    }
  `,
];
