import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { OpName, OpRequest } from '../../src/protocol/ops.js';
import { loginClient, startTestServer, textTo, type TestClient, type TestServer } from './helpers.js';

/**
 * Who may do what, as a table: every group and friend operation against every
 * kind of caller, each cell in a fresh little world on a real server. A cell is
 * 'ok' or the error code the server must answer with.
 */

const E = ErrorCode;
type Outcome = 'ok' | number;

// --- groups -----------------------------------------------------------------

const GROUP_ROLES = ['stranger', 'nonMember', 'member', 'admin', 'owner', 'blocked'] as const;
type GroupRoleName = (typeof GROUP_ROLES)[number];

/** Users of one world: owner, admin, member, target (a second member), applicant (pending), stranger, nonMember (the owner's friend), blocked (blacklisted by the owner), extra (to invite). */
interface World {
  groupID: string;
  ids: Record<'owner' | 'admin' | 'member' | 'target' | 'applicant' | 'stranger' | 'nonMember' | 'blocked' | 'extra', string>;
}

interface GroupRow {
  name: string;
  op: OpName;
  data: (w: World) => unknown;
  expect: Record<GroupRoleName, Outcome>;
}

const NGM = E.NotGroupMember;
const PD = E.PermissionDenied;
const outsiders = { stranger: NGM, nonMember: NGM, blocked: NGM } as const;

