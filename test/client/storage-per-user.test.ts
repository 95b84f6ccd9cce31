// Each user has a database of their own, and logout can remove it: what one account cached is
// never read by another signed in on the same browser, and "sign out and forget" leaves nothing.
import { databaseName } from '../../src/store/database.js';
import { singleConversationID } from '../../src/model/conversation-id.js';
import { loginAs, testEnv, uniqueUserID, waitFor } from '../support/server.js';
import { equal, ok } from '../support/assert.js';

const PREFIX = 'imkit-per-user';
const names = async () => (await indexedDB.databases()).map((d) => d.name ?? '');

describe('one database per user, and logout that clears it', () => {
  it('keeps two users of one browser apart, and logout({ clearCache: true }) deletes only that user’s database', async () => {
    const amyID = uniqueUserID('amy');
    const benID = uniqueUserID('ben');
    const amy = await loginAs(amyID, { dbNamePrefix: PREFIX });
    const ben = await loginAs(benID, { dbNamePrefix: PREFIX });
    const server = testEnv().serverURL.replace(/\/+$/, '');
    const amyDB = databaseName(PREFIX, server, amyID);
    const benDB = databaseName(PREFIX, server, benID);
    ok(amyDB !== benDB, 'two names');

    await amy.sendMessage(await amy.createTextMessage('only for amy and ben'), benID, '');
    const conversationID = singleConversationID(amyID, benID);
    await waitFor(async () => (await ben.getAdvancedHistoryMessageList({ conversationID, count: 10 })).messageList.length === 1, 'ben has the message');
    const listed = await names();
    ok(listed.includes(amyDB) && listed.includes(benDB), `both databases exist: ${JSON.stringify(listed.filter((n) => n.startsWith(PREFIX)))}`);

    // Amy signs out and asks to forget: her database goes, Ben's stays with what he holds.
    await amy.logout({ clearCache: true });
    await waitFor(async () => !(await names()).includes(amyDB), "amy's database is deleted");
    ok((await names()).includes(benDB), "ben's database is untouched");
    equal((await ben.getAdvancedHistoryMessageList({ conversationID, count: 10 })).messageList[0]?.content, 'only for amy and ben', 'ben still reads his cache');

    await ben.logout({ clearCache: true });
  });
});
