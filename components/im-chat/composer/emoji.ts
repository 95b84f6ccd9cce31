/**
 * The emoji picker (emoji-picker-element), imported on first open so that it
 * costs nothing until used. Its data comes from the IM server
 * (`/api/emoji/data.json`, served from the emoji-picker-element-data package):
 * no CDN.
 */
let loading: Promise<void> | null = null;

export function loadEmojiPicker(): Promise<void> {
  loading ??= import('emoji-picker-element').then(() => undefined);
  return loading;
}
