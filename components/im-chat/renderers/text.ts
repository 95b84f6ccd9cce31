import { html } from 'lit';
import { AT_ALL } from '../../../src/model/elems.js';
import type { MessageRenderContext } from './registry.js';
import { linkify } from './linkify.js';

export function renderText({ message }: MessageRenderContext) {
  return html`<span part="text">${linkify(message.textElem?.content ?? message.content)}</span>`;
}

export function renderAtText({ message, t }: MessageRenderContext) {
  const at = message.atTextElem;
  const names = (at?.atUsersInfo ?? []).map((u) => u.groupNickname || u.atUserID);
  if (at?.atUserList.includes(AT_ALL)) names.push(t.everyone);
  return html`<span part="text" class=${at?.isAtSelf ? 'at-self' : ''}>${linkify(at?.text ?? '', names)}</span>`;
}
