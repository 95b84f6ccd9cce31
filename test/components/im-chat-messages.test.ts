// <im-chat> message types and actions against the real server: the renderer
// registry (host renderers, safe fallback), links, uploads with progress and
// cancel, recall, local insert, drafts, search and forward creators.
import { html } from 'lit';
import '../../components/im-chat/im-chat.js';
import { registerCustomMessageRenderer, registerMessageRenderer, type ImChat } from '../../components/im-chat/im-chat.js';
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { ContentType, MessageStatus } from '../../src/model/enums.js';
import type { MessageItem } from '../../src/model/types.js';
import { loginAs, nextEvent, uniqueUserID } from '../support/server.js';
import { equal, ok } from '../support/assert.js';
import { click, mount, part, parts, sendText, text, unmountAll, until } from './helpers.js';

const clients: ImClient[] = [];
async function track(c: Promise<ImClient>): Promise<ImClient> {
  const client = await c;
  clients.push(client);
  return client;
}
afterEach(async () => {
  unmountAll();
  await Promise.all(clients.splice(0).map((c) => c.logout()));
});

async function pair() {
  const meID = uniqueUserID('me');
  const patID = uniqueUserID('pat');
  const me = await track(loginAs(meID, { nickname: 'Me Myself' }));
  const pat = await track(loginAs(patID, { nickname: 'Pat Jones' }));
  await sendText(pat, meID, 'hello');
  return { me, pat, meID, patID, conversationID: singleConversationID(meID, patID) };
}

async function openChat(client: ImClient, conversationID: string): Promise<ImChat> {
  const chat = document.createElement('im-chat');
  chat.client = client;
  chat.conversationID = conversationID;
  await mount(chat, { height: 600 });
  await until(() => part(chat, 'log'), 'the message log');
  return chat;
}

const row = (chat: ImChat, id: string) => chat.shadowRoot!.querySelector<HTMLElement>(`[data-msg-id="${id}"]`);

async function png(w: number, h: number): Promise<Blob> {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const g = c.getContext('2d')!;
  g.fillStyle = '#4f46e5';
  g.fillRect(0, 0, w, h);
  return new Promise((resolve) => c.toBlob((b) => resolve(b!), 'image/png'));
}

