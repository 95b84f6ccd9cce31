// Where the IM server's files are and the token for them. Apart from message-upload.ts, which
// is imported only when a file is first uploaded or downloaded: the client needs this up front.

export interface FileAuth {
  /** `http(s)://host:port` of the IM server. */
  baseURL: string;
  token: string;
}

/** `ws://h/ws`, `https://h/` → `http(s)://h`. */
export function httpBaseOf(serverURL: string): string {
  const u = new URL(serverURL, typeof location !== 'undefined' ? location.href : undefined);
  const protocol = u.protocol === 'wss:' ? 'https:' : u.protocol === 'ws:' ? 'http:' : u.protocol;
  return `${protocol}//${u.host}`;
}
