/**
 * `imkit/react`: React components around imkit's elements, made with @lit/react, for
 * React 18 and earlier (React 19 sets properties and listens to custom events on custom
 * elements natively, so there you can use the tags directly).
 *
 * Properties are passed as props (`client`, `conversationID`, …) and DOM events as
 * `onIm…` callbacks:
 *
 * ```tsx
 * import { ImConversationList, ImChat } from 'imkit/react';
 * <ImConversationList client={client} onImConversationSelect={(e) => setID(e.detail.conversationID)} />
 * <ImChat client={client} conversationID={id} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { ImProvider, type ImLoginDetail, type ImLoginErrorDetail } from '../components/im-provider/im-provider.js';
import {
  ImConversationList as ImConversationListElement,
  type ImConversationActionDetail,
  type ImConversationSelectDetail,
} from '../components/im-conversation-list/im-conversation-list.js';
import { ImChat as ImChatElement, type ImMessageFailedDetail, type ImMessageSentDetail } from '../components/im-chat/im-chat.js';

export const ImProviderReact = /* @__PURE__ */ createComponent({
  tagName: 'im-provider',
  elementClass: ImProvider,
  react: React,
  events: {
    onImLogin: 'im-login' as EventName<CustomEvent<ImLoginDetail>>,
    onImLoginError: 'im-login-error' as EventName<CustomEvent<ImLoginErrorDetail>>,
  },
  displayName: 'ImProvider',
});

export const ImConversationList = /* @__PURE__ */ createComponent({
  tagName: 'im-conversation-list',
  elementClass: ImConversationListElement,
  react: React,
  events: {
    onImConversationSelect: 'im-conversation-select' as EventName<CustomEvent<ImConversationSelectDetail>>,
    onImConversationAction: 'im-conversation-action' as EventName<CustomEvent<ImConversationActionDetail>>,
    onImUnreadChange: 'im-unread-change' as EventName<CustomEvent<{ total: number }>>,
  },
  displayName: 'ImConversationList',
});

export const ImChat = /* @__PURE__ */ createComponent({
  tagName: 'im-chat',
  elementClass: ImChatElement,
  react: React,
  events: {
    onImMessageSent: 'im-message-sent' as EventName<CustomEvent<ImMessageSentDetail>>,
    onImMessageFailed: 'im-message-failed' as EventName<CustomEvent<ImMessageFailedDetail>>,
  },
  displayName: 'ImChat',
});

export { ImProviderReact as ImProvider };
