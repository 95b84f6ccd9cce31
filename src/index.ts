/**
 * The imkit client core: no custom elements, no DOM rendering. The WebRTC call engine is
 * not part of it (a chat page should not download it): import `imkit/calls` (src/calls)
 * for `CallManager`; `<im-call>` brings it along.
 */
export * from './model/index.js';
export * from './protocol/index.js';
export * from './client/index.js';
export { createLoopbackTransport, createWebSocketTransport, type TransportFactory, type LoopbackTransport, type LoopbackServer } from './transport/index.js';
export { compareConversations, compareMessages } from './store/cache.js';
