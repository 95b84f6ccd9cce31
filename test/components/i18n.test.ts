// Languages and layout direction against the real server: <im-provider locale> switches every
// element live, zh-TW maps to Traditional Chinese, per-element `strings` win, dates follow the
// locale through Intl, and in a right-to-left page your own bubbles sit on the left.
import '../../components/im-chat/im-chat.js';
import '../../components/im-contacts/im-contacts.js';
import '../../components/im-conversation-list/im-conversation-list.js';
import '../../components/im-provider/im-provider.js';
import type { ImChat } from '../../components/im-chat/im-chat.js';
import type { ImContacts } from '../../components/im-contacts/im-contacts.js';
import type { ImConversationList } from '../../components/im-conversation-list/im-conversation-list.js';
import type { ImProvider } from '../../components/im-provider/im-provider.js';
import { resolveLocale } from '../../components/i18n/locale.js';
import { loadLocale, tablesFor } from '../../components/i18n/registry.js';
import { formatBadge, formatBytes, formatDuration, formatRelative } from '../../components/shared/format.js';
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { loginAs, uniqueUserID } from '../support/server.js';
import { equal, ok } from '../support/assert.js';
import { sendMouse } from '@web/test-runner-commands';
import { frames, mount, part, parts, sendText, text, unmountAll, until } from './helpers.js';

const clients: ImClient[] = [];
async function track(c: Promise<ImClient>): Promise<ImClient> {
  const client = await c;
  clients.push(client);
  return client;
}
afterEach(async () => {
  unmountAll();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  await Promise.all(clients.splice(0).map((c) => c.logout()));
});

/** Me and Pat: Pat wrote me two messages, and (unless `reply` is false) I answered once. */
async function pair(reply = true) {
  const meID = uniqueUserID('me');
  const patID = uniqueUserID('pat');
  const me = await track(loginAs(meID, { nickname: 'Me Myself' }));
  const pat = await track(loginAs(patID, { nickname: 'Pat Jones' }));
  await sendText(pat, meID, 'Hello from Pat');
  await sendText(pat, meID, 'Are you there?');
  if (reply) await sendText(me, patID, 'Yes, here');
  return { me, pat, meID, patID, conversationID: singleConversationID(meID, patID) };
}

/** A provider (sharing `client`) holding a conversation list and a chat, like the demo. */
async function kit(client: ImClient, locale?: string, conversationID = '') {
  const provider = document.createElement('im-provider') as ImProvider;
  provider.client = client;
  if (locale) provider.locale = locale;
  const list = document.createElement('im-conversation-list') as ImConversationList;
  const chat = document.createElement('im-chat') as ImChat;
  chat.conversationID = conversationID;
  list.style.cssText = 'width:280px;flex:none';
  chat.style.cssText = 'flex:1;min-width:0';
  const row = document.createElement('div');
  row.style.cssText = 'display:flex;width:100%;height:100%';
  row.append(list, chat);
  provider.append(row);
  await mount(provider, { width: 900, height: 560 });
  return { provider, list, chat };
}

function emptyTitle(chat: ImChat): string {
  return text(part(chat, 'empty'));
}

