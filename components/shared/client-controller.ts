import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import type { ImEvents, StorageNotice } from '../../src/client/events.js';
import { LoginStatus } from '../../src/model/enums.js';
import { imClientContext } from '../context.js';

export type ClientEventHandlers = { [K in keyof ImEvents]?: (event: ImEvents[K]) => void };

/** An element that can use a client: it may carry one in its own `.client` property. */
export type ClientHost = ReactiveControllerHost & HTMLElement & { client?: ImClientApi | undefined };

export interface ClientControllerOptions {
  /** Client events to listen to while the host is connected. */
  handlers: ClientEventHandlers;
  /**
   * Called whenever the host starts using a client: on connect, and whenever the
   * effective client changes. The host (re)loads its view state here; events it
   * missed while detached are not replayed.
   */
  attached?: (client: ImClientApi) => void;
  /** Called when the host stops using a client (disconnect, client removed or replaced). */
  detached?: (client: ImClientApi) => void;
}

/**
 * Finds the client an element should use — its own `.client` property first,
 * then the one an `<im-provider>` provides through @lit/context — and keeps the
 * element subscribed to that client's events exactly while it is connected.
 */
export class ClientController implements ReactiveController {
  private readonly host: ClientHost;
  private readonly options: ClientControllerOptions;
  private fromContext: ImClientApi | undefined;
  private current: ImClientApi | undefined;
  private connected = false;
  private readonly bound: Array<[keyof ImEvents, (event: never) => void]> = [];
  private storage: StorageNotice | null = null;
  private storageDismissed = false;
  private readonly onStorageDegraded = (notice: StorageNotice) => {
    this.storage = notice;
    this.storageDismissed = false;
    this.host.requestUpdate();
  };
  private readonly onLoginStatus = ({ status }: { status: number }) => {
    // A new login opens a new cache; whatever it falls back to is announced again.
    if (status !== LoginStatus.Logout && status !== LoginStatus.Logging) return;
    this.storage = null;
    this.host.requestUpdate();
  };

  constructor(host: ClientHost, options: ClientControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    new ContextConsumer(host, {
      context: imClientContext,
      subscribe: true,
      callback: (value) => {
        this.fromContext = value ?? undefined;
        this.sync();
      },
    });
  }

  /**
   * The storage notice the host should show, if any: the cache lives in memory
   * (IndexedDB refused, full or failed) or another tab upgraded it. Null once dismissed.
   */
  get storageNotice(): StorageNotice | null {
    return this.storageDismissed ? null : this.storage;
  }

  dismissStorageNotice(): void {
    this.storageDismissed = true;
    this.host.requestUpdate();
  }

  /** The client in use, if any. */
  get client(): ImClientApi | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  /** Picks up a change of the host's own `.client` property before each render. */
  hostUpdate(): void {
    this.sync();
  }

  private sync(): void {
    const wanted = this.connected ? (this.host.client ?? this.fromContext) : undefined;
    if (wanted === this.current) return;
    const previous = this.current;
    if (previous) {
      this.unsubscribe(previous);
      this.options.detached?.(previous);
    }
    this.current = wanted;
    if (wanted) {
      this.subscribe(wanted);
      this.options.attached?.(wanted);
    }
    this.host.requestUpdate();
  }

  private subscribe(client: ImClientApi): void {
    this.storage = client.storageProblem ?? null;
    this.storageDismissed = false;
    client.on('onStorageDegraded', this.onStorageDegraded);
    client.on('onLoginStatusChanged', this.onLoginStatus);
    for (const [name, handler] of Object.entries(this.options.handlers) as Array<[keyof ImEvents, (e: never) => void]>) {
      if (!handler) continue;
      client.on(name, handler as never);
      this.bound.push([name, handler]);
    }
  }

  private unsubscribe(client: ImClientApi): void {
    client.off('onStorageDegraded', this.onStorageDegraded);
    client.off('onLoginStatusChanged', this.onLoginStatus);
    this.storage = null;
    for (const [name, handler] of this.bound.splice(0)) client.off(name, handler as never);
  }
}
