import type { MessageItem } from './types.js';

/**
 * Tips the server writes into a group conversation when the group changes
 * (someone joined, was kicked, the name changed, …). They are ordinary messages
 * with `contentType` 1400 (`ContentType.Notification`): `content` holds a readable
 * English line for any renderer, and `ex` holds `{"tip": GroupTip}` with the
 * structured detail, whose `type` is the OpenIM v3 notification code (1501+).
 */
export const TipType = {
  GroupCreated: 1501,
  GroupInfoSet: 1502,
  JoinApplication: 1503,
  MemberQuit: 1504,
  ApplicationAccepted: 1505,
  ApplicationRejected: 1506,
  OwnerTransferred: 1507,
  MemberKicked: 1508,
  MemberInvited: 1509,
  MemberEnter: 1510,
  GroupDismissed: 1511,
  MemberMuted: 1512,
  MemberUnmuted: 1513,
  GroupMuted: 1514,
  GroupUnmuted: 1515,
  MemberInfoSet: 1516,
  SetToAdmin: 1517,
  SetToMember: 1518,
  AnnouncementSet: 1519,
  NameSet: 1520,
} as const;
export type TipType = (typeof TipType)[keyof typeof TipType];

/** A user named in a tip, with the names as they were when it was written. */
export interface TipUser {
  userID: string;
  nickname: string;
}

export interface GroupTip {
  type: TipType;
  groupID: string;
  /** Who did it. */
  opUser: TipUser;
  /** Whom it concerns (invited, kicked, muted, new owner, …); empty when nobody else. */
  users: TipUser[];
  /** What changed, for info tips: e.g. `{ groupName: 'New name' }`. */
  changes?: Record<string, string | number>;
  /** Mute tips: muted until (ms). */
  muteEndTime?: number;
}

/** The structured tip of a notification message, or null when it has none. */
export function parseGroupTip(message: Pick<MessageItem, 'contentType' | 'ex'>): GroupTip | null {
  if (message.contentType !== 1400 || !message.ex) return null;
  try {
    const parsed = JSON.parse(message.ex) as { tip?: GroupTip };
    return parsed && typeof parsed.tip === 'object' && parsed.tip && typeof parsed.tip.type === 'number' ? parsed.tip : null;
  } catch {
    return null;
  }
}

const name = (u: TipUser) => u.nickname || u.userID;
const names = (list: TipUser[]) => list.map(name).join(', ');

/** The readable line of a tip (what the server puts in `content`). */
export function describeGroupTip(tip: GroupTip): string {
  const op = name(tip.opUser);
  const who = names(tip.users);
  switch (tip.type) {
    case TipType.GroupCreated:
      return `${op} created the group${who ? ` with ${who}` : ''}`;
    case TipType.GroupInfoSet:
    case TipType.NameSet:
    case TipType.AnnouncementSet: {
      const c = tip.changes ?? {};
      if (typeof c.groupName === 'string') return `${op} renamed the group to “${c.groupName}”`;
      if (typeof c.notification === 'string') return c.notification ? `${op} updated the announcement: ${c.notification}` : `${op} cleared the announcement`;
      return `${op} updated the group info`;
    }
    case TipType.MemberQuit:
      return `${op} left the group`;
    case TipType.ApplicationAccepted:
      return `${op} approved ${who}'s request to join`;
    case TipType.OwnerTransferred:
      return `${op} made ${who} the group owner`;
    case TipType.MemberKicked:
      return `${op} removed ${who}`;
    case TipType.MemberInvited:
      return `${op} added ${who}`;
    case TipType.MemberEnter:
      return `${op} joined the group`;
    case TipType.GroupDismissed:
      return `${op} dismissed the group`;
    case TipType.MemberMuted:
      return `${op} muted ${who}`;
    case TipType.MemberUnmuted:
      return `${op} unmuted ${who}`;
    case TipType.GroupMuted:
      return `${op} muted everyone; only the owner and admins can send messages`;
    case TipType.GroupUnmuted:
      return `${op} unmuted everyone`;
    case TipType.MemberInfoSet:
      return `${op} changed ${who}'s group nickname`;
    case TipType.SetToAdmin:
      return `${op} made ${who} an admin`;
    case TipType.SetToMember:
      return `${op} removed ${who} as admin`;
    default:
      return `${op} changed the group`;
  }
}
