import '../im-member-picker/im-member-picker.js';
import { ImContacts } from './im-contacts.component.js';

export * from './im-contacts.component.js';
export default ImContacts;

if (typeof customElements !== 'undefined' && !customElements.get('im-contacts')) customElements.define('im-contacts', ImContacts);

declare global {
  interface HTMLElementTagNameMap {
    'im-contacts': ImContacts;
  }
}
