/** Registers every imkit element and re-exports their classes and the shared pieces. */
export * from './context.js';
export * from './im-provider/im-provider.js';
export * from './im-conversation-list/im-conversation-list.js';
export * from './im-chat/im-chat.js';
export * from './im-call/im-call.js';
export * from './im-call-button/im-call-button.js';
export * from './im-contacts/im-contacts.js';
export * from './im-user-profile/im-user-profile.js';
export * from './im-group-settings/im-group-settings.js';
export * from './im-member-picker/im-member-picker.js';
export * from './im-notifier/im-notifier.js';
export { defaultSocialStrings, type ImSocialStrings } from './i18n/social-strings.js';
export { ClientController, type ClientHost, type ClientEventHandlers } from './shared/client-controller.js';
export { ThemeController } from './shared/theme-controller.js';
export { defaultStrings, type ImStrings } from './i18n/strings.js';
export { TOKENS, TOKEN_DESCRIPTIONS, type TokenName } from './styles/tokens.js';
export { adoptImkitStyles } from './shared/extra-styles.js';
