// Shared set-up of the social component tests: fresh users on the real server.
import type { ImClient } from '../../src/client/im-client.js';
import { loginAs, uniqueUserID } from '../support/server.js';
import { unmountAll } from './helpers.js';

const clients: ImClient[] = [];

export async function user(name: string, nickname = name): Promise<{ id: string; client: ImClient }> {
  const id = uniqueUserID(name);
  const client = await loginAs(id, { nickname });
  clients.push(client);
  return { id, client };
}

/** Makes `a` and `b` friends through the real request flow. */
export async function befriend(a: { id: string; client: ImClient }, b: { id: string; client: ImClient }): Promise<void> {
  await a.client.addFriend({ toUserID: b.id, reqMsg: '' });
  await b.client.acceptFriendApplication({ toUserID: a.id });
}

export async function cleanup(): Promise<void> {
  unmountAll();
  await Promise.all(clients.splice(0).map((c) => c.logout()));
}
