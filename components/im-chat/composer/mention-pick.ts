// Mentions once the popup is open: loaded with chat-extras.ts (the popup opens on the first "@").
import { AT_ALL } from '../../../src/model/elems.js';
import type { MentionCandidate } from './mention.js';

export function filterCandidates(list: MentionCandidate[], query: string, everyone: string): MentionCandidate[] {
  const q = query.toLocaleLowerCase();
  const all: MentionCandidate = { userID: AT_ALL, name: everyone };
  const hits = list.filter((c) => !q || c.name.toLocaleLowerCase().includes(q) || c.userID.toLocaleLowerCase().includes(q));
  return (!q || everyone.toLocaleLowerCase().startsWith(q) ? [all] : []).concat(hits).slice(0, 8);
}

/**
 * The mentions still present in the text: a picked member counts only while
 * its `@name` is still in the message.
 */
export function activeMentions(text: string, picked: MentionCandidate[]): MentionCandidate[] {
  const seen = new Set<string>();
  return picked.filter((c) => {
    if (seen.has(c.userID) || !text.includes(`@${c.name}`)) return false;
    seen.add(c.userID);
    return true;
  });
}
