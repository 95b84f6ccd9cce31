import { css } from 'lit';
import { avatarStyles } from '../shared/avatar.js';
import { base, tokens } from '../styles/tokens.js';

export default [
  tokens,
  base,
  avatarStyles,
  css`
    :host {
      display: block;
      position: relative;
      min-width: 0;
      min-height: 0;
      --_call-bg: var(--im-call-bg, #101317);
      --_call-fg: var(--im-call-fg, #f2f4f7);
      --_call-tile-bg: var(--im-call-tile-bg, #1d2229);
      --_call-accept: var(--im-call-accept, #1e9e4a);
      --_call-decline: var(--im-call-decline, var(--_im-color-danger));
      --_call-speaking: var(--im-call-speaking, #3ddc84);
    }
    :host([phase='idle']) {
      display: none;
    }
    [part~='base'] {
      position: relative;
      display: flex;
      flex-direction: column;
      height: 100%;
      min-height: 320px;
      background: var(--_call-bg);
      color: var(--_call-fg);
      border-radius: var(--_im-radius);
      overflow: hidden;
    }
    /* ---- ringing (incoming, outgoing) and the summary ---- */
    [part~='ringing'],
    [part~='summary'] {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 12px;
      padding: 24px;
      text-align: center;
      position: relative;
      z-index: 1;
    }
    .backdrop-video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      opacity: 0.35;
      transform: scaleX(-1);
    }
    .pulse {
      border-radius: 50%;
      padding: 6px;
      box-shadow: 0 0 0 0 rgba(255, 255, 255, 0.35);
      animation: ring 1.6s ease-out infinite;
    }
    @keyframes ring {
      0% { box-shadow: 0 0 0 0 rgba(255, 255, 255, 0.35); }
      100% { box-shadow: 0 0 0 22px rgba(255, 255, 255, 0); }
    }
    [part~='caller-name'] {
      font-size: 1.45em;
      font-weight: 600;
      margin: 4px 0 0;
    }
    [part~='call-status'] {
      color: rgba(242, 244, 247, 0.75);
      margin: 0;
    }
    [part~='actions'] {
      display: flex;
      gap: 28px;
      margin-top: 20px;
      flex-wrap: wrap;
      justify-content: center;
    }
    .action {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 6px;
      font-size: 0.86em;
      color: rgba(242, 244, 247, 0.85);
    }
    .round {
      width: 60px;
      height: 60px;
      border-radius: 50%;
      border: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      cursor: pointer;
      color: #fff;
      background: rgba(255, 255, 255, 0.16);
      transition: filter 0.15s, background 0.15s;
    }
    .round:hover {
      filter: brightness(1.12);
    }
    .round:focus-visible {
      outline: 3px solid #fff;
      outline-offset: 3px;
    }
    .round.accept {
      background: var(--_call-accept);
    }
    .round.decline,
    .round.hangup {
      background: var(--_call-decline);
    }
    .round.small {
      width: 48px;
      height: 48px;
    }
    .round[aria-pressed='true'] {
      background: #f2f4f7;
      color: #101317;
    }
    /* ---- in call ---- */
    [part~='grid'] {
      flex: 1;
      display: grid;
      gap: 6px;
      padding: 6px;
      min-height: 0;
      grid-template-columns: repeat(var(--cols, 1), minmax(0, 1fr));
      grid-auto-rows: minmax(0, 1fr);
    }
    [part~='tile'] {
      position: relative;
      background: var(--_call-tile-bg);
      border-radius: 10px;
      overflow: hidden;
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 0;
      outline: 3px solid transparent;
      outline-offset: -3px;
      transition: outline-color 0.15s;
    }
    [part~='tile'].speaking {
      outline-color: var(--_call-speaking);
    }
    [part~='tile'] video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      background: #000;
    }
    [part~='tile'] video.hidden {
      visibility: hidden;
    }
    [part~='tile-local'] video {
      transform: scaleX(-1);
    }
    /* One-to-one: the other person fills the view, you are a picture-in-picture. */
    .pip [part~='tile-local'] {
      position: absolute;
      inset-inline-end: 14px;
      bottom: 92px;
      width: min(28%, 200px);
      aspect-ratio: 4 / 3;
      z-index: 2;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.5);
    }
    .tile-label {
      position: absolute;
      inset-inline-start: 8px;
      bottom: 8px;
      display: inline-flex;
      align-items: center;
      gap: 6px;
      max-width: calc(100% - 16px);
      padding: 3px 8px;
      border-radius: 6px;
      background: rgba(0, 0, 0, 0.55);
      font-size: 0.86em;
      z-index: 1;
    }
    .tile-label .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .tile-label .icon {
      width: 16px;
      height: 16px;
    }
    .tile-state {
      position: absolute;
      top: 8px;
      inset-inline-start: 8px;
      padding: 2px 8px;
      border-radius: 6px;
      background: rgba(0, 0, 0, 0.55);
      font-size: 0.8em;
      z-index: 1;
    }
    [part~='quality'] {
      position: absolute;
      top: 8px;
      inset-inline-end: 8px;
      display: inline-flex;
      align-items: flex-end;
      gap: 2px;
      height: 14px;
      padding: 3px 5px;
      box-sizing: content-box;
      border-radius: 5px;
      background: rgba(0, 0, 0, 0.5);
      z-index: 1;
    }
    [part~='quality'] i {
      display: block;
      width: 3px;
      background: rgba(255, 255, 255, 0.3);
      border-radius: 1px;
    }
    [part~='quality'] i:nth-child(1) { height: 5px; }
    [part~='quality'] i:nth-child(2) { height: 9px; }
    [part~='quality'] i:nth-child(3) { height: 14px; }
    [data-quality='good'] i { background: #3ddc84; }
    [data-quality='fair'] i:nth-child(-n + 2) { background: #f5c542; }
    [data-quality='poor'] i:nth-child(1) { background: #ff6b5e; }
    [part~='controls'] {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 14px;
      padding: 12px 16px 16px;
      flex-wrap: wrap;
      position: relative;
      z-index: 3;
    }
    [part~='topbar'] {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 10px 14px 0;
      font-size: 0.92em;
    }
    [part~='duration'] {
      font-variant-numeric: tabular-nums;
      color: rgba(242, 244, 247, 0.8);
    }
    [part~='notice'] {
      margin-inline-start: auto;
      color: #f5d88a;
      font-size: 0.9em;
      text-align: end;
    }
    [part~='settings'] {
      position: absolute;
      bottom: 88px;
      left: 50%;
      transform: translateX(-50%);
      z-index: 4;
      display: grid;
      gap: 10px;
      width: min(92%, 360px);
      padding: 14px;
      border-radius: 12px;
      background: #242a32;
      color: var(--_call-fg);
      box-shadow: 0 8px 28px rgba(0, 0, 0, 0.5);
    }
    [part~='settings'] label {
      display: grid;
      gap: 4px;
      font-size: 0.86em;
    }
    [part~='settings'] select {
      font: inherit;
      padding: 6px 8px;
      border-radius: 8px;
      border: 1px solid #3a424d;
      background: #171b20;
      color: inherit;
    }
    [part~='error'] {
      max-width: 420px;
      padding: 10px 14px;
      border-radius: 10px;
      background: var(--_im-color-danger-bg);
      color: var(--_im-color-danger);
    }
    .text-button {
      border: 1px solid rgba(255, 255, 255, 0.35);
      background: transparent;
      color: inherit;
      border-radius: 999px;
      padding: 8px 18px;
      cursor: pointer;
    }
    .text-button:focus-visible {
      outline: 2px solid #fff;
      outline-offset: 2px;
    }
  `,
];
