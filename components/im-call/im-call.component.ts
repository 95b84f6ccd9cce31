import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ImClientApi } from '../../src/client/api.js';
import { CallManager, isCallClient, type CallManagerOptions, type CallState, type RemoteParticipant } from '../../src/calls/call-manager.js';
import type { MediaDeviceLists } from '../../src/calls/media.js';
import type { CallMediaType } from '../../src/model/call.js';
import { parseConversationID } from '../../src/model/conversation-id.js';
import { ErrorCode } from '../../src/protocol/errors.js';
import type { ImTheme } from '../context.js';
import { avatar } from '../shared/avatar.js';
import { ClientController } from '../shared/client-controller.js';
import { LocaleController } from '../shared/locale-controller.js';
import { trapTab } from '../shared/focus-keys.js';
import { ThemeController } from '../shared/theme-controller.js';
import { hangUpIcon, micIcon, micOffIcon, phoneIcon, settingsIcon, videoIcon, videoOffIcon } from './call-icons.js';
import styles from './im-call.styles.js';

import type { ImCallStrings } from '../i18n/call-strings.js';
// Installs the English call table (not part of a list+chat page).
import '../i18n/call-strings.js';
export { defaultCallStrings, type ImCallStrings } from '../i18n/call-strings.js';

export interface ImCallStateDetail {
  phase: CallState['phase'];
  roomID: string;
  mediaType: CallMediaType;
}
export interface ImCallEndedDetail {
  reason: CallState['endReason'];
  error: { code: number; message: string } | null;
  roomID: string;
  durationSeconds: number;
}

/** `02:05`, `1:02:05`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * @summary Audio and video calls: the incoming-call screen, the outgoing ringing
 * screen and the call itself (a video grid of up to 6 people), over WebRTC with
 * the IM server's signaling.
 *
 * It renders nothing while idle (`phase="idle"`), so a page can keep one in an
 * overlay and let it appear when a call comes in. Start calls with `startCall()`
 * or an `<im-call-button>`. Keyboard: every control is a button; focus moves to
 * Accept when a call rings, to the hang-up button when one starts, and back to
 * where it was when the call UI closes. While the call UI shows, Tab and Shift+Tab stay inside it (it is
 * modal: set `modal="false"` when it sits inline beside other content). Escape closes the device settings and
 * the end-of-call summary; it does not hang up (a call ends only by its button).
 *
 * @event im-call-state - The phase changed. `detail: { phase, roomID, mediaType }`.
 * @event im-call-ended - A call ended. `detail: { reason, error, roomID, durationSeconds }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart ringing - The incoming or outgoing ringing screen.
 * @csspart caller-name - The name on the ringing screen.
 * @csspart call-status - The line under it ("Incoming video call", "Ringing…").
 * @csspart actions - The accept / decline / cancel buttons.
 * @csspart accept-button - Accepts the call.
 * @csspart accept-audio-button - Accepts a video call with audio only.
 * @csspart decline-button - Declines the call.
 * @csspart cancel-button - Cancels an outgoing call.
 * @csspart topbar - Duration and notices above the grid.
 * @csspart duration - The call's duration.
 * @csspart notice - A passing notice (someone left, reconnecting, no camera).
 * @csspart grid - The video grid; `--cols` holds its column count.
 * @csspart tile - One person's tile (with the class `speaking` while they speak).
 * @csspart tile-remote - Another participant's tile (`data-user-id` names them).
 * @csspart tile-local - Your own tile (the local preview).
 * @csspart quality - A tile's connection-quality bars (`data-quality="good|fair|poor|unknown"`).
 * @csspart controls - The control bar.
 * @csspart mute-button - Microphone on/off (`aria-pressed`).
 * @csspart camera-button - Camera on/off (`aria-pressed`); turning it on upgrades an audio call.
 * @csspart devices-button - Opens the device settings.
 * @csspart settings - The device settings (microphone, camera, speaker).
 * @csspart hangup-button - Leaves the call.
 * @csspart summary - The end-of-call screen.
 * @csspart error - Why the call failed.
 * @csspart close-button - Closes the summary.
 * @csspart device-select - The microphone, camera and speaker choices in the settings.
 *
 * @cssprop --im-call-bg - Background of the call screens.
 * @cssprop --im-call-fg - Text colour of the call screens.
 * @cssprop --im-call-tile-bg - Background of a tile without video.
 * @cssprop --im-call-accept - The accept button.
 * @cssprop --im-call-decline - The decline and hang-up buttons (default `--im-color-danger`).
 * @cssprop --im-call-speaking - The ring around whoever is speaking.
 * @cssprop --im-radius - Corner radius.
 * @cssprop --im-font-family - Font stack.
 */
