import type { PushFrame } from '../protocol/frames.js';
import type { SocialPushEvent } from '../protocol/pushes-social.js';

// What the client needs up front about social events: which pushes they are (apply-events.ts
// routes them to apply-social.ts, imported on the first one) and the meta keys they write.

const SOCIAL_PUSHES = new Set<string>([
  'user.updated',
  'user.settings',
  'friend.application',
  'friend.changed',
  'black.changed',
  'group.changed',
  'group.member',
  'group.application',
  'conversation.deleted',
  'conversation.cleared',
]);

export const SETTINGS_KEY = 'userSettings';
export const SELF_KEY = 'self';

export function isSocialPush(frame: PushFrame): frame is PushFrame & SocialPushEvent {
  return SOCIAL_PUSHES.has(frame.push);
}
