import { css } from 'lit';
import { avatarStyles } from '../shared/avatar.js';
import { base, tokens } from '../styles/tokens.js';

export default [
  tokens,
  base,
  avatarStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      min-width: 0;
      overflow: hidden;
      background: var(--_im-color-bg);
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      /* Fills the host also when a page makes it display: block. */
      height: 100%;
      min-height: 0;
    }
    [part~='banner'] {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 6px 14px;
      font-size: 12.5px;
      background: var(--_im-color-warning-bg);
      color: var(--_im-color-warning-text);
      border-bottom: 1px solid var(--_im-color-border);
    }
    .spinner {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      border: 2px solid currentColor;
      border-right-color: transparent;
      animation: im-spin 0.8s linear infinite;
      flex: none;
    }
    [part~='list'] {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
      overscroll-behavior: contain;
      outline: none;
    }
    /* The windowed rows: a spacer as tall as all rows, each row placed at its index × row height (top, inline). */
    .rows {
      position: relative;
    }
    .rows > [part~='item'] {
      position: absolute;
      inset-inline-start: 6px;
      inset-inline-end: 6px;
      box-sizing: border-box;
      overflow: hidden;
    }
    [part~='list']:focus-visible {
      outline: 2px solid var(--_im-color-focus);
      outline-offset: -2px;
    }
    [part~='item'] {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 10px;
      border-radius: var(--_im-radius);
      cursor: pointer;
      user-select: none;
      -webkit-tap-highlight-color: transparent;
      position: relative;
    }
    [part~='item']:hover {
      background: var(--_im-color-bg-hover);
    }
    [part~='item'][aria-selected='true'] {
      background: var(--_im-color-bg-selected);
    }
    [part~='item']:focus-visible {
      outline: 2px solid var(--_im-color-focus);
      outline-offset: -2px;
    }
    .main {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 0;
    }
    [part~='name'] {
      /* Each message/name takes its direction from its own first strong letter, so English in an RTL page (and Arabic in an LTR one) reads right. */
      unicode-bidi: plaintext;
      flex: 0 1 auto;
      min-width: 0;
      font-weight: 600;
      font-size: 15px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .flags {
      display: inline-flex;
      gap: 2px;
      color: var(--_im-color-text-muted);
      flex: none;
    }
    .flags .im-icon {
      width: 13px;
      height: 13px;
    }
    .spacer {
      flex: 1 1 auto;
    }
    [part~='time'] {
      unicode-bidi: plaintext;
      flex: none;
      font-size: 12px;
      color: var(--_im-color-text-muted);
      font-variant-numeric: tabular-nums;
    }
    [part~='item-unread'] [part~='time'] {
      color: var(--_im-color-accent);
    }
    [part~='preview'] {
      unicode-bidi: plaintext;
      flex: 1 1 auto;
      min-width: 0;
      font-size: 13.5px;
      color: var(--_im-color-text-muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='preview-sender'] {
      color: var(--_im-color-text);
    }
    [part~='preview-draft'] {
      color: var(--_im-color-danger);
    }
    [part~='badge'] {
      flex: none;
      min-width: 20px;
      height: 20px;
      padding: 0 6px;
      border-radius: 10px;
      background: var(--_im-color-badge);
      color: var(--_im-color-badge-text);
      font-size: 12px;
      font-weight: 600;
      line-height: 20px;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    [part~='badge-muted'] {
      background: var(--_im-color-badge-muted);
    }
    [part~='skeleton'] {
      padding: 6px;
    }
    .skeleton-row {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 10px;
    }
    .skeleton-row > * {
      background: var(--_im-color-skeleton);
      animation: im-pulse 1.4s ease-in-out infinite;
    }
    .skeleton-avatar {
      width: 46px;
      height: 46px;
      border-radius: 50%;
      flex: none;
    }
    .skeleton-lines {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 8px;
      background: none !important;
      animation: none !important;
    }
    .skeleton-lines span {
      display: block;
      height: 11px;
      border-radius: 6px;
      background: var(--_im-color-skeleton);
      animation: im-pulse 1.4s ease-in-out infinite;
    }
    [part~='empty'],
    [part~='error'] {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 6px;
      padding: 32px 24px;
      text-align: center;
      color: var(--_im-color-text-muted);
    }
    .empty-icon {
      width: 48px;
      height: 48px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--_im-color-bg-hover);
      color: var(--_im-color-accent);
      margin-bottom: 6px;
    }
    .empty-icon .im-icon {
      width: 26px;
      height: 26px;
    }
    .title {
      font-weight: 600;
      color: var(--_im-color-text);
      font-size: 15px;
    }
    [part~='error'] .title {
      color: var(--_im-color-danger);
    }
    [part~='retry-button'] {
      margin-top: 8px;
      border: 1px solid var(--_im-color-border);
      background: var(--_im-color-bg);
      border-radius: 8px;
      padding: 6px 14px;
      cursor: pointer;
    }
    [part~='retry-button']:hover {
      background: var(--_im-color-bg-hover);
    }
    [part~='base'] {
      position: relative;
    }
    [part~='item'] {
      position: relative;
    }
    [part~='actions-button'] {
      flex: none;
      display: none;
      align-items: center;
      justify-content: center;
      width: 28px;
      height: 28px;
      margin-inline-start: -4px;
      border: 0;
      border-radius: 8px;
      background: transparent;
      color: var(--_im-color-text-muted);
      cursor: pointer;
    }
    [part~='item']:hover [part~='actions-button'],
    [part~='item']:focus-within [part~='actions-button'],
    [part~='item-selected'] [part~='actions-button'] {
      display: inline-flex;
    }
    [part~='actions-button']:hover {
      background: var(--_im-color-bg-hover);
      color: var(--_im-color-text);
    }
    @media (hover: none) {
      [part~='actions-button'] {
        display: inline-flex;
      }
    }
    .menu-backdrop {
      position: absolute;
      inset: 0;
      z-index: 9;
    }
    [part~='menu'] {
      position: absolute;
      z-index: 10;
      min-width: 200px;
      padding: 4px;
      display: flex;
      flex-direction: column;
      background: var(--_im-color-bg);
      border: 1px solid var(--_im-color-border);
      border-radius: var(--_im-radius);
      box-shadow: var(--_im-shadow-raised);
    }
    [part~='menu-item'] {
      text-align: start;
      border: 0;
      background: transparent;
      color: var(--_im-color-text);
      font: inherit;
      padding: 8px 10px;
      border-radius: 6px;
      cursor: pointer;
    }
    [part~='menu-item']:hover,
    [part~='menu-item']:focus-visible {
      background: var(--_im-color-bg-hover);
    }
    [part~='menu-item-danger'] {
      color: var(--_im-color-danger);
    }
    [part~='action-error'] {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 6px;
      padding: 8px 10px;
      border-radius: 8px;
      background: var(--_im-color-danger-bg);
      color: var(--_im-color-danger);
      font-size: 13px;
    }
    [part~='action-error'] button {
      margin-inline-start: auto;
      border: 0;
      background: transparent;
      color: inherit;
      cursor: pointer;
      font-size: 16px;
    }
  `,
];