export class ImCall extends LitElement {
  static override styles = styles;
  /**
   * Lit's reactive properties: the public ones (attributes unless `attribute: false`), then
   * internal state (`state: true`: re-renders, never an attribute). Declared here rather than
   * with decorators, whose helpers and per-field calls every page would download.
   */
  static override properties = {
    client: { attribute: false },
    theme: { reflect: true },
    phase: { reflect: true },
    summaryMs: { type: Number, attribute: 'summary-ms' },
    modal: { converter: (v: string | null) => v !== 'false' },
    timeout: { type: Number },
    locale: { reflect: true },
    strings: { attribute: false },
    options: { attribute: false },
    view: { state: true },
    settingsOpen: { state: true },
    deviceLists: { state: true },
    tick: { state: true },
    self: { state: true },
  };

  /** The client to use; otherwise the one from the nearest `<im-provider>`. */
  client: ImClientApi | undefined;

  theme: ImTheme | undefined;

  /** The current phase, reflected for styling: idle, outgoing, incoming, connecting, active, ended. */
  phase: CallState['phase'] = 'idle';

  /** How long the end-of-call summary stays (ms) before the element goes idle; errors stay until closed. */
  summaryMs = 4000;

  /** Whether the call UI is modal: Tab stays inside it while it shows. `modal="false"` for an inline call view. */
  modal = true;

  /** Seconds an invitation rings before it times out (5–120). */
  timeout = 30;

  /**
   * Language: any BCP 47 tag (`en`, `zh-Hans`, `zh-Hant`, `zh-TW`, …). Defaults to the
   * provider's `locale`, else the nearest `lang` (the page's), else English.
   */
  locale: string | undefined;

  /** Replacement texts (i18n). */
  strings: Partial<ImCallStrings> | undefined;

  /** Options for the call engine (timeouts, RTCConfiguration); read when the client is attached. */
  options: CallManagerOptions | undefined;

  private view: CallState | null = null;
  private settingsOpen = false;
  private deviceLists: MediaDeviceLists | null = null;
  private tick = 0;
  private self: { userID: string; nickname: string; faceURL: string } | null = null;

  private manager: CallManager | null = null;
  private offChange: (() => void) | null = null;
  private clockTimer: ReturnType<typeof setInterval> | undefined;
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  private returnFocus: HTMLElement | null = null;
  private lastPhase: CallState['phase'] = 'idle';
  private readonly sinks = new WeakMap<HTMLMediaElement, string>();

  private readonly clients = new ClientController(this, {
    handlers: {
      onSelfInfoUpdated: (u) => (this.self = { userID: u.userID, nickname: u.nickname || u.userID, faceURL: u.faceURL }),
    },
    attached: (client) => this.bind(client),
    detached: () => this.unbind(),
  });

  private readonly themes = new ThemeController(this);
  private readonly i18n = new LocaleController(this);

  /** The call engine (state, stats), once a client is attached. */
  get callManager(): CallManager | null {
    return this.manager;
  }

  /** The current call state (a live object; do not mutate). */
  get callState(): CallState | null {
    return this.manager?.state ?? null;
  }

  private get t(): ImCallStrings {
    return this.i18n.call(this.strings);
  }

  private engine(): CallManager {
    if (!this.manager) throw Object.assign(new Error('<im-call> has no client that can place calls.'), { code: ErrorCode.NotLoggedIn });
    return this.manager;
  }

