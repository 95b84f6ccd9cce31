import { css } from 'lit';

/**
 * The media messages' CSS beyond what their placeholders need (im-chat-messages.styles.ts keeps
 * the boxes and rows, so a placeholder takes the real message's room): posters, players, upload
 * bars, file-type colours, the voice message's icons and progress. It comes with the media
 * renderers (media-renderers.ts) and is added to a chat's shadow root by the first media message
 * rendered there (media.ts), in the same frame.
 */
export default css`
  .media-missing {
    display: grid;
    place-items: center;
    min-height: 80px;
    color: var(--_im-color-text-muted);
  }
  .image-button,
  .video-poster {
    display: block;
    width: 100%;
    height: 100%;
    padding: 0;
    border: 0;
    background: none;
    cursor: zoom-in;
  }
  [part~='image'],
  .video-poster img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .video-poster {
    position: relative;
    cursor: pointer;
    min-height: 90px;
  }
  .video-play {
    position: absolute;
    inset: 0;
    margin: auto;
    width: 48px;
    height: 48px;
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: rgb(0 0 0 / 0.55);
    color: #fff;
    font-size: 20px;
  }
  .video-duration {
    position: absolute;
    inset-inline-start: 6px;
    bottom: 6px;
    padding: 0 6px;
    border-radius: 8px;
    background: rgb(0 0 0 / 0.55);
    color: #fff;
    font-size: 11px;
    line-height: 16px;
  }
  .video-poster[hidden] {
    display: none;
  }
  .video-slot:empty {
    display: none;
  }
  .video-slot {
    width: 100%;
    height: 100%;
  }
  [part~='video-player'] {
    display: block;
    width: 100%;
    height: 100%;
    background: #000;
  }
  .upload {
    position: absolute;
    inset: auto 0 0 0;
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 6px;
    background: rgb(0 0 0 / 0.55);
    color: #fff;
    font-size: 11px;
  }
  .voice .upload,
  .file .upload {
    position: static;
    background: none;
    color: inherit;
    padding: 4px 0 0;
    grid-column: 1 / -1;
  }
  .upload progress {
    flex: 1 1 auto;
    height: 6px;
  }
  [part~='upload-cancel'] {
    border: 1px solid currentColor;
    border-radius: 10px;
    background: transparent;
    color: inherit;
    font: inherit;
    padding: 0 6px;
    cursor: pointer;
  }
  .voice .icon-pause,
  .voice.playing .icon-play {
    display: none;
  }
  .voice.playing .icon-pause {
    display: block;
  }
  .voice-fill {
    display: block;
    height: 100%;
    width: calc(var(--im-voice-progress, 0) * 100%);
    background: currentColor;
  }
  .file-icon.pdf {
    background: #d93025;
  }
  .file-icon.archive {
    background: #b7791f;
  }
  .file-icon.doc {
    background: #2b6cb0;
  }
  .file-icon.sheet {
    background: #2f855a;
  }
  .file-icon.slides {
    background: #c05621;
  }
  .file-download {
    border: 0;
    background: transparent;
    color: inherit;
    cursor: pointer;
    padding: 4px;
    border-radius: 50%;
  }
  .face.sticker img {
    display: block;
  }
`;
