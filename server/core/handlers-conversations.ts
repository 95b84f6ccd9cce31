import type { ConversationItem } from '../../src/model/types.js';
import { ErrorCode, ImError } from '../../src/protocol/errors.js';
import type { OpRequest, OpResponse } from '../../src/protocol/ops.js';
import type { SocialOps } from '../../src/protocol/ops-social.js';
import { markRead, type Caller, type DomainContext, type LogFn } from './handlers.js';
import type { ConversationRow, Store } from './store.js';
import { socialStore } from './store-social.js';
import { conversationView } from './views.js';

/**
 * Per-user conversation management: pin, receive options, delete (hide), clear
 * history, mark all read. The state lives in `user_conversations`; each change
 * is logged to the user, so their other devices follow.
 */

type H<O extends keyof SocialOps> = (ctx: DomainContext, caller: Caller, data: OpRequest<O>) => OpResponse<O>;

/** The caller's own conversation: it must have a row for them. */
function own(store: Store, userID: string, conversationID: string): ConversationRow {
  const conv = store.getConversation(conversationID);
  if (!conv || !store.getUserConversation(userID, conversationID)) {
    throw new ImError(ErrorCode.ConversationNotFound, `No conversation "${conversationID}" of yours.`);
  }
  return conv;
}

function changed(store: Store, log: LogFn, userID: string, conv: ConversationRow): ConversationItem {
  const conversation = conversationView(store, store.getConversation(conv.conversation_id) ?? conv, userID);
  log(userID, { push: 'conversation.changed', data: { conversation } });
  return conversation;
}

export const conversationHandlers: {
  [O in 'conversation.pin' | 'conversation.setRecvMsgOpt' | 'conversation.delete' | 'conversation.clearHistory' | 'conversation.markAllRead']: H<O>;
} = {
  'conversation.pin'(ctx, caller, { conversationID, isPinned }) {
    const { store } = ctx;
    return ctx.mutate((log) => {
      const conv = own(store, caller.userID, conversationID);
      socialStore(store).setPinned(caller.userID, conversationID, isPinned);
      return { conversation: changed(store, log, caller.userID, conv) };
    });
  },

  'conversation.setRecvMsgOpt'(ctx, caller, { conversationID, opt }) {
    const { store } = ctx;
    return ctx.mutate((log) => {
      const conv = own(store, caller.userID, conversationID);
      socialStore(store).setRecvMsgOpt(caller.userID, conversationID, opt);
      return { conversation: changed(store, log, caller.userID, conv) };
    });
  },

  'conversation.delete'(ctx, caller, { conversationID, deleteMessages = false }) {
    const { store } = ctx;
    const s = socialStore(store);
    return ctx.mutate((log) => {
      const conv = own(store, caller.userID, conversationID);
      s.setHidden(caller.userID, conversationID, true);
      s.setPinned(caller.userID, conversationID, false);
      // Deleting marks everything read either way: a hidden conversation must not keep the total up.
      if (deleteMessages) s.setClearedSeq(caller.userID, conversationID, conv.max_seq);
      else store.setHasReadSeq(caller.userID, conversationID, Math.max(conv.max_seq, store.getUserConversation(caller.userID, conversationID)?.has_read_seq ?? 0));
      log(caller.userID, { push: 'conversation.deleted', data: { conversationID, deleteMessages } });
      return {};
    });
  },

  'conversation.clearHistory'(ctx, caller, { conversationID }) {
    const { store } = ctx;
    return ctx.mutate((log) => {
      const conv = own(store, caller.userID, conversationID);
      socialStore(store).setClearedSeq(caller.userID, conversationID, conv.max_seq);
      log(caller.userID, { push: 'conversation.cleared', data: { conversationID, clearedSeq: conv.max_seq } });
      return { conversation: changed(store, log, caller.userID, conv) };
    });
  },

  'conversation.markAllRead'(ctx, caller) {
    const { store } = ctx;
    return ctx.mutate(() => {
      let count = 0;
      for (const id of socialStore(store).listVisibleConversationIDs(caller.userID)) {
        const conv = store.getConversation(id);
        const mine = store.getUserConversation(caller.userID, id);
        if (!conv || !mine || mine.has_read_seq >= conv.max_seq) continue;
        try {
          markRead(ctx, caller.userID, id);
          count++;
        } catch (error) {
          // A group one has left can no longer be marked through the server; skip it.
          if (!(error instanceof ImError)) throw error;
        }
      }
      return { count };
    });
  },
};

/** Messages with seq at or below this are cleared for the viewer. */
export function clearedSeqFor(store: Store, userID: string, conversationID: string): number {
  return store.getUserConversation(userID, conversationID)?.cleared_seq ?? 0;
}
