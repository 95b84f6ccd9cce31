/**
 * The renderers of media messages (image, video, voice, file, sticker) and what they share:
 * one chunk, imported when the first such message renders (index.ts), so a page that shows
 * text does not download them up front.
 */
export { renderImage } from './image.js';
export { renderVideo } from './video.js';
export { renderVoice } from './voice.js';
export { renderFile } from './file.js';
export { renderFace } from './face.js';
