import { groupConversationID, singleConversationID } from '../../src/model/conversation-id.js';
import { ContentType, Platform, SessionType } from '../../src/model/enums.js';
import { createGroup, markRead, sendMessage, upsertUser, type DomainContext } from './handlers.js';
import { seedSocial } from './seed-social.js';

/**
 * Demo data: five users, three one-to-one chats, one group. Messages go through
 * the same `sendMessage` path as live ones (so seqs, views and event logs are
 * exactly what a real conversation produces), only with send times in the past:
 * bursts 70 hours to minutes ago, so the chat shows several date separators.
 * Alice is left with three unread messages from Bob.
 */

export const DEMO_USERS = [
  { userID: 'alice', nickname: 'Alice Chen' },
  { userID: 'bob', nickname: 'Bob Martin' },
  { userID: 'carol', nickname: 'Carol Diaz' },
  { userID: 'dave', nickname: 'Dave Kim' },
  { userID: 'erin', nickname: 'Erin Walsh' },
] as const;

export const DEMO_GROUP = { groupID: 'team', groupName: 'imkit team', owner: 'alice', members: ['bob', 'carol', 'dave'] } as const;

const SEED_MARKER = 'demo.seeded';

type Line = readonly [sender: string, text: string];
interface Burst {
  minutesAgo: number;
  lines: readonly Line[];
}
interface Thread {
  key: string;
  /** Peer pair for one-to-one, or null for the demo group. */
  pair: readonly [string, string] | null;
  bursts: readonly Burst[];
  /** How many of the last messages stay unread for a participant. */
  unread?: { userID: string; count: number };
}

const THREADS: readonly Thread[] = [
  {
    key: 'ab',
    pair: ['alice', 'bob'],
    unread: { userID: 'alice', count: 3 },
    bursts: [
      {
        minutesAgo: 70 * 60,
        lines: [
          ['bob', 'Morning! Did you get a chance to look at the conversation list PR?'],
          ['alice', "Not yet, it's next on my list after standup."],
          ['bob', 'No rush. The main change is the unread badge logic.'],
          ['alice', 'Is that the one that was double counting after a reconnect?'],
          ['bob', 'Yes. Sync applied the same event twice when the socket dropped mid-page.'],
          ['alice', 'Ouch. Do we dedupe by seq now?'],
          ['bob', 'Exactly: every push carries its event seq and the store ignores anything at or below its cursor.'],
          ['alice', "Nice, that's much simpler than what we had."],
          ['alice', 'Reviewing now ☕'],
          ['alice', 'Left a few comments, mostly naming. Approved otherwise.'],
          ['bob', 'Thanks! Merging after lunch.'],
        ],
      },
      {
        minutesAgo: 46 * 60,
        lines: [
          ['alice', 'Quick one: are we still demoing on Thursday?'],
          ['bob', 'As far as I know, yes. Erin wants to see the group chat flow.'],
          ['alice', "Then I'll make sure the demo has a decent group conversation."],
          ['bob', "Good idea. Add a few emoji so the bubbles don't all look the same 🙂"],
          ['alice', 'Ha, will do.'],
          ['bob', 'Also, dark mode still has that contrast issue on the timestamps.'],
          ['alice', "I saw it. I'll switch them to the secondary text colour."],
        ],
      },
      {
        minutesAgo: 22 * 60,
        lines: [
          ['bob', 'The demo checklist is in the doc, can you add the login steps?'],
          ['alice', 'Added. I also listed the dev users so nobody has to guess.'],
          ['bob', 'Perfect.'],
          ['bob', 'Do you want to do a dry run tomorrow morning?'],
          ['alice', 'Yes, 10:00 works for me.'],
          ['bob', 'Booked.'],
        ],
      },
      {
        minutesAgo: 25,
        lines: [
          ['alice', 'Dry run went well, thanks for setting it up!'],
          ['bob', 'Agreed, the reconnect demo was the highlight.'],
        ],
      },
      {
        minutesAgo: 9,
        lines: [
          ['bob', 'One thing: Dave noticed the typing indicator flickers on slow networks.'],
          ['bob', "I'll open an issue so we don't forget."],
          ['bob', "Can you take a look when you're back?"],
        ],
      },
    ],
  },
  {
    key: 'ac',
    pair: ['alice', 'carol'],
    bursts: [
      {
        minutesAgo: 64 * 60,
        lines: [
          ['carol', 'Hey Alice! Are you coming to the climbing gym on Saturday?'],
          ['alice', "I'd love to. What time?"],
          ['carol', "We're thinking 11, then lunch at the noodle place around the corner."],
          ['alice', 'Sounds perfect, count me in.'],
          ['carol', "Great! I'll book a slot for three, Dave might come too."],
        ],
      },
      {
        minutesAgo: 40 * 60,
        lines: [
          ['alice', 'Do I need to bring my own shoes?'],
          ['carol', 'They rent them at the desk, but bring chalk if you have some.'],
          ['alice', "I have an old chalk bag somewhere, I'll dig it out."],
          ['carol', '🧗‍♀️'],
        ],
      },
      {
        minutesAgo: 20 * 60,
        lines: [
          ['carol', 'Booked: Saturday 11:00, three people.'],
          ['alice', 'Thanks Carol!'],
          ['carol', 'Could you send me that article on design tokens you mentioned?'],
          ['alice', "Sure, the one about naming colours by role instead of by hue. I'll find the link tonight."],
          ['carol', 'No hurry.'],
        ],
      },
      {
        minutesAgo: 5 * 60,
        lines: [
          ['alice', "Found it, I've pasted it into the team doc so everyone has it."],
          ['carol', 'Lovely, thanks.'],
          ['carol', 'See you Saturday!'],
          ['alice', 'See you 👋'],
        ],
      },
    ],
  },
  {
    key: 'bd',
    pair: ['bob', 'dave'],
    bursts: [
      {
        minutesAgo: 60 * 60,
        lines: [
          ['dave', 'Bob, are you on call this week or is it me?'],
          ['bob', "It's me until Wednesday, then you take over."],
          ['dave', 'Got it. Anything I should know?'],
          ['bob', 'The nightly backup was slow on Monday, but it recovered on its own.'],
          ['dave', "OK, I'll keep an eye on it."],
        ],
      },
      {
        minutesAgo: 30 * 60,
        lines: [
          ['dave', 'The backup ran long again last night, 48 minutes.'],
          ['bob', "Hmm, that's twice in a week. Disk or database?"],
          ['dave', 'The database dump. The events table has grown a lot.'],
          ['bob', 'Makes sense, we never prune it. Let’s agree on a retention policy.'],
          ['dave', "I'll draft something and share it with the team."],
        ],
      },
      {
        minutesAgo: 6 * 60,
        lines: [
          ['dave', 'The draft retention policy is up for review.'],
          ['bob', 'Reading it now.'],
          ['bob', 'Looks good. Thirty days of events for sync, messages kept forever?'],
          ['dave', 'Yes. Clients offline for longer just reload the conversation list.'],
          ['bob', '👍 ship it'],
        ],
      },
    ],
  },
  {
    key: 'team',
    pair: null,
    bursts: [
      {
        minutesAgo: 50 * 60,
        lines: [
          ['alice', 'Welcome to the imkit team group! This is where we coordinate the demo.'],
          ['bob', 'Hello everyone 👋'],
          ['carol', 'Hi all!'],
          ['dave', 'Hey! Glad to be here.'],
        ],
      },
      {
        minutesAgo: 26 * 60,
        lines: [
          ['alice', 'Reminder: demo on Thursday. Please try the dev login before then.'],
          ['carol', 'Tried it, works great. Picking a user and chatting takes seconds.'],
          ['dave', 'Same here. I left a couple of messages for Bob to find.'],
          ['bob', 'Found them, Dave 😄'],
        ],
      },
      {
        minutesAgo: 3 * 60,
        lines: [
          ['alice', 'Dry run is done. Thanks all, it looked really solid.'],
          ['dave', 'Nice work everyone.'],
          ['carol', "I'll collect the feedback in the doc."],
          ['bob', "And I'll file the typing-indicator issue."],
        ],
      },
    ],
  },
];

