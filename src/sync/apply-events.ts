import type { ConversationItem, MessageItem } from '../model/types.js';
import type { PushFrame } from '../protocol/frames.js';
import type { ImCache } from '../store/cache.js';
import type { C2CReadReceipt, ImEvents } from '../client/events.js';
import { mergeGroupAtType } from './mentions.js';
import { isSocialPush } from './social-pushes.js';

type MessageEventApplier = typeof import('./apply-message-events.js');
let messageEventApplier: Promise<MessageEventApplier> | undefined;
/** apply-message-events.ts (recall, delete for everyone, group reads), imported like apply-social.ts below. */
function loadMessageEventApplier(): Promise<MessageEventApplier> {
  return (messageEventApplier ??= import('./apply-message-events.js').catch((error: unknown) => {
    messageEventApplier = undefined;
    throw error;
  }));
}

type SocialApplier = typeof import('./apply-social.js');
let socialApplier: Promise<SocialApplier> | undefined;
/**
 * apply-social.ts, imported on the first social event (profiles, friends, groups, conversation
 * management): most sessions of a list + chat page never see one. applyEvents awaits it in
 * its loop, inside the session's ordered apply queue, so events still apply in log order.
 * A failed load fails the batch (its cursor is not saved, so the next catch-up replays it) and
 * is tried again then.
 */
function loadSocialApplier(): Promise<SocialApplier> {
  return (socialApplier ??= import('./apply-social.js').catch((error: unknown) => {
    socialApplier = undefined;
    throw error;
  }));
}

/** An event to emit once the writes it describes are on disk. */
export type Emission = { [K in keyof ImEvents]: { type: K; payload: ImEvents[K] } }[keyof ImEvents];

/**
 * Server conversations carry no drafts, and an own message still being sent is
 * newer than anything the server knows: keep those local parts when replacing.
 */
export function mergeConversation(server: ConversationItem, local: ConversationItem | undefined, selfID?: string): ConversationItem {
  if (!local) return selfID ? { ...server, groupAtType: mergeGroupAtType(server, undefined, selfID) } : server;
  const merged = { ...server, draftText: local.draftText, draftTextTime: local.draftTextTime };
  merged.groupAtType = mergeGroupAtType(server, local, selfID);
  const pending = local.latestMsg;
  if (pending && pending.seq === 0 && pending.sendTime > server.latestMsgSendTime) {
    merged.latestMsg = pending;
    merged.latestMsgSendTime = pending.sendTime;
  }
  return merged;
}

/**
 * Writes a batch of logged events to the cache, in order, and returns what to
 * emit. Every write is a put keyed by ID, so applying an event twice is harmless:
 * the cursor is saved after the batch, and a crash in between replays it.
 */
export async function applyEvents(cache: ImCache, selfID: string, events: PushFrame[]): Promise<Emission[]> {
  const out: Emission[] = [];
  for (const event of events) {
    // Friends, groups, conversation management: apply-social.ts.
    if (isSocialPush(event)) {
      const { applySocialEvent } = await loadSocialApplier();
      out.push(...(await applySocialEvent(cache, selfID, event)));
      continue;
    }
    switch (event.push) {
      case 'message.new': {
        const incoming = event.data.message;
        const local = await cache.getMessage(incoming.clientMsgID);
        const message: MessageItem = { ...incoming, isRead: incoming.isRead || !!local?.isRead };
        if (local && local.seq === 0) {
          // Our own send, acknowledged by the log before (or instead of) the response.
          await cache.completeOutgoing(message);
          out.push({ type: 'onMessageUpdated', payload: message });
        } else {
          await cache.putMessages([message]);
          if (!local) out.push({ type: 'onRecvNewMessage', payload: message });
        }
        break;
      }
      case 'conversation.changed': {
        const local = await cache.getConversation(event.data.conversation.conversationID);
        const merged = mergeConversation(event.data.conversation, local, selfID);
        await cache.putConversations([merged]);
        out.push({ type: local ? 'onConversationChanged' : 'onNewConversation', payload: [merged] });
        break;
      }
      case 'read.receipt': {
        const { conversationID, userID, hasReadSeq, readTime } = event.data;
        const changed = await cache.markOwnRead(conversationID, selfID, hasReadSeq);
        const conversation = await cache.getConversation(conversationID);
        if (conversation && conversation.peerReadSeq < hasReadSeq) {
          const next = { ...conversation, peerReadSeq: hasReadSeq };
          if (next.latestMsg && next.latestMsg.sendID === selfID && next.latestMsg.seq <= hasReadSeq) {
            next.latestMsg = { ...next.latestMsg, isRead: true };
          }
          await cache.putConversations([next]);
          out.push({ type: 'onConversationChanged', payload: [next] });
        }
        for (const m of changed) out.push({ type: 'onMessageUpdated', payload: m });
        const receipt: C2CReadReceipt = {
          conversationID,
          userID,
          hasReadSeq,
          readTime,
          msgIDList: changed.map((m) => m.clientMsgID),
        };
        out.push({ type: 'onRecvC2CReadReceipt', payload: [receipt] });
        break;
      }
      case 'message.revoked':
      case 'message.deleted':
      case 'group.read.receipt':
        out.push(...(await (await loadMessageEventApplier()).applyMessageEvent(cache, selfID, event)));
        break;
      case 'session.ended':
        break; // Transient; handled by the client before it reaches here.
    }
  }
  return out;
}
