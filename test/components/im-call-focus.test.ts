// <im-call> as a modal: focus moves into the ringing screen, Tab and Shift+Tab stay inside it, and focus
// returns to where it was when the call UI closes. A real call rings through the real server.
import '../../components/im-call/im-call.js';
import { sendKeys } from '@web/test-runner-commands';
import { CallManager } from '../../src/calls/call-manager.js';
import { equal, ok } from '../support/assert.js';
import { mount, part, until } from './helpers.js';
import { cleanup, user } from './social-helpers.js';

afterEach(() => cleanup());

/** The element focus is on, looking through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function ringing(modal: boolean) {
  const alice = await user('alice');
  const bob = await user('bob');
  const opener = document.createElement('button');
  opener.textContent = 'Page button';
  document.body.append(opener);
  opener.focus();
  const el = document.createElement('im-call');
  if (!modal) el.setAttribute('modal', 'false');
  el.client = alice.client;
  await mount(el);
  const bobCalls = new CallManager(bob.client);
  await bobCalls.call({ userID: alice.id }, 'audio');
  await until(() => part(el, 'accept-button'), 'the incoming call rings');
  return { el, opener, bobCalls };
}

describe('<im-call> focus management', () => {
  it('moves focus to Accept, keeps Tab inside the call UI, and gives focus back when it closes', async () => {
    const { el, opener, bobCalls } = await ringing(true);
    try {
      await until(() => deepActive() === part(el, 'accept-button'), 'focus moves to Accept');
      const inside = new Set<Element | null>();
      for (let i = 0; i < 8; i++) {
        await sendKeys({ press: 'Tab' });
        ok(el.shadowRoot!.contains(deepActive()), `Tab #${i + 1} stays inside the call UI (was on ${deepActive()?.outerHTML.slice(0, 60)})`);
        inside.add(deepActive());
      }
      ok(inside.size >= 2, 'Tab moves between the call controls');
      for (let i = 0; i < 8; i++) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        ok(el.shadowRoot!.contains(deepActive()), `Shift+Tab #${i + 1} stays inside the call UI`);
      }
      // Bob gives up: the summary shows; Escape closes it and focus returns to the page button.
      await bobCalls.hangUp();
      await until(() => el.phase === 'ended', 'the call ends');
      (part(el, 'base') ?? el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await until(() => el.phase === 'idle', 'Escape closes the summary');
      equal(deepActive(), opener, 'focus returns to the element that had it before the call');
    } finally {
      bobCalls.dispose();
      opener.remove();
    }
  });

  it('with modal="false" Tab may leave the call UI', async () => {
    const { el, opener, bobCalls } = await ringing(false);
    try {
      await until(() => deepActive() === part(el, 'accept-button'), 'focus moves to Accept');
      let left = false;
      for (let i = 0; i < 8 && !left; i++) {
        await sendKeys({ press: 'Tab' });
        left = !el.shadowRoot!.contains(deepActive());
      }
      ok(left, 'Tab reaches the page outside the call UI');
    } finally {
      await bobCalls.hangUp().catch(() => undefined);
      bobCalls.dispose();
      opener.remove();
    }
  });
});