describe('<im-chat> message types', () => {
  it('renders links for http(s)/mailto only, as anchors with text, never markup', async () => {
    const s = await pair();
    const chat = await openChat(s.me, s.conversationID);
    const m = await sendText(s.pat, s.meID, 'go https://a.example/x). or javascript:alert(1) <b>bold</b> mailto:x@y.z');
    const r = await until(() => row(chat, m.clientMsgID), 'the message');
    const links = [...r.querySelectorAll('a')];
    equal(links.map((a) => a.getAttribute('href')).join(' '), 'https://a.example/x mailto:x@y.z', 'only safe links');
    equal(links[0]!.textContent, 'https://a.example/x', 'trailing punctuation stays outside the link');
    equal(r.querySelectorAll('b').length, 0, 'markup stays text');
    ok(text(r).includes('<b>bold</b>'), 'markup shown as text');
  });

  it('uses a host-registered renderer for a content type and for custom data types; unknown types get a safe fallback', async () => {
    const s = await pair();
    const offType = registerMessageRenderer(1999, ({ message }) => html`<span class="host-rendered">host ${message.content}</span>`);
    const offPoll = registerCustomMessageRenderer('poll', ({ data }) => html`<span class="poll">Poll: ${String(data['q'])}</span>`);
    try {
      const chat = await openChat(s.me, s.conversationID);
      const poll = await s.pat.sendMessage(await s.pat.createCustomMessage({ data: { type: 'poll', q: 'Lunch?' }, description: 'A poll' }), s.meID, '');
      const other = await s.pat.sendMessage(await s.pat.createCustomMessage({ data: { type: 'nope' }, description: 'Something custom' }), s.meID, '');
      const pr = await until(() => row(chat, poll.clientMsgID)?.querySelector('.poll'), 'the host poll renderer');
      equal(text(pr), 'Poll: Lunch?', 'host renderer output');
      const fr = await until(() => row(chat, other.clientMsgID), 'the fallback');
      ok(text(fr).includes('Something custom'), 'description as fallback');
      // A type nobody knows: inserted locally (the server refuses unknown types).
      const unknown: MessageItem = { ...(await s.me.createTextMessage('x')), contentType: 1999, content: 'payload' };
      await s.me.insertSingleMessageToLocalStorage(unknown, s.patID, s.patID);
      await until(() => row(chat, unknown.clientMsgID)?.querySelector('.host-rendered'), 'host renderer for type 1999');
      offType();
      const weird: MessageItem = { ...(await s.me.createTextMessage('y')), contentType: 4242, content: '<img src=x onerror=alert(1)>' };
      await s.me.insertSingleMessageToLocalStorage(weird, s.patID, s.patID);
      const wr = await until(() => row(chat, weird.clientMsgID), 'unknown type');
      ok(text(wr).includes('(4242) cannot be shown'), text(wr));
      equal(wr.querySelectorAll('img').length, 0, 'no markup from content');
    } finally {
      offType();
      offPoll();
    }
  });

  it('sends an image with upload progress, shows the thumbnail, and a cancelled upload fails with 1307', async () => {
    const s = await pair();
    const chat = await openChat(s.me, s.conversationID);
    const progress: number[] = [];
    s.me.on('onSendMessageProgress', (p) => progress.push(p.progress));
    const image = await s.me.createImageMessage(new File([await png(1200, 800)], 'big.png', { type: 'image/png' }));
    ok(image.pictureElem!.snapshotPicture.width <= 480, 'thumbnail made with canvas');
    const sent = await s.me.sendMessage(image, s.patID, '');
    equal(sent.status, MessageStatus.Succeeded, 'sent');
    ok(sent.pictureElem!.sourcePicture.url.startsWith('/api/files/'), 'source uploaded');
    ok(sent.pictureElem!.snapshotPicture.url !== sent.pictureElem!.sourcePicture.url, 'thumbnail uploaded separately');
    ok(progress.includes(100), `progress reported (${progress.join(',')})`);
    const thumbnail = await until(() => row(chat, sent.clientMsgID)?.querySelector('img[part~="image"]'), 'the thumbnail');
    // The media CSS comes with the media renderers (renderers/media.styles.ts), adopted by the first media message.
    equal(getComputedStyle(thumbnail).objectFit, 'cover', 'the media CSS applies to the thumbnail');

    // Cancel: a large file, cancelled as soon as it starts.
    const big = await s.me.createFileMessage(new File([new Uint8Array(8 * 1024 * 1024).fill(1)], 'big.bin'), 'big.bin');
    const started = nextEvent(s.me, 'onSendMessageProgress', (p) => p.clientMsgID === big.clientMsgID);
    const sending = s.me.sendMessage(big, s.patID, '');
    await started;
    await until(() => row(chat, big.clientMsgID)?.querySelector('[part~="upload-cancel"]'), 'cancel button');
    await click(row(chat, big.clientMsgID)!.querySelector('[part~="upload-cancel"]')!);
    let code = 0;
    await sending.catch((e: { code: number }) => (code = e.code));
    equal(code, 1307, 'UploadCancelled');
    await until(() => row(chat, big.clientMsgID)?.matches('[part~="message-failed"]'), 'failed bubble with retry');
  });

  it('sends files dropped on the chat and images pasted into the composer', async () => {
    const s = await pair();
    const chat = await openChat(s.me, s.conversationID);
    const drop = new DataTransfer();
    drop.items.add(new File(['dropped text'], 'dropped.txt', { type: 'text/plain' }));
    const base = part(chat, 'base')!;
    base.dispatchEvent(new DragEvent('dragover', { dataTransfer: drop, bubbles: true, composed: true, cancelable: true }));
    await until(() => part(chat, 'drop-zone'), 'drop hint');
    base.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, composed: true, cancelable: true }));
    await until(() => parts(chat, 'file-name').find((n) => text(n) === 'dropped.txt'), 'dropped file sent');
    const paste = new DataTransfer();
    paste.items.add(new File([await png(40, 30)], 'pasted.png', { type: 'image/png' }));
    part(chat, 'input')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, composed: true, cancelable: true }));
    const pastedImage = () => chat.shadowRoot!.querySelector<HTMLImageElement>('[data-content-type="102"] img');
    await until(pastedImage, 'pasted image sent');
    // Query again each time: the row re-renders when the upload finishes (local preview -> uploaded file),
    // so the image the user ends up seeing is not always the element that appeared first.
    await until(() => { const img = pastedImage(); return img && img.complete && img.naturalWidth === 40; }, 'image loaded');
    await until(async () => {
      const history = await s.pat.getHistoryMessageList({ conversationID: s.conversationID, count: 5 });
      return history.some((m) => m.contentType === ContentType.File && m.fileElem?.fileName === 'dropped.txt');
    }, 'the peer has the file');
  });

  it('recall turns the bubble into "You recalled a message" here and "Pat … recalled" for the peer', async () => {
    const s = await pair();
    const chat = await openChat(s.me, s.conversationID);
    const m = await sendText(s.me, s.patID, 'oops');
    await until(() => row(chat, m.clientMsgID), 'sent');
    const peerSaw = nextEvent(s.pat, 'onNewRecvMessageRevoked', (x) => x.clientMsgID === m.clientMsgID);
    await s.me.revokeMessage(m);
    await until(() => text(row(chat, m.clientMsgID)) === 'You recalled a message', 'recalled notice');
    const atPat = await peerSaw;
    equal(atPat.contentType, ContentType.Revoke, 'peer copy recalled');
    equal(atPat.revokedElem?.revokerNickname, 'Me Myself', 'who recalled');
  });

  it('keeps drafts per conversation in IndexedDB and restores them in a new chat element', async () => {
    const s = await pair();
    const chat = await openChat(s.me, s.conversationID);
    const box = part(chat, 'input') as HTMLTextAreaElement;
    box.value = 'a draft';
    box.dispatchEvent(new Event('input'));
    await until(async () => (await s.me.getConversationByID(s.conversationID)).draftText === 'a draft', 'draft saved');
    unmountAll();
    const again = await openChat(s.me, s.conversationID);
    await until(() => (part(again, 'input') as HTMLTextAreaElement).value === 'a draft', 'draft restored');
  });

  it('searches locally and on the server by keyword, type and sender', async () => {
    const s = await pair();
    await sendText(s.pat, s.meID, 'the pineapple question');
    await sendText(s.me, s.patID, 'pineapple is fine');
    const loc = await s.me.sendMessage(await s.me.createLocationMessage({ description: 'Pineapple Bar', latitude: 1, longitude: 2 }), s.patID, '');
    equal(loc.locationElem?.description, 'Pineapple Bar', 'location elem');
    await s.me.getAdvancedHistoryMessageList({ conversationID: s.conversationID, count: 20 });
    const local = await s.me.searchLocalMessages({ keywordList: ['pineapple'] });
    equal(local.totalCount, 3, 'local keyword search');
    const fromPat = await s.me.searchLocalMessages({ keywordList: ['pineapple'], senderUserIDList: [s.patID] });
    equal(fromPat.totalCount, 1, 'sender filter');
    const onServer = await s.me.searchServerMessages({ conversationID: s.conversationID, keywordList: ['PINEAPPLE'], messageTypeList: [ContentType.Location] });
    equal(onServer.totalCount, 1, 'server search by type, case-insensitive');
    equal(onServer.searchResultItems[0]!.messageList[0]!.clientMsgID, loc.clientMsgID, 'the location found');
  });

  it('forwards one message and merges several, which render as a card that opens the list', async () => {
    const s = await pair();
    const chat = await openChat(s.me, s.conversationID);
    const a = await sendText(s.pat, s.meID, 'first line');
    const b = await sendText(s.pat, s.meID, 'second line');
    const fwd = await s.me.sendMessage(await s.me.createForwardMessage(a), s.patID, '');
    equal(fwd.content, 'first line', 'forward copies the content');
    const merged = await s.me.sendMessage(await s.me.createMergerMessage({ messageList: [a, b], title: 'Pat' }), s.patID, '');
    const card = await until(() => row(chat, merged.clientMsgID)?.querySelector<HTMLElement>('[part~="merger"]'), 'card');
    ok(text(card).includes('2 messages'), 'card counts');
    await click(card);
    const items = await until(() => (parts(chat, 'merged-item').length === 2 ? parts(chat, 'merged-item') : null), 'the list');
    ok(text(items[1]).includes('second line'), 'list shows the messages');
  });
});
