export * from './enums.js';
export * from './types.js';
export * from './conversation-id.js';
export * from './call.js';
export * from './elems.js';
export * from './social.js';
export * from './notification.js';
