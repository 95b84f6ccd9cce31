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

/** Inserts text at the caret of a textarea and fires `input`. */
export function insertAtCaret(input: HTMLTextAreaElement, text: string): void {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText(text, start, end, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.focus();
}
