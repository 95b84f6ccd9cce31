/**
 * The states every element is shown in (issue #6): loading, empty, offline, error, long content,
 * right-to-left, dark and a narrow phone width. Each is a real situation acted out on the in-page loopback
 * backend (a client that has not logged in, a user with no data, a dropped network, server faults on chosen
 * ops, seeded long names and texts), never a fake inside the element.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { ImTheme } from '../../components/context.js';
import { createStoryBackend, type StoryBackend, type StoryBackendOptions } from './loopback.js';
import { backendOf, say, themeOf } from './story-helpers.js';

export type StateName = 'Loading' | 'Empty' | 'Offline' | 'Error' | 'LongContent' | 'RightToLeft' | 'Dark' | 'Narrow';

export interface StateSpec {
  /** The element itself, given the story's backend and theme. */
  render(backend: StoryBackend, theme: ImTheme, state: StateName): TemplateResult;
  /** The box the element sits in (size); default fills the viewport. */
  frame?: string;
  /** Who is logged in for the empty state; default Erin, who has no conversations, friends or groups. */
  emptyUser?: string;
  /** Server ops that fail (code 1500) in the error state. */
  errorOps?: readonly string[];
  /**
   * How the element shows that error: an alert (default) or its connection banner (an element that reads only
   * the local cache, like the conversation list, sees a server fault as a connection that keeps retrying).
   */
  errorShownAs?: 'alert' | 'banner';
}

export const LONG_NAME = 'Maximiliana Alexandrina Featherstonehaugh-Worthington-Montgomery the Third';
export const LONG_GROUP = 'Quarterly planning, retrospectives and everything else that needs a very long group name';
export const LONG_TEXT =
  'This is a deliberately long message to show how the layout copes with a paragraph that runs on and on. ' +
  'It keeps going with ordinary words, so lines wrap where a reader expects them to, and then it adds an unbroken ' +
  'token that has nowhere to wrap: https://example.com/a/really/long/path/that/never/ends/0123456789abcdefghijklmnopqrstuvwxyz0123456789 — ' +
  'and finally a few more words so the bubble has to grow several lines tall before it is done.';
export const RTL_TEXT = 'مرحبا! هل أنت متاح للاجتماع غدًا في الساعة العاشرة؟ שלום, נתראה מחר.';

/**
 * Long content, seeded through the real server: a user with a very long name who writes Alice a long
 * message, asks to be her friend with a long note, and a group with a long name and announcement.
 */
export async function seedLongContent(backend: StoryBackend): Promise<void> {
  backend.core.upsertUser({ userID: 'maximiliana', nickname: LONG_NAME });
  backend.core.createGroup({
    groupID: 'longgroup',
    groupName: LONG_GROUP,
    ownerUserID: 'alice',
    memberUserIDs: ['bob', 'carol', 'maximiliana'],
    notification: LONG_TEXT,
    introduction: LONG_TEXT,
  });
  const max = await backend.loginAs('maximiliana');
  await say(max, LONG_TEXT, { userID: 'alice' });
  await say(max, LONG_TEXT, { groupID: 'longgroup' });
  await max.addFriend({ toUserID: 'alice', reqMsg: LONG_TEXT.slice(0, 300) }).catch(() => undefined);
}

const fill = 'display:flex;flex-direction:column;height:100vh;';

function backendFor(state: StateName, spec: StateSpec): StoryBackendOptions {
  if (state === 'Loading') return { login: false };
  if (state === 'Empty') return { user: spec.emptyUser ?? 'erin' };
  if (state === 'Error') return { failOps: spec.errorOps ?? [] };
  return {};
}

const DOCS: Record<StateName, string> = {
  Loading: 'Loading: the client has not logged in yet, so the element shows its placeholder.',
  Empty: 'Empty: a user with nothing to show (Erin in the demo data).',
  Offline: 'Offline: the in-page network is cut after login; the element paints from the cache under a connection notice.',
  Error: 'Error: the server answers the element\'s requests with a server fault (code 1500).',
  LongContent: 'Long content: a very long name, group name and message (with an unbroken URL), seeded on the server.',
  RightToLeft: 'Right-to-left: inside `dir="rtl"`, with an Arabic/Hebrew message from Bob.',
  Dark: 'Dark theme (`theme="dark"`), whatever the toolbar says.',
  Narrow: 'A phone-sized width (360 px).',
};

/** One story of `spec`'s element in `state`. */
export function stateStory(state: StateName, spec: StateSpec): StoryObj {
  return {
    name: state === 'LongContent' ? 'Long content' : state === 'RightToLeft' ? 'Right to left' : state === 'Narrow' ? 'Narrow (mobile)' : state,
    // `imkitState` lets test/stories check the story shows what it claims (an alert for Error, a busy region for Loading…).
    parameters: { docs: { description: { story: DOCS[state] } }, imkitState: state, imkitErrorShownAs: spec.errorShownAs ?? 'alert' },
    loaders: [
      async () => {
        const backend = await createStoryBackend(backendFor(state, spec));
        if (state === 'LongContent') await seedLongContent(backend);
        if (state === 'RightToLeft') await say(await backend.loginAs('bob'), RTL_TEXT, { userID: 'alice' });
        return { backend };
      },
    ],
    render: (_args, context) => {
      const backend = backendOf(context);
      if (state === 'Offline') backend.transport.setReachable(false);
      const theme = state === 'Dark' ? 'dark' : themeOf(context);
      const element = spec.render(backend, theme, state);
      const frame = spec.frame ?? fill;
      if (state === 'RightToLeft') return html`<div dir="rtl" lang="ar" style=${frame}>${element}</div>`;
      if (state === 'Narrow') return html`<div style="${frame};width:360px;max-width:100%;border-inline-end:1px solid #8884">${element}</div>`;
      if (state === 'Dark') return html`<div style="${frame};background:#0f1114">${element}</div>`;
      return html`<div style=${frame}>${element}</div>`;
    },
  };
}

/** Text for an element's docs naming the states it does not have a story for, and why. */
export function statesNotShown(reasons: Partial<Record<StateName, string>>): string {
  const lines = Object.entries(reasons).map(([state, why]) => `- **${state}**: ${why}`);
  return lines.length ? `\n\nStates without a story, because they mean nothing for this element:\n${lines.join('\n')}` : '';
}
