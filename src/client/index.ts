export * from './im-client.js';
export * from './api.js';
export * from './events.js';
