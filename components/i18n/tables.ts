import type { MessageStrings } from '../im-chat/strings-messages.js';
import type { ImCallStrings } from './call-strings.js';
import type { ImSocialStrings } from './social-strings.js';
import type { ImStrings } from './strings.js';

/** Every string table of one locale. */
export interface ImLocaleTables {
  strings: ImStrings;
  social: ImSocialStrings;
  messages: MessageStrings;
  call: ImCallStrings;
}
