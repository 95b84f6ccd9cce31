// Reading a call record (contentType 1600): apart from call.ts because only the record's view,
// which a chat loads with the first record it shows, needs it; call.ts's constants are eager.
import type { CallRecordContent, CallRecordStatus } from './call.js';

/** Parses a call record's content; null when it is not one. */
export function parseCallRecord(content: string): CallRecordContent | null {
  try {
    const v = JSON.parse(content) as Partial<CallRecordContent>;
    if (!v || typeof v !== 'object' || typeof v.status !== 'string' || typeof v.roomID !== 'string') return null;
    return {
      roomID: v.roomID,
      mediaType: v.mediaType === 'video' ? 'video' : 'audio',
      status: v.status as CallRecordStatus,
      duration: typeof v.duration === 'number' ? v.duration : 0,
      inviterUserID: typeof v.inviterUserID === 'string' ? v.inviterUserID : '',
      inviteeUserIDList: Array.isArray(v.inviteeUserIDList) ? v.inviteeUserIDList : [],
      participantUserIDList: Array.isArray(v.participantUserIDList) ? v.participantUserIDList : [],
      startTime: typeof v.startTime === 'number' ? v.startTime : 0,
      endTime: typeof v.endTime === 'number' ? v.endTime : 0,
    };
  } catch {
    return null;
  }
}
