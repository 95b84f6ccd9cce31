import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseGroupTip, TipType } from '../../src/model/notification.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { PushFrame } from '../../src/protocol/frames.js';
import { loginClient, RequestError, startTestServer, textTo, type TestClient, type TestServer } from './helpers.js';

const rejectsWith = async (p: Promise<unknown>, code: number) => {
  await assert.rejects(p, (e: unknown) => e instanceof RequestError && e.code === code);
};
const tipOf = (type: number) => (p: PushFrame) =>
  p.push === 'message.new' && p.data.message.contentType === 1400 && parseGroupTip(p.data.message)?.type === type;

describe('group lifecycle, roles and moderation', () => {
  let server: TestServer;
  let owner: TestClient;
  let admin: TestClient;
  let member: TestClient;
  let outsider: TestClient;
  let groupID = '';
  before(async () => {
    server = await startTestServer();
    owner = await loginClient(server, 'olivia', 'Olivia');
    admin = await loginClient(server, 'adam', 'Adam');
    member = await loginClient(server, 'mia', 'Mia');
    outsider = await loginClient(server, 'otto', 'Otto');
  });
  after(async () => {
    await server.dispose();
    assert.deepEqual(server.log.errors, []);
  });

  test('createGroup adds the initial members, who get onJoinedGroupAdded and a tip in the chat', async () => {
    const { group } = await owner.call('group.create', { groupName: 'Hikers', memberUserIDs: ['adam', 'mia'], joinPolicy: 1, notification: 'Boots on' });
    groupID = group.groupID;
    assert.equal(group.memberCount, 3);
    assert.equal(group.ownerUserID, 'olivia');
    assert.equal(group.joinPolicy, 1);
    for (const c of [owner, admin, member]) {
      await c.waitForPush((p) => p.push === 'group.changed' && p.data.kind === 'joined' && p.data.group.groupID === groupID);
      const tip = await c.waitForPush(tipOf(TipType.GroupCreated));
      assert.ok(tip.push === 'message.new' && /Olivia created the group with Adam, Mia/.test(tip.data.message.content));
    }
    const conv = await member.waitForPush((p) => p.push === 'conversation.changed' && p.data.conversation.groupID === groupID);
    assert.ok(conv.push === 'conversation.changed' && conv.data.conversation.showName === 'Hikers');
    await owner.call('group.setMemberRole', { groupID, userID: 'adam', roleLevel: 60 });
    await member.waitForPush((p) => p.push === 'group.member' && p.data.kind === 'info' && p.data.member.userID === 'adam' && p.data.member.roleLevel === 60);
    await member.waitForPush(tipOf(TipType.SetToAdmin));
    const { members, total } = await member.call('group.members', { groupID, filter: 4 });
    assert.equal(total, 2);
    assert.deepEqual(members.map((m) => [m.userID, m.roleLevel]), [['olivia', 100], ['adam', 60]]);
    const page = await member.call('group.members', { groupID, offset: 1, count: 1 });
    assert.equal(page.total, 3);
    assert.deepEqual(page.members.map((m) => m.userID), ['adam']);
  });

  test('applying to an approval group: the owner and admins see it; accepting adds the member everywhere', async () => {
    const res = await outsider.call('group.join', { groupID, reqMsg: 'Can I come?' });
    assert.equal(res.joined, false);
    await owner.waitForPush((p) => p.push === 'group.application' && p.data.kind === 'added' && p.data.application.userID === 'otto');
    await admin.waitForPush((p) => p.push === 'group.application' && p.data.kind === 'added');
    assert.deepEqual((await admin.call('group.applications', { as: 'recipient' })).applications.map((a) => a.reqMsg), ['Can I come?']);
    assert.deepEqual((await member.call('group.applications', { as: 'recipient' })).applications, []);
    await rejectsWith(member.call('group.acceptApplication', { groupID, fromUserID: 'otto' }), ErrorCode.PermissionDenied);
    await admin.call('group.acceptApplication', { groupID, fromUserID: 'otto', handleMsg: 'Welcome' });
    await outsider.waitForPush((p) => p.push === 'group.application' && p.data.kind === 'accepted');
    await outsider.waitForPush((p) => p.push === 'group.changed' && p.data.kind === 'joined');
    await member.waitForPush((p) => p.push === 'group.member' && p.data.kind === 'added' && p.data.member.userID === 'otto');
    await outsider.waitForPush(tipOf(TipType.ApplicationAccepted));
    await rejectsWith(admin.call('group.acceptApplication', { groupID, fromUserID: 'otto' }), ErrorCode.ApplicationNotFound);
    await rejectsWith(outsider.call('group.join', { groupID }), ErrorCode.AlreadyGroupMember);
  });

  test('info, announcement and group nicknames', async () => {
    await rejectsWith(member.call('group.setInfo', { groupID, groupName: 'Mine' }), ErrorCode.PermissionDenied);
    const { group } = await admin.call('group.setInfo', { groupID, groupName: 'Hill walkers', notification: 'Meet at 8' });
    assert.equal(group.groupName, 'Hill walkers');
    await member.waitForPush((p) => p.push === 'group.changed' && p.data.kind === 'info' && p.data.group.notification === 'Meet at 8');
    const tip = await member.waitForPush(tipOf(TipType.NameSet));
    assert.ok(tip.push === 'message.new' && tip.data.message.content.includes('Hill walkers'));
    const conv = await member.waitForPush((p) => p.push === 'conversation.changed' && p.data.conversation.showName === 'Hill walkers');
    assert.ok(conv);
    const { member: me } = await member.call('group.setMemberNickname', { groupID, userID: 'mia', nickname: 'Mia the Guide' });
    assert.equal(me.nickname, 'Mia the Guide');
    await rejectsWith(member.call('group.setMemberNickname', { groupID, userID: 'otto', nickname: 'x' }), ErrorCode.PermissionDenied);
    await admin.call('group.setMemberNickname', { groupID, userID: 'otto', nickname: 'Newbie' });
  });

  test('mute everyone, mute one member for a time', async () => {
    await owner.call('group.mute', { groupID, isMute: true });
    await rejectsWith(member.call('message.send', { message: textTo(groupID, 'hi', { group: true }) }), ErrorCode.GroupMuted);
    await admin.call('message.send', { message: textTo(groupID, 'admins still speak', { group: true }) });
    await owner.call('group.mute', { groupID, isMute: false });
    await member.waitForPush(tipOf(TipType.GroupUnmuted));
    const { member: muted } = await admin.call('group.muteMember', { groupID, userID: 'mia', mutedSeconds: 600 });
    assert.ok(muted.muteEndTime > Date.now());
    await rejectsWith(member.call('message.send', { message: textTo(groupID, 'hi', { group: true }) }), ErrorCode.MemberMuted);
    await rejectsWith(admin.call('group.muteMember', { groupID, userID: 'olivia', mutedSeconds: 60 }), ErrorCode.PermissionDenied);
    assert.deepEqual((await owner.call('group.members', { groupID, filter: 5 })).members.map((m) => m.userID), ['mia']);
    await admin.call('group.muteMember', { groupID, userID: 'mia', mutedSeconds: 0 });
    await member.call('message.send', { message: textTo(groupID, 'free again', { group: true }) });
  });

  test('kick and quit: the removed user gets onJoinedGroupDeleted and the tip; the owner cannot quit', async () => {
    await rejectsWith(admin.call('group.kick', { groupID, userIDList: ['olivia'] }), ErrorCode.PermissionDenied);
    await admin.call('group.kick', { groupID, userIDList: ['otto'] });
    await outsider.waitForPush((p) => p.push === 'group.changed' && p.data.kind === 'left');
    await outsider.waitForPush(tipOf(TipType.MemberKicked));
    await member.waitForPush((p) => p.push === 'group.member' && p.data.kind === 'deleted' && p.data.member.userID === 'otto');
    await rejectsWith(outsider.call('message.send', { message: textTo(groupID, 'still here?', { group: true }) }), ErrorCode.NotGroupMember);
    await rejectsWith(owner.call('group.quit', { groupID }), ErrorCode.OwnerCannotQuit);
    await member.call('group.quit', { groupID });
    await owner.waitForPush(tipOf(TipType.MemberQuit));
    assert.deepEqual((await member.call('group.joined', {})).groups, []);
  });

  test('invite-only groups refuse joinGroup; members invite; ownership moves; the owner dismisses', async () => {
    await owner.call('group.setInfo', { groupID, joinPolicy: 2 });
    await rejectsWith(outsider.call('group.join', { groupID }), ErrorCode.GroupInviteOnly);
    const { results } = await admin.call('group.invite', { groupID, userIDList: ['otto', 'mia'] });
    assert.deepEqual(results, [{ userID: 'otto', result: 1 }, { userID: 'mia', result: 1 }]);
    await outsider.waitForPush(tipOf(TipType.MemberInvited));
    await rejectsWith(admin.call('group.transferOwner', { groupID, newOwnerUserID: 'adam' }), ErrorCode.PermissionDenied);
    const { group } = await owner.call('group.transferOwner', { groupID, newOwnerUserID: 'adam' });
    assert.equal(group.ownerUserID, 'adam');
    await rejectsWith(owner.call('group.dismiss', { groupID }), ErrorCode.PermissionDenied);
    await admin.call('group.dismiss', { groupID });
    for (const c of [owner, member, outsider]) await c.waitForPush((p) => p.push === 'group.changed' && p.data.kind === 'dismissed');
    await rejectsWith(owner.call('message.send', { message: textTo(groupID, 'anyone?', { group: true }) }), ErrorCode.NotGroupMember);
    await rejectsWith(outsider.call('group.join', { groupID }), ErrorCode.GroupDismissed);
  });

  test('an open group lets anyone join at once', async () => {
    const { group } = await owner.call('group.create', { groupName: 'Open', memberUserIDs: [], joinPolicy: 0 });
    const res = await outsider.call('group.join', { groupID: group.groupID });
    assert.equal(res.joined, true);
    await owner.waitForPush((p) => p.push === 'group.member' && p.data.kind === 'added' && p.data.member.userID === 'otto');
    await owner.waitForPush(tipOf(TipType.MemberEnter));
  });
});

