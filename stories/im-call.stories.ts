import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-call/im-call.js';
import '../components/im-call-button/im-call-button.js';
import { CallManager } from '../src/calls/call-manager.js';
import type { ImClient } from '../src/client/im-client.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, themeOf } from './support/story-helpers.js';
import { stateStory, statesNotShown, type StateSpec } from './support/states.js';

const frame = 'display:block;height:100vh;max-height:720px;';
const withBackend = () => [async () => ({ backend: await createStoryBackend() })];

/** Someone else with a call engine of their own (not shown): answers, or not, when called. */
async function peer(loginAs: (id: string) => Promise<ImClient>, userID: string, answer: boolean): Promise<CallManager> {
  const client = await loginAs(userID);
  const manager = new CallManager(client);
  if (answer) client.on('onReceiveNewInvitation', () => setTimeout(() => void manager.accept().catch(() => undefined), 600));
  return manager;
}

/** Runs `fn` on the story's <im-call> once it is in the page and has its client. */
function whenReady(fn: (el: HTMLElementTagNameMap['im-call']) => void): void {
  const tryRun = (n: number) => {
    const el = document.querySelector('im-call');
    if (el?.callManager) fn(el);
    else if (n < 100) setTimeout(() => tryRun(n + 1), 50);
  };
  setTimeout(() => tryRun(0), 50);
}

const meta: Meta = {
  title: 'Elements/im-call',
  component: 'im-call',
  loaders: withBackend(),
  parameters: {
    docs: {
      description: {
        component:
          'Audio and video calls over WebRTC with the IM server\'s signaling, against the real server logic in the page. The other people are more clients in the same page, each with its own call engine, so the media you see is real (your camera, looped back). The element renders nothing while idle.' + statesNotShown({
            Loading: 'the element renders nothing until a call starts or rings.',
            Empty: 'the same: idle means empty, and renders nothing.',
            Offline: 'a call needs the network; losing it ends the call with a reason (the summary), which InCall shows when you hang up.',
          }) + '\n\nThe error state is **PermissionDenied** (camera and microphone refused).',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** Bob calls Alice (this element): ringing, Accept / Audio only / Decline. Accepting connects for real. */
export const Incoming: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    void peer(backend.loginAs, 'bob', false).then((bob) => whenReady(() => void bob.call({ userID: 'alice' }, 'video').catch(() => undefined)));
    return html`<im-call style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-call>`;
  },
};

/** Alice calls Bob, who does not pick up: ringing, with Cancel. */
export const Outgoing: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    void peer(backend.loginAs, 'bob', false).then(() => whenReady((el) => void el.call({ userID: 'bob' }, 'video').catch(() => undefined)));
    return html`<im-call style=${frame} theme=${themeOf(context)} timeout="120" .client=${backend.client}></im-call>`;
  },
};

/** A one-to-one video call: Bob answers; his picture fills the view and yours is a picture-in-picture. */
export const InCall: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    void peer(backend.loginAs, 'bob', true).then(() => whenReady((el) => void el.call({ userID: 'bob' }, 'video').catch(() => undefined)));
    return html`<im-call style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-call>`;
  },
};

/** A group call in the `team` group: Bob, Carol and Dave answer, four tiles in a 2×2 grid (a mesh of six connections). */
export const GroupCall: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    void Promise.all(['bob', 'carol', 'dave'].map((id) => peer(backend.loginAs, id, true))).then(() =>
      whenReady((el) => void el.call({ groupID: 'team' }, 'video').catch(() => undefined)),
    );
    return html`<im-call style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-call>`;
  },
};

/** The camera and microphone are refused: the call does not start and says why. */
export const PermissionDenied: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    whenReady((el) => {
      const media = navigator.mediaDevices;
      const real = media.getUserMedia.bind(media);
      media.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      void el.call({ userID: 'bob' }, 'video').catch(() => undefined).finally(() => (media.getUserMedia = real));
    });
    return html`<im-call style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-call>`;
  },
};

/** Call buttons as a chat header would show them; they drive the `<im-call>` below. */
export const CallButtons: Story = {
  render: (_args, context) => {
    const backend = backendOf(context);
    void peer(backend.loginAs, 'bob', true);
    return html`<div style="display:flex;gap:4px;padding:8px;align-items:center;font:14px system-ui">
        Call Bob:
        <im-call-button conversation-id="si_alice_bob" media-type="audio" for="story-call" theme=${themeOf(context)}></im-call-button>
        <im-call-button conversation-id="si_alice_bob" media-type="video" for="story-call" theme=${themeOf(context)}></im-call-button>
      </div>
      <im-call id="story-call" style=${frame} theme=${themeOf(context)} .client=${backend.client}></im-call>`;
  },
};

/** States of the ringing screen: the caller (Bob, or someone with a very long name) calls Alice. */
const states: StateSpec = {
  frame: 'display:flex;flex-direction:column;height:100vh;max-height:720px',
  render: (backend, theme, state) => {
    const caller = state === 'LongContent' ? 'maximiliana' : 'bob';
    void peer(backend.loginAs, caller, false).then((p) => whenReady(() => void p.call({ userID: 'alice' }, 'audio').catch(() => undefined)));
    return html`<im-call style="flex:1" theme=${theme} .client=${backend.client}></im-call>`;
  },
};

export const LongContent: Story = stateStory('LongContent', states);
export const RightToLeft: Story = stateStory('RightToLeft', states);
export const Dark: Story = stateStory('Dark', states);
export const Narrow: Story = stateStory('Narrow', states);

/** `<im-call-button>` without a client (still logging in: disabled), offline, dark and right-to-left. */
export const CallButtonStates: Story = {
  loaders: [async () => ({ backend: await createStoryBackend({ login: false }) })],
  render: (_args, context) => html`<div style="display:grid;gap:8px;padding:12px;font:14px system-ui">
    <div>Logging in: <im-call-button conversation-id="si_alice_bob" media-type="audio" theme=${themeOf(context)}></im-call-button></div>
    <div style="background:#0f1114;color:#e8eaed;padding:4px">Dark: <im-call-button conversation-id="si_alice_bob" media-type="video" theme="dark"></im-call-button></div>
    <div dir="rtl">RTL: <im-call-button conversation-id="si_alice_bob" media-type="video" theme=${themeOf(context)}></im-call-button></div>
  </div>`,
};
