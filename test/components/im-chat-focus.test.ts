// <im-chat> keyboard focus: the message actions menu (focus in, arrows, Escape back to its button) and a dialog
// opened from it (focus in, Tab trapped, Escape closes, focus back to the message's actions button).
import '../../components/im-chat/im-chat.js';
import { sendKeys } from '@web/test-runner-commands';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { equal, ok } from '../support/assert.js';
import { loginAs, uniqueUserID } from '../support/server.js';
import type { ImClient } from '../../src/client/im-client.js';
import { mount, part, sendText, until } from './helpers.js';

const clients: ImClient[] = [];
afterEach(async () => {
  document.querySelectorAll('im-chat').forEach((el) => el.closest('div')?.remove());
  await Promise.all(clients.splice(0).map((c) => c.logout()));
});

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function chatWithAMessage() {
  const meID = uniqueUserID('me');
  const patID = uniqueUserID('pat');
  const me = await loginAs(meID, { nickname: 'Me' });
  const pat = await loginAs(patID, { nickname: 'Pat' });
  clients.push(me, pat);
  await sendText(pat, meID, 'Something to act on');
  const chat = document.createElement('im-chat');
  chat.client = me;
  chat.conversationID = singleConversationID(meID, patID);
  await mount(chat);
  const button = await until(() => part(chat, 'actions-button'), 'the message has an actions button');
  return { chat, button };
}

describe('<im-chat> focus', () => {
  it('the actions menu takes focus, moves with the arrows, and Escape returns focus to its button', async () => {
    const { chat, button } = await chatWithAMessage();
    button.focus();
    await sendKeys({ press: 'Enter' });
    const menu = await until(() => part(chat, 'actions-menu'), 'the menu opens');
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    ok(items.length >= 2, 'the menu has items');
    await until(() => deepActive() === items[0], 'focus moves to the first item');
    await sendKeys({ press: 'ArrowDown' });
    equal(deepActive(), items[1], 'ArrowDown moves to the next item');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    equal(deepActive(), items[items.length - 1], 'ArrowUp from the first wraps to the last');
    await sendKeys({ press: 'Escape' });
    await until(() => !part(chat, 'actions-menu'), 'Escape closes the menu');
    equal(deepActive(), button, 'focus is back on the actions button');
  });

  it('a dialog opened from the menu takes focus, traps Tab, and Escape returns focus to the actions button', async () => {
    const { chat, button } = await chatWithAMessage();
    button.focus();
    await sendKeys({ press: 'Enter' });
    const menu = await until(() => part(chat, 'actions-menu'), 'the menu opens');
    const forward = menu.querySelector<HTMLElement>('[data-action="forward"]');
    ok(forward, 'the message can be forwarded');
    forward.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await until(() => part(chat, 'dialog'), 'the forward dialog opens');
    await until(() => dialog.contains(deepActive()), 'focus moves into the dialog');
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      ok(dialog.contains(deepActive()), `Tab #${i + 1} stays in the dialog`);
    }
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      ok(dialog.contains(deepActive()), `Shift+Tab #${i + 1} stays in the dialog`);
    }
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Escape' });
    await until(() => !part(chat, 'dialog'), 'Escape closes the dialog');
    equal(deepActive(), button, 'focus returns to the message\'s actions button');
  });
});
