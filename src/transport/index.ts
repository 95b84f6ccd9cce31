export * from './types.js';
export * from './websocket.js';
export * from './loopback.js';
export * from './connection.js';
export * from './backoff.js';
