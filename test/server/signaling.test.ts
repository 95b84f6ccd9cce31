// Call signaling through the real server: invitations, answers, every ending,
// busy, other devices, the WebRTC relay, call records and ICE credentials.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { PushFrame } from '../../src/protocol/frames.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { CALL_RECORD_CONTENT_TYPE, type SignalingEventName } from '../../src/model/call.js';
import { parseCallRecord } from '../../src/model/call-record.js';
import { loginClient, RequestError, startTestServer, textTo, type TestClient, type TestServer } from './helpers.js';

let server: TestServer;
const open: TestClient[] = [];
let n = 0;
const uid = (name: string) => `${name}${++n}`;

async function login(userID: string): Promise<TestClient> {
  const c = await loginClient(server, userID);
  open.push(c);
  return c;
}

const isSignal = (name: SignalingEventName, roomID?: string) => (p: PushFrame) =>
  p.push === 'call.signal' && p.data.event === name && (!roomID || p.data.invitation.roomID === roomID);

function signalsOf(c: TestClient, roomID: string): string[] {
  return c.pushes.filter((p) => p.push === 'call.signal' && p.data.invitation.roomID === roomID).map((p) => (p.push === 'call.signal' ? p.data.event : ''));
}

async function rejectsWith(p: Promise<unknown>, code: number): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof RequestError && e.code === code);
}

async function recordOf(c: TestClient, conversationID: string) {
  const push = await c.waitForPush(
    (p) => p.push === 'message.new' && p.data.message.conversationID === conversationID && p.data.message.contentType === CALL_RECORD_CONTENT_TYPE,
  );
  assert.ok(push.seq > 0, 'the call record goes through the event log');
  return push.push === 'message.new' ? { message: push.data.message, record: parseCallRecord(push.data.message.content)! } : assert.fail();
}

const settle = () => new Promise((r) => setTimeout(r, 60));

