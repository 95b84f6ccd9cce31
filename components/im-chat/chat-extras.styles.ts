import { css } from 'lit';

/**
 * Styles of what a first paint of a chat does not show: the actions menu, multi-select
 * (checkboxes, selection bar), the reply preview, the mention popup, the emoji panel, voice
 * recording and the drop zone. Adopted into a chat's shadow root (chat-extras.ts) before the
 * first of them opens.
 */
export default css`
  .actions-menu {
    position: absolute;
    z-index: 5;
    bottom: 100%;
    display: flex;
    flex-direction: column;
    min-width: 170px;
    padding: 4px;
    border-radius: 10px;
    background: var(--_im-color-bg);
    border: 1px solid var(--_im-color-border);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.16);
  }
  [part~='message-own'] .actions-menu {
    inset-inline-start: 0;
  }
  [part~='message-other'] .actions-menu {
    inset-inline-end: 0;
  }
  .actions-menu button {
    text-align: start;
    padding: 7px 10px;
    border: 0;
    border-radius: 6px;
    background: none;
    color: var(--_im-color-text);
    font: inherit;
    font-size: 13.5px;
    cursor: pointer;
  }
  .actions-menu button:hover,
  .actions-menu button:focus-visible {
    background: var(--_im-color-bg-elevated);
  }
  .actions-menu button.danger {
    color: var(--_im-color-danger);
  }
  .select-box {
    align-self: center;
    width: 18px;
    height: 18px;
    flex: none;
  }
  .selection-bar {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 16px;
    background: var(--_im-color-bg-elevated);
    border-top: 1px solid var(--_im-color-border);
    font-size: 13px;
  }
  .selection-bar span {
    flex: 1 1 auto;
  }
  .selection-bar button,
  .reply-preview button,
  .recording-status button {
    border: 1px solid var(--_im-color-border);
    border-radius: 14px;
    background: var(--_im-color-bg);
    color: var(--_im-color-text);
    font: inherit;
    font-size: 12.5px;
    padding: 3px 10px;
    cursor: pointer;
    text-decoration: none;
  }
  .tool.stop {
    background: var(--_im-color-danger);
    color: #fff;
  }
  .recording-status {
    flex: 1 1 auto;
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 40px;
    font-size: 14px;
  }
  .rec-dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_im-color-danger);
    animation: im-blink 1s infinite;
  }
  @keyframes im-blink {
    50% {
      opacity: 0.3;
    }
  }
  .reply-preview {
    flex: none;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 16px;
    border-top: 1px solid var(--_im-color-border);
    border-inline-start: 3px solid var(--_im-color-accent);
    background: var(--_im-color-bg-elevated);
    font-size: 13px;
  }
  .reply-label {
    font-weight: 600;
    flex: none;
  }
  .reply-text {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_im-color-text-muted);
  }
  .mention-list {
    flex: none;
    list-style: none;
    margin: 0;
    padding: 4px;
    max-height: 220px;
    overflow: auto;
    border-top: 1px solid var(--_im-color-border);
    background: var(--_im-color-bg);
  }
  .mention-list li {
    padding: 6px 10px;
    border-radius: 6px;
    cursor: pointer;
  }
  .mention-list li[aria-selected='true'] {
    background: var(--_im-color-bg-elevated);
  }
  .emoji-panel {
    flex: none;
    border-top: 1px solid var(--_im-color-border);
  }
  .emoji-panel emoji-picker {
    width: 100%;
    height: 300px;
    --border-size: 0;
  }
  .drop-zone {
    position: absolute;
    inset: 8px;
    z-index: 8;
    display: grid;
    place-items: center;
    border: 2px dashed var(--_im-color-accent);
    border-radius: 12px;
    background: color-mix(in srgb, var(--_im-color-bg) 85%, transparent);
    color: var(--_im-color-accent);
    font-weight: 600;
    pointer-events: none;
  }
`;
