// <im-member-picker>: candidates, filtering, keyboard and confirmation.
import { sendKeys } from '@web/test-runner-commands';
import '../../components/im-member-picker/im-member-picker.js';
import type { ImMemberPicker, ImMembersPickedDetail } from '../../components/im-member-picker/im-member-picker.js';
import { deepEqual, equal, ok } from '../support/assert.js';
import { click, mount, once, part, parts, shadow, text, until } from './helpers.js';
import { befriend, cleanup, user } from './social-helpers.js';

afterEach(cleanup);

const people = [
  { userID: 'ann', nickname: 'Ann Lee' },
  { userID: 'bob', nickname: 'Bob Stone' },
  { userID: 'cy', nickname: 'Cy Young' },
];

function option(el: ImMemberPicker, id: string): HTMLElement {
  return shadow(el).querySelector<HTMLElement>(`[data-user-id="${id}"]`)!;
}

describe('<im-member-picker>', () => {
  it('toggles people with clicks, shows chips, filters by name, and confirms with their IDs', async () => {
    const el = document.createElement('im-member-picker');
    el.candidates = people;
    el.exclude = ['cy'];
    await mount(el);
    equal(parts(el, 'row').length, 3, 'three candidates');
    equal(option(el, 'cy').getAttribute('aria-disabled'), 'true', 'an excluded person cannot be picked');
    ok((part(el, 'confirm-button') as HTMLButtonElement).disabled, 'nothing to confirm yet');
    await click(option(el, 'ann'));
    await click(option(el, 'cy'));
    equal(option(el, 'ann').getAttribute('aria-selected'), 'true', 'Ann is picked');
    equal(parts(el, 'chip').length, 1, 'one chip (Cy stayed unpicked)');

    const search = part(el, 'search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'bob' });
    await until(() => parts(el, 'row').length === 1, 'the filter to leave Bob');
    await sendKeys({ press: 'Enter' });
    await until(() => el.selected.includes('bob'), 'Enter to pick the only match');
    const picked = once<ImMembersPickedDetail>(el, 'im-members-picked');
    await click(part(el, 'confirm-button')!);
    deepEqual((await picked).detail.userIDs, ['ann', 'bob'], 'confirmed in picking order');
  });

  it('leaves no markers of filtered-out rows behind, however often the filter changes', async () => {
    const el = document.createElement('im-member-picker');
    el.candidates = Array.from({ length: 120 }, (_, i) => ({ userID: `u${i}`, nickname: `Person ${i}` }));
    await mount(el);
    const search = part(el, 'search') as HTMLInputElement;
    search.focus();
    for (let round = 0; round < 8; round++) {
      await sendKeys({ type: String(round + 1) });
      await until(() => parts(el, 'row').length < 120, 'the filter to narrow the list');
      await sendKeys({ press: 'Backspace' });
      await until(() => parts(el, 'row').length === 120, 'everyone back');
    }
    const list = part(el, 'list')!;
    const markers = [...list.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
    ok(markers <= 2 * list.children.length + 4, `${markers} comment markers for ${list.children.length} rows`);
  });

  it('moves with the arrow keys and toggles with Space; Escape cancels', async () => {
    const el = document.createElement('im-member-picker');
    el.candidates = people;
    await mount(el);
    (part(el, 'search') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => shadow(el).activeElement === option(el, 'ann'), 'focus on the first person');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Space' });
    deepEqual(el.selected, ['bob'], 'Space toggles the focused person');
    const cancelled = once(el, 'im-pick-cancel');
    await sendKeys({ press: 'Escape' });
    await cancelled;
  });

  it('lists the user’s friends by default and looks up a user ID that is not listed', async () => {
    const me = await user('me');
    const fay = await user('fay', 'Fay Friend');
    const stranger = await user('zed', 'Zed Stranger');
    await befriend(me, fay);
    const el = document.createElement('im-member-picker');
    el.client = me.client;
    await mount(el);
    await until(() => option(el, fay.id), 'the friend');
    ok(text(option(el, fay.id)).includes('Fay Friend'), 'by name');
    const search = part(el, 'search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: stranger.id });
    await until(() => part(el, 'empty'), 'no match');
    await sendKeys({ press: 'Enter' });
    await until(() => el.selected.includes(stranger.id), 'Enter to look the ID up and pick them');
    ok(text(part(el, 'chips')).includes('Zed Stranger'), 'shown by their nickname');
  });
});
