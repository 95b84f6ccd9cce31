/**
 * The demo page: a complete chat surface against the server that serves it
 * (demo mode). Pick a demo user at the top; open a second window as another
 * user (`?user=bob`) to chat between them.
 */
import '../components/im-provider/im-provider.js';
import '../components/im-conversation-list/im-conversation-list.js';
import '../components/im-chat/im-chat.js';
import '../components/im-call/im-call.js';
import '../components/im-call-button/im-call-button.js';
import '../components/im-contacts/im-contacts.js';
import '../components/im-user-profile/im-user-profile.js';
import '../components/im-group-settings/im-group-settings.js';
import '../components/im-notifier/im-notifier.js';
import type { ImTheme } from '../components/context.js';
import { ImClient } from '../src/client/im-client.js';
import { HttpPaths, type TokenResult } from '../src/protocol/http.js';
import type { UserInfo } from '../src/model/types.js';

const USER_KEY = 'imkit-demo:user';
const USERS_KEY = 'imkit-demo:users';
const THEME_KEY = 'imkit-demo:theme';
const LOCALE_KEY = 'imkit-demo:locale';
const tokenKey = (userID: string) => `imkit-demo:token:${userID}`;
const selectedKey = (userID: string) => `imkit-demo:selected:${userID}`;

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`demo: ${selector} is missing from index.html`);
  return el;
};

const app = $<HTMLElement>('#app');
const provider = $<HTMLElementTagNameMap['im-provider']>('#provider');
const list = $<HTMLElementTagNameMap['im-conversation-list']>('#list');
const chat = $<HTMLElementTagNameMap['im-chat']>('#chat');
const picker = $<HTMLSelectElement>('#user-picker');
const themeButton = $<HTMLButtonElement>('#theme-toggle');
const localePicker = $<HTMLSelectElement>('#locale-picker');
const newWindow = $<HTMLAnchorElement>('#new-window');
const notice = $<HTMLElement>('#notice');
const totalBadge = $<HTMLElement>('#total-unread');

const client = new ImClient({ serverURL: location.origin });
provider.client = client;
(window as unknown as { imkit: unknown }).imkit = { client };

// ---- small storage helpers (storage can throw in private modes) -------------

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function write(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* ignore */
  }
}

function showNotice(text: string | null): void {
  notice.hidden = !text;
  notice.textContent = text ?? '';
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } });
  const json = (await res.json()) as { ok: boolean; data: T; error?: { code: number; message: string } };
  if (!json.ok) throw Object.assign(new Error(json.error?.message ?? `HTTP ${res.status}`), { code: json.error?.code ?? 0 });
  return json.data;
}

// ---- theme ------------------------------------------------------------------

const THEMES: ImTheme[] = ['light', 'dark', 'auto'];
function applyTheme(theme: ImTheme): void {
  provider.theme = theme;
  document.documentElement.dataset['theme'] = theme;
  themeButton.dataset['theme'] = theme;
  themeButton.title = `Theme: ${theme} (click to change)`;
  themeButton.setAttribute('aria-label', themeButton.title);
}
let theme: ImTheme = (THEMES as string[]).includes(read(localStorage, THEME_KEY) ?? '')
  ? (read(localStorage, THEME_KEY) as ImTheme)
  : 'auto';
applyTheme(theme);
themeButton.addEventListener('click', () => {
  theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
  write(localStorage, THEME_KEY, theme);
  applyTheme(theme);
});

// ---- language and direction ---------------------------------------------------
// The provider's `locale` switches every element live; `?locale=zh-TW` or the
// picker choose it. `?dir=rtl` lays the page out right to left (a preview of RTL).

