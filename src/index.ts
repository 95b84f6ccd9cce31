/** The imkit client core: no custom elements, no DOM rendering. */
export * from './model/index.js';
export * from './protocol/index.js';
export * from './client/index.js';
export * from './calls/index.js';
export { createLoopbackTransport, createWebSocketTransport, type TransportFactory, type LoopbackTransport, type LoopbackServer } from './transport/index.js';
export { compareConversations, compareMessages } from './store/cache.js';