/** Gaps between messages in a burst, cycled: a conversation, not a metronome. */
const GAPS_MS = [45_000, 95_000, 30_000, 150_000, 70_000, 20_000];

/** Seeds once per database; returns false when the data was already there. */
export function seedDemo(ctx: DomainContext, now: number): boolean {
  return ctx.mutate(() => {
    if (ctx.store.getMeta(SEED_MARKER)) return false;
    // Users and the group "exist" from before the first seeded message.
    const past: DomainContext = { ...ctx, now: () => now - 72 * 3600_000 };
    for (const u of DEMO_USERS) upsertUser(past, { userID: u.userID, nickname: u.nickname, faceURL: '' });
    createGroup(past, {
      groupID: DEMO_GROUP.groupID,
      groupName: DEMO_GROUP.groupName,
      ownerUserID: DEMO_GROUP.owner,
      memberUserIDs: [...DEMO_GROUP.members],
      introduction: 'Where the imkit demo is planned.',
    });

    for (const thread of THREADS) {
      let n = 0;
      let lastSeq = 0;
      for (const burst of thread.bursts) {
        let t = now - burst.minutesAgo * 60_000;
        for (const [sender, text] of burst.lines) {
          const recvID = thread.pair ? (thread.pair[0] === sender ? thread.pair[1] : thread.pair[0]) : '';
          const msg = sendMessage(
            ctx,
            { userID: sender, platformID: Platform.Web },
            {
              clientMsgID: `seed-${thread.key}-${++n}`,
              sessionType: thread.pair ? SessionType.Single : SessionType.Group,
              recvID,
              groupID: thread.pair ? '' : DEMO_GROUP.groupID,
              contentType: ContentType.Text,
              content: text,
              createTime: t - 150,
            },
            { sendTime: t },
          );
          lastSeq = msg.seq;
          t += GAPS_MS[n % GAPS_MS.length]!;
        }
      }
      const conversationID = thread.pair
        ? singleConversationID(thread.pair[0], thread.pair[1])
        : groupConversationID(DEMO_GROUP.groupID);
      const readers = thread.pair ? [...thread.pair] : [DEMO_GROUP.owner, ...DEMO_GROUP.members];
      for (const reader of readers) {
        const upTo = thread.unread?.userID === reader ? lastSeq - thread.unread.count : lastSeq;
        markRead(ctx, reader, conversationID, upTo);
      }
    }
    seedSocial(ctx, DEMO_GROUP.groupID); // friends, requests, the group's admin and policy (seed-social.ts)
    ctx.store.setMeta(SEED_MARKER, String(now));
    return true;
  });
}