describe('conversation management', () => {
  let server: TestServer;
  let ann: TestClient;
  let ann2: TestClient;
  let ben: TestClient;
  before(async () => {
    server = await startTestServer();
    ann = await loginClient(server, 'ann');
    ann2 = await loginClient(server, 'ann');
    ben = await loginClient(server, 'ben');
  });
  after(async () => {
    await server.dispose();
    assert.deepEqual(server.log.errors, []);
  });

  test('pin and receive options are per user and reach the user’s other devices', async () => {
    await ben.call('message.send', { message: textTo('ann', 'one') });
    const { conversation } = await ann.call('conversation.pin', { conversationID: 'si_ann_ben', isPinned: true });
    assert.equal(conversation.isPinned, true);
    await ann2.waitForPush((p) => p.push === 'conversation.changed' && p.data.conversation.isPinned);
    const bens = (await ben.call('conversation.list', {})).conversations[0]!;
    assert.equal(bens.isPinned, false);
    const muted = await ann.call('conversation.setRecvMsgOpt', { conversationID: 'si_ann_ben', opt: 2 });
    assert.equal(muted.conversation.recvMsgOpt, 2);
    await ann2.waitForPush((p) => p.push === 'conversation.changed' && p.data.conversation.recvMsgOpt === 2);
    await assert.rejects(ann.call('conversation.pin', { conversationID: 'si_ben_zed', isPinned: true }), (e: unknown) => e instanceof RequestError && e.code === ErrorCode.ConversationNotFound);
  });

  test('clear history hides earlier messages for this user only', async () => {
    await ben.call('message.send', { message: textTo('ann', 'two') });
    await ann.call('conversation.clearHistory', { conversationID: 'si_ann_ben' });
    await ann2.waitForPush((p) => p.push === 'conversation.cleared' && p.data.clearedSeq === 2);
    assert.deepEqual((await ann.call('message.history', { conversationID: 'si_ann_ben', beforeSeq: 0, count: 20 })).messages, []);
    assert.equal((await ben.call('message.history', { conversationID: 'si_ann_ben', beforeSeq: 0, count: 20 })).messages.length, 2);
    const list = (await ann.call('conversation.list', {})).conversations;
    assert.equal(list[0]?.latestMsg, null);
    assert.equal(list[0]?.unreadCount, 0);
    await ben.call('message.send', { message: textTo('ann', 'three') });
    assert.deepEqual((await ann.call('message.history', { conversationID: 'si_ann_ben', beforeSeq: 0, count: 20 })).messages.map((m) => m.content), ['three']);
  });

  test('delete hides the conversation until the next message; mark all read', async () => {
    await ann.call('conversation.delete', { conversationID: 'si_ann_ben' });
    await ann2.waitForPush((p) => p.push === 'conversation.deleted' && p.data.conversationID === 'si_ann_ben');
    assert.deepEqual((await ann.call('conversation.list', {})).conversations, []);
    await ben.call('message.send', { message: textTo('ann', 'four') });
    const back = (await ann.call('conversation.list', {})).conversations;
    assert.deepEqual(back.map((c) => [c.conversationID, c.unreadCount, c.isPinned]), [['si_ann_ben', 1, false]]);
    await ann.call('conversation.delete', { conversationID: 'si_ann_ben', deleteMessages: true });
    await ben.call('message.send', { message: textTo('ann', 'five') });
    assert.deepEqual((await ann.call('message.history', { conversationID: 'si_ann_ben', beforeSeq: 0, count: 20 })).messages.map((m) => m.content), ['five']);

    const carl = await loginClient(server, 'carl');
    await carl.call('message.send', { message: textTo('ann', 'hey') });
    const { count } = await ann.call('conversation.markAllRead', {});
    assert.equal(count, 2);
    assert.deepEqual((await ann.call('conversation.list', {})).conversations.map((c) => c.unreadCount), [0, 0]);
  });
});
