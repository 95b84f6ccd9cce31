export * from './im-client.js';
export * from './api.js';
export * from './events.js';
export * from './signaling.js';
export * from './social-api.js';
export * from './social-events.js';
export type { CreateGroupParams, GroupMemberListParams } from './groups.js';
