// An upgrade held up by an older tab: this tab opens the cache at a newer schema version while
// another connection (an older tab whose code does not close on versionchange) keeps it open.
// The open must report the block, give up after its timeout with a clear error instead of
// hanging, and not leave a late connection behind that blocks anybody else.
import { CacheBlockedError, deleteImDatabase, openImDatabase } from '../../src/store/database.js';
import { DB_VERSION } from '../../src/store/schema.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import { equal, ok, rejects } from '../support/assert.js';

describe('opening the cache while an older tab blocks the upgrade', () => {
  it('reports the block, gives up with CacheBlockedError, and opens normally once the old tab is gone', async () => {
    const name = `imkit-blocked-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    let versionChanges = 0;
    // The older tab: asked to close for the upgrade, it does not.
    const older = await openImDatabase(name, { onVersionChange: () => versionChanges++ });
    let blocked = 0;
    const error = await rejects(
      openImDatabase(name, { version: DB_VERSION + 1, blockedTimeoutMs: 300, onBlocked: () => blocked++ }),
      ErrorCode.StorageError,
      'the blocked open',
    );
    ok(error instanceof CacheBlockedError, 'a CacheBlockedError');
    ok(/close or reload the other tabs/.test(error.message), `a message that says what to do: ${error.message}`);
    equal(blocked, 1, 'onBlocked was called once');
    equal(versionChanges, 1, 'the older tab was asked to close');
    // The older tab goes away: the upgrade that was given up on completes and is closed at once,
    // so a later open (this version again) is not blocked by it.
    older.close();
    const again = await openImDatabase(name, { version: DB_VERSION + 1, blockedTimeoutMs: 2000 });
    equal(again.version, DB_VERSION + 1, 'opened at the newer version');
    again.close();
    await deleteImDatabase(name);
  });
});
