import { ImChat } from './im-chat.component.js';

export * from './im-chat.component.js';
export { registerMessageRenderer, registerCustomMessageRenderer, type MessageRenderContext, type MessageRenderer, type CustomMessageRenderer, type CustomRenderContext } from './renderers/registry.js';
export type { MessageStrings } from './strings-messages.js';
export default ImChat;

if (typeof customElements !== 'undefined' && !customElements.get('im-chat')) {
  customElements.define('im-chat', ImChat);
}

declare global {
  interface HTMLElementTagNameMap {
    'im-chat': ImChat;
  }
  interface HTMLElementEventMap {
    'im-message-sent': CustomEvent<import('./im-chat.component.js').ImMessageSentDetail>;
    'im-message-failed': CustomEvent<import('./im-chat.component.js').ImMessageFailedDetail>;
  }
}
