import { ImProvider } from './im-provider.component.js';

export * from './im-provider.component.js';
export default ImProvider;

if (typeof customElements !== 'undefined' && !customElements.get('im-provider')) {
  customElements.define('im-provider', ImProvider);
}

declare global {
  interface HTMLElementTagNameMap {
    'im-provider': ImProvider;
  }
}
