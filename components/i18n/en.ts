import { defaultMessageStrings, type MessageStrings } from '../im-chat/strings-messages.js';
import { defaultConversationActionStrings } from './conversation-action-strings.js';
import type { ImCallStrings } from './call-strings.js';
import type { ImSocialStrings } from './social-strings.js';
import { firstStrings, type ImStrings } from './strings.js';
import type { ImLocaleTables } from './tables.js';

/**
 * English, the default and the fallback for unknown locales. The list and chat tables are
 * here; the social and call tables (about 2 kB) install themselves when the elements that
 * show them import them (social-strings.ts, call-strings.ts), so a page with only a list
 * and a chat does not carry them. Until then `social` holds the conversation actions only
 * and `call` nothing: no element reads more before its own import has run. Likewise
 * `messages` holds what a first paint of the chat shows until the chat's parts loaded on
 * first use bring the rest (strings-messages-more.ts), and `strings` all but the storage
 * notice's texts until that notice shows (strings-storage.ts).
 */
export const en: ImLocaleTables = {
  strings: firstStrings as ImStrings,
  social: defaultConversationActionStrings as ImSocialStrings,
  messages: defaultMessageStrings as MessageStrings,
  call: {} as ImCallStrings,
};

export function installEnglishTable<K extends keyof ImLocaleTables>(kind: K, table: ImLocaleTables[K]): void {
  en[kind] = table;
}
