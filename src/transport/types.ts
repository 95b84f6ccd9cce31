/**
 * The smallest thing the client needs from a network: a duplex channel of text
 * frames. WebSocket is one; the in-page loopback used by stories is another.
 */
export interface TransportHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Called once when the channel is gone, whoever closed it. */
  onClose(info: { code: number; reason: string }): void;
}

export interface TransportSocket {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export type TransportFactory = (handlers: TransportHandlers) => TransportSocket;