const GROUP_TABLE: GroupRow[] = [
  { name: 'setGroupInfo', op: 'group.setInfo', data: (w) => ({ groupID: w.groupID, groupName: 'Renamed' }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'getGroupMemberList', op: 'group.members', data: (w) => ({ groupID: w.groupID }), expect: { ...outsiders, member: 'ok', admin: 'ok', owner: 'ok' } },
  { name: 'inviteUserToGroup', op: 'group.invite', data: (w) => ({ groupID: w.groupID, userIDList: [w.ids.extra] }), expect: { ...outsiders, member: 'ok', admin: 'ok', owner: 'ok' } },
  { name: 'kickGroupMember (a member)', op: 'group.kick', data: (w) => ({ groupID: w.groupID, userIDList: [w.ids.target] }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'kickGroupMember (the admin)', op: 'group.kick', data: (w) => ({ groupID: w.groupID, userIDList: [w.ids.admin] }), expect: { ...outsiders, member: PD, admin: E.InvalidArgument, owner: 'ok' } },
  { name: 'quitGroup', op: 'group.quit', data: (w) => ({ groupID: w.groupID }), expect: { ...outsiders, member: 'ok', admin: 'ok', owner: E.OwnerCannotQuit } },
  { name: 'dismissGroup', op: 'group.dismiss', data: (w) => ({ groupID: w.groupID }), expect: { ...outsiders, member: PD, admin: PD, owner: 'ok' } },
  { name: 'transferGroupOwner', op: 'group.transferOwner', data: (w) => ({ groupID: w.groupID, newOwnerUserID: w.ids.target }), expect: { ...outsiders, member: PD, admin: PD, owner: 'ok' } },
  { name: 'setGroupMemberRoleLevel (grant admin)', op: 'group.setMemberRole', data: (w) => ({ groupID: w.groupID, userID: w.ids.target, roleLevel: 60 }), expect: { ...outsiders, member: PD, admin: PD, owner: 'ok' } },
  { name: 'changeGroupMute', op: 'group.mute', data: (w) => ({ groupID: w.groupID, isMute: true }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'changeGroupMemberMute (a member)', op: 'group.muteMember', data: (w) => ({ groupID: w.groupID, userID: w.ids.target, mutedSeconds: 60 }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'changeGroupMemberMute (the owner)', op: 'group.muteMember', data: (w) => ({ groupID: w.groupID, userID: w.ids.owner, mutedSeconds: 60 }), expect: { ...outsiders, member: PD, admin: PD, owner: PD } },
  { name: 'acceptGroupApplication', op: 'group.acceptApplication', data: (w) => ({ groupID: w.groupID, fromUserID: w.ids.applicant }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'refuseGroupApplication', op: 'group.refuseApplication', data: (w) => ({ groupID: w.groupID, fromUserID: w.ids.applicant }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'setGroupMemberNickname (another member)', op: 'group.setMemberNickname', data: (w) => ({ groupID: w.groupID, userID: w.ids.target, nickname: 'Nick' }), expect: { ...outsiders, member: PD, admin: 'ok', owner: 'ok' } },
  { name: 'joinGroup (approval needed)', op: 'group.join', data: (w) => ({ groupID: w.groupID, reqMsg: 'hi' }), expect: { stranger: 'ok', nonMember: 'ok', blocked: 'ok', member: E.AlreadyGroupMember, admin: E.AlreadyGroupMember, owner: E.AlreadyGroupMember } },
  { name: 'send a group message', op: 'message.send', data: (w) => ({ message: textTo(w.groupID, 'hello', { group: true }) }), expect: { ...outsiders, member: 'ok', admin: 'ok', owner: 'ok' } },
  { name: 'getGroupMembersInfo', op: 'group.membersInfo', data: (w) => ({ groupID: w.groupID, userIDList: [w.ids.owner] }), expect: { ...outsiders, member: 'ok', admin: 'ok', owner: 'ok' } },
  { name: 'getGroupsInfo (public)', op: 'group.info', data: (w) => ({ groupIDList: [w.groupID] }), expect: { stranger: 'ok', nonMember: 'ok', blocked: 'ok', member: 'ok', admin: 'ok', owner: 'ok' } },
];

// --- friends and blacklist --------------------------------------------------

const FRIEND_ROLES = ['stranger', 'friend', 'blocked', 'self'] as const;
type FriendRoleName = (typeof FRIEND_ROLES)[number];

interface FriendRow {
  name: string;
  op: OpName;
  /** `t`: the target user, who is a stranger to, a friend of, or has blacklisted the caller (or is the caller: self). */
  data: (t: string) => unknown;
  expect: Record<FriendRoleName, Outcome>;
}

const FRIEND_TABLE: FriendRow[] = [
  { name: 'addFriend', op: 'friend.add', data: (t) => ({ toUserID: t, reqMsg: 'hi' }), expect: { stranger: 'ok', friend: E.AlreadyFriends, blocked: E.Blocked, self: E.InvalidArgument } },
  { name: 'send a one-to-one message', op: 'message.send', data: (t) => ({ message: textTo(t, 'hello') }), expect: { stranger: 'ok', friend: 'ok', blocked: E.Blocked, self: E.InvalidArgument } },
  { name: 'setFriendRemark', op: 'friend.setRemark', data: (t) => ({ toUserID: t, remark: 'r' }), expect: { stranger: E.NotFriends, friend: 'ok', blocked: E.NotFriends, self: E.NotFriends } },
  { name: 'deleteFriend', op: 'friend.delete', data: (t) => ({ friendUserID: t }), expect: { stranger: E.NotFriends, friend: 'ok', blocked: E.NotFriends, self: E.NotFriends } },
  { name: 'acceptFriendApplication (none pending)', op: 'friend.accept', data: (t) => ({ toUserID: t }), expect: { stranger: E.ApplicationNotFound, friend: E.ApplicationNotFound, blocked: E.ApplicationNotFound, self: E.ApplicationNotFound } },
  { name: 'refuseFriendApplication (none pending)', op: 'friend.refuse', data: (t) => ({ toUserID: t }), expect: { stranger: E.ApplicationNotFound, friend: E.ApplicationNotFound, blocked: E.ApplicationNotFound, self: E.ApplicationNotFound } },
  { name: 'addBlack', op: 'black.add', data: (t) => ({ toUserID: t }), expect: { stranger: 'ok', friend: 'ok', blocked: 'ok', self: E.InvalidArgument } },
  { name: 'removeBlack (not blacklisted)', op: 'black.remove', data: (t) => ({ toUserID: t }), expect: { stranger: E.UserNotFound, friend: E.UserNotFound, blocked: E.UserNotFound, self: E.UserNotFound } },
];

// --- the runs -----------------------------------------------------------------

let server: TestServer;
let counter = 0;
const open: TestClient[] = [];
const uid = (name: string) => `${name}${++counter}`;
async function login(userID: string): Promise<TestClient> {
  const c = await loginClient(server, userID);
  open.push(c);
  return c;
}
async function outcome(c: TestClient, op: OpName, data: unknown): Promise<Outcome> {
  const res = await c.request(op, data as OpRequest<typeof op>);
  return res.ok ? 'ok' : res.error.code;
}

async function groupWorld(): Promise<{ world: World; clients: Partial<Record<GroupRoleName, TestClient>> }> {
  const ids = {
    owner: uid('owner'), admin: uid('admin'), member: uid('member'), target: uid('target'), applicant: uid('applicant'),
    stranger: uid('stranger'), nonMember: uid('friend'), blocked: uid('blocked'), extra: uid('extra'),
  };
  for (const id of Object.values(ids)) server.core.upsertUser({ userID: id });
  const owner = await login(ids.owner);
  const { group } = await owner.call('group.create', { groupName: 'G', memberUserIDs: [ids.admin, ids.member, ids.target], adminUserIDs: [ids.admin], joinPolicy: 1 });
  const applicant = await login(ids.applicant);
  await applicant.call('group.join', { groupID: group.groupID, reqMsg: 'let me in' });
  const friend = await login(ids.nonMember);
  await owner.call('friend.add', { toUserID: ids.nonMember });
  await friend.call('friend.accept', { toUserID: ids.owner });
  await owner.call('black.add', { toUserID: ids.blocked });
  return {
    world: { groupID: group.groupID, ids },
    clients: { owner, nonMember: friend },
  };
}

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await Promise.all(open.map((c) => c.close()));
  await server.dispose();
  assert.deepEqual(server.log.errors, []);
});

describe('authorization matrix: groups', () => {
  for (const row of GROUP_TABLE) {
    test(row.name, async () => {
      const got: Partial<Record<GroupRoleName, Outcome>> = {};
      for (const role of GROUP_ROLES) {
        const { world, clients } = await groupWorld();
        const actor = clients[role] ?? (await login(world.ids[role]));
        got[role] = await outcome(actor, row.op, row.data(world));
      }
      assert.deepEqual(got, row.expect);
    });
  }
});

describe('authorization matrix: friends and blacklist', () => {
  for (const row of FRIEND_TABLE) {
    test(row.name, async () => {
      const got: Partial<Record<FriendRoleName, Outcome>> = {};
      for (const role of FRIEND_ROLES) {
        const me = uid('me');
        const them = role === 'self' ? me : uid('them');
        const a = await login(me);
        const b = role === 'self' ? a : await login(them);
        if (role === 'friend') {
          await a.call('friend.add', { toUserID: them });
          await b.call('friend.accept', { toUserID: me });
        }
        if (role === 'blocked') await b.call('black.add', { toUserID: me });
        got[role] = await outcome(a, row.op, row.data(them));
      }
      assert.deepEqual(got, row.expect);
    });
  }
});
