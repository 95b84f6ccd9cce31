import { ImConversationList } from './im-conversation-list.component.js';

export * from './im-conversation-list.component.js';
export default ImConversationList;

if (typeof customElements !== 'undefined' && !customElements.get('im-conversation-list')) {
  customElements.define('im-conversation-list', ImConversationList);
}

declare global {
  interface HTMLElementTagNameMap {
    'im-conversation-list': ImConversationList;
  }
  interface HTMLElementEventMap {
    'im-conversation-select': CustomEvent<import('./im-conversation-list.component.js').ImConversationSelectDetail>;
  }
}
