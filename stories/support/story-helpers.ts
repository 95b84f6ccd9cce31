import type { ImTheme } from '../../components/context.js';
import type { StoryBackend } from './loopback.js';

/** The backend a story's loader prepared. */
export function backendOf(context: { loaded: Record<string, unknown> }): StoryBackend {
  const backend = context.loaded['backend'] as StoryBackend | undefined;
  if (!backend) throw new Error('This story needs the backend loader.');
  return backend;
}

/** The toolbar's theme (light, dark or auto). */
export function themeOf(context: { globals: Record<string, unknown> }): ImTheme {
  const t = context.globals['theme'];
  return t === 'dark' || t === 'auto' ? t : 'light';
}

/** Sends a text message from `from` (another logged-in client) into a conversation, as a peer would. */
export async function say(from: Awaited<ReturnType<StoryBackend['loginAs']>>, text: string, to: { userID?: string; groupID?: string }): Promise<void> {
  const m = await from.createTextMessage(text);
  await from.sendMessage(m, to.userID ?? '', to.groupID ?? '');
}
