import { ImCallButton } from './im-call-button.component.js';

export * from './im-call-button.component.js';
export default ImCallButton;

if (typeof customElements !== 'undefined' && !customElements.get('im-call-button')) {
  customElements.define('im-call-button', ImCallButton);
}

declare global {
  interface HTMLElementTagNameMap {
    'im-call-button': ImCallButton;
  }
  interface HTMLElementEventMap {
    'im-call-start': CustomEvent<import('./im-call-button.component.js').ImCallStartDetail>;
  }
}
