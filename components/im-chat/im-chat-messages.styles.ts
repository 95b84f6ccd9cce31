import { css } from 'lit';

/**
 * Styles of the message types, actions and composer tools (issue 3). Of the media messages only
 * what their placeholders need to take the same room is here (boxes, the voice and file rows);
 * the rest comes with the media renderers (renderers/media.styles.ts), the dialogs' with theirs.
 */
export default css`
  [part~='content'] {
    display: contents;
  }
  [part~='link'] {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 2px;
    word-break: break-all;
  }
  [part~='mention'] {
    font-weight: 600;
    color: var(--_im-color-accent);
  }
  [part~='message-own'] [part~='mention'] {
    color: inherit;
  }
  [part~='bubble'].at-self {
    box-shadow: inset 3px 0 0 var(--_im-color-accent), var(--_im-shadow);
  }
  .fallback {
    font-style: italic;
    opacity: 0.8;
  }
  [part~='forwarded'] {
    display: block;
    font-size: 12px;
    opacity: 0.75;
    margin-bottom: 2px;
  }
  /* Bare layouts: media without bubble padding; time over the corner. */
  [part~='bubble'].layout-bare {
    padding: 0;
    background: transparent;
    box-shadow: none;
    overflow: hidden;
  }
  [part~='bubble'].layout-bare [part~='meta'] {
    position: absolute;
    inset-inline-end: 6px;
    bottom: 6px;
    top: auto;
    float: none;
    margin: 0;
    padding: 0 6px;
    border-radius: 8px;
    background: rgb(0 0 0 / 0.6); /* dark enough for white text over any picture (WCAG AA) */
    color: #fff;
  }
  [part~='bubble'].layout-bare [part~='sender'] {
    padding: 4px 8px 2px;
  }
  .media {
    position: relative;
    max-width: 100%;
    border-radius: var(--_im-radius-bubble);
    overflow: hidden;
    background: var(--_im-color-bg-elevated);
  }
  .media-placeholder {
    display: block;
    width: 100%;
    height: 100%;
    min-height: 80px;
    background: linear-gradient(90deg, var(--_im-color-border), var(--_im-color-bg-elevated), var(--_im-color-border));
  }
  .video {
    background: #111;
  }
  /* Voice */
  .voice {
    display: grid;
    grid-template-columns: auto minmax(80px, 160px) auto auto;
    align-items: center;
    gap: 8px;
    min-width: 180px;
  }
  .voice-play {
    width: 32px;
    height: 32px;
    border-radius: 50%;
    border: 0;
    display: grid;
    place-items: center;
    background: var(--_im-color-accent);
    color: var(--_im-color-accent-text);
    cursor: pointer;
  }
  [part~='message-own'] .voice-play {
    background: var(--_im-color-bubble-own-text);
    color: var(--_im-color-bubble-own);
  }
  .voice-track {
    height: 4px;
    border-radius: 2px;
    background: color-mix(in srgb, currentColor 25%, transparent);
    overflow: hidden;
  }
  .voice-time {
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }
  .voice-dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_im-color-danger);
  }
  /* File */
  .file {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: 10px;
    min-width: 200px;
    max-width: 320px;
  }
  .file-icon {
    width: 40px;
    height: 48px;
    border-radius: 6px;
    display: grid;
    place-items: center;
    font-size: 10px;
    font-weight: 700;
    color: #fff;
    background: #6b7280;
  }
  .file-info {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .file-name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .file-size {
    font-size: 12px;
    opacity: 0.75;
  }
  /* Location */
  .location {
    display: flex;
    gap: 10px;
    align-items: flex-start;
    color: inherit;
    text-decoration: none;
    min-width: 200px;
  }
  .location-pin {
    font-size: 24px;
  }
  .location-info {
    display: flex;
    flex-direction: column;
  }
  .location-description {
    font-weight: 600;
  }
  .location-coordinates,
  .location-open {
    font-size: 12px;
    opacity: 0.8;
  }
  .location-open {
    text-decoration: underline;
  }
  /* Face */
  .face.emoji {
    font-size: 56px;
    line-height: 1.1;
    display: block;
    min-width: 96px;
    text-align: center;
    padding: 2px 4px 22px;
  }
  [part~='bubble'].layout-bare .face + [part~='meta'],
  [part~='message'][data-content-type='115'] [part~='meta'] {
    background: rgb(0 0 0 / 0.6); /* white time text stays AA on the light chat background */
  }
  /* Quote */
  .quote {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    margin: 2px 0 6px;
    padding: 4px 8px;
    border: 0;
    border-inline-start: 3px solid var(--_im-color-accent);
    border-radius: 6px;
    background: color-mix(in srgb, currentColor 8%, transparent);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .quote-sender {
    font-size: 12px;
    font-weight: 600;
  }
  .quote-text {
    font-size: 13px;
    opacity: 0.85;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 260px;
  }
  [part~='message'].flash [part~='bubble'] {
    animation: im-flash 1.5s ease;
  }
  @keyframes im-flash {
    0%,
    60% {
      box-shadow: 0 0 0 3px var(--_im-color-accent);
    }
  }
  /* Merged forward card */
  .merger {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 220px;
    max-width: 300px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .merger-title {
    font-weight: 600;
  }
  .merger-line {
    font-size: 12.5px;
    opacity: 0.8;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .merger-foot {
    margin-top: 4px;
    padding-top: 4px;
    border-top: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    font-size: 11.5px;
    opacity: 0.7;
  }
  /* Actions */
  [part~='message'] {
    position: relative;
  }
  .actions {
    position: relative;
    align-self: center;
  }
  .actions-button {
    opacity: 0;
    width: 28px;
    height: 28px;
    border: 0;
    border-radius: 50%;
    background: var(--_im-color-bg);
    color: var(--_im-color-text-muted);
    cursor: pointer;
    font-size: 16px;
    line-height: 1;
  }
  [part~='message']:hover .actions-button,
  .actions-button:focus-visible,
  .actions-button[aria-expanded='true'] {
    opacity: 1;
  }
  @media (hover: none) {
    .actions-button {
      opacity: 0.6;
    }
  }
  .read-count {
    margin-top: 2px;
    border: 0;
    background: none;
    padding: 0 4px;
    font: inherit;
    font-size: 11.5px;
    color: var(--_im-color-text-muted);
    cursor: pointer;
    text-decoration: underline;
  }
  /* Composer tools */
  .tool {
    flex: none;
    width: 40px;
    height: 40px;
    display: grid;
    place-items: center;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_im-color-text-muted);
    cursor: pointer;
  }
  .tool:hover {
    background: var(--_im-color-bg-elevated);
    color: var(--_im-color-text);
  }
  /* Dialogs: the backdrop here (it shows while their code loads); the rest in overlay-dialogs.ts. */
  .overlay {
    position: absolute;
    inset: 0;
    z-index: 10;
    display: grid;
    place-items: center;
    background: rgb(0 0 0 / 0.45);
  }
  @container im-chat (max-width: 460px) {
    [part~='location-button'] {
      display: none;
    }
    .tool {
      width: 34px;
    }
  }
`;
