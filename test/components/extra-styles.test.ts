// adoptImkitStyles(): a page stylesheet reaches nodes inside imkit shadow roots — of elements already in the
// page, of elements created later, and of elements nested in another element's shadow root — and comes out again.
import '../../components/im-conversation-list/im-conversation-list.js';
import '../../components/im-contacts/im-contacts.js';
import { css } from 'lit';
import { adoptImkitStyles } from '../../components/shared/extra-styles.js';
import { equal, ok } from '../support/assert.js';
import { mount, part, unmountAll } from './helpers.js';

const removers: Array<() => void> = [];
afterEach(() => {
  for (const remove of removers.splice(0)) remove();
  unmountAll();
});

const outline = (el: Element | null) => (el ? getComputedStyle(el).outlineColor : 'no element');

describe('adoptImkitStyles', () => {
  it('styles a node inside the shadow root of an element already in the page, and of one created later', async () => {
    // Without a client the list shows its loading skeleton.
    const before = await mount(document.createElement('im-conversation-list'));
    ok(part(before, 'skeleton'), 'the list shows its skeleton');
    const original = outline(part(before, 'skeleton'));
    ok(original !== 'rgb(1, 2, 3)', 'the rule is not there yet');

    removers.push(adoptImkitStyles(`[part~='skeleton'] { outline: 3px solid rgb(1, 2, 3); }`));
    equal(outline(part(before, 'skeleton')), 'rgb(1, 2, 3)', 'existing element picks the rule up');

    const later = await mount(document.createElement('im-conversation-list'));
    equal(outline(part(later, 'skeleton')), 'rgb(1, 2, 3)', 'an element created afterwards has it too');
  });

  it('wins over the element\'s own rule of equal specificity, accepts css``, and is removable', async () => {
    const list = await mount(document.createElement('im-conversation-list'));
    const remove = adoptImkitStyles(css`
      [part~='skeleton'] {
        outline: 3px solid rgb(9, 8, 7);
      }
    `);
    equal(outline(part(list, 'skeleton')), 'rgb(9, 8, 7)', 'css`` sheet applies');
    remove();
    ok(outline(part(list, 'skeleton')) !== 'rgb(9, 8, 7)', 'removed sheet no longer applies');
    const again = await mount(document.createElement('im-conversation-list'));
    ok(outline(part(again, 'skeleton')) !== 'rgb(9, 8, 7)', 'nor to elements created after removal');
  });

  it('reaches elements nested inside another imkit element', async () => {
    removers.push(adoptImkitStyles(`:host { outline: 2px solid rgb(4, 5, 6); }`));
    const contacts = await mount(document.createElement('im-contacts'));
    equal(outline(contacts), 'rgb(4, 5, 6)', 'the outer element');
    // The contacts element nests an <im-member-picker> in its create-group form.
    (part(contacts, 'create-group-button') as HTMLButtonElement | null)?.click();
    await contacts.updateComplete;
    const picker = contacts.shadowRoot!.querySelector('im-member-picker');
    ok(picker, 'the create-group form shows a member picker');
    await picker.updateComplete;
    equal(outline(picker), 'rgb(4, 5, 6)', 'the nested element');
  });
});
