import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/im-provider/im-provider.js';
import '../components/im-conversation-list/im-conversation-list.js';
import '../components/im-chat/im-chat.js';
import type { ImConversationSelectDetail } from '../components/im-conversation-list/im-conversation-list.js';
import type { ImProvider } from '../components/im-provider/im-provider.js';
import { createStoryBackend } from './support/loopback.js';
import { backendOf, say, themeOf } from './support/story-helpers.js';

interface Args {
  locale: string;
  dir: 'ltr' | 'rtl';
}

const meta: Meta<Args> = {
  title: 'Kit/Languages',
  component: 'im-provider',
  loaders: [async () => ({ backend: await createStoryBackend() })],
  argTypes: {
    locale: {
      control: 'select',
      options: ['en', 'zh-Hans', 'zh-Hant', 'zh-CN', 'zh-TW', 'zh-HK', 'fr'],
      description: "`<im-provider locale>`: any tag; zh-CN → Simplified, zh-TW/zh-HK → Traditional, unknown → English.",
    },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'], description: '`dir` on an ancestor: the kit mirrors itself.' },
  },
  args: { locale: 'en', dir: 'ltr' },
  parameters: {
    docs: {
      description: {
        component:
          'English, Simplified and Traditional Chinese ship with the kit. Set `locale` on `<im-provider>` (or on one element) and every element re-renders in that language; dates, times and counts go through Intl. Put `dir="rtl"` on the page or an ancestor and the layout mirrors: your own messages on the left, the send arrow pointing left.',
      },
    },
  },
};
export default meta;

function onSelect(event: CustomEvent<ImConversationSelectDetail>): void {
  const root = (event.currentTarget as HTMLElement).closest('.kit');
  const chat = root?.querySelector('im-chat');
  if (chat) chat.conversationID = event.detail.conversationID;
}

function switchTo(event: Event, locale: string): void {
  const provider = (event.currentTarget as HTMLElement).closest('im-provider') as ImProvider | null;
  if (provider) provider.locale = locale;
}

const render: StoryObj<Args>['render'] = (args, context) => {
  const backend = backendOf(context);
  const bob = backend.loginAs('bob');
  let count = 0;
  return html`<div dir=${args.dir} style="height:100vh">
    <im-provider .client=${backend.client} theme=${themeOf(context)} locale=${args.locale}>
      <div class="kit" style="display:flex;flex-direction:column;height:100%;font:13px system-ui">
        <div style="display:flex;gap:8px;padding:6px 10px;border-block-end:1px solid #0002;align-items:center">
          <button @click=${(e: Event) => switchTo(e, 'en')}>English</button>
          <button lang="zh-Hans" @click=${(e: Event) => switchTo(e, 'zh-Hans')}>简体中文</button>
          <button lang="zh-Hant" @click=${(e: Event) => switchTo(e, 'zh-Hant')}>繁體中文</button>
          <button @click=${async () => say(await bob, `Message #${++count} from Bob`, { userID: 'alice' })}>Bob writes</button>
        </div>
        <div style="display:flex;flex:1;min-height:0">
          <im-conversation-list
            style="width:320px;flex:none;border-inline-end:1px solid #0001"
            selected="si_alice_bob"
            @im-conversation-select=${onSelect}
          ></im-conversation-list>
          <im-chat style="flex:1;min-width:0" conversation-id="si_alice_bob"></im-chat>
        </div>
      </div>
    </im-provider>
  </div>`;
};

/** Pick a language and a direction in the controls; the buttons switch the provider at runtime. */
export const Playground: StoryObj<Args> = { render };

export const English: StoryObj<Args> = { render, args: { locale: 'en' } };

export const SimplifiedChinese: StoryObj<Args> = { name: '简体中文 (zh-Hans)', render, args: { locale: 'zh-Hans' } };

export const TraditionalChinese: StoryObj<Args> = { name: '繁體中文 (zh-TW → zh-Hant)', render, args: { locale: 'zh-TW' } };

/** `dir="rtl"` on an ancestor: own messages on the left, the list's badges and times mirrored. */
export const RightToLeft: StoryObj<Args> = { name: 'Right to left', render, args: { locale: 'en', dir: 'rtl' } };
