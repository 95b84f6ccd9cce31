export * from './call-manager.js';
export * from './media.js';
export * from './stats.js';
