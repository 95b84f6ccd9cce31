/**
 * The conversation actions' texts (the menu of <im-conversation-list>). They are part of
 * `ImSocialStrings` but live apart, so a page with a list and a chat carries these lines
 * and not the whole social table (social-strings.ts, loaded with the social elements).
 */
export interface ImConversationActionStrings {
  actions: string;
  actionsFor: (name: string) => string;
  pin: string;
  unpin: string;
  mute: string;
  unmute: string;
  markRead: string;
  markAllRead: string;
  hide: string;
  deleteWithMessages: string;
  clearHistory: string;
  actionFailed: string;
}

export const defaultConversationActionStrings: ImConversationActionStrings = {
  actions: 'Actions',
  actionsFor: (name) => `Actions for ${name}`,
  pin: 'Pin',
  unpin: 'Unpin',
  mute: 'Mute notifications',
  unmute: 'Unmute notifications',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  hide: 'Remove from list',
  deleteWithMessages: 'Delete chat and messages',
  clearHistory: 'Clear history',
  actionFailed: 'That did not work',
};