  /** Calls a user, or the members of a group (all other members when `userIDList` is omitted). */
  call(target: { userID: string } | { groupID: string; userIDList?: string[] }, mediaType: CallMediaType = 'video'): Promise<void> {
    this.rememberFocus();
    return this.engine().call(target, mediaType, { timeout: this.timeout });
  }

  /** Calls the other side of a conversation: `si_…` calls the peer, `sg_…` the group. */
  startCall(options: { conversationID: string; mediaType?: CallMediaType }): Promise<void> {
    const self = this.clients.client?.getLoginUserID() ?? '';
    const parsed = parseConversationID(options.conversationID, self);
    if (!parsed) return Promise.reject(Object.assign(new Error(`Cannot call conversation "${options.conversationID}".`), { code: ErrorCode.InvalidArgument }));
    return this.call(parsed.groupID ? { groupID: parsed.groupID } : { userID: parsed.userID }, options.mediaType ?? 'video');
  }

  accept(mediaType?: CallMediaType): Promise<void> {
    return this.engine().accept(mediaType);
  }

  decline(): Promise<void> {
    return this.engine().decline();
  }

  hangUp(): Promise<void> {
    return this.engine().hangUp();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    clearInterval(this.clockTimer);
    clearTimeout(this.summaryTimer);
  }

  private bind(client: ImClientApi): void {
    this.unbind();
    if (!isCallClient(client)) return;
    void client.getSelfUserInfo().then((u) => (this.self = { userID: u.userID, nickname: u.nickname || u.userID, faceURL: u.faceURL }), () => undefined);
    const manager = new CallManager(client, { timeout: this.timeout, ...this.options });
    this.manager = manager;
    const onChange = (s: CallState) => this.onState(s);
    manager.events.on('change', onChange);
    this.offChange = () => manager.events.off('change', onChange);
    this.onState(manager.state);
  }

  private unbind(): void {
    this.offChange?.();
    this.offChange = null;
    this.manager?.dispose();
    this.manager = null;
    this.view = null;
    this.phase = 'idle';
  }

  private onState(s: CallState): void {
    // A fresh object each time, so Lit sees the change.
    this.view = { ...s, participants: new Map(s.participants), devices: { ...s.devices } };
    const previous = this.lastPhase;
    this.lastPhase = s.phase;
    this.phase = s.phase;
    if (previous === s.phase) return;
    if (previous === 'idle') this.rememberFocus();
    this.dispatchEvent(new CustomEvent<ImCallStateDetail>('im-call-state', { detail: { phase: s.phase, roomID: s.invitation?.roomID ?? '', mediaType: s.mediaType }, bubbles: true, composed: true }));
    clearInterval(this.clockTimer);
    clearTimeout(this.summaryTimer);
    if (s.phase === 'active' || s.phase === 'connecting') this.clockTimer = setInterval(() => this.tick++, 1000);
    if (s.phase === 'ended') {
      this.settingsOpen = false;
      const detail: ImCallEndedDetail = {
        reason: s.endReason,
        error: s.error,
        roomID: s.invitation?.roomID ?? '',
        durationSeconds: s.connectedAt ? Math.round((Date.now() - s.connectedAt) / 1000) : 0,
      };
      this.endedDuration = s.connectedAt ? Date.now() - s.connectedAt : 0;
      this.dispatchEvent(new CustomEvent<ImCallEndedDetail>('im-call-ended', { detail, bubbles: true, composed: true }));
      if (!s.error && this.summaryMs >= 0) this.summaryTimer = setTimeout(() => this.manager?.dismiss(), this.summaryMs);
    }
    if (s.phase === 'idle') this.restoreFocus();
    else void this.updateComplete.then(() => this.focusFor(s.phase));
  }

  private endedDuration = 0;

  private rememberFocus(): void {
    let active = document.activeElement as HTMLElement | null;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
    if (active && active !== document.body && !this.contains(active)) this.returnFocus = active;
  }

  private restoreFocus(): void {
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
  }

