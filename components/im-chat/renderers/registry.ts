import type { TemplateResult } from 'lit';
import type { ImClientApi } from '../../../src/client/api.js';
import { parseJSON } from '../../../src/model/elems.js';
import { ContentType } from '../../../src/model/enums.js';
import type { MessageItem } from '../../../src/model/types.js';
import type { ImStrings } from '../../i18n/strings.js';
import type { MessageStrings } from '../strings-messages.js';

/**
 * The message renderer registry of `<im-chat>`. Each content type has a
 * renderer (one file per type in this folder); a host app adds its own:
 *
 * ```ts
 * import { registerMessageRenderer, registerCustomMessageRenderer } from 'imkit/im-chat.js';
 * // a whole content type (e.g. OpenIM's call records, 1600, or your own codes)
 * registerMessageRenderer(1600, ({ message }) => html`<span>📞 ${message.content}</span>`);
 * // a custom message (110) whose customElem.data is JSON with `"type": "poll"`
 * registerCustomMessageRenderer('poll', ({ data }) => html`<my-poll .data=${data}></my-poll>`);
 * ```
 *
 * Renderers return Lit templates: message data goes in as text or attribute
 * bindings, never as HTML. Unknown types show a safe fallback.
 */
export interface MessageRenderContext {
  message: MessageItem;
  /** Sent by the logged-in user. */
  own: boolean;
  client: ImClientApi | undefined;
  strings: ImStrings;
  /** Texts of the message types and actions. */
  t: MessageStrings;
  /** The logged-in user's ID. */
  selfID: string;
  /** Upload progress 0–100 while a media message is being sent. */
  progress: number | undefined;
  /** Opens the image viewer (zoom, original). */
  openImage(src: string, original: string, name: string): void;
  /** Scrolls to a message (quotes) and highlights it; false when it is not loaded. */
  jumpTo(clientMsgID: string, seq?: number): void;
  /** Opens the list of a merged forward. */
  openMerged(message: MessageItem): void;
  /** Marks a voice message played (local state). */
  markPlayed(clientMsgID: string): void;
  isPlayed(clientMsgID: string): boolean;
  /** Cancels an upload in progress. */
  cancelUpload(clientMsgID: string): void;
  /** Asks the host to re-render (e.g. after a media URL resolved). */
  requestUpdate(): void;
}

export interface MessageRenderer {
  (ctx: MessageRenderContext): TemplateResult | string;
}

/** What a custom renderer gets: the parsed `customElem.data` beside the context. */
export interface CustomRenderContext extends MessageRenderContext {
  data: Record<string, unknown>;
  description: string;
  extension: string;
}
export type CustomMessageRenderer = (ctx: CustomRenderContext) => TemplateResult | string;

export interface RendererOptions {
  /**
   * `bubble` (default) draws the content inside a message bubble; `bare` draws
   * it without bubble chrome (images, stickers, cards); `notice` centres it
   * like a system notice, without sender or avatar.
   */
  layout?: 'bubble' | 'bare' | 'notice';
}

interface Entry {
  render: MessageRenderer;
  options: RendererOptions;
}

const byType = new Map<number, Entry>();
const custom = new Map<string, CustomMessageRenderer>();

/** Registers (or replaces) the renderer of a content type. Returns a function that unregisters it. */
export function registerMessageRenderer(contentType: number, render: MessageRenderer, options: RendererOptions = {}): () => void {
  const entry = { render, options };
  byType.set(contentType, entry);
  return () => {
    if (byType.get(contentType) === entry) byType.delete(contentType);
  };
}

/** Registers a renderer for custom messages (110) whose `customElem.data` JSON has `type: <type>`. */
export function registerCustomMessageRenderer(type: string, render: CustomMessageRenderer): () => void {
  custom.set(type, render);
  return () => {
    if (custom.get(type) === render) custom.delete(type);
  };
}

export function customRendererFor(message: MessageItem): { render: CustomMessageRenderer; data: Record<string, unknown> } | null {
  const data = parseJSON<Record<string, unknown>>(message.customElem?.data ?? '') ?? {};
  const type = typeof data.type === 'string' ? data.type : '';
  const render = type ? custom.get(type) : undefined;
  return render ? { render, data } : null;
}

let fallback: Entry | undefined;
export function setFallbackRenderer(render: MessageRenderer): void {
  fallback = { render, options: {} };
}

export function rendererFor(message: MessageItem): Entry {
  return byType.get(message.contentType) ?? fallback!;
}

export function layoutOf(message: MessageItem): NonNullable<RendererOptions['layout']> {
  if (message.contentType === ContentType.Notification || message.contentType === ContentType.Revoke) return 'notice';
  return rendererFor(message).options.layout ?? 'bubble';
}
