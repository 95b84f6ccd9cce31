export * from './im-client.js';
export * from './api.js';
export * from './events.js';
// The Signaling domain class is internal (it loads on first use); its interface is public.
export type { SignalingApi } from './signaling.js';
export * from './social-api.js';
export * from './social-events.js';
export type { CreateGroupParams, GroupMemberListParams } from './groups.js';
