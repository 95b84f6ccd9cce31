import { singleConversationID } from '../model/conversation-id.js';
import type { PushFrame } from '../protocol/frames.js';
import type { SocialPushEvent } from '../protocol/pushes-social.js';
import type { ImCache } from '../store/cache.js';
import type { Emission } from './apply-events.js';
import { SELF_KEY, SETTINGS_KEY } from './social-pushes.js';

// Which pushes are social lives in social-pushes.ts: this module is imported only when such an
// event is applied (apply-events.ts) or a conversation is managed (conversation-management.ts).

/** Removes a conversation's cached messages with seq ≤ upToSeq (all of them when upToSeq is Infinity). */
export async function dropCachedMessages(cache: ImCache, conversationID: string, upToSeq: number): Promise<void> {
  await cache.write(async (db, keyRange) => {
    const tx = db.transaction('messages', 'readwrite');
    const index = tx.store.index('byConversationTime');
    let cursor = await index.openCursor(keyRange.bound([conversationID, -Infinity, ''], [conversationID, Infinity, '\uffff']));
    while (cursor) {
      const m = cursor.value;
      // Unsent messages (seq 0) are newer than anything cleared on the server.
      if (m.seq > 0 && m.seq <= upToSeq) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  });
}

/**
 * Applies one social or conversation-management event to the cache and says
 * what to emit. Social lists (friends, groups, applications) are not cached:
 * elements reload them from the server when these events arrive.
 */
export async function applySocialEvent(cache: ImCache, selfID: string, event: PushFrame & SocialPushEvent): Promise<Emission[]> {
  switch (event.push) {
    case 'user.updated': {
      const { user, friend } = event.data;
      await cache.putUsers([user]);
      if (user.userID === selfID) {
        await cache.setMeta(SELF_KEY, user);
        return [{ type: 'onSelfInfoUpdated', payload: user }];
      }
      const out: Emission[] = [];
      // The one-to-one conversation shows the peer's current name and avatar.
      const conv = await cache.getConversation(singleConversationID(selfID, user.userID));
      if (conv && (conv.showName !== (user.nickname || user.userID) || conv.faceURL !== user.faceURL)) {
        const next = { ...conv, showName: user.nickname || user.userID, faceURL: user.faceURL };
        await cache.putConversations([next]);
        out.push({ type: 'onConversationChanged', payload: [next] });
      }
      if (friend) out.push({ type: 'onFriendInfoChanged', payload: friend });
      return out;
    }
    case 'user.settings':
      await cache.setMeta(SETTINGS_KEY, event.data.settings);
      return [{ type: 'onUserSettingsChanged', payload: event.data.settings }];
    case 'friend.application': {
      const { kind, application } = event.data;
      const type = ({ added: 'onFriendApplicationAdded', accepted: 'onFriendApplicationAccepted', rejected: 'onFriendApplicationRejected', deleted: 'onFriendApplicationDeleted' } as const)[kind];
      return [{ type, payload: application }];
    }
    case 'friend.changed': {
      const { kind, friend } = event.data;
      const type = ({ added: 'onFriendAdded', deleted: 'onFriendDeleted', info: 'onFriendInfoChanged' } as const)[kind];
      return [{ type, payload: friend }];
    }
    case 'black.changed':
      return [{ type: event.data.kind === 'added' ? 'onBlackAdded' : 'onBlackDeleted', payload: event.data.black }];
    case 'group.changed': {
      const { kind, group } = event.data;
      const type = ({ joined: 'onJoinedGroupAdded', left: 'onJoinedGroupDeleted', info: 'onGroupInfoChanged', dismissed: 'onGroupDismissed' } as const)[kind];
      return [{ type, payload: group }];
    }
    case 'group.member': {
      const { kind, member } = event.data;
      const type = ({ added: 'onGroupMemberAdded', deleted: 'onGroupMemberDeleted', info: 'onGroupMemberInfoChanged' } as const)[kind];
      return [{ type, payload: member }];
    }
    case 'group.application': {
      const { kind, application } = event.data;
      const type = ({ added: 'onGroupApplicationAdded', accepted: 'onGroupApplicationAccepted', rejected: 'onGroupApplicationRejected' } as const)[kind];
      return [{ type, payload: application }];
    }
    case 'conversation.deleted': {
      const { conversationID, deleteMessages } = event.data;
      await cache.deleteConversation(conversationID);
      if (deleteMessages) await dropCachedMessages(cache, conversationID, Infinity);
      return [{ type: 'onConversationDeleted', payload: { conversationID, deleteMessages } }];
    }
    case 'conversation.cleared': {
      const { conversationID, clearedSeq } = event.data;
      await dropCachedMessages(cache, conversationID, clearedSeq);
      return [{ type: 'onConversationHistoryCleared', payload: { conversationID, clearedSeq } }];
    }
  }
}
