// 112 known XSS payloads placed in message text, nicknames, group names, file
// names, custom data and link URLs, rendered by the real elements in Chromium:
// nothing runs, and links keep only safe schemes.
import '../../components/im-chat/im-chat.js';
import '../../components/im-conversation-list/im-conversation-list.js';
import type { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { loginAs, uniqueUserID, waitFor } from '../support/server.js';
import { equal, ok } from '../support/assert.js';

let hits: string[] = [];
const trap = (source: string) => () => hits.push(source);
Object.assign(window, { __xss: trap('__xss'), alert: trap('alert'), confirm: trap('confirm'), prompt: trap('prompt') });

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'blob:']);
const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'form', 'math', 'template', 'noscript', 'marquee', 'isindex'];

/** Every element inside `root`, through every open shadow root. */
function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

function assertInert(container: Element, where: string): void {
  const elements = deepElements(container);
  for (const el of elements) {
    const tag = el.localName;
    ok(!FORBIDDEN_TAGS.includes(tag), `${where}: a <${tag}> element was rendered`);
    for (const attr of Array.from(el.attributes)) {
      ok(!/^on/i.test(attr.name), `${where}: <${tag}> carries an inline handler ${attr.name}`);
      if (/^(href|src|xlink:href|action|formaction|background|poster|data)$/i.test(attr.name) && attr.value) {
        const url = new URL(attr.value, location.href);
        ok(SAFE_SCHEMES.has(url.protocol) || (tag === 'img' && url.protocol === 'data:' && attr.value.startsWith('data:image/')), `${where}: <${tag} ${attr.name}="${attr.value.slice(0, 60)}"> uses an unsafe scheme`);
      }
    }
  }
}

describe('XSS: hostile data renders as text', () => {
  let attacker: ImClient;
  let victim: ImClient;
  let attackerID: string;
  let victimID: string;
  const stage = document.createElement('div');
  stage.style.cssText = 'display:flex;height:700px;width:1100px';
  document.body.append(stage);

  before(async function () {
    this.timeout(120_000);
    hits = [];
    attackerID = uniqueUserID('mallory');
    victimID = uniqueUserID('victim');
    // A nickname is at most 64 characters, so the attacker takes the first payload that fits.
    const nickname = XSS_PAYLOADS.find((p) => p.length <= 64)!;
    attacker = await loginAs(attackerID, { nickname });
    victim = await loginAs(victimID);
    for (const payload of XSS_PAYLOADS) {
      await attacker.sendMessage(await attacker.createTextMessage(payload), victimID, '');
    }
    // Link URLs: payload URLs embedded in prose, where a linkifier would pick them up.
    for (const payload of XSS_PAYLOADS.filter((p) => /^(\s*)(javascript|data|https?|mailto):/i.test(p))) {
      await attacker.sendMessage(await attacker.createTextMessage(`see ${payload} now`), victimID, '');
    }
    // Custom data and file names, where the client supports those types.
    const a = attacker as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    if (typeof a.createCustomMessage === 'function') {
      for (const payload of XSS_PAYLOADS.slice(0, 20)) {
        const m = await a.createCustomMessage({ data: { html: payload, type: payload }, description: payload });
        await attacker.sendMessage(m as never, victimID, '');
      }
    }
    if (typeof a.createFileMessage === 'function') {
      for (const payload of XSS_PAYLOADS.slice(0, 10)) {
        const m = await a.createFileMessage(new Blob(['not a script'], { type: 'text/plain' }), `${payload.slice(0, 100)}.txt`);
        await attacker.sendMessage(m as never, victimID, '').catch(() => undefined);
      }
    }
    // Group names: a group the attacker creates with the victim in it.
    if (typeof a.createGroup === 'function') {
      for (const payload of XSS_PAYLOADS.filter((p) => p.length <= 64).slice(0, 5)) {
        await a.createGroup({ groupInfo: { groupName: payload }, memberUserIDs: [victimID] });
      }
    }
  });

  after(async () => {
    stage.remove();
    await attacker?.logout();
    await victim?.logout();
  });

  it('control: the same checks do catch a payload inserted as markup', async () => {
    const probe = document.createElement('div');
    stage.append(probe);
    probe.innerHTML = XSS_PAYLOADS.find((p) => p.startsWith('<IMG SRC=/ onerror'))!;
    await waitFor(() => hits.length > 0, 'the trap to fire for markup', 3000);
    let caught = false;
    try {
      assertInert(probe, 'probe');
    } catch {
      caught = true;
    }
    ok(caught, 'assertInert flags an inline handler');
    probe.remove();
    hits = [];
  });

  it('the conversation list shows hostile names and previews as text, and nothing runs', async function () {
    this.timeout(60_000);
    const list = document.createElement('im-conversation-list');
    list.client = victim;
    stage.append(list);
    await waitFor(() => list.shadowRoot?.querySelector(`[data-conversation-id="${singleConversationID(attackerID, victimID)}"]`), 'the attacker conversation in the list', 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    const text = list.shadowRoot!.textContent ?? '';
    ok(text.includes(XSS_PAYLOADS.find((p) => p.length <= 64)!), 'the hostile nickname is shown literally');
    assertInert(list, 'conversation list');
    equal(hits.length, 0, `payloads executed: ${hits.join(', ')}`);
  });

  it('the chat shows every payload literally, keeps links to safe schemes, and nothing runs', async function () {
    this.timeout(90_000);
    const chat = document.createElement('im-chat');
    chat.client = victim;
    chat.pageSize = 200;
    stage.append(chat);
    chat.conversationID = singleConversationID(attackerID, victimID);
    await waitFor(() => chat.messageList.length >= XSS_PAYLOADS.length, 'every payload message loaded', 30_000);
    // The log renders only the rows near the view: walk it from the newest message to the oldest,
    // checking what each screen renders, so every payload is on screen (and checked) once.
    const log = chat.shadowRoot!.querySelector<HTMLElement>('[part~="log"]')!;
    const settle = async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await new Promise((r) => setTimeout(r, 60));
    };
    let text = '';
    const links: string[] = [];
    log.scrollTop = log.scrollHeight;
    for (let screen = 0; screen < 400; screen++) {
      await settle();
      text += ' ' + (log.textContent ?? '');
      assertInert(chat, 'chat');
      for (const a of deepElements(chat).filter((el) => el.localName === 'a') as HTMLAnchorElement[]) links.push(a.href);
      if (log.scrollTop <= 0) break;
      log.scrollTop = Math.max(0, log.scrollTop - log.clientHeight * 0.7);
    }
    // Give any onerror/onload/animation handler a chance to fire.
    await new Promise((r) => setTimeout(r, 1500));
    for (const payload of XSS_PAYLOADS) ok(text.includes(payload.trim().replace(/\s+/g, ' ').slice(0, 20)) || text.includes(payload.slice(0, 20)), `payload shown as text: ${payload.slice(0, 40)}`);
    for (const href of links) ok(SAFE_SCHEMES.has(new URL(href).protocol), `link ${href.slice(0, 60)} has a safe scheme`);
    equal(hits.length, 0, `payloads executed: ${hits.join(', ')}`);
    chat.remove();
  });
});
