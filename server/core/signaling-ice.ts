import type { IceConfig, IceServerConfig } from '../../src/model/call.js';

/**
 * ICE configuration for WebRTC calls: STUN and TURN URLs from the server's
 * options, with TURN credentials in coturn's shared-secret scheme (the "TURN
 * REST API", coturn's `use-auth-secret` + `static-auth-secret`):
 *   username   = `<expiry unix seconds>:<userID>`
 *   credential = base64(HMAC-SHA1(secret, username))
 * coturn recomputes the credential from its own copy of the secret and refuses
 * it after the expiry, so nothing has to be stored per user.
 */
export interface IceOptions {
  /** e.g. `stun:stun.example.com:3478`. */
  stunURLs?: string[];
  /** e.g. `turn:turn.example.com:3478?transport=udp`, `turns:turn.example.com:5349`. */
  turnURLs?: string[];
  /** coturn's `static-auth-secret`. Without it TURN URLs are not handed out. */
  turnSecret?: string;
  /** Seconds the TURN credentials stay valid; default 86400 (a day). */
  turnTTLSeconds?: number;
}

/** Reads IMKIT_STUN_URLS, IMKIT_TURN_URLS (comma-separated), IMKIT_TURN_SECRET and IMKIT_TURN_TTL. */
export function iceOptionsFromEnv(env: Record<string, string | undefined>): IceOptions {
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const ttl = Number(env.IMKIT_TURN_TTL);
  return {
    stunURLs: list(env.IMKIT_STUN_URLS),
    turnURLs: list(env.IMKIT_TURN_URLS),
    ...(env.IMKIT_TURN_SECRET ? { turnSecret: env.IMKIT_TURN_SECRET } : {}),
    ...(Number.isFinite(ttl) && ttl > 0 ? { turnTTLSeconds: Math.floor(ttl) } : {}),
  };
}

/** The TURN REST API credential pair for `userID`, valid until `nowMs/1000 + ttl`. */
export function turnCredentials(secret: string, userID: string, nowMs: number, ttlSeconds: number): { username: string; credential: string } {
  const username = `${Math.floor(nowMs / 1000) + ttlSeconds}:${userID}`;
  return { username, credential: base64(hmacSha1(utf8(secret), utf8(username))) };
}

export function iceConfigFor(options: IceOptions | undefined, userID: string, nowMs: number): IceConfig {
  const ttl = options?.turnTTLSeconds ?? 86_400;
  const iceServers: IceServerConfig[] = [];
  if (options?.stunURLs?.length) iceServers.push({ urls: [...options.stunURLs] });
  if (options?.turnURLs?.length && options.turnSecret) {
    iceServers.push({ urls: [...options.turnURLs], ...turnCredentials(options.turnSecret, userID, nowMs, ttl) });
  }
  return { iceServers, ttl };
}

// --- HMAC-SHA1, synchronous (op handlers do not await; WebCrypto is async) ---

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1], c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

export function sha1(message: Uint8Array): Uint8Array {
  const ml = message.length;
  const withPad = ((ml + 9 + 63) >> 6) << 6;
  const buf = new Uint8Array(withPad);
  buf.set(message);
  buf[ml] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = ml * 8;
  view.setUint32(withPad - 8, Math.floor(bits / 0x100000000));
  view.setUint32(withPad - 4, bits >>> 0);
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let off = 0; off < withPad; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number, k: number;
      if (i < 20) (f = (b & c) | (~b & d)), (k = 0x5a827999);
      else if (i < 40) (f = b ^ c ^ d), (k = 0x6ed9eba1);
      else if (i < 60) (f = (b & c) | (b & d) | (c & d)), (k = 0x8f1bbcdc);
      else (f = b ^ c ^ d), (k = 0xca62c1d6);
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => ov.setUint32(i * 4, h));
  return out;
}

export function hmacSha1(key: Uint8Array, message: Uint8Array): Uint8Array {
  let k = key.length > 64 ? sha1(key) : key;
  const padded = new Uint8Array(64);
  padded.set(k);
  k = padded;
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 20);
  for (let i = 0; i < 64; i++) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha1(inner), 64);
  return sha1(outer);
}
