import { ImUserProfile } from './im-user-profile.component.js';

export * from './im-user-profile.component.js';
export default ImUserProfile;

if (typeof customElements !== 'undefined' && !customElements.get('im-user-profile')) customElements.define('im-user-profile', ImUserProfile);

declare global {
  interface HTMLElementTagNameMap {
    'im-user-profile': ImUserProfile;
  }
}
