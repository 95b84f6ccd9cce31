// The README's error table is the documented contract: every code, its name and its message, as the code has them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_DESCRIPTIONS } from '../../src/protocol/error-descriptions.js';
import { ErrorCode, ImError, defaultErrorMessage } from '../../src/protocol/errors.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const rows = new Map(
  [...readme.matchAll(/^\| (\d{4}) \| `(\w+)` \| (.*) \|$/gm)].map(([, code, name, meaning]) => [Number(code), { name: name!, meaning: meaning! }]),
);

test('the README lists every error code with its name and message, and nothing else', () => {
  for (const [name, code] of Object.entries(ErrorCode)) {
    const row = rows.get(code);
    assert.ok(row, `README lacks ${code} ${name}`);
    assert.equal(row.name, name, `name of ${code}`);
    assert.equal(row.meaning.replace(/\\\|/g, '|'), ERROR_DESCRIPTIONS[code], `message of ${code}`);
  }
  assert.equal(rows.size, Object.keys(ErrorCode).length, 'no README row for a code that does not exist');
});

test('a page without the full table: the client\'s own codes have their message, others their name and number', () => {
  assert.equal(new ImError(ErrorCode.NotLoggedIn).message, ERROR_DESCRIPTIONS[ErrorCode.NotLoggedIn]);
  assert.equal(new ImError(ErrorCode.UploadCancelled).message, ERROR_DESCRIPTIONS[ErrorCode.UploadCancelled]);
  assert.equal(new ImError(ErrorCode.UserNotFound).message, 'UserNotFound (1201)');
  assert.equal(new ImError(ErrorCode.UserNotFound, 'No such user.').errMsg, 'No such user.');
});

test('an error raised by code alone carries the documented message once the table is installed (as the server does)', async () => {
  await import('../../server/core/server-core.js');
  for (const code of Object.values(ErrorCode)) assert.equal(new ImError(code).message, ERROR_DESCRIPTIONS[code]);
  assert.equal(defaultErrorMessage(9999), 'Unknown error');
});