const params = new URLSearchParams(location.search);
/** The demo page's own few labels (the kit's elements bring their own tables). */
const PAGE_TEXT: Record<string, Record<string, string>> = {
  en: { signedInAs: 'Signed in as', language: 'Language', chats: 'Chats', markAllRead: 'Mark all read' },
  'zh-Hans': { signedInAs: '当前用户', language: '语言', chats: '消息', markAllRead: '全部已读' },
  'zh-Hant': { signedInAs: '目前使用者', language: '語言', chats: '聊天', markAllRead: '全部已讀' },
};
function applyLocale(locale: string): void {
  provider.locale = locale;
  // The page's lang too: screen readers pick the voice from it, and <im-notifier> in the top bar
  // (outside the provider) follows it.
  document.documentElement.lang = locale;
  const known = [...localePicker.options].some((o) => o.value === locale);
  localePicker.value = known ? locale : locale.toLowerCase().startsWith('zh') ? (/tw|hk|mo|hant/i.test(locale) ? 'zh-Hant' : 'zh-Hans') : 'en';
  const text = PAGE_TEXT[localePicker.value] ?? PAGE_TEXT['en']!;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = text[el.dataset['i18n']!] ?? el.textContent;
}
applyLocale(params.get('locale') ?? read(localStorage, LOCALE_KEY) ?? 'en');
localePicker.addEventListener('change', () => {
  write(localStorage, LOCALE_KEY, localePicker.value);
  applyLocale(localePicker.value);
});
if (params.get('dir') === 'rtl') document.documentElement.dir = 'rtl';

// ---- users ------------------------------------------------------------------

async function loadUsers(): Promise<UserInfo[]> {
  try {
    const { users } = await api<{ users: UserInfo[] }>(HttpPaths.devUsers);
    write(localStorage, USERS_KEY, JSON.stringify(users));
    return users;
  } catch {
    // Offline: the list from the last visit, so the picker still works from the cache.
    try {
      return JSON.parse(read(localStorage, USERS_KEY) ?? '[]') as UserInfo[];
    } catch {
      return [];
    }
  }
}

/** A token from the dev login, or (offline) the last one this browser got, so the cache still paints. */
async function tokenFor(userID: string): Promise<string | null> {
  try {
    const result = await api<TokenResult>(HttpPaths.devLogin, { method: 'POST', body: JSON.stringify({ userID }) });
    write(localStorage, tokenKey(userID), JSON.stringify(result));
    return result.token;
  } catch {
    try {
      const saved = JSON.parse(read(localStorage, tokenKey(userID)) ?? 'null') as TokenResult | null;
      return saved?.token ?? null;
    } catch {
      return null;
    }
  }
}

function wantedUser(users: UserInfo[]): string | null {
  const fromURL = new URL(location.href).searchParams.get('user');
  const known = (id: string | null) => !!id && (users.length === 0 || users.some((u) => u.userID === id));
  if (known(fromURL)) return fromURL;
  const fromSession = read(sessionStorage, USER_KEY);
  if (known(fromSession)) return fromSession;
  return users[0]?.userID ?? fromURL ?? fromSession;
}

function setPane(pane: 'list' | 'chat'): void {
  app.dataset['pane'] = pane;
}

function select(conversationID: string | null): void {
  chat.conversationID = conversationID;
  for (const b of document.querySelectorAll('im-call-button')) b.conversationID = conversationID;
  list.selected = conversationID;
  const user = client.getLoginUserID();
  if (user) write(sessionStorage, selectedKey(user), conversationID);
}

let switching: Promise<void> = Promise.resolve();

