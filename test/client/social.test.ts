// The client's social methods and events against the real server, with two
// devices of the same user: what one device changes, the other follows.
import { ImClient } from '../../src/client/im-client.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { equal, ok, rejects } from '../support/assert.js';
import { loginAs, nextEvent, testEnv, tokenFor, uniqueUserID, waitFor } from '../support/server.js';

const clients: ImClient[] = [];
async function device(userID: string, prefix: string, nickname?: string): Promise<ImClient> {
  const c = prefix === 'a' ? await loginAs(userID, nickname ? { nickname } : {}) : new ImClient({ serverURL: testEnv().serverURL, dbNamePrefix: `imkit-test-${prefix}` });
  if (prefix !== 'a') await c.login(userID, await tokenFor(userID));
  clients.push(c);
  return c;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.logout({ clearCache: true })));
});

describe('social client', () => {
  it('pin, mute, hide and clear on one device reach the other device', async () => {
    const meID = uniqueUserID('me');
    const patID = uniqueUserID('pat');
    const pat = await device(patID, 'a', 'Pat');
    const phone = await device(meID, 'a');
    const laptop = await device(meID, 'b');
    await pat.sendMessage(await pat.createTextMessage('hi'), meID, '');
    const conversationID = singleConversationID(meID, patID);
    await waitFor(async () => (await laptop.getAllConversationList()).length === 1, 'the conversation on the laptop');
    await waitFor(async () => (await phone.getAllConversationList()).length === 1, 'the conversation on the phone');

    const pinned = nextEvent(laptop, 'onConversationChanged', (list) => list.some((c) => c.conversationID === conversationID && c.isPinned));
    await phone.pinConversation({ conversationID, isPinned: true });
    await pinned;
    ok((await laptop.getConversationByID(conversationID)).isPinned, 'pinned in the laptop cache');

    const muted = nextEvent(laptop, 'onConversationChanged', (list) => list.some((c) => c.recvMsgOpt === 2));
    await phone.setConversationRecvMessageOpt({ conversationID, opt: 2 });
    await muted;

    const cleared = nextEvent(laptop, 'onConversationHistoryCleared');
    await phone.clearConversationAndDeleteAllMsg(conversationID);
    equal((await cleared).conversationID, conversationID, 'the laptop hears the clear');
    const history = await laptop.getAdvancedHistoryMessageList({ conversationID, count: 20 });
    equal(history.messageList.length, 0, 'no messages left on the laptop');

    const hidden = nextEvent(laptop, 'onConversationDeleted');
    await phone.hideConversation(conversationID);
    await hidden;
    equal((await laptop.getAllConversationList()).length, 0, 'gone from the laptop list');
    equal((await phone.getAllConversationList()).length, 0, 'and from the phone list');
    await pat.sendMessage(await pat.createTextMessage('again'), meID, '');
    await waitFor(async () => (await laptop.getAllConversationList()).length === 1, 'back with the next message');
  });

  it('friend requests and profile changes arrive as OpenIM events on both sides; a blocked sender gets Blocked', async () => {
    const aliceID = uniqueUserID('alice');
    const bobID = uniqueUserID('bob');
    const alice = await device(aliceID, 'a', 'Alice');
    const bob = await device(bobID, 'a', 'Bob');
    const added = nextEvent(bob, 'onFriendApplicationAdded');
    await alice.addFriend({ toUserID: bobID, reqMsg: 'hello' });
    equal((await added).reqMsg, 'hello', 'Bob is told');
    const aliceGetsFriend = nextEvent(alice, 'onFriendAdded');
    await bob.acceptFriendApplication({ toUserID: aliceID, handleMsg: 'sure' });
    equal((await aliceGetsFriend).userID, bobID, 'Alice gets onFriendAdded');
    const infoChanged = nextEvent(alice, 'onFriendInfoChanged');
    const selfUpdated = nextEvent(bob, 'onSelfInfoUpdated');
    await bob.setSelfInfo({ nickname: 'Robert' });
    equal((await infoChanged).nickname, 'Robert', 'the friend hears of the new name');
    equal((await selfUpdated).nickname, 'Robert', 'onSelfInfoUpdated');
    equal((await bob.getSelfUserInfo()).nickname, 'Robert', 'getSelfUserInfo is current');

    await alice.addBlack(bobID);
    await rejects(bob.sendMessage(await bob.createTextMessage('hey'), aliceID, ''), 1801, 'Blocked');
    await rejects(alice.addFriend({ toUserID: 'not a valid id' }), 1003, 'a bad ID is refused before the network');
  });

  it('groups: create, join with approval, events to the members', async () => {
    const ownerID = uniqueUserID('owner');
    const joinerID = uniqueUserID('joiner');
    const owner = await device(ownerID, 'a');
    const joiner = await device(joinerID, 'a');
    const group = await owner.createGroup({ groupInfo: { groupName: 'Chess', joinPolicy: 1 }, memberUserIDs: [] });
    const appAdded = nextEvent(owner, 'onGroupApplicationAdded');
    const res = await joiner.joinGroup({ groupID: group.groupID, reqMsg: 'let me play' });
    equal(res.joined, false, 'an application, not a join');
    equal((await appAdded).reqMsg, 'let me play', 'the owner is told');
    const joined = nextEvent(joiner, 'onJoinedGroupAdded');
    const memberAdded = nextEvent(owner, 'onGroupMemberAdded');
    await owner.acceptGroupApplication({ groupID: group.groupID, fromUserID: joinerID });
    equal((await joined).groupID, group.groupID, 'onJoinedGroupAdded for the applicant');
    equal((await memberAdded).userID, joinerID, 'onGroupMemberAdded for the owner');
    const members = await owner.getGroupMemberList({ groupID: group.groupID, filter: 0, offset: 0, count: 10 });
    equal(members.length, 2, 'two members');
    await waitFor(async () => (await joiner.getAllConversationList()).some((c) => c.groupID === group.groupID), 'the group conversation for the joiner');
  });
});
