import '../im-member-picker/im-member-picker.js';
import { ImGroupSettings } from './im-group-settings.component.js';

export * from './im-group-settings.component.js';
export default ImGroupSettings;

if (typeof customElements !== 'undefined' && !customElements.get('im-group-settings')) customElements.define('im-group-settings', ImGroupSettings);

declare global {
  interface HTMLElementTagNameMap {
    'im-group-settings': ImGroupSettings;
  }
}