async function signIn(userID: string): Promise<void> {
  showNotice(null);
  write(sessionStorage, USER_KEY, userID);
  const url = new URL(location.href);
  if (url.searchParams.get('user') !== userID) {
    url.searchParams.set('user', userID);
    history.replaceState(null, '', url);
  }
  picker.value = userID;
  const other = [...picker.options].map((o) => o.value).find((id) => id !== userID);
  if (other) newWindow.href = `?user=${encodeURIComponent(other)}`;

  const token = await tokenFor(userID);
  if (!token) {
    showNotice('Cannot reach the server to sign in, and this browser has no saved session for this user.');
    return;
  }
  select(null);
  try {
    await client.login(userID, token);
  } catch (err) {
    const e = err as { message?: string };
    showNotice(`Sign-in failed: ${e.message ?? String(err)}`);
    return;
  }
  const remembered = read(sessionStorage, selectedKey(userID));
  const wide = matchMedia('(min-width: 721px)').matches;
  if (remembered) {
    select(remembered);
    setPane(wide ? 'chat' : 'list');
  } else {
    setPane('list');
  }
}

picker.addEventListener('change', () => {
  const userID = picker.value;
  switching = switching.then(() => signIn(userID));
});

// ---- wiring -----------------------------------------------------------------

list.addEventListener('im-conversation-select', (event) => {
  select(event.detail.conversationID);
  setPane('chat');
  // On a phone the chat replaces the list: put the caret in the composer.
  requestAnimationFrame(() => chat.focus({ preventScroll: true }));
});

$<HTMLButtonElement>('#back').addEventListener('click', () => {
  setPane('list');
  requestAnimationFrame(() => list.focus());
});

client.on('onTotalUnreadMessageCountChanged', (total) => {
  document.title = total > 0 ? `(${total}) imkit demo` : 'imkit demo';
  totalBadge.hidden = total <= 0;
  totalBadge.textContent = total > 99 ? '99+' : String(total);
});
client.on('onKickedOffline', () => showNotice('This account signed in somewhere else. Pick a user to sign in again.'));
client.on('onUserTokenExpired', () => showNotice('Your session expired. Pick a user to sign in again.'));
client.on('onStorageDegraded', (problem) => showNotice(problem.message));

async function start(): Promise<void> {
  const users = await loadUsers();
  picker.replaceChildren(
    ...users.map((u) => {
      const option = document.createElement('option');
      option.value = u.userID;
      option.textContent = u.nickname ? `${u.nickname} (${u.userID})` : u.userID;
      return option;
    }),
  );
  const userID = wantedUser(users);
  if (!userID) {
    showNotice('No demo users: start the server with --demo.');
    return;
  }
  if (![...picker.options].some((o) => o.value === userID)) {
    picker.append(new Option(userID, userID));
  }
  switching = signIn(userID);
  await switching;
}

// ---- social: a left rail (Chats / Contacts), profiles, group settings, notifications ----

const panes = $<HTMLElement>('#panes');
const contacts = $<HTMLElementTagNameMap['im-contacts']>('#contacts');
const contactProfile = $<HTMLElementTagNameMap['im-user-profile']>('#contact-profile');
const groupInfoButton = $<HTMLButtonElement>('#group-info');
const groupDialog = $<HTMLDialogElement>('#group-dialog');
const groupSettings = $<HTMLElementTagNameMap['im-group-settings']>('#group-settings');
const meDialog = $<HTMLDialogElement>('#me-dialog');
const notifySettings = $<HTMLFormElement>('#notify-settings');
const railUnread = $<HTMLElement>('#rail-unread');
const railRequests = $<HTMLElement>('#rail-requests');

function setView(view: 'chats' | 'contacts'): void {
  panes.dataset['view'] = view;
  $<HTMLElement>('#rail-chats').setAttribute('aria-pressed', String(view === 'chats'));
  $<HTMLElement>('#rail-contacts').setAttribute('aria-pressed', String(view === 'contacts'));
  if (view === 'contacts') setPane('list');
}
$<HTMLButtonElement>('#rail-chats').addEventListener('click', () => setView('chats'));
$<HTMLButtonElement>('#rail-contacts').addEventListener('click', () => setView('contacts'));

