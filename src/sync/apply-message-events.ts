import { MessageStatus } from '../model/enums.js';
import type { MessageItem } from '../model/types.js';
import type { PushFrame } from '../protocol/frames.js';
import type { ImCache } from '../store/cache.js';
import type { Emission } from './apply-events.js';

type MessageEventFrame = Extract<PushFrame, { push: 'message.revoked' | 'message.deleted' | 'group.read.receipt' }>;

/** Applies the logged message-action events (recall, delete for everyone, group reads) to the cache. */
export async function applyMessageEvent(cache: ImCache, selfID: string, event: MessageEventFrame): Promise<Emission[]> {
  const out: Emission[] = [];
  switch (event.push) {
    case 'message.revoked': {
      const incoming = event.data.message;
      const local = await cache.getMessage(incoming.clientMsgID);
      // Deleted here stays deleted here; otherwise it becomes the "recalled" notice.
      const message: MessageItem = local?.status === MessageStatus.Deleted ? { ...incoming, status: MessageStatus.Deleted } : incoming;
      await cache.putMessages([message]);
      out.push({ type: 'onMessageUpdated', payload: message });
      out.push({ type: 'onNewRecvMessageRevoked', payload: message });
      break;
    }
    case 'message.deleted': {
      const local = await cache.getMessage(event.data.clientMsgID);
      if (local) {
        const message = { ...local, status: MessageStatus.Deleted, content: '' };
        await cache.putMessages([message]);
        out.push({ type: 'onMessageUpdated', payload: message });
      }
      out.push({ type: 'onMessageDeleted', payload: { conversationID: event.data.conversationID, clientMsgID: event.data.clientMsgID } });
      break;
    }
    case 'group.read.receipt': {
      const { userID, clientMsgIDList } = event.data;
      for (const id of clientMsgIDList) {
        const m = await cache.getMessage(id);
        if (!m || m.sendID !== selfID) continue;
        const info = m.attachedInfoElem?.groupHasReadInfo ?? { hasReadUserIDList: [], hasReadCount: 0 };
        if (info.hasReadUserIDList.includes(userID)) continue;
        const list = [...info.hasReadUserIDList, userID];
        const next: MessageItem = { ...m, attachedInfoElem: { groupHasReadInfo: { hasReadUserIDList: list, hasReadCount: list.length } } };
        await cache.putMessages([next]);
        out.push({ type: 'onMessageUpdated', payload: next });
      }
      out.push({ type: 'onRecvGroupReadReceipt', payload: [event.data] });
      break;
    }
  }
  return out;
}
