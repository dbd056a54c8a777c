// @ts-check
// The console users' scrypt hashes and the users file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, parseUsersFile, verifyPassword } from '../src/passwords.js';

describe('console passwords', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const hash = await hashPassword('รหัส ผ่าน');
    assert.equal(await verifyPassword('รหัส ผ่าน', hash), true);
    // The same text in another Unicode normal form is the same password.
    assert.equal(await verifyPassword('caf\u0065\u0301', await hashPassword('caf\u00e9')), true);
    assert.equal(await verifyPassword('รหัส ผ่าน ', hash), false);
    assert.equal(await verifyPassword('รหัส ผ่าน', 'not a hash'), false);
  });

  it('refuses a hash whose cost is out of bounds rather than spend a gigabyte on it', async () => {
    const hash = await hashPassword('x');
    const huge = hash.replace('ln=15', 'ln=30');
    assert.equal(await verifyPassword('x', huge), false);
    assert.throws(() => parseUsersFile(`a:${huge}`), /line 1: the hash of a is not a scrypt hash/);
  });

  it('reads a users file: comments and blank lines skipped, a name listed twice refused', async () => {
    const hash = await hashPassword('x');
    assert.deepEqual([...parseUsersFile(`# DPOs\n\nsomchai:${hash}\r\nสุดา.ก@dga:${hash}\n`).keys()], ['somchai', 'สุดา.ก@dga']);
    assert.throws(() => parseUsersFile(`a:${hash}\na:${hash}`), /line 2: a is listed twice/);
    assert.throws(() => parseUsersFile('# nobody\n'), /names no user/);
  });
});
