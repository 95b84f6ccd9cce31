import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ContentType } from '../../src/model/enums.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { PushFrame } from '../../src/protocol/frames.js';
import { loginClient, RequestError, startTestServer, textTo, type TestClient, type TestServer } from './helpers.js';

let counter = 0;
function msg(target: string, contentType: number, elem: unknown, opts: { group?: boolean } = {}) {
  return {
    ...textTo(target, '', opts),
    clientMsgID: `mt-${process.pid}-${Date.now()}-${++counter}`,
    contentType,
    content: typeof elem === 'string' ? elem : JSON.stringify(elem),
  };
}

const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(server: TestServer, token: string | null, name: string, bytes: Buffer, type = 'application/octet-stream') {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  const res = await fetch(`${server.url}/api/upload`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: (await res.json()) as { ok: boolean; data?: any; error?: { code: number; message: string } } };
}

async function rejects(p: Promise<unknown>, code: number): Promise<RequestError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof RequestError, String(err));
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected error ${code}`);
}

describe('message types and actions', () => {
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;
  let carol: TestClient;
  let aliceToken: string;
  before(async () => {
    server = await startTestServer({ revokeWindowMs: 1500, maxUploadBytes: 64 * 1024 });
    alice = await loginClient(server, 'alice', 'Alice');
    bob = await loginClient(server, 'bob', 'Bob');
    carol = await loginClient(server, 'carol', 'Carol');
    aliceToken = (await server.core.issueToken('alice')).token;
    server.core.createGroup({ groupID: 'team', groupName: 'Team', ownerUserID: 'alice', memberUserIDs: ['bob', 'carol'] });
  });
  after(async () => {
    await server.dispose();
    assert.deepEqual(server.log.errors, []);
  });

  test('every sendable type is accepted, pushed with its elem parsed, and bad elems are refused', async () => {
    const picture = { uuid: 'u', type: 'image/png', size: 1, width: 1, height: 1, url: '/api/files/0000' };
    const cases: [number, unknown, string][] = [
      [ContentType.Picture, { sourcePath: '', sourcePicture: picture, bigPicture: picture, snapshotPicture: picture }, 'pictureElem'],
      [ContentType.Voice, { uuid: 'v', soundPath: '', sourceUrl: '/api/files/v1', dataSize: 10, duration: 3 }, 'soundElem'],
      [ContentType.Video, { videoPath: '', videoUUID: 'x', videoUrl: '/api/files/x', videoType: 'video/mp4', videoSize: 5, duration: 2, snapshotPath: '', snapshotUUID: '', snapshotSize: 0, snapshotUrl: '', snapshotWidth: 0, snapshotHeight: 0 }, 'videoElem'],
      [ContentType.File, { filePath: '', uuid: 'f', sourceUrl: '/api/files/f', fileName: 'report.pdf', fileSize: 1234 }, 'fileElem'],
      [ContentType.Location, { description: 'Office', latitude: 48.85, longitude: 2.35 }, 'locationElem'],
      [ContentType.Custom, { data: '{"type":"poll"}', description: 'A poll', extension: '' }, 'customElem'],
      [ContentType.Face, { index: 0, data: '🎉' }, 'faceElem'],
      [ContentType.Quote, { text: 'I agree', quoteMessage: { clientMsgID: 'q', sendID: 'bob', contentType: 101, content: 'Lunch?', senderNickname: 'Bob', serverMsgID: '', senderFaceUrl: '', sendTime: 1, seq: 1, sessionType: 1 } }, 'quoteElem'],
      [ContentType.Merger, { title: 'Chat history', abstractList: ['Bob: hi'], multiMessage: [{ clientMsgID: 'm', sendID: 'bob', contentType: 101, content: 'hi' }] }, 'mergeElem'],
    ];
    for (const [type, elem, field] of cases) {
      const sent = await alice.call('message.send', { message: msg('bob', type, elem) });
      assert.equal(sent.message.contentType, type);
      assert.deepEqual((sent.message as unknown as Record<string, unknown>)[field], elem, `${field} parsed from content`);
      const push = await bob.waitForPush((p) => p.push === 'message.new' && p.data.message.clientMsgID === sent.message.clientMsgID);
      assert.ok(push.push === 'message.new' && (push.data.message as unknown as Record<string, unknown>)[field]);
    }
    await rejects(alice.call('message.send', { message: msg('bob', ContentType.Location, { description: 'x', latitude: 200, longitude: 0 }) }), ErrorCode.InvalidContent);
    await rejects(alice.call('message.send', { message: msg('bob', ContentType.Picture, 'not json') }), ErrorCode.InvalidContent);
    await rejects(alice.call('message.send', { message: msg('bob', ContentType.File, { fileName: 'a', fileSize: 1, sourceUrl: 'javascript:alert(1)' }) }), ErrorCode.InvalidContent);
    await rejects(alice.call('message.send', { message: msg('bob', ContentType.Revoke, {}) }), ErrorCode.UnsupportedContentType);
    await rejects(alice.call('message.send', { message: msg('bob', ContentType.Notification, 'tip') }), ErrorCode.UnsupportedContentType);
  });

  test('@mentions in a group set isAtSelf for the mentioned and for @all', async () => {
    const sent = await alice.call('message.send', { message: msg('team', ContentType.AtText, { text: '@Bob look', atUserList: ['bob'], isAtSelf: false }, { group: true }) });
    const atBob = await bob.waitForPush((p) => p.push === 'message.new' && p.data.message.clientMsgID === sent.message.clientMsgID);
    const atCarol = await carol.waitForPush((p) => p.push === 'message.new' && p.data.message.clientMsgID === sent.message.clientMsgID);
    assert.equal(atBob.push === 'message.new' && atBob.data.message.atTextElem?.isAtSelf, true);
    assert.equal(atCarol.push === 'message.new' && atCarol.data.message.atTextElem?.isAtSelf, false);
    const all = await alice.call('message.send', { message: msg('team', ContentType.AtText, { text: '@all hi', atUserList: ['AtAllTag'], isAtSelf: false }, { group: true }) });
    const c2 = await carol.waitForPush((p) => p.push === 'message.new' && p.data.message.clientMsgID === all.message.clientMsgID);
    assert.equal(c2.push === 'message.new' && c2.data.message.atTextElem?.isAtSelf, true);
    await rejects(alice.call('message.send', { message: msg('bob', ContentType.AtText, { text: 'x', atUserList: ['bob'] }) }), ErrorCode.InvalidContent);
  });

  test('revoke: own message within the window; others refused; after the window refused; catch-up delivers it', async () => {
    const bobCursor = (await bob.call('sync', { since: 0, limit: 1 })).maxEventSeq;
    const sent = await alice.call('message.send', { message: textTo('bob', 'oops') });
    await rejects(bob.call('message.revoke', { conversationID: 'si_alice_bob', clientMsgID: sent.message.clientMsgID }), ErrorCode.PermissionDenied);
    const revoked = await alice.call('message.revoke', { conversationID: 'si_alice_bob', clientMsgID: sent.message.clientMsgID });
    assert.equal(revoked.message.contentType, ContentType.Revoke);
    assert.equal(revoked.message.revokedElem?.revokerNickname, 'Alice');
    const push = await bob.waitForPush((p) => p.push === 'message.revoked' && p.data.message.clientMsgID === sent.message.clientMsgID);
    assert.ok(push.seq > 0, 'revocations are logged, not transient');
    // A device that was offline learns it from the log.
    const page = await bob.call('sync', { since: bobCursor, limit: 200 });
    assert.ok(page.events.some((e: PushFrame) => e.push === 'message.revoked' && e.data.message.clientMsgID === sent.message.clientMsgID));
    const history = await bob.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 1 });
    assert.equal(history.messages[0]?.contentType, ContentType.Revoke);

    const old = await alice.call('message.send', { message: textTo('bob', 'too late') });
    await new Promise((r) => setTimeout(r, 1600));
    await rejects(alice.call('message.revoke', { conversationID: 'si_alice_bob', clientMsgID: old.message.clientMsgID }), ErrorCode.RevokeWindowPassed);
  });

  test('delete for everyone: own only; hidden from history for both', async () => {
    const sent = await alice.call('message.send', { message: textTo('bob', 'delete me') });
    await rejects(bob.call('message.delete', { conversationID: 'si_alice_bob', clientMsgID: sent.message.clientMsgID }), ErrorCode.PermissionDenied);
    await alice.call('message.delete', { conversationID: 'si_alice_bob', clientMsgID: sent.message.clientMsgID });
    await bob.waitForPush((p) => p.push === 'message.deleted' && p.data.clientMsgID === sent.message.clientMsgID);
    const h = await bob.call('message.history', { conversationID: 'si_alice_bob', beforeSeq: 0, count: 1 });
    assert.equal(h.messages[0]?.status, 4, 'deleted');
    assert.equal(h.messages[0]?.content, '');
  });

  test('typing is transient (seq 0), one-to-one only, and rate-limited', async () => {
    await alice.call('message.typing', { conversationID: 'si_alice_bob', msgTip: 'typing' });
    const push = await bob.waitForPush((p) => p.push === 'message.typing');
    assert.equal(push.seq, 0);
    await rejects(alice.call('message.typing', { conversationID: 'si_alice_bob', msgTip: 'typing' }), ErrorCode.RateLimited);
    await alice.call('message.typing', { conversationID: 'si_alice_bob', msgTip: '' });
    await rejects(alice.call('message.typing', { conversationID: 'sg_team', msgTip: 'typing' }), ErrorCode.InvalidArgument);
    const sync = await bob.call('sync', { since: 0, limit: 200 });
    assert.ok(!sync.events.some((e) => e.push === 'message.typing'), 'never logged');
  });

  test('group read receipts reach the sender and list the readers', async () => {
    const sent = await alice.call('message.send', { message: textTo('team', 'read me', { group: true }) });
    await bob.call('message.markGroupRead', { conversationID: 'sg_team', clientMsgIDList: [sent.message.clientMsgID] });
    const receipt = await alice.waitForPush((p) => p.push === 'group.read.receipt' && p.data.userID === 'bob');
    assert.ok(receipt.push === 'group.read.receipt' && receipt.data.clientMsgIDList.includes(sent.message.clientMsgID));
    const readers = await alice.call('message.readers', { conversationID: 'sg_team', clientMsgID: sent.message.clientMsgID });
    assert.deepEqual(readers.readers.map((r) => r.userID), ['bob']);
    assert.equal(readers.unreadCount, 1);
    const page = await alice.call('message.history', { conversationID: 'sg_team', beforeSeq: 0, count: 1 });
    assert.deepEqual(page.messages[0]?.attachedInfoElem?.groupHasReadInfo, { hasReadUserIDList: ['bob'], hasReadCount: 1 }, 'history carries read by N');
  });

  test('search by keyword, type, sender and conversation', async () => {
    await alice.call('message.send', { message: textTo('bob', 'The pineapple pizza debate') });
    await bob.call('message.send', { message: textTo('alice', 'pineapple is fine') });
    await alice.call('message.send', { message: msg('bob', ContentType.File, { filePath: '', uuid: 'p', sourceUrl: '/api/files/p', fileName: 'pineapple.pdf', fileSize: 1 }) });
    const all = await alice.call('message.search', { keywordList: ['pineapple'] });
    assert.equal(all.totalCount, 3);
    const files = await alice.call('message.search', { keywordList: ['pineapple'], messageTypeList: [ContentType.File] });
    assert.equal(files.totalCount, 1);
    const fromBob = await alice.call('message.search', { keywordList: ['pineapple'], senderUserIDList: ['bob'] });
    assert.equal(fromBob.totalCount, 1);
    const inTeam = await alice.call('message.search', { conversationID: 'sg_team', keywordList: ['pineapple'] });
    assert.equal(inTeam.totalCount, 0);
    await rejects(carol.call('message.search', { conversationID: 'si_alice_bob', keywordList: ['x'] }), ErrorCode.ConversationNotFound);
  });

  test('uploads: type by content, size limit, auth, download headers', async () => {
    const ok = await upload(server, aliceToken, 'photo.txt', PNG_1x1, 'text/plain');
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal(ok.json.data.type, 'image/png', 'decided by magic bytes, not by name or claim');
    const noAuth = await upload(server, null, 'a.png', PNG_1x1);
    assert.equal(noAuth.status, 401);
    const big = await upload(server, aliceToken, 'big.bin', Buffer.alloc(100 * 1024, 1));
    assert.equal(big.status, 413);
    assert.equal(big.json.error?.code, ErrorCode.FileTooLarge);
    assert.match(big.json.error?.message ?? '', /64 KB/);
    const exe = await upload(server, aliceToken, 'cat.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    assert.equal(exe.json.error?.code, ErrorCode.FileTypeNotAllowed);

    const url = `${server.url}${ok.json.data.url}`;
    assert.equal((await fetch(url)).status, 401, 'downloads need the token');
    const res = await fetch(url, { headers: { authorization: `Bearer ${aliceToken}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-disposition') ?? '', /^inline; filename="photo.txt"/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), PNG_1x1);
    const text = await upload(server, aliceToken, 'notes.html', Buffer.from('<script>alert(1)</script>'));
    const t = await fetch(`${server.url}${text.json.data.url}`, { headers: { authorization: `Bearer ${aliceToken}` } });
    assert.equal(t.headers.get('content-type'), 'text/plain');
    assert.match(t.headers.get('content-disposition') ?? '', /^attachment/);
    const emoji = await fetch(`${server.url}/api/emoji/data.json`);
    assert.equal(emoji.status, 200);
    assert.ok(Array.isArray(await emoji.json()));
  });
});