describe('call signaling', { timeout: 60_000 }, () => {
  before(async () => {
    server = await startTestServer({
      calls: { disconnectGraceMs: 300, ice: { stunURLs: ['stun:stun.example.test:3478'], turnURLs: ['turn:turn.example.test:3478?transport=udp'], turnSecret: 'turn-shared-secret', turnTTLSeconds: 600 } },
    });
  });
  after(async () => {
    await Promise.all(open.map((c) => c.close()));
    await server.dispose();
  });

  it('one-to-one: invite, accept on one device, relay to that device only, hang up, and a call record for both', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    const bobPhone = await login(b);
    const bobPC = await login(b);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'video', timeout: 30 } });
    assert.ok(res.roomID);
    assert.equal(res.invitation.inviterUserID, a);
    assert.equal(res.invitation.sessionType, 1);
    assert.equal(res.invitation.groupID, '');
    for (const dev of [bobPhone, bobPC]) {
      const inv = await dev.waitForPush(isSignal('onReceiveNewInvitation', res.roomID));
      assert.equal(inv.seq, 0, 'signaling pushes are transient');
      assert.ok(inv.push === 'call.signal' && inv.data.opUserID === a && inv.data.invitation.mediaType === 'video');
    }
    const accepted = await bobPhone.call('signal.accept', { opUserID: b, invitation: res.invitation });
    assert.deepEqual(accepted.participantUserIDList.sort(), [a, b].sort());
    await alice.waitForPush(isSignal('onInviteeAccepted', res.roomID));
    await bobPC.waitForPush(isSignal('onInviteeAcceptedByOtherDevice', res.roomID));
    await rejectsWith(bobPC.call('signal.accept', { invitation: { roomID: res.roomID } }), ErrorCode.CallStateInvalid);

    // WebRTC relay: to the answering device only.
    await alice.call('signal.relay', { roomID: res.roomID, toUserID: b, kind: 'offer', payload: '{"type":"offer","sdp":"v=0"}' });
    const offer = await bobPhone.waitForPush((p) => p.push === 'call.relay');
    assert.ok(offer.push === 'call.relay' && offer.data.fromUserID === a && offer.data.kind === 'offer' && offer.seq === 0);
    await bobPhone.call('signal.relay', { roomID: res.roomID, toUserID: a, kind: 'answer', payload: '{"type":"answer"}' });
    await alice.waitForPush((p) => p.push === 'call.relay' && p.data.kind === 'answer');
    await settle();
    assert.equal(bobPC.pushes.filter((p) => p.push === 'call.relay').length, 0, 'the other device gets no media data');
    await rejectsWith(bobPC.call('signal.relay', { roomID: res.roomID, toUserID: a, kind: 'candidate', payload: '{}' }), ErrorCode.NotCallParticipant);

    // Busy while in the call, for the caller too.
    await rejectsWith(alice.call('signal.invite', { invitation: { inviteeUserIDList: [uid('x')], mediaType: 'audio' } }), ErrorCode.AlreadyInCall);

    await bobPhone.call('signal.hungUp', { invitation: { roomID: res.roomID } });
    const hang = await alice.waitForPush(isSignal('onHangUp', res.roomID));
    assert.ok(hang.push === 'call.signal' && hang.data.opUserID === b && hang.data.ended === true && hang.data.reason === 'hangup');
    const conv = [a, b].sort().join('_');
    for (const c of [alice, bobPhone, bobPC]) {
      const { message, record } = await recordOf(c, `si_${conv}`);
      assert.equal(record.status, 'completed');
      assert.equal(record.mediaType, 'video');
      assert.equal(message.sendID, a);
      assert.ok(record.duration >= 0);
    }
    // The record is history like any message.
    const history = await alice.call('message.history', { conversationID: `si_${conv}`, beforeSeq: 0, count: 10 });
    assert.equal(history.messages.at(-1)?.contentType, CALL_RECORD_CONTENT_TYPE);
    await rejectsWith(alice.call('signal.hungUp', { invitation: { roomID: res.roomID } }), ErrorCode.CallNotFound);
  });

  it('reject: the inviter is told, other devices learn it was rejected elsewhere, the record says declined', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    const bob1 = await login(b);
    const bob2 = await login(b);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'audio' } });
    await bob1.waitForPush(isSignal('onReceiveNewInvitation'));
    await bob1.call('signal.reject', { invitation: { roomID: res.roomID } });
    const rej = await alice.waitForPush(isSignal('onInviteeRejected', res.roomID));
    assert.ok(rej.push === 'call.signal' && rej.data.ended === true);
    await bob2.waitForPush(isSignal('onInviteeRejectedByOtherDevice', res.roomID));
    assert.equal((await recordOf(bob2, `si_${[a, b].sort().join('_')}`)).record.status, 'declined');
    await rejectsWith(bob2.call('signal.accept', { invitation: { roomID: res.roomID } }), ErrorCode.CallNotFound);
  });

  it('cancel: only the inviter, the invitee is told, the record says cancelled', async () => {
    const [a, b, c] = [uid('alice'), uid('bob'), uid('carol')];
    const alice = await login(a);
    const bob = await login(b);
    const carol = await login(c);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'video' } });
    await rejectsWith(carol.call('signal.accept', { invitation: { roomID: res.roomID } }), ErrorCode.NotCallParticipant);
    await rejectsWith(bob.call('signal.cancel', { invitation: { roomID: res.roomID } }), ErrorCode.PermissionDenied);
    await rejectsWith(bob.call('signal.hungUp', { invitation: { roomID: res.roomID } }), ErrorCode.CallStateInvalid);
    await alice.call('signal.cancel', { invitation: { roomID: res.roomID } });
    await bob.waitForPush(isSignal('onInvitationCancelled', res.roomID));
    assert.equal((await recordOf(bob, `si_${[a, b].sort().join('_')}`)).record.status, 'cancelled');
    void carol;
  });

  it('timeout: the server ends an unanswered invitation and tells both sides; the record says missed', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    const bob = await login(b);
    const started = Date.now();
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'audio', timeout: 5 } });
    const t1 = await alice.waitForPush(isSignal('onInvitationTimeout', res.roomID), 8000);
    await bob.waitForPush(isSignal('onInvitationTimeout', res.roomID), 1000);
    assert.ok(Date.now() - started >= 4900, 'not before the timeout');
    assert.ok(t1.push === 'call.signal' && t1.data.ended === true && t1.data.userIDList?.includes(b));
    assert.equal((await recordOf(alice, `si_${[a, b].sort().join('_')}`)).record.status, 'missed');
    await rejectsWith(bob.call('signal.accept', { invitation: { roomID: res.roomID } }), ErrorCode.CallNotFound);
  });

  it('busy: a user already in a call (or ringing) answers busy; the call ends with a busy record', async () => {
    const [a, b, c] = [uid('alice'), uid('bob'), uid('carol')];
    const alice = await login(a);
    const bob = await login(b);
    const carol = await login(c);
    const first = await bob.call('signal.invite', { invitation: { inviteeUserIDList: [c], mediaType: 'audio' } });
    await carol.waitForPush(isSignal('onReceiveNewInvitation'));
    // carol is ringing: busy; bob is the inviter of a call: busy.
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [c], mediaType: 'video' } });
    assert.deepEqual(res.busyUserIDList, [c]);
    const busy = await alice.waitForPush(isSignal('onInviteeBusy', res.roomID));
    assert.ok(busy.push === 'call.signal' && busy.data.ended === true && busy.data.opUserID === c);
    await settle();
    assert.equal(signalsOf(carol, res.roomID).length, 0, 'a busy user is not rung');
    assert.equal((await recordOf(alice, `si_${[a, c].sort().join('_')}`)).record.status, 'busy');
    // Alice is free again, and bob stays busy while his call rings.
    const again = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'audio' } });
    assert.deepEqual(again.busyUserIDList, [b]);
    await bob.call('signal.cancel', { invitation: { roomID: first.roomID } });
  });

  it('checks arguments: one invitee for a one-to-one call, existing users, a room ID not in use', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    await login(b);
    await rejectsWith(alice.call('signal.invite', { invitation: { inviteeUserIDList: [b, uid('z')], mediaType: 'audio' } }), ErrorCode.InvalidArgument);
    await rejectsWith(alice.call('signal.invite', { invitation: { inviteeUserIDList: ['nobody-here'], mediaType: 'audio' } }), ErrorCode.UserNotFound);
    await rejectsWith(alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'fax' as 'audio' } }), ErrorCode.InvalidArgument);
    await rejectsWith(alice.call('signal.accept', { invitation: { roomID: 'no-such-room' } }), ErrorCode.CallNotFound);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'audio', roomID: `fixed-${n}` } });
    assert.equal(res.roomID, `fixed-${n}`);
    await alice.call('signal.cancel', { invitation: { roomID: res.roomID } });
  });

  it('group call of three: everyone is rung, the call goes on when one leaves, and ends with a completed record', async () => {
    const [a, b, c] = [uid('alice'), uid('bob'), uid('carol')];
    const groupID = uid('grp');
    const alice = await login(a);
    const bob = await login(b);
    const carol = await login(c);
    server.core.createGroup({ groupID, groupName: 'Team', ownerUserID: a, memberUserIDs: [b, c] });
    await rejectsWith(alice.call('signal.invite', { invitation: { inviteeUserIDList: [uid('out')], groupID, sessionType: 2, mediaType: 'video' } }), ErrorCode.NotGroupMember);
    // An empty list invites every other member.
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [], groupID, sessionType: 2, mediaType: 'video' } });
    assert.deepEqual([...res.invitation.inviteeUserIDList].sort(), [b, c].sort());
    await bob.waitForPush(isSignal('onReceiveNewInvitation', res.roomID));
    await carol.waitForPush(isSignal('onReceiveNewInvitation', res.roomID));
    await bob.call('signal.accept', { invitation: { roomID: res.roomID } });
    await alice.waitForPush(isSignal('onInviteeAccepted', res.roomID));
    const third = await carol.call('signal.accept', { invitation: { roomID: res.roomID } });
    assert.deepEqual([...third.participantUserIDList].sort(), [a, b, c].sort());
    await bob.waitForPush((p) => isSignal('onInviteeAccepted', res.roomID)(p) && p.push === 'call.signal' && p.data.opUserID === c);
    // Carol relays to both others.
    await carol.call('signal.relay', { roomID: res.roomID, toUserID: a, kind: 'offer', payload: '{}' });
    await carol.call('signal.relay', { roomID: res.roomID, toUserID: b, kind: 'offer', payload: '{}' });
    await alice.waitForPush((p) => p.push === 'call.relay' && p.data.fromUserID === c);
    await bob.waitForPush((p) => p.push === 'call.relay' && p.data.fromUserID === c);
    await alice.call('signal.hungUp', { invitation: { roomID: res.roomID } });
    const h = await bob.waitForPush(isSignal('onHangUp', res.roomID));
    assert.ok(h.push === 'call.signal' && h.data.ended === false, 'two people are still talking');
    await bob.call('signal.hungUp', { invitation: { roomID: res.roomID } });
    const last = await carol.waitForPush((p) => isSignal('onHangUp', res.roomID)(p) && p.push === 'call.signal' && p.data.opUserID === b);
    assert.ok(last.push === 'call.signal' && last.data.ended === true);
    const { record, message } = await recordOf(carol, `sg_${groupID}`);
    assert.equal(record.status, 'completed');
    assert.equal(message.groupID, groupID);
    assert.deepEqual([...record.participantUserIDList].sort(), [a, b, c].sort());
  });

  it('a participant whose socket drops is hung up after the grace period, with reason "disconnected"', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    const bob = await login(b);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'audio' } });
    await bob.waitForPush(isSignal('onReceiveNewInvitation'));
    await bob.call('signal.accept', { invitation: { roomID: res.roomID } });
    await bob.close();
    const h = await alice.waitForPush(isSignal('onHangUp', res.roomID), 3000);
    assert.ok(h.push === 'call.signal' && h.data.reason === 'disconnected' && h.data.ended === true);
  });

  it('a participant who reconnects within the grace period stays in the call', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    const bob = await login(b);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'audio' } });
    await bob.waitForPush(isSignal('onReceiveNewInvitation'));
    await bob.call('signal.accept', { invitation: { roomID: res.roomID } });
    await bob.close();
    const bobAgain = await login(b);
    await bobAgain.call('signal.relay', { roomID: res.roomID, toUserID: a, kind: 'media', payload: '{"audio":true}' });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(signalsOf(alice, res.roomID).includes('onHangUp'), false);
    await alice.call('signal.relay', { roomID: res.roomID, toUserID: b, kind: 'media', payload: '{}' });
    await bobAgain.waitForPush((p) => p.push === 'call.relay');
    await alice.call('signal.hungUp', { invitation: { roomID: res.roomID } });
  });

  it('hanging up because the media could not connect tells the others the call failed', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    const bob = await login(b);
    const res = await alice.call('signal.invite', { invitation: { inviteeUserIDList: [b], mediaType: 'video' } });
    await bob.waitForPush(isSignal('onReceiveNewInvitation'));
    await bob.call('signal.accept', { invitation: { roomID: res.roomID } });
    await bob.call('signal.hungUp', { invitation: { roomID: res.roomID }, reason: 'failed' });
    const h = await alice.waitForPush(isSignal('onHangUp', res.roomID));
    assert.ok(h.push === 'call.signal' && h.data.reason === 'failed' && h.data.ended === true);
  });

  it('clients cannot forge a call record: only the server writes contentType 1600', async () => {
    const [a, b] = [uid('alice'), uid('bob')];
    const alice = await login(a);
    await login(b);
    const forged = { ...textTo(b, JSON.stringify({ roomID: 'x', status: 'completed', duration: 3600 })), contentType: CALL_RECORD_CONTENT_TYPE };
    await rejectsWith(alice.call('message.send', { message: forged }), ErrorCode.UnsupportedContentType);
  });

  it('call.iceConfig hands out STUN and TURN with coturn shared-secret credentials', async () => {
    const a = uid('alice');
    const alice = await login(a);
    const before = Math.floor(Date.now() / 1000);
    const cfg = await alice.call('call.iceConfig', {});
    assert.equal(cfg.ttl, 600);
    assert.deepEqual(cfg.iceServers[0], { urls: ['stun:stun.example.test:3478'] });
    const turn = cfg.iceServers[1]!;
    assert.deepEqual(turn.urls, ['turn:turn.example.test:3478?transport=udp']);
    const [expiry, user] = turn.username!.split(':');
    assert.equal(user, a);
    assert.ok(Number(expiry) >= before + 600 && Number(expiry) <= before + 602);
    assert.equal(turn.credential, createHmac('sha1', 'turn-shared-secret').update(turn.username!).digest('base64'));
  });
});
