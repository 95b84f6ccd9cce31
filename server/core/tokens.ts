import { ErrorCode, ImError } from '../../src/protocol/errors.js';

/**
 * User tokens: `base64url(JSON{uid,iat,exp}).base64url(HMAC-SHA256(secret, payloadPart))`.
 * `iat`/`exp` are milliseconds since the epoch, like every other time on the wire.
 *
 * WebCrypto (`globalThis.crypto.subtle`) rather than node:crypto so that the
 * same code signs tokens in Node and in the browser loopback. Note that browsers
 * expose `crypto.subtle` only in secure contexts (https or localhost).
 */
export interface TokenPayload {
  uid: string;
  iat: number;
  exp: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function base64urlEncode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns null for anything that is not canonical unpadded base64url. */
export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Compares two strings in time that depends only on their lengths, so a caller
 * cannot learn a secret byte by byte from response times.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

export interface TokenSigner {
  sign(uid: string, ttlSeconds: number): Promise<{ token: string; expiresAt: number }>;
  /** Returns the user ID, or throws ImError TokenInvalid / TokenExpired. */
  verify(token: string): Promise<string>;
}

const MAX_TOKEN_LENGTH = 1024;

export function createTokenSigner(secret: string, now: () => number = Date.now): TokenSigner {
  if (!secret) throw new Error('token secret must not be empty');
  // Import once; every sign/verify reuses the key.
  const keyPromise = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

  async function mac(data: string): Promise<Uint8Array> {
    const key = await keyPromise;
    return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
  }

  return {
    async sign(uid, ttlSeconds) {
      const iat = now();
      const exp = iat + Math.round(ttlSeconds * 1000);
      const payloadPart = base64urlEncode(encoder.encode(JSON.stringify({ uid, iat, exp } satisfies TokenPayload)));
      const token = `${payloadPart}.${base64urlEncode(await mac(payloadPart))}`;
      return { token, expiresAt: exp };
    },

    async verify(token) {
      const invalid = () => new ImError(ErrorCode.TokenInvalid);
      if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw invalid();
      const parts = token.split('.');
      if (parts.length !== 2) throw invalid();
      const [payloadPart, sigPart] = parts as [string, string];
      const sig = base64urlDecode(sigPart);
      if (!sig || sig.length !== 32) throw invalid();
      // subtle.verify compares the MAC in constant time (CRYPTO_memcmp in Node, the
      // same in browsers); the signature is checked before the payload is trusted.
      const ok = await crypto.subtle.verify('HMAC', await keyPromise, sig, encoder.encode(payloadPart));
      if (!ok) throw invalid();
      let payload: unknown;
      try {
        const bytes = base64urlDecode(payloadPart);
        if (!bytes) throw invalid();
        payload = JSON.parse(decoder.decode(bytes));
      } catch {
        throw invalid();
      }
      const p = payload as Partial<TokenPayload> | null;
      if (!p || typeof p !== 'object' || typeof p.uid !== 'string' || typeof p.exp !== 'number' || typeof p.iat !== 'number') {
        throw invalid();
      }
      if (now() >= p.exp) throw new ImError(ErrorCode.TokenExpired);
      return p.uid;
    },
  };
}
