// <im-group-settings>: the leave/dismiss confirmation takes focus (on Cancel, the safe choice), Escape
// cancels it, and focus returns to the button that asked.
import '../../components/im-group-settings/im-group-settings.js';
import { sendKeys } from '@web/test-runner-commands';
import { equal } from '../support/assert.js';
import { mount, part, until } from './helpers.js';
import { cleanup, user } from './social-helpers.js';

afterEach(cleanup);

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

describe('<im-group-settings> confirmation focus', () => {
  it('moves focus to Cancel, closes on Escape, and returns focus to the Leave button', async () => {
    const owner = await user('owner', 'Olga Owner');
    const member = await user('member', 'Max Member');
    const group = await owner.client.createGroup({ groupInfo: { groupName: 'Rowing' }, memberUserIDs: [member.id] });
    const el = document.createElement('im-group-settings');
    el.client = member.client;
    el.groupId = group.groupID;
    await mount(el);
    const leave = await until(() => part(el, 'leave-button'), 'the Leave button');
    leave.focus();
    await sendKeys({ press: 'Enter' });
    const cancel = await until(() => part(el, 'confirm-cancel-button'), 'the confirmation opens');
    await until(() => deepActive() === cancel, 'focus moves to Cancel');
    await sendKeys({ press: 'Escape' });
    await until(() => !part(el, 'confirm'), 'Escape closes the confirmation');
    equal(deepActive(), part(el, 'leave-button'), 'focus is back on Leave');
  });
});