  private focusFor(phase: CallState['phase']): void {
    const part = { incoming: 'accept-button', outgoing: 'cancel-button', connecting: 'hangup-button', active: 'hangup-button', ended: 'close-button' }[phase as string];
    const el = part ? this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`) : null;
    // Do not steal focus from a control inside the call UI.
    const inside = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement;
    if (el && !(inside && phase === 'active')) el.focus();
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Tab') {
      const base = this.renderRoot.querySelector('[part~="base"]');
      if (this.modal && base && this.renderRoot instanceof ShadowRoot) trapTab(event, this.renderRoot, base);
      return;
    }
    if (event.key !== 'Escape') return;
    if (this.settingsOpen) {
      this.settingsOpen = false;
      event.stopPropagation();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="devices-button"]')?.focus());
    } else if (this.phase === 'ended') {
      this.manager?.dismiss();
      event.stopPropagation();
    }
  };

  private async toggleSettings(): Promise<void> {
    if (this.settingsOpen) {
      this.settingsOpen = false;
      return;
    }
    // List the devices before the panel shows, so it never opens with empty selects.
    if (this.manager) this.deviceLists = await this.manager.listDevices().catch(() => this.deviceLists);
    this.settingsOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="settings"] select')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('options') && this.options) this.manager?.configure(this.options);
    // Route remote audio to the chosen speaker where the browser allows it.
    const sink = this.view?.devices.audioOutput ?? '';
    for (const el of this.renderRoot.querySelectorAll<HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> }>('video[data-remote]')) {
      if (typeof el.setSinkId === 'function' && (this.sinks.get(el) ?? '') !== sink) {
        this.sinks.set(el, sink);
        el.setSinkId(sink).catch(() => undefined);
      }
    }
  }

  // ---- rendering --------------------------------------------------------------

  private renderRinging(s: CallState): TemplateResult {
    const t = this.t;
    const incoming = s.phase === 'incoming';
    const inv = s.invitation;
    const main = incoming && inv ? s.participants.get(inv.inviterUserID) : [...s.participants.values()][0];
    // A group call's members arrive after the ringing screen first shows; until then the heading
    // (which also names the dialog) says what kind of call it is rather than nothing.
    const name = main?.nickname ?? main?.userID ?? '';
    const heading = name || (s.mediaType === 'video' ? t.videoCall : t.voiceCall);
    const group = inv ? inv.sessionType === 2 : false;
    const status = incoming
      ? group
        ? t.incomingGroup(inv!.inviteeUserIDList.length)
        : s.mediaType === 'video'
          ? t.incomingVideo
          : t.incomingAudio
      : s.invitation
        ? t.ringing
        : t.calling;
    const preview = !incoming && s.localStream && s.mediaType === 'video' && !s.cameraOff;
    return html`${preview ? html`<video class="backdrop-video" .srcObject=${s.localStream} autoplay playsinline muted></video>` : nothing}
      <div part="ringing" role=${incoming ? 'alertdialog' : 'dialog'} aria-labelledby="caller" aria-describedby="status">
        <span class="pulse">${avatar({ id: main?.userID ?? '', name, faceURL: main?.faceURL, size: 96 })}</span>
        <h2 part="caller-name" id="caller">${group && !incoming ? `${heading}${s.participants.size > 1 ? ` +${s.participants.size - 1}` : ''}` : heading}</h2>
        <p part="call-status" id="status" aria-live="polite">${status}</p>
        ${s.notice ? html`<p part="notice">${s.notice}</p>` : nothing}
        <div part="actions">
          ${incoming
            ? html`<span class="action"
                  ><button part="decline-button" class="round decline" type="button" aria-label=${t.decline} @click=${() => void this.decline().catch(() => undefined)}>
                    ${hangUpIcon()}</button
                  >${t.decline}</span
                >
                ${s.mediaType === 'video'
                  ? html`<span class="action"
                      ><button part="accept-audio-button" class="round" type="button" aria-label=${t.acceptAudio} @click=${() => void this.accept('audio').catch(() => undefined)}>
                        ${phoneIcon()}</button
                      >${t.acceptAudio}</span
                    >`
                  : nothing}
                <span class="action"
                  ><button part="accept-button" class="round accept" type="button" aria-label=${t.accept} @click=${() => void this.accept().catch(() => undefined)}>
                    ${s.mediaType === 'video' ? videoIcon() : phoneIcon()}</button
                  >${t.accept}</span
                >`
            : html`<span class="action"
                ><button part="cancel-button" class="round decline" type="button" aria-label=${t.cancel} @click=${() => void this.hangUp().catch(() => undefined)}>
                  ${hangUpIcon()}</button
                >${t.cancel}</span
              >`}
        </div>
      </div>`;
  }

  private renderTile(p: RemoteParticipant): TemplateResult {
    const t = this.t;
    const hasVideo = !!p.stream && p.video && p.stream.getVideoTracks().length > 0;
    const stateText = p.state === 'ringing' ? t.ringing : p.state === 'connecting' ? t.connecting : p.state === 'reconnecting' ? t.reconnecting : '';
    return html`<div part="tile tile-remote" class=${p.speaking ? 'speaking' : ''} data-user-id=${p.userID} role="group" aria-label=${p.nickname}>
      ${hasVideo ? nothing : avatar({ id: p.userID, name: p.nickname, faceURL: p.faceURL, size: 72 })}
      ${p.stream ? html`<video data-remote class=${hasVideo ? '' : 'hidden'} .srcObject=${p.stream} autoplay playsinline></video>` : nothing}
      ${stateText ? html`<span class="tile-state">${stateText}</span>` : nothing}
      ${p.state === 'ringing'
        ? nothing
        : html`<span part="quality" data-quality=${p.quality} role="img" aria-label=${t.quality[p.quality] ?? ''} title=${t.quality[p.quality] ?? ''}><i></i><i></i><i></i></span>`}
      <span class="tile-label">${p.audio ? nothing : html`<span role="img" aria-label=${t.mute}>${micOffIcon()}</span>`}<span class="name">${p.nickname}</span></span>
    </div>`;
  }

  private renderLocalTile(s: CallState): TemplateResult {
    const t = this.t;
    const hasVideo = !!s.localStream && !s.cameraOff && s.localStream.getVideoTracks().length > 0;
    const self = this.self;
    return html`<div part="tile tile-local" class=${s.localSpeaking ? 'speaking' : ''} role="group" aria-label=${t.you}>
      ${hasVideo ? nothing : avatar({ id: self?.userID ?? '', name: self?.nickname ?? t.you, faceURL: self?.faceURL, size: 56 })}
      ${s.localStream ? html`<video class=${hasVideo ? '' : 'hidden'} .srcObject=${s.localStream} autoplay playsinline muted></video>` : nothing}
      <span class="tile-label">${s.muted ? html`<span role="img" aria-label=${t.mute}>${micOffIcon()}</span>` : nothing}<span class="name">${t.you}</span></span>
    </div>`;
  }

  private renderSettings(s: CallState): TemplateResult | typeof nothing {
    if (!this.settingsOpen) return nothing;
    const t = this.t;
    const d = this.deviceLists;
    const options = (list: MediaDeviceInfo[] | undefined, selected: string) =>
      (list ?? []).map((x, i) => html`<option value=${x.deviceId} ?selected=${x.deviceId === selected}>${x.label || `${x.kind} ${i + 1}`}</option>`);
    const current = (kind: 'audio' | 'video') => s.devices[kind === 'audio' ? 'audioInput' : 'videoInput'] || (kind === 'audio' ? s.localStream?.getAudioTracks()[0] : s.localStream?.getVideoTracks()[0])?.getSettings().deviceId || '';
    return html`<div part="settings" role="dialog" aria-label=${t.devices}>
      <label>${t.microphone}<select part="device-select" @change=${(e: Event) => void this.manager?.useDevice('audioinput', (e.target as HTMLSelectElement).value).catch(() => undefined)}>${options(d?.audioInputs, current('audio'))}</select></label>
      <label>${t.cameraDevice}<select part="device-select" ?disabled=${!d?.videoInputs.length} @change=${(e: Event) => void this.manager?.useDevice('videoinput', (e.target as HTMLSelectElement).value).catch(() => undefined)}>${options(d?.videoInputs, current('video'))}</select></label>
      ${d?.canChooseSpeaker && d.audioOutputs.length
        ? html`<label>${t.speaker}<select part="device-select" @change=${(e: Event) => this.manager?.useSpeaker((e.target as HTMLSelectElement).value)}>${options(d.audioOutputs, s.devices.audioOutput)}</select></label>`
        : html`<span>${t.speakerUnsupported}</span>`}
    </div>`;
  }

  private renderInCall(s: CallState): TemplateResult {
    const t = this.t;
    void this.tick;
    const remotes = [...s.participants.values()];
    const pip = remotes.length === 1;
    const tiles = pip ? 1 : remotes.length + 1;
    const cols = tiles <= 1 ? 1 : tiles <= 4 ? 2 : 3;
    const duration = s.connectedAt ? formatDuration(Date.now() - s.connectedAt) : t.connecting;
    return html`<div part="topbar">
        <span part="duration" role="timer" aria-live="off">${duration}</span>
        ${s.notice ? html`<span part="notice" role="status">${s.notice}</span>` : nothing}
      </div>
      <div part="grid" class=${pip ? 'pip' : ''} style="--cols:${cols}" data-count=${remotes.length + 1}>
        ${repeat(remotes, (p) => p.userID, (p) => this.renderTile(p))} ${this.renderLocalTile(s)}
      </div>
      ${this.renderSettings(s)}
      <div part="controls" role="toolbar" aria-label=${t.callLabel}>
        <button part="mute-button" class="round small" type="button" aria-pressed=${s.muted ? 'true' : 'false'} aria-label=${t.mute} title=${t.mute} @click=${() => this.manager?.setMuted(!s.muted)}>
          ${s.muted ? micOffIcon() : micIcon()}
        </button>
        <button part="camera-button" class="round small" type="button" aria-pressed=${s.cameraOff ? 'true' : 'false'} aria-label=${t.camera} title=${t.camera} @click=${() => void this.manager?.setCameraOff(!s.cameraOff).catch(() => undefined)}>
          ${s.cameraOff ? videoOffIcon() : videoIcon()}
        </button>
        <button part="devices-button" class="round small" type="button" aria-expanded=${this.settingsOpen ? 'true' : 'false'} aria-label=${t.devices} title=${t.devices} @click=${() => void this.toggleSettings()}>
          ${settingsIcon()}
        </button>
        <button part="hangup-button" class="round hangup" type="button" aria-label=${t.hangUp} title=${t.hangUp} @click=${() => void this.hangUp().catch(() => undefined)}>
          ${hangUpIcon()}
        </button>
      </div>`;
  }

  private renderSummary(s: CallState): TemplateResult {
    const t = this.t;
    const reason = s.endReason ?? 'ended';
    const who = s.endedBy && s.participants.get(s.endedBy)?.nickname;
    const title = reason === 'hangup' || reason === 'ended' ? t.ended(this.endedDuration ? formatDuration(this.endedDuration) : '') : (t.endReason[reason] ?? t.endReason.ended!);
    return html`<div part="summary" role=${s.error ? 'alertdialog' : 'status'} aria-labelledby="summary-title">
      <h2 part="caller-name" id="summary-title">${title}</h2>
      ${who && reason !== 'failed' ? html`<p part="call-status">${who}</p>` : nothing}
      ${s.error ? html`<p part="error" role="alert">${s.error.message}</p>` : nothing}
      <button part="close-button" class="text-button" type="button" @click=${() => this.manager?.dismiss()}>${t.close}</button>
    </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.view;
    if (!s || s.phase === 'idle') return nothing;
    let body: TemplateResult;
    if (s.phase === 'incoming' || s.phase === 'outgoing') body = this.renderRinging(s);
    else if (s.phase === 'ended') body = this.renderSummary(s);
    else body = this.renderInCall(s);
    return html`<div part="base">${body}</div>`;
  }
}
