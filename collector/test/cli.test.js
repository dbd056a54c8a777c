// @ts-check
// The yinyom-collector command: flags, errors and exit codes, and a real run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BIN, baseEnv, startCli } from '../test-support/cli.js';
import { newKeyPem, signatureVerifies } from '../test-support/proof-suite.js';
import { makeReceipt } from '../test-support/receipts.js';
import { configure } from '../bin/yinyom-collector.js';

const dir = mkdtempSync(join(tmpdir(), 'yinyom-cli-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(args, env = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...baseEnv, ...env }, encoding: 'utf8', timeout: 15_000, cwd: dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Asserts a usage error: exit 2, one line on stderr naming the problem, no stack trace.
 * @param {ReturnType<typeof run>} result
 * @param {RegExp} message
 */
function assertUsageError(result, message) {
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /^yinyom-collector: /);
  assert.match(lines[0], message);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.equal(result.stdout, '');
}

/**
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
const start = (args, env = {}) => startCli(args, { env, cwd: dir });

describe('yinyom-collector --help', () => {
  it('explains every flag and the environment, with examples', () => {
    const { code, stdout } = run(['--help']);
    assert.equal(code, 0);
    for (const flag of ['--port', '--host', '--db', '--sqlite-sync', '--allow-origin', '--admin-token-file', '--signing-key-file', '--retention-days', '--rate-limit', '--trust-proxy', '--log-level', '--help']) {
      assert.match(stdout, new RegExp(`^\\s+(-\\w, )?${flag}\\b`, 'm'), flag);
    }
    for (const name of ['PORT', 'HOST', 'DATABASE_URL', 'YINYOM_ADMIN_TOKEN', 'Examples:', '8787', '127.0.0.1', './data/receipts.sqlite', 'openssl genpkey -algorithm ed25519', "generateKeyPairSync('ed25519')"]) {
      assert.ok(stdout.includes(name), name);
    }
  });
});

describe('yinyom-collector usage errors', () => {
  it('refuses an unknown flag', () => assertUsageError(run(['--bogus']), /unknown flag --bogus/));
  it('refuses a stray argument', () => assertUsageError(run(['8787']), /unexpected argument 8787/));
  it('refuses a flag without its value', () => assertUsageError(run(['--port']), /--port/));
  it('refuses a bad port', () => assertUsageError(run(['--port', '99999']), /--port must be a whole number from 0 to 65535, got "99999"/));
  it('refuses a bad PORT', () => assertUsageError(run([], { PORT: 'eighty' }), /PORT must be a whole number/));
  it('refuses a bad retention', () => assertUsageError(run(['--retention-days', '0']), /--retention-days must be a whole number from 1/));
  it('refuses a bad rate limit', () => assertUsageError(run(['--rate-limit', '-5']), /--rate-limit/));
  it('refuses a bad SQLite sync mode', () => assertUsageError(run(['--sqlite-sync', 'fast']), /--sqlite-sync must be normal or full, got "fast"/));
  it('refuses a bad log level', () => assertUsageError(run(['--log-level', 'loud']), /--log-level must be/));
  it('refuses an allowed origin with a path', () =>
    assertUsageError(run(['--allow-origin', 'https://www.example.go.th/privacy']), /--allow-origin: .*must be an origin only/));
  it('refuses an allowed origin that is not a URL', () => assertUsageError(run(['--allow-origin', 'example.go.th']), /--allow-origin: .*is not a URL/));
  it('refuses a missing admin token file', () =>
    assertUsageError(run(['--admin-token-file', join(dir, 'nope.txt')]), /--admin-token-file: cannot read .*nope\.txt \(ENOENT\)/));
  it('refuses a bad --trust-proxy', () => {
    assertUsageError(run(['--trust-proxy', '0']), /--trust-proxy must be a whole number from 1 to 100, got "0"/);
    assertUsageError(run(['--trust-proxy', 'proxy.internal', '--db', join(dir, 'tp.sqlite')]), /--trust-proxy: invalid IP address: proxy\.internal/);
  });
  it('refuses a short admin token, without printing it', () => {
    const file = join(dir, 'short-token');
    writeFileSync(file, 'hunter2\n');
    const result = run(['--admin-token-file', file]);
    assertUsageError(result, /admin token from --admin-token-file .* is shorter than 16 characters/);
    assert.ok(!result.stderr.includes('hunter2'));
  });
});

describe('yinyom-collector --signing-key-file', () => {
  /** @param {string} name @param {string} text */
  const file = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('refuses a file it cannot read, naming it', () =>
    assertUsageError(run(['--signing-key-file', join(dir, 'no-key.pem')]), /--signing-key-file: cannot read .*no-key\.pem \(ENOENT\)/));

  it('refuses a file without an Ed25519 private key, naming the file and the key', () => {
    const rsa = /** @type {string} */ (generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const good = file('good.pem', newKeyPem());
    assertUsageError(run(['--signing-key-file', good, '--signing-key-file', file('rsa.pem', newKeyPem() + rsa)]), /--signing-key-file .*rsa\.pem: key 2 is an RSA key; Yinyom signs with Ed25519/);
    assertUsageError(run(['--signing-key-file', file('empty.pem', '')]), /--signing-key-file .*empty\.pem: holds no PEM private key/);
    const { publicKey } = generateKeyPairSync('ed25519');
    assertUsageError(run(['--signing-key-file', file('public.pem', /** @type {string} */ (publicKey.export({ type: 'spki', format: 'pem' })))]), /public\.pem: key 1 is a "PUBLIC KEY" block/);
  });

  it('signs with the first key and publishes every key, across a repeated flag and a file of two keys', async () => {
    const [a, b, c] = [newKeyPem(), newKeyPem(), newKeyPem()];
    const { child, url, exited } = start([
      '--port', '0', '--db', join(dir, 'signed.sqlite'), '--log-level', 'silent',
      '--signing-key-file', file('rotation.pem', `${a}\n${b}`), '--signing-key-file', file('old.pem', c),
    ]);
    try {
      const base = await url;
      const jwks = /** @type {any} */ (await (await fetch(`${base}/v1/keys`)).json());
      assert.deepEqual(jwks.keys.map((/** @type {{ x: string }} */ key) => key.x), [a, b, c].map((pem) => /** @type {any} */ (createPublicKey(pem).export({ format: 'jwk' })).x));
      const receipt = makeReceipt();
      const res = await fetch(`${base}/v1/receipts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipts: [receipt] }) });
      const { signatures } = /** @type {any} */ (await res.json());
      assert.equal(signatures[receipt.id].kid, jwks.keys[0].kid);
      assert.equal(signatureVerifies(receipt, signatures[receipt.id], jwks), true);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal((await exited).code, 0);
  });
});

describe('yinyom-collector --trust-proxy', () => {
  /** @param {string[]} args */
  const trustProxy = (args) => configure([...args, '--db', join(dir, 'trust.sqlite')], {}).options?.trustProxy;

  it('alone means one proxy hop, before another flag or at the end', () => {
    assert.equal(trustProxy(['--trust-proxy']), 1);
    assert.equal(trustProxy(['--trust-proxy', '--port', '0']), 1);
    assert.equal(trustProxy([]), false);
  });

  it('takes a number of hops, or proxy addresses', () => {
    assert.equal(trustProxy(['--trust-proxy', '2']), 2);
    assert.equal(trustProxy(['--trust-proxy=3']), 3);
    assert.deepEqual(trustProxy(['--trust-proxy', '10.0.0.1,10.0.0.0/8, ::1']), ['10.0.0.1', '10.0.0.0/8', '::1']);
  });
});

describe('yinyom-collector with an unusable database path', () => {
  it('refuses a path under a file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const result = run(['--db', join(file, 'receipts.sqlite')]);
    assertUsageError(result, /--db .*a-file\/receipts\.sqlite: cannot create or write its folder .*a file is in the way/);
  });

  it('refuses a folder as the database file', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    assertUsageError(run(['--db', folder]), /--db .*a-folder: is a folder/);
  });

  it('refuses a read-only folder', { skip: process.getuid?.() === 0 ? 'root can write to read-only folders' : false }, () => {
    const folder = join(dir, 'read-only');
    mkdirSync(folder, { mode: 0o500 });
    assertUsageError(run(['--db', join(folder, 'r.sqlite')]), /cannot create or write its folder .*permission denied/);
  });

  it('refuses a file that is not a SQLite database', () => {
    const file = join(dir, 'not-sqlite.sqlite');
    writeFileSync(file, 'this is not a database, it is a text file long enough to have a header '.repeat(10));
    const result = run(['--db', file, '--port', '0']);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^yinyom-collector: cannot open the database .*not-sqlite\.sqlite: file is not a database\n$/);
  });

  it('uses DATABASE_URL instead of --db, and fails clearly when it cannot connect', () => {
    const db = join(dir, 'unused', 'r.sqlite');
    const result = run(['--db', db, '--port', '0'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /^yinyom-collector: cannot open the PostgreSQL database in DATABASE_URL: .*ECONNREFUSED/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(existsSync(db), false);
  });
});

describe('yinyom-collector running', () => {
  it('creates the folder, prints its URL, stores receipts, serves admins, and stops on SIGTERM', async () => {
    const db = join(dir, 'nested', 'data', 'receipts.sqlite');
    const tokenFile = join(dir, 'admin-token');
    const token = 'cli-admin-token-abcdefghijklmnop';
    writeFileSync(tokenFile, `${token}\n`);
    const { child, url, exited } = start([
      '--port', '0', '--db', db, '--allow-origin', 'https://tdga.dga.or.th', '--admin-token-file', tokenFile,
      '--retention-days', '3650', '--log-level', 'warn', '--sqlite-sync', 'full',
    ]);
    try {
      const base = await url;
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${base}/healthz`)).status, 200);
      const receipt = makeReceipt();
      const res = await fetch(`${base}/v1/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ receipts: [receipt] }),
      });
      assert.deepEqual((/** @type {any} */ (await res.json())).accepted, [receipt.id]);
      const admin = await fetch(`${base}/v1/subjects/${receipt.subject}/receipts`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal((/** @type {any} */ (await admin.json())).count, 1);
      const foreign = await fetch(`${base}/healthz`, { headers: { origin: 'https://phish.example' } });
      assert.equal(foreign.status, 403);
    } finally {
      child.kill('SIGTERM');
    }
    assert.deepEqual(await exited, { code: 0, signal: null });
    const sqlite = new Database(db, { readonly: true });
    assert.equal(sqlite.prepare('SELECT count(*) FROM receipts').pluck().get(), 1);
    assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
    sqlite.close();
  });

  it('reads PORT, HOST and YINYOM_ADMIN_TOKEN from the environment; with --trust-proxy, forged X-Forwarded-For do not escape the rate limit', async () => {
    const token = 'env-admin-token-abcdefghijklmnop';
    const { child, url, exited } = start(['--db', join(dir, 'env.sqlite'), '--log-level', 'silent', '--trust-proxy', '--rate-limit', '3'], {
      PORT: '0',
      HOST: '127.0.0.1',
      YINYOM_ADMIN_TOKEN: token,
    });
    try {
      const base = await url;
      assert.equal((await fetch(`${base}/v1/stats`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
      assert.equal((await fetch(`${base}/v1/stats`, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status, 403);
      // As a proxy would pass them on: the client's forged entry, then the address the proxy saw.
      const guess = (/** @type {number} */ i) =>
        fetch(`${base}/v1/stats`, { headers: { authorization: `Bearer guess-${i}-of-the-token`, 'x-forwarded-for': `9.9.${i}.${i}, 5.6.7.8` } });
      assert.deepEqual([(await guess(1)).status, (await guess(2)).status, (await guess(3)).status, (await guess(4)).status], [403, 403, 403, 429]);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal((await exited).code, 0);
  });

  it('exits non-zero with one line when the port is taken', async () => {
    const first = start(['--port', '0', '--db', join(dir, 'p1.sqlite'), '--log-level', 'silent']);
    try {
      const port = new URL(await first.url).port;
      const result = run(['--port', port, '--db', join(dir, 'p2.sqlite'), '--log-level', 'silent']);
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`^yinyom-collector: cannot listen on 127\\.0\\.0\\.1:${port}: the address is in use\\n$`));
    } finally {
      first.child.kill('SIGTERM');
    }
    await first.exited;
  });
});
