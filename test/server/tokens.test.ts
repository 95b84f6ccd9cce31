import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCode } from '../../src/protocol/errors.js';
import { base64urlDecode, base64urlEncode, constantTimeEqual, createTokenSigner } from '../../server/core/tokens.js';

test('a signed token verifies to its user until it expires', async () => {
  let now = 1_700_000_000_000;
  const signer = createTokenSigner('a-secret-of-enough-length', () => now);
  const { token, expiresAt } = await signer.sign('alice', 60);
  assert.equal(expiresAt, now + 60_000);
  assert.equal(await signer.verify(token), 'alice');
  now += 59_999;
  assert.equal(await signer.verify(token), 'alice');
  now += 1;
  await assert.rejects(signer.verify(token), { code: ErrorCode.TokenExpired });
});

test('tokens signed with another secret, tampered or malformed are invalid', async () => {
  const signer = createTokenSigner('secret-one-secret-one');
  const other = createTokenSigner('secret-two-secret-two');
  const { token } = await other.sign('alice', 60);
  await assert.rejects(signer.verify(token), { code: ErrorCode.TokenInvalid });

  const good = (await signer.sign('alice', 60)).token;
  const [payload, sig] = good.split('.') as [string, string];
  const forged = base64urlEncode(new TextEncoder().encode(JSON.stringify({ uid: 'bob', iat: 0, exp: 9e15 })));
  await assert.rejects(signer.verify(`${forged}.${sig}`), { code: ErrorCode.TokenInvalid });
  const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
  await assert.rejects(signer.verify(`${payload}.${flipped}`), { code: ErrorCode.TokenInvalid });
  for (const bad of ['', 'abc', 'a.b.c', `${payload}.`, `.${sig}`, `${payload}.${sig}x`, 'x'.repeat(5000), `${payload}.!!!`]) {
    await assert.rejects(signer.verify(bad), { code: ErrorCode.TokenInvalid }, `token ${bad.slice(0, 20)}`);
  }
});

test('base64url round-trips and rejects non-alphabet input', () => {
  const bytes = new Uint8Array([0, 1, 250, 251, 252, 253, 254, 255]);
  assert.deepEqual(base64urlDecode(base64urlEncode(bytes)), bytes);
  assert.equal(base64urlDecode('ab+/'), null);
  assert.equal(base64urlDecode('a'), null);
});

test('constantTimeEqual compares whole strings', () => {
  assert.equal(constantTimeEqual('secret', 'secret'), true);
  assert.equal(constantTimeEqual('secret', 'secreT'), false);
  assert.equal(constantTimeEqual('secret', 'secret2'), false);
  assert.equal(constantTimeEqual('', ''), true);
  assert.equal(constantTimeEqual('é', 'e'), false);
});
