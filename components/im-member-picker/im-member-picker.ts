import { ImMemberPicker } from './im-member-picker.component.js';

export * from './im-member-picker.component.js';
export default ImMemberPicker;

if (typeof customElements !== 'undefined' && !customElements.get('im-member-picker')) customElements.define('im-member-picker', ImMemberPicker);

declare global {
  interface HTMLElementTagNameMap {
    'im-member-picker': ImMemberPicker;
  }
}