/** Shows a count on a rail button; the button's name says it too, with the visible digits in it (WCAG 2.5.3). */
function badge(el: HTMLElement, n: number, name: string, what: string): void {
  const shown = n > 99 ? '99+' : String(n);
  el.hidden = n <= 0;
  el.textContent = shown;
  el.parentElement?.setAttribute('aria-label', n > 0 ? `${name}, ${shown} ${what}` : name);
}
list.addEventListener('im-unread-change', (e) => badge(railUnread, e.detail.total, 'Chats', 'unread'));
contacts.addEventListener('im-pending-change', (e) => badge(railRequests, (e as CustomEvent<{ count: number }>).detail.count, 'Contacts', 'new requests'));

// Contacts → a profile beside them; "Message" opens the chat.
contacts.addEventListener('im-contact-select', (e) => {
  contactProfile.userId = (e as CustomEvent<{ userID: string }>).detail.userID;
  setPane('chat');
});
async function openConversation(conversationID: string): Promise<void> {
  try {
    await client.getConversationByID(conversationID);
  } catch (err) {
    showNotice(`Cannot open the conversation: ${(err as Error).message}`);
    return;
  }
  setView('chats');
  select(conversationID);
  setPane('chat');
  requestAnimationFrame(() => chat.focus({ preventScroll: true }));
}
for (const el of [contacts, contactProfile, $<HTMLElement>('#me-profile')]) {
  el.addEventListener('im-open-conversation', (e) => {
    meDialog.close();
    void openConversation((e as CustomEvent<{ conversationID: string }>).detail.conversationID);
  });
}

// Group settings from the chat header (beside the call buttons).
new MutationObserver(() => {
  const id = chat.conversationID ?? '';
  groupInfoButton.hidden = !id.startsWith('sg_');
}).observe(chat, { attributes: true, attributeFilter: ['conversation-id'] });
groupInfoButton.addEventListener('click', () => {
  const id = chat.conversationID ?? '';
  if (!id.startsWith('sg_')) return;
  groupSettings.groupId = id.slice(3);
  groupDialog.showModal();
});
groupSettings.addEventListener('im-group-left', () => groupDialog.close());
groupSettings.addEventListener('im-member-select', (e) => {
  const { userID } = (e as CustomEvent<{ userID: string }>).detail;
  groupDialog.close();
  setView('contacts');
  contactProfile.userId = userID;
  setPane('chat');
});

// My profile and notification settings (kept on the server, shared by my devices).
$<HTMLButtonElement>('#rail-me').addEventListener('click', async () => {
  meDialog.showModal();
  try {
    const settings = await client.getUserSettings();
    (notifySettings.elements.namedItem('globalRecvMsgOpt') as HTMLSelectElement).value = String(settings.globalRecvMsgOpt === 2 ? 2 : 0);
    (notifySettings.elements.namedItem('quietStart') as HTMLInputElement).value = settings.quietStart;
    (notifySettings.elements.namedItem('quietEnd') as HTMLInputElement).value = settings.quietEnd;
  } catch {
    /* offline: leave the form as it is */
  }
});
notifySettings.addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(notifySettings);
  try {
    await client.setGlobalRecvMessageOpt(Number(f.get('globalRecvMsgOpt')));
    const start = String(f.get('quietStart') ?? '');
    const end = String(f.get('quietEnd') ?? '');
    await client.setQuietHours(start && end ? start : '', start && end ? end : '');
    const saved = $<HTMLElement>('#notify-saved');
    saved.hidden = false;
    setTimeout(() => (saved.hidden = true), 1500);
  } catch (err) {
    showNotice(`Could not save: ${(err as Error).message}`);
  }
});

$<HTMLButtonElement>('#mark-all-read').addEventListener('click', () => {
  client.markAllConversationMessageAsRead().catch((err: Error) => showNotice(`Could not mark all read: ${err.message}`));
});

// A click on a desktop notification opens its conversation.
$<HTMLElement>('#notifier').addEventListener('im-notification-click', (e) => {
  void openConversation((e as CustomEvent<{ conversationID: string }>).detail.conversationID);
});

void start();
