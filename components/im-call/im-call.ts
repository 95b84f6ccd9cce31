import { ImCall } from './im-call.component.js';

export * from './im-call.component.js';
export default ImCall;

if (typeof customElements !== 'undefined' && !customElements.get('im-call')) {
  customElements.define('im-call', ImCall);
}

declare global {
  interface HTMLElementTagNameMap {
    'im-call': ImCall;
  }
  interface HTMLElementEventMap {
    'im-call-state': CustomEvent<import('./im-call.component.js').ImCallStateDetail>;
    'im-call-ended': CustomEvent<import('./im-call.component.js').ImCallEndedDetail>;
  }
}
