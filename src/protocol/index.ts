export * from './errors.js';
export * from './frames.js';
export * from './ops.js';
export * from './pushes.js';
export * from './limits.js';
export * from './http.js';
export * from './uploads.js';
export * from './ops-messages.js';
