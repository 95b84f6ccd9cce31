import { defaultMessageStrings } from '../im-chat/strings-messages.js';
import { defaultCallStrings } from './call-strings.js';
import { defaultSocialStrings } from './social-strings.js';
import { defaultStrings } from './strings.js';
import type { ImLocaleTables } from './tables.js';

/** English, the default and the fallback for unknown locales. */
export const en: ImLocaleTables = {
  strings: defaultStrings,
  social: defaultSocialStrings,
  messages: defaultMessageStrings,
  call: defaultCallStrings,
};
