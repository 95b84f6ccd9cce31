import { css } from 'lit';

/** Layout pieces shared by the social elements: panels, tabs, rows, buttons, fields, states. */
export const socialStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    background: var(--_im-color-bg);
    color: var(--_im-color-text);
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    height: 100%;
    min-height: 0;
  }
  .scroll {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 12px 14px 8px;
  }
  [part~='title'] {
    font-weight: 650;
    font-size: 16px;
    margin: 0;
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='tabs'] {
    display: flex;
    gap: 2px;
    padding: 0 10px;
    border-bottom: 1px solid var(--_im-color-border);
    overflow-x: auto;
  }
  [part~='tab'] {
    position: relative;
    border: 0;
    background: transparent;
    color: var(--_im-color-text-muted);
    font: inherit;
    font-size: 13.5px;
    padding: 9px 8px;
    cursor: pointer;
    white-space: nowrap;
    border-bottom: 2px solid transparent;
  }
  [part~='tab'][aria-selected='true'] {
    color: var(--_im-color-text);
    border-bottom-color: var(--_im-color-accent);
    font-weight: 600;
  }
  [part~='tab-badge'],
  [part~='badge'] {
    display: inline-block;
    min-width: 18px;
    height: 18px;
    line-height: 18px;
    padding: 0 5px;
    margin-inline-start: 4px;
    border-radius: 9px;
    background: var(--_im-color-danger);
    color: #fff;
    font-size: 11px;
    font-weight: 600;
    text-align: center;
  }
  [part~='section-title'] {
    margin: 14px 14px 6px;
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.03em;
    text-transform: uppercase;
    color: var(--_im-color-text-muted);
  }
  [part~='list'] {
    display: flex;
    flex-direction: column;
    padding: 4px 6px;
    outline: none;
  }
  [part~='row'] {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 7px 8px;
    border-radius: var(--_im-radius);
    min-width: 0;
  }
  [part~='row'][data-clickable] {
    cursor: pointer;
  }
  [part~='row'][data-clickable]:hover,
  [part~='row']:focus-visible {
    background: var(--_im-color-bg-hover);
  }
  [part~='row'][aria-selected='true'],
  [part~='row'][aria-current='true'] {
    background: var(--_im-color-bg-selected);
  }
  .who {
    display: flex;
    flex-direction: column;
    min-width: 0;
    flex: 1 1 auto;
  }
  .name {
    font-weight: 550;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sub {
    font-size: 12.5px;
    color: var(--_im-color-text-muted);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row-actions {
    display: flex;
    gap: 6px;
    flex: none;
    align-items: center;
  }
  button.btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    border: 1px solid var(--_im-color-border);
    background: var(--_im-color-bg);
    color: var(--_im-color-text);
    border-radius: 8px;
    padding: 5px 12px;
    font: inherit;
    font-size: 13px;
    cursor: pointer;
    white-space: nowrap;
  }
  button.btn:hover:not(:disabled) {
    background: var(--_im-color-bg-hover);
  }
  button.btn:disabled {
    opacity: 0.55;
    cursor: default;
  }
  button.btn.primary {
    background: var(--_im-color-accent);
    border-color: var(--_im-color-accent);
    color: var(--_im-color-accent-text);
  }
  button.btn.primary:hover:not(:disabled) {
    filter: brightness(1.08);
    background: var(--_im-color-accent);
  }
  button.btn.danger {
    color: var(--_im-color-danger);
  }
  button.btn.icon {
    padding: 5px;
    border-color: transparent;
    background: transparent;
  }
  form.inline,
  .inline {
    display: flex;
    gap: 6px;
    padding: 6px 14px 10px;
    flex-wrap: wrap;
    align-items: center;
  }
  input,
  textarea,
  select {
    font: inherit;
    font-size: 13.5px;
    color: var(--_im-color-text);
    background: var(--_im-color-bg);
    border: 1px solid var(--_im-color-border);
    border-radius: 8px;
    padding: 6px 9px;
    min-width: 0;
  }
  /* What people type (names, IDs, URLs, announcements) reads in its own direction, whatever the page's. */
  input,
  textarea,
  input::placeholder,
  textarea::placeholder {
    unicode-bidi: plaintext;
  }
  input:focus,
  textarea:focus,
  select:focus {
    outline: 2px solid var(--_im-color-focus);
    outline-offset: -1px;
  }
  .inline input {
    flex: 1 1 120px;
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 6px 14px;
    font-size: 12.5px;
    color: var(--_im-color-text-muted);
  }
  label.field > input,
  label.field > textarea,
  label.field > select {
    color: var(--_im-color-text);
  }
  textarea {
    resize: vertical;
    min-height: 56px;
  }
  [part~='empty'],
  [part~='loading'],
  [part~='error'] {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 6px;
    padding: 28px 16px;
    text-align: center;
    color: var(--_im-color-text-muted);
    font-size: 13.5px;
  }
  [part~='error'] {
    color: var(--_im-color-danger);
  }
  [part~='notice'] {
    margin: 6px 14px;
    padding: 7px 10px;
    border-radius: 8px;
    font-size: 13px;
    background: var(--_im-color-bg-elevated);
    color: var(--_im-color-text-muted);
  }
  [part~='notice'][data-kind='error'] {
    background: var(--_im-color-danger-bg);
    color: var(--_im-color-danger);
  }
  .role {
    font-size: 11px;
    font-weight: 600;
    padding: 1px 6px;
    border-radius: 6px;
    background: var(--_im-color-bg-elevated);
    color: var(--_im-color-text-muted);
    border: 1px solid var(--_im-color-border);
  }
  .role.owner {
    color: var(--_im-color-owner);
    border-color: #f0c36d;
  }
  .role.admin {
    color: var(--_im-color-accent);
    border-color: var(--_im-color-accent);
  }
  .spinner {
    width: 16px;
    height: 16px;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-right-color: transparent;
    animation: im-spin 0.8s linear infinite;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
