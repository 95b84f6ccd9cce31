import type { ReactiveController } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import { ContentType, RecvMsgOpt } from '../../src/model/enums.js';
import { isQuietTime, type UserSettings } from '../../src/model/social.js';
import type { MessageItem } from '../../src/model/types.js';
import { ClientController, type ClientHost } from '../shared/client-controller.js';
import { messageText } from '../shared/message-text.js';
import type { ImStrings } from '../i18n/strings.js';
import { defaultStrings } from '../i18n/strings-storage.js';

export interface NotifyDetail {
  message: MessageItem;
  conversationID: string;
  title: string;
  body: string;
}

export interface NotificationControllerOptions {
  /** Show desktop notifications (when permitted). */
  desktop: () => boolean;
  /** Play a short sound. */
  sound: () => boolean;
  /** Notify also while the page is visible (default: only while hidden). */
  whenVisible: () => boolean;
  /** The texts of notification bodies (`[Photo]`…) in the host's locale; default English. */
  strings?: () => ImStrings;
  /** Asked before each notification; return false to skip it (the element fires a cancelable event here). */
  beforeNotify?: (detail: NotifyDetail) => boolean;
  /** A desktop notification was clicked. */
  onClick?: (detail: NotifyDetail) => void;
  /** The total unread count changed. */
  onUnread?: (total: number) => void;
}

/**
 * New-message notifications as a reactive controller: desktop notifications
 * (Notification API) and an optional sound, only for messages from others, only
 * while the page is hidden (unless told otherwise), never for conversations set
 * to "receive without notification" or "do not receive", never when the global
 * receive option says so, and never in quiet hours. Permission is asked on the
 * first user gesture after the controller starts (never on load), or when the
 * host calls `requestPermission()` from its own gesture.
 */
export class NotificationController implements ReactiveController {
  private readonly clients: ClientController;
  private settings: UserSettings = { globalRecvMsgOpt: 0, quietStart: '', quietEnd: '' };
  private audio: AudioContext | null = null;
  private gestureArmed = false;
  /** How many notifications were shown or sounded (for tests and hosts). */
  shown = 0;
  unread = 0;

  constructor(
    private readonly host: ClientHost,
    private readonly options: NotificationControllerOptions,
  ) {
    this.clients = new ClientController(host, {
      handlers: {
        onRecvNewMessage: (m) => void this.consider(m),
        onUserSettingsChanged: (s) => (this.settings = s),
        onTotalUnreadMessageCountChanged: (n) => {
          this.unread = n;
          this.options.onUnread?.(n);
        },
      },
      attached: (client) => void this.loadSettings(client),
    });
    host.addController(this);
  }

  get client(): ImClientApi | undefined {
    return this.clients.client;
  }

  get permission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  hostConnected(): void {
    if (!this.gestureArmed && typeof document !== 'undefined') {
      this.gestureArmed = true;
      document.addEventListener('pointerdown', this.onGesture, { capture: true });
      document.addEventListener('keydown', this.onGesture, { capture: true });
    }
  }

  hostDisconnected(): void {
    this.disarm();
  }

  private disarm(): void {
    if (!this.gestureArmed) return;
    this.gestureArmed = false;
    document.removeEventListener('pointerdown', this.onGesture, { capture: true });
    document.removeEventListener('keydown', this.onGesture, { capture: true });
  }

  private readonly onGesture = () => {
    this.disarm();
    if (this.options.sound() && !this.audio && typeof AudioContext !== 'undefined') this.audio = new AudioContext();
    if (this.options.desktop() && this.permission === 'default') void this.requestPermission();
  };

  /** Asks for notification permission. Call it from a user gesture. */
  async requestPermission(): Promise<NotificationPermission | 'unsupported'> {
    if (typeof Notification === 'undefined') return 'unsupported';
    if (Notification.permission !== 'default') return Notification.permission;
    const result = await Notification.requestPermission();
    this.host.requestUpdate();
    return result;
  }

  private async loadSettings(client: ImClientApi): Promise<void> {
    try {
      this.settings = await client.getUserSettings();
    } catch {
      // Not logged in yet or offline: defaults until onUserSettingsChanged.
    }
  }

  private pageVisible(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'visible' && document.hasFocus();
  }

  /** Decides whether a message deserves a notification, and shows it. Returns whether it did. */
  async consider(m: MessageItem): Promise<boolean> {
    const client = this.clients.client;
    if (!client) return false;
    if (m.sendID === client.getLoginUserID() || m.contentType === ContentType.Notification || m.contentType === ContentType.Typing) return false;
    if (!this.options.whenVisible() && this.pageVisible()) return false;
    if (this.settings.globalRecvMsgOpt !== RecvMsgOpt.Normal || isQuietTime(this.settings)) return false;
    let title = m.senderNickname || m.sendID;
    try {
      const c = await client.getConversationByID(m.conversationID);
      if (c.recvMsgOpt !== RecvMsgOpt.Normal) return false;
      if (c.groupID) title = `${m.senderNickname || m.sendID} · ${c.showName}`;
    } catch {
      // Unknown conversation: notify with the sender's name.
    }
    const detail: NotifyDetail = { message: m, conversationID: m.conversationID, title, body: messageText(m, this.options.strings?.() ?? defaultStrings) };
    if (this.options.beforeNotify && !this.options.beforeNotify(detail)) return false;
    let done = false;
    if (this.options.desktop() && this.permission === 'granted') {
      const n = new Notification(detail.title, { body: detail.body.slice(0, 200), tag: m.conversationID });
      n.onclick = () => {
        window.focus();
        n.close();
        this.options.onClick?.(detail);
      };
      done = true;
    }
    if (this.options.sound()) done = this.beep() || done;
    if (done) this.shown++;
    return done;
  }

  /** A short two-tone chime through Web Audio (no asset to load). */
  private beep(): boolean {
    const ctx = this.audio;
    if (!ctx || ctx.state === 'closed') return false;
    const t = ctx.currentTime;
    for (const [freq, at] of [[880, 0], [1320, 0.12]] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + at);
      gain.gain.exponentialRampToValueAtTime(0.15, t + at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + at + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + at);
      osc.stop(t + at + 0.2);
    }
    return true;
  }
}
