// The English texts of the storage notice (shared/storage-notice-view.ts imports this, and so
// loads it with the notice): it completes the English ImStrings table as it loads.
import { en, installEnglishTable } from './en.js';
import type { ImStrings, StorageNoticeKey } from './strings.js';

const storageNoticeStrings: Pick<ImStrings, StorageNoticeKey> = {
  storageMemoryNotice: 'Storage is full or unavailable — messages are kept only until this tab closes.',
  storageReloadNotice: 'This app was updated in another tab — reload to continue.',
  reload: 'Reload',
  dismiss: 'Dismiss',
};

installEnglishTable('strings', { ...en.strings, ...storageNoticeStrings });

/** Every English text of the list and the chat (what `tablesFor('en').strings` is from now on). */
export const defaultStrings: ImStrings = en.strings;
