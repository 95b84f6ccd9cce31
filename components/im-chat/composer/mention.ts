// What the composer needs on every keystroke in a group: is an "@name" being typed? The rest of
// mentions (filtering members, which picks are still in the text) is in mention-pick.ts, with chat-extras.ts.
export interface MentionCandidate {
  userID: string;
  name: string;
}

/** The `@query` being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([^\s@]{0,32})$/u.exec(before);
  if (!m) return null;
  return { query: m[2]!, start: caret - m[2]!.length - 1 };
}
