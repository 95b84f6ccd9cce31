// What keyword search reads of a message: apart from elems.ts because only search needs it
// (the server's, and the client's local search, which loads on first use).
import { messageSummary, parseJSON, type MergeElem } from './elems.js';
import { ContentType } from './enums.js';
import type { MessageItem } from './types.js';

/** The text that keyword search looks in. */
export function searchableText(m: Pick<MessageItem, 'contentType' | 'content'>): string {
  if (m.contentType === ContentType.Text) return m.content;
  if (m.contentType === ContentType.Merger) {
    const e = parseJSON<MergeElem>(m.content);
    return [e?.title ?? '', ...(e?.abstractList ?? [])].join('\n');
  }
  return messageSummary(m);
}
