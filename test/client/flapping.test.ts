// A flapping connection neither duplicates nor reorders: one sender on a link that
// drops every few hundred milliseconds, one steady receiver.
import { ImClient } from '../../src/client/im-client.js';
import { MessageStatus } from '../../src/model/enums.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import type { MessageItem } from '../../src/model/types.js';
import { loginAs, testEnv, tokenFor, uniqueUserID, waitFor } from '../support/server.js';
import { flakyTransport } from '../support/flaky-transport.js';
import { deepEqual, equal, ok } from '../support/assert.js';

describe('ImClient on a flapping connection', () => {
  it('delivers 60 messages exactly once, in the same order on both sides', async function () {
    this.timeout(90_000);
    const senderID = uniqueUserID('flap');
    const receiverID = uniqueUserID('steady');
    const receiver = await loginAs(receiverID);
    await loginAs(senderID).then((c) => c.logout());
    const url = testEnv().serverURL;
    const transport = flakyTransport(url);
    const sender = new ImClient({ serverURL: url, dbNamePrefix: `imkit-test-flap-${senderID}`, transport, requestTimeoutMs: 3000 });
    await sender.login(senderID, await tokenFor(senderID));
    const received: MessageItem[] = [];
    receiver.on('onRecvNewMessage', (m) => received.push(m));

    let flapping = true;
    let drops = 0;
    const flap = (async () => {
      while (flapping) {
        await new Promise((r) => setTimeout(r, 150 + Math.random() * 250));
        transport.setReachable(false);
        drops++;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
        transport.setReachable(true);
      }
    })();
    const sends: Promise<MessageItem>[] = [];
    for (let i = 0; i < 60; i++) {
      sends.push(sender.sendMessage(await sender.createTextMessage(`flap ${i}`), receiverID, ''));
      await new Promise((r) => setTimeout(r, 30));
    }
    flapping = false;
    await flap;
    transport.setReachable(true);
    const sent = await Promise.all(sends);
    ok(drops >= 3, `the link dropped ${drops} times`);
    ok(sent.every((m) => m.status === MessageStatus.Succeeded), 'every send resolved as sent');
    await waitFor(() => received.length >= 60, 'all 60 at the receiver', 30_000);
    await new Promise((r) => setTimeout(r, 500));
    equal(received.length, 60, 'no duplicates at the receiver');
    const bySeq = [...received].sort((a, b) => a.seq - b.seq);
    deepEqual(bySeq.map((m) => m.seq), Array.from({ length: 60 }, (_, i) => i + 1), 'seqs 1..60 without holes');
    deepEqual(received.map((m) => m.clientMsgID), bySeq.map((m) => m.clientMsgID), 'received in seq order');
    deepEqual(bySeq.map((m) => m.content), Array.from({ length: 60 }, (_, i) => `flap ${i}`), 'in the order they were written');
    const conversationID = singleConversationID(senderID, receiverID);
    const history = await sender.getAdvancedHistoryMessageList({ conversationID, count: 100 });
    deepEqual(history.messageList.map((m) => m.clientMsgID), bySeq.map((m) => m.clientMsgID), "the sender's view matches, in the same order");
    await sender.logout();
    await receiver.logout();
  });
});
