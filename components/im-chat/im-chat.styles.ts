import { css } from 'lit';
import { avatarStyles } from '../shared/avatar.js';
import { base, tokens } from '../styles/tokens.js';
import messageStyles from './im-chat-messages.styles.js';

export default [
  tokens,
  base,
  avatarStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      position: relative;
      min-height: 0;
      min-width: 0;
      overflow: hidden;
      background: var(--_im-color-chat-bg);
      container-type: inline-size;
      container-name: im-chat;
    }
    [part~='base'] {
      display: flex;
      flex-direction: column;
      flex: 1 1 auto;
      /* Fills the host also when a page makes it display: block. */
      height: 100%;
      min-height: 0;
      position: relative;
    }
    .spinner {
      display: inline-block;
      width: 14px;
      height: 14px;
      border-radius: 50%;
      border: 2px solid currentColor;
      border-right-color: transparent;
      animation: im-spin 0.8s linear infinite;
      flex: none;
      vertical-align: -2px;
    }

    /* Header */
    [part~='header'] {
      flex: none;
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 60px;
      padding: 8px 16px;
      background: var(--_im-color-bg);
      border-bottom: 1px solid var(--_im-color-border);
    }
    .heading {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    [part~='title'] {
      margin: 0;
      font-size: 16px;
      font-weight: 600;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='subtitle'] {
      font-size: 12.5px;
      color: var(--_im-color-text-muted);
      display: flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='subtitle'].offline {
      color: var(--_im-color-warning-text);
    }
    [part~='subtitle'] .spinner {
      width: 10px;
      height: 10px;
    }

    /* Message log */
    .viewport {
      position: relative;
      flex: 1 1 auto;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    [part~='log'] {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
      overflow-x: hidden;
      overscroll-behavior: contain;
      padding: 12px 16px 8px;
      outline: none;
    }
    [part~='log']:focus-visible {
      box-shadow: inset 0 0 0 2px var(--_im-color-focus);
    }
    .content {
      display: flex;
      flex-direction: column;
      max-width: 860px;
      margin: 0 auto;
      min-height: 100%;
      justify-content: flex-end;
    }
    [part~='loading-older'],
    [part~='beginning'] {
      align-self: center;
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 4px 0 12px;
      padding: 4px 12px;
      font-size: 12.5px;
      color: var(--_im-color-text-muted);
    }
    [part~='beginning'] {
      background: var(--_im-color-bg);
      border-radius: 999px;
      box-shadow: var(--_im-shadow);
    }
    /* Stand-ins for the messages outside the rendered window (their heights are set inline). */
    .spacer {
      flex: none;
    }
    /* Never the browser's scroll anchor: these change size, move or go away when older rows
       land, and an anchor that goes away cancels the anchoring. Rows are the anchors. */
    .spacer,
    [part~='loading-older'],
    [part~='beginning'],
    [part~='date-separator'],
    [part~='unread-divider'] {
      overflow-anchor: none;
    }
    /* A rule across the log with its label in the middle, above the first unread message. */
    [part~='unread-divider'] {
      flex: none;
      display: flex;
      align-items: center;
      gap: 10px;
      margin: 12px 4px 8px;
      font-size: 12.5px;
      font-weight: 600;
      color: var(--_im-color-accent);
    }
    [part~='unread-divider']::before,
    [part~='unread-divider']::after {
      content: '';
      flex: 1;
      height: 1px;
      background: color-mix(in srgb, var(--_im-color-accent) 45%, transparent);
    }
    [part~='date-separator'],
    [part~='current-day'] {
      align-self: center;
      margin: 10px 0 8px;
      padding: 3px 12px;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_im-color-bg) 88%, transparent);
      box-shadow: var(--_im-shadow);
      font-size: 12.5px;
      font-weight: 500;
      color: var(--_im-color-text-muted);
    }
    /* Floats over the top of the log (outside the scroller, so it never shifts with the rows). */
    [part~='current-day'] {
      /* Only the floating label has rows behind it; a day heading in the column does not, and a
         backdrop filter on each would be redrawn on every scrolled frame for nothing. */
      backdrop-filter: blur(6px);
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      z-index: 1;
      width: max-content;
      margin: 10px auto 0;
      pointer-events: none;
      opacity: 0;
      transition: opacity 0.3s;
    }
    [part~='current-day'].shown {
      opacity: 1;
      transition: none;
    }
    [part~='notice'] {
      align-self: center;
      max-width: 80%;
      margin: 6px 0;
      padding: 4px 12px;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_im-color-bg) 70%, transparent);
      font-size: 12.5px;
      color: var(--_im-color-text-muted);
      text-align: center;
    }

    /* A message row */
    [part~='message'] {
      display: flex;
      align-items: flex-end;
      gap: 8px;
      margin-top: 8px;
    }
    [part~='message'].cont {
      margin-top: 2px;
    }
    [part~='message-own'] {
      flex-direction: row-reverse;
    }
    .avatar-gap {
      flex: none;
      width: 34px;
    }
    .stack {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      max-width: min(75%, 560px);
      min-width: 0;
    }
    [part~='message-own'] .stack {
      align-items: flex-end;
    }
    [part~='bubble'] {
      position: relative;
      max-width: 100%;
      padding: 7px 12px 7px;
      border-radius: var(--_im-radius-bubble);
      background: var(--_im-color-bubble-other);
      color: var(--_im-color-bubble-other-text);
      box-shadow: var(--_im-shadow);
      overflow-wrap: anywhere;
      word-break: break-word;
      display: flow-root;
    }
    [part~='message-other'].first [part~='bubble'] {
      border-start-start-radius: var(--_im-radius-bubble);
    }
    [part~='message-other'].cont [part~='bubble'] {
      border-start-start-radius: 6px;
    }
    [part~='message-other'].more [part~='bubble'] {
      border-end-start-radius: 6px;
    }
    [part~='message-own'] [part~='bubble'] {
      background: var(--_im-color-bubble-own);
      color: var(--_im-color-bubble-own-text);
    }
    [part~='message-own'].cont [part~='bubble'] {
      border-start-end-radius: 6px;
    }
    [part~='message-own'].more [part~='bubble'] {
      border-end-end-radius: 6px;
    }
    [part~='message-failed'] [part~='bubble'] {
      background: var(--_im-color-danger-bg);
      color: var(--_im-color-text);
      box-shadow: inset 0 0 0 1px var(--_im-color-danger);
    }
    [part~='sender'] {
      display: block;
      font-size: 13px;
      font-weight: 600;
      margin-bottom: 1px;
      color: hsl(var(--im-sender-hue) 60% 33%);
    }
    :host([data-im-theme='dark']) [part~='sender'] {
      color: hsl(var(--im-sender-hue) 65% 70%);
    }
    @media (prefers-color-scheme: dark) {
      :host([data-im-theme='auto']) [part~='sender'] {
        color: hsl(var(--im-sender-hue) 65% 70%);
      }
    }
    [part~='text'] {
      /* Each message/name takes its direction from its own first strong letter, so English in an RTL page (and Arabic in an LTR one) reads right. */
      unicode-bidi: plaintext;
      white-space: pre-wrap;
      line-height: 1.4;
      font-size: 14.5px;
    }
    [part~='text'].revoked {
      font-style: italic;
      opacity: 0.75;
    }
    /* Time and status float at the end of the last line, or wrap below it when the line is full. */
    [part~='meta'] {
      float: inline-end;
      position: relative;
      top: 6px;
      margin-block: 0;
      margin-inline: 10px -4px;
      display: inline-flex;
      align-items: center;
      gap: 3px;
      font-size: 11px;
      line-height: 16px;
      color: var(--_im-color-text-muted);
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
      user-select: none;
    }
    [part~='meta'] time {
      unicode-bidi: plaintext;
    }
    [part~='input']::placeholder {
      unicode-bidi: plaintext;
    }
    [part~='message-own'] [part~='meta'] {
      color: var(--_im-color-bubble-own-muted);
    }
    [part~='message-failed'] [part~='meta'] {
      color: var(--_im-color-danger);
    }
    [part~='status'] {
      display: inline-flex;
    }
    [part~='status'] .im-icon {
      width: 14px;
      height: 14px;
    }
    [part~='status'] .im-icon--wide {
      width: 16px;
    }
    [part~='status-read'] {
      color: var(--_im-color-read);
    }
    [part~='failure'] {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 4px 8px;
      margin-top: 4px;
      font-size: 12.5px;
      color: var(--_im-color-danger);
    }
    [part~='failure'] .im-icon {
      width: 14px;
      height: 14px;
      vertical-align: -3px;
    }
    [part~='retry-button'] {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      border: 1px solid var(--_im-color-danger);
      background: var(--_im-color-bg);
      color: var(--_im-color-danger);
      border-radius: 999px;
      padding: 2px 10px;
      font-size: 12.5px;
      font-weight: 500;
      cursor: pointer;
    }
    [part~='retry-button']:hover {
      background: var(--_im-color-danger-bg);
    }
    [part~='retry-button'] .im-icon {
      width: 12px;
      height: 12px;
    }

    /* New messages pill */
    [part~='new-messages'] {
      position: absolute;
      inset-inline-end: 20px;
      bottom: 14px;
      z-index: 2;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 36px;
      min-width: 36px;
      padding: 0 10px;
      justify-content: center;
      border: none;
      border-radius: 18px;
      background: var(--_im-color-bg);
      color: var(--_im-color-text);
      box-shadow: var(--_im-shadow-raised);
      font-size: 13px;
      font-weight: 500;
      cursor: pointer;
    }
    /* Jumps up to the unread divider; top right, where the new-messages pill is at the bottom. */
    [part~='jump-to-unread'] {
      position: absolute;
      inset-inline-end: 20px;
      top: 12px;
      z-index: 2;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      height: 32px;
      padding: 0 14px 0 10px;
      border: none;
      border-radius: 16px;
      background: var(--_im-color-accent);
      color: var(--_im-color-accent-text);
      box-shadow: var(--_im-shadow-raised);
      font: inherit;
      font-size: 13px;
      font-weight: 500;
      cursor: pointer;
    }
    [part~='jump-to-unread'] .im-icon {
      transform: rotate(180deg);
    }
    [part~='new-messages'].count {
      background: var(--_im-color-accent);
      color: var(--_im-color-accent-text);
      padding: 0 14px;
    }

    /* Composer */
    [part~='composer'] {
      flex: none;
      display: flex;
      align-items: flex-end;
      gap: 8px;
      padding: 10px 16px calc(10px + env(safe-area-inset-bottom, 0px));
      background: var(--_im-color-bg);
      border-top: 1px solid var(--_im-color-border);
    }
    [part~='input'] {
      /* Typed text and the placeholder follow their own script's direction. */
      unicode-bidi: plaintext;
      flex: 1 1 auto;
      min-width: 0;
      resize: none;
      margin: 0;
      min-height: 40px;
      max-height: 160px;
      padding: 9px 14px;
      border: 1px solid var(--_im-color-border);
      border-radius: 20px;
      background: var(--_im-color-bg-elevated);
      color: var(--_im-color-text);
      font: inherit;
      font-size: 14.5px;
      line-height: 20px;
      overflow-y: auto;
    }
    [part~='input']::placeholder {
      color: var(--_im-color-text-muted);
    }
    [part~='input']:focus {
      outline: none;
      border-color: var(--_im-color-accent);
      background: var(--_im-color-bg);
    }
    [part~='send-button'] {
      flex: none;
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border: none;
      border-radius: 50%;
      background: var(--_im-color-accent);
      color: var(--_im-color-accent-text);
      cursor: pointer;
      transition:
        opacity 0.15s,
        transform 0.15s;
    }
    [part~='send-button']:hover:not(:disabled) {
      transform: scale(1.05);
    }
    [part~='send-button']:disabled {
      opacity: 0.4;
      cursor: default;
    }
    [part~='send-button'] .im-icon {
      width: 20px;
      height: 20px;
      margin-inline-start: -2px;
    }
    /* The paper plane points along the reading direction. */
    :host(:dir(rtl)) [part~='send-button'] .im-icon {
      transform: scaleX(-1);
    }
    [part~='send-button']:focus-visible {
      outline-offset: 2px;
    }
    [part~='composer-error'] {
      flex: none;
      padding: 6px 16px;
      background: var(--_im-color-danger-bg);
      color: var(--_im-color-danger);
      font-size: 12.5px;
    }

    /* States */
    [part~='empty'],
    [part~='error'],
    [part~='loading'] {
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
      width: 64px;
      height: 64px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--_im-color-bg);
      color: var(--_im-color-accent);
      box-shadow: var(--_im-shadow);
      margin-bottom: 8px;
    }
    .empty-icon .im-icon {
      width: 32px;
      height: 32px;
    }
    .state-title {
      font-weight: 600;
      font-size: 16px;
      color: var(--_im-color-text);
    }
    [part~='error'] .state-title {
      color: var(--_im-color-danger);
    }
    .state-button {
      margin-top: 8px;
      border: 1px solid var(--_im-color-border);
      background: var(--_im-color-bg);
      border-radius: 8px;
      padding: 6px 14px;
      cursor: pointer;
    }

    @container im-chat (max-width: 560px) {
      [part~='header'] {
        padding: 6px 10px;
        gap: 10px;
        min-height: 54px;
      }
      [part~='log'] {
        padding: 8px 8px 6px;
      }
      .stack {
        max-width: 85%;
      }
      [part~='composer'] {
        padding: 8px 8px calc(8px + env(safe-area-inset-bottom, 0px));
      }
    }
  `,
  messageStyles,
];