describe('languages (i18n)', () => {
  it('maps language tags onto the shipped locales', () => {
    equal(resolveLocale('zh-TW'), 'zh-Hant', 'Taiwan → Traditional');
    equal(resolveLocale('zh-HK'), 'zh-Hant', 'Hong Kong → Traditional');
    equal(resolveLocale('zh_MO'), 'zh-Hant', 'Macau (underscore) → Traditional');
    equal(resolveLocale('zh-Hant-CN'), 'zh-Hant', 'an explicit script wins over the region');
    equal(resolveLocale('zh-CN'), 'zh-Hans', 'mainland → Simplified');
    equal(resolveLocale('zh-SG'), 'zh-Hans', 'Singapore → Simplified');
    equal(resolveLocale('zh'), 'zh-Hans', 'bare zh → Simplified');
    equal(resolveLocale('fr-FR'), 'en', 'unknown → English');
    equal(resolveLocale(''), 'en', 'empty → English');
  });

  // Runs first among the element tests: the Chinese tables are not loaded yet, so this also
  // covers the elements re-rendering once the lazily loaded table arrives.
  it("switching the provider's locale re-renders every element in Chinese and back", async () => {
    const s = await pair(false);
    const spoken = (list: ImConversationList) => text(part(list, 'badge')?.querySelector('.sr-only'));
    const { provider, list, chat } = await kit(s.me, 'en');
    await until(() => /Select a conversation/.test(emptyTitle(chat)), 'English empty state');
    await until(() => parts(list, 'item').length === 1, 'the conversation row');
    equal(part(list, 'list')!.getAttribute('aria-label'), 'Conversations', 'English list label');
    await until(() => spoken(list) === '2 unread', 'the spoken unread count in English');

    provider.locale = 'zh-Hans';
    await until(() => /选择一个会话/.test(emptyTitle(chat)), 'Simplified empty state');
    equal(part(list, 'list')!.getAttribute('aria-label'), '会话', 'list label in Simplified Chinese');
    await until(() => spoken(list) === '2 条未读', 'the spoken unread count in Chinese');

    provider.locale = 'en';
    await until(() => /Select a conversation/.test(emptyTitle(chat)), 'English again');
    equal(part(list, 'list')!.getAttribute('aria-label'), 'Conversations', 'list label back in English');
  });

  it('zh-TW shows Traditional Chinese (Taiwan wording)', async () => {
    const s = await pair();
    const { chat } = await kit(s.me, 'zh-TW', s.conversationID);
    await until(() => part(chat, 'input')?.getAttribute('placeholder') === '輸入訊息…', 'the Traditional placeholder');
    equal(text(part(chat, 'send-button')) || part(chat, 'send-button')!.getAttribute('aria-label'), '傳送', 'Traditional send button');
  });

  it("an element's own locale, and its strings, win over the provider", async () => {
    const s = await pair();
    const { list, chat } = await kit(s.me, 'zh-Hans');
    chat.strings = { selectConversation: 'Pick a chat' };
    await until(() => /Pick a chat/.test(emptyTitle(chat)), 'the override shows');
    ok(/从列表中选择/.test(emptyTitle(chat)), `the rest stays Chinese: "${emptyTitle(chat)}"`);
    list.locale = 'zh-Hant';
    await until(() => part(list, 'list')?.getAttribute('aria-label') === '對話', 'the list follows its own locale');
    ok(/Pick a chat/.test(emptyTitle(chat)), 'the chat is unchanged');
  });

  it("without a provider locale the page's lang decides, live", async () => {
    const s = await pair();
    const { chat } = await kit(s.me);
    await until(() => /Select a conversation/.test(emptyTitle(chat)), 'English by default');
    document.documentElement.lang = 'zh-HK';
    await until(() => /選擇一個對話/.test(emptyTitle(chat)), 'page lang zh-HK → Traditional');
  });

  it('formats dates and times per locale through Intl', async () => {
    const s = await pair();
    const { provider, chat } = await kit(s.me, 'en', s.conversationID);
    await until(() => parts(chat, 'date-separator').length === 1, 'a date heading');
    equal(text(parts(chat, 'date-separator')[0]), 'Today', 'English heading');
    const time = () => part(chat, 'time')!;
    ok(/\d:\d\d/.test(text(time())) && !/[上下]午/.test(text(time())), `English clock: "${text(time())}"`);

    provider.locale = 'zh-Hans';
    await until(() => text(parts(chat, 'date-separator')[0]) === '今天', 'Chinese heading');
    const zhClock = text(time());
    // Chinese 12-hour clocks say 上午/下午 (or use 24 hours); the tooltip carries the full date with 年.
    ok(/\d{1,2}:\d\d/.test(zhClock), `Chinese clock has a time: "${zhClock}"`);
    // The tooltip is filled in when the pointer reaches the time.
    const box = time().getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await until(() => time().getAttribute('title'), 'the time tooltip');
    ok(/年/.test(time().getAttribute('title') ?? ''), `full date in Chinese: "${time().getAttribute('title')}"`);
  });

  it('in a right-to-left page your own bubble is on the left, the other side on the right', async () => {
    const s = await pair();
    const measure = async () => {
      const { chat } = await kit(s.me, 'en', s.conversationID);
      await until(() => parts(chat, 'message').length === 3, 'three messages');
      await frames();
      const box = chat.getBoundingClientRect();
      const ownRow = parts(chat, 'message-own')[0]!;
      const own = ownRow.querySelector('[part~="bubble"]')!.getBoundingClientRect();
      const other = parts(chat, 'message-other')[0]!.querySelector('[part~="bubble"]')!.getBoundingClientRect();
      // The time sits after the text in reading order: right of it in LTR, left of it in RTL.
      const words = ownRow.querySelector('[part~="text"]')!.getBoundingClientRect();
      const time = ownRow.querySelector('[part~="time"]')!.getBoundingClientRect();
      return {
        ownLeft: own.left - box.left,
        ownRight: box.right - own.right,
        otherLeft: other.left - box.left,
        otherRight: box.right - other.right,
        timeAfterText: time.left >= words.right - 1 ? 'right' : time.right <= words.left + 1 ? 'left' : 'overlap',
      };
    };
    const ltr = await measure();
    ok(ltr.ownRight < ltr.ownLeft && ltr.otherLeft < ltr.otherRight, `LTR: own on the right, other on the left ${JSON.stringify(ltr)}`);
    equal(ltr.timeAfterText, 'right', 'LTR: the time follows the text on its right');
    unmountAll();
    document.documentElement.dir = 'rtl';
    const rtl = await measure();
    ok(rtl.ownLeft < rtl.ownRight, `RTL: own bubble hugs the left ${JSON.stringify(rtl)}`);
    ok(rtl.otherRight < rtl.otherLeft, `RTL: other bubble hugs the right ${JSON.stringify(rtl)}`);
    equal(rtl.timeAfterText, 'left', 'RTL: the time follows the text on its left');
  });

  it('counts, plurals, sizes and durations go through Intl', async () => {
    const en = tablesFor('en');
    const hans = await loadLocale('zh-Hans');
    equal(en.social.members(1), '1 member', 'English singular');
    equal(en.social.members(1234), '1,234 members', 'English plural with grouping');
    equal(hans.social.members(1234), '1,234 名成员', 'Chinese has no plural form');
    equal(en.strings.newMessages(1), '1 new message', 'one new message');
    equal(en.strings.newMessages(3), '3 new messages', 'three new messages');
    equal((await loadLocale('zh-Hant')).messages.chatHistoryOf(2), '2 則訊息', 'Traditional measure word');
    equal(formatBytes(1130, 'en'), '1.1 KB', 'size in KB');
    equal(formatBytes(1130, 'de'), '1,1 KB', 'the decimal mark follows the locale');
    equal(formatDuration(3725, 'en'), '1:02:05', 'hours, minutes, seconds');
    equal(formatBadge(150, 'en'), '99+', 'badge caps at 99+');
    const now = Date.now();
    equal(formatRelative(now - 3 * 60_000, now, 'en'), '3 minutes ago', 'relative time in English');
    equal(formatRelative(now - 3 * 60_000, now, 'zh-Hans'), '3分钟前', 'relative time in Chinese');
  });

  it("in a right-to-left page the contacts' tabs run right to left, and so do the arrow keys", async () => {
    const me = await track(loginAs(uniqueUserID('me')));
    document.documentElement.dir = 'rtl';
    const el = document.createElement('im-contacts') as ImContacts;
    el.client = me;
    await mount(el);
    const tab = (name: string) => el.shadowRoot!.querySelector(`[part~="tab"][data-tab="${name}"]`) as HTMLElement;
    await until(() => tab('friends') && tab('requests'), 'the tabs');
    ok(tab('requests').getBoundingClientRect().right <= tab('friends').getBoundingClientRect().left + 1, 'the second tab is left of the first');
    tab('friends').focus();
    tab('friends').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await until(() => el.tab === 'requests', 'ArrowLeft moves to the next tab in RTL');
    tab('requests').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await until(() => el.tab === 'friends', 'ArrowRight moves back');
  });
});
