/**
 * What every framework example does before rendering: read the server URL and the user
 * from the query string (`?server=http://127.0.0.1:5173&user=alice`, or `&token=…`),
 * get a token from the demo server's dev login when none is given, and create the client.
 * In an app, the token comes from your backend (see README, "Login with your own backend").
 */
import { ImClient } from 'imkit';

export interface Connection {
  client: ImClient;
  userID: string;
  /** Resolves when login finished (the elements render from the client's events meanwhile). */
  ready: Promise<void>;
}

export function connect(): Connection {
  const params = new URLSearchParams(location.search);
  const serverURL = params.get('server') ?? 'http://127.0.0.1:5173';
  const userID = params.get('user') ?? 'alice';
  const client = new ImClient({ serverURL });
  const ready = (async () => {
    let token = params.get('token');
    if (!token) {
      const res = await fetch(`${serverURL}/api/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userID }),
      });
      const json = (await res.json()) as { ok: boolean; data?: { token: string }; error?: { message: string } };
      if (!json.ok || !json.data) throw new Error(json.error?.message ?? `dev login failed (${res.status})`);
      token = json.data.token;
    }
    await client.login(userID, token);
  })();
  ready.catch((err) => console.error('imkit example: login failed', err));
  return { client, userID, ready };
}

/** The same strings override in every example: an object property handed to <im-chat>. */
export function chatStrings(framework: string): { placeholder: string } {
  return { placeholder: `Message from ${framework}…` };
}
