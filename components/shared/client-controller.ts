import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ImClientApi } from '../../src/client/api.js';
import type { ImEvents } from '../../src/client/events.js';
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
    for (const [name, handler] of Object.entries(this.options.handlers) as Array<[keyof ImEvents, (e: never) => void]>) {
      if (!handler) continue;
      client.on(name, handler as never);
      this.bound.push([name, handler]);
    }
  }

  private unsubscribe(client: ImClientApi): void {
    for (const [name, handler] of this.bound.splice(0)) client.off(name, handler as never);
  }
}
