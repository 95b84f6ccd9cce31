import { ImNotifier } from './im-notifier.component.js';

export * from './im-notifier.component.js';
export { NotificationController, type NotificationControllerOptions, type NotifyDetail } from './notification-controller.js';
export default ImNotifier;

if (typeof customElements !== 'undefined' && !customElements.get('im-notifier')) customElements.define('im-notifier', ImNotifier);

declare global {
  interface HTMLElementTagNameMap {
    'im-notifier': ImNotifier;
  }
}
