// @ts-check
// createCollector refuses bad options at once, naming the option.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { createCollector } from '../src/index.js';
import { newKeyPem } from '../test-support/proof-suite.js';

/** @param {Record<string, unknown>} options */
const create = (options) => createCollector(/** @type {any} */ ({ db: '/tmp/never-opened.sqlite', ...options }));

describe('createCollector options', () => {
  it('needs a database', () => {
    assert.throws(() => createCollector({}), /createCollector: give `db` \(a SQLite file path\) or `databaseUrl`/);
  });

  it('refuses a malformed allowed origin', () => {
    assert.throws(() => create({ allowOrigins: ['https://a.example/path'] }), /must be an origin only/);
    assert.throws(() => create({ allowOrigins: ['ftp://a.example'] }), /must start with https:\/\/ or http:\/\//);
    assert.throws(() => create({ allowOrigins: ['a.example'] }), /is not a URL/);
  });

  it('refuses a short admin token without showing it', () => {
    assert.throws(() => create({ adminToken: 'hunter2' }), (error) => {
      assert.match(String(error), /adminToken must be a string of at least 16 characters/);
      assert.ok(!String(error).includes('hunter2'));
      return true;
    });
  });

  it('refuses limits that are not whole numbers ≥ 1', () => {
    assert.throws(() => create({ maxBatch: 0 }), /maxBatch must be a whole number ≥ 1, got 0/);
    assert.throws(() => create({ bodyLimit: 1.5 }), /bodyLimit must be a whole number/);
    assert.throws(() => create({ retentionDays: -1 }), /retentionDays must be a whole number/);
    assert.throws(() => create({ rateLimit: { max: 0 } }), /rateLimit\.max must be a whole number/);
  });

  it('refuses console users that a users file would refuse, without showing a hash', () => {
    assert.throws(() => create({ adminUsers: { somchai: 'plaintext-password' } }), (error) => {
      assert.match(String(error), /createCollector: adminUsers: line 1: the hash of somchai is not a scrypt hash/);
      assert.ok(!String(error).includes('plaintext-password'));
      return true;
    });
    assert.throws(() => create({ adminUsers: { 'a b': '$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } }), /adminUsers: line 1: must be name:<scrypt hash>/);
    assert.throws(() => create({ adminUsers: {} }), /adminUsers: names no user/);
    assert.throws(() => create({ adminUsers: 'somchai:x' }), /adminUsers must be an object of name → hash/);
    assert.throws(() => create({ consoleDir: '/srv/console' }), /createCollector: consoleDir must be a URL/);
  });

  it('refuses a mapping location that is not a URL', () => {
    assert.throws(() => create({ mappingUrl: '/srv/to-iso27560.js' }), /createCollector: mappingUrl must be a URL/);
  });

  it('refuses an unknown SQLite sync mode', () => {
    assert.throws(() => create({ sqliteSynchronous: 'off' }), /sqliteSynchronous must be 'normal' or 'full', got "off"/);
  });
});

describe('createCollector trustProxy', () => {
  it('takes true, a number of hops, or proxy addresses, and refuses anything else by name', () => {
    for (const trustProxy of [true, false, 1, 3, '10.0.0.1', '10.0.0.1, 10.0.0.2', ['127.0.0.1', '10.0.0.0/8', '::1']]) {
      assert.doesNotThrow(() => create({ trustProxy }), String(trustProxy));
    }
    assert.throws(() => create({ trustProxy: 0 }), /trustProxy must be true, a number of hops ≥ 1, or proxy addresses; got 0/);
    assert.throws(() => create({ trustProxy: 1.5 }), /trustProxy must be true/);
    assert.throws(() => create({ trustProxy: [] }), /trustProxy must be true/);
    assert.throws(() => create({ trustProxy: 'proxy.internal' }), /trustProxy: invalid IP address: proxy\.internal/);
    assert.throws(() => create({ trustProxy: ['10.0.0.1/99'] }), /trustProxy: invalid range on address: 10\.0\.0\.1\/99/);
  });
});

describe('createCollector signingKeys', () => {
  it('refuses what is not an Ed25519 private key, naming the entry and the key', () => {
    const rsa = /** @type {string} */ (generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const ec = /** @type {string} */ (generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const encrypted = /** @type {string} */ (privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }));
    const broken = newKeyPem().replace(/\n[A-Za-z0-9+/]{8}/, '\nAAAAAAAA');
    /** @type {[unknown, RegExp][]} */
    const cases = [
      [[newKeyPem(), rsa], /createCollector: signingKeys\[1\]: key 1 is an RSA key; Yinyom signs with Ed25519$/],
      [[newKeyPem() + ec], /createCollector: signingKeys\[0\]: key 2 is an EC key; Yinyom signs with Ed25519$/],
      [['not a key'], /createCollector: signingKeys\[0\]: holds no PEM private key/],
      [[encrypted], /createCollector: signingKeys\[0\]: key 1 is encrypted; give it unencrypted/],
      [[broken], /createCollector: signingKeys\[0\]: key 1 cannot be read/],
      [[publicKey.export({ type: 'spki', format: 'pem' })], /createCollector: signingKeys\[0\]: key 1 is a "PUBLIC KEY" block; give Ed25519 private keys as PKCS#8 PEM/],
      [[publicKey], /createCollector: signingKeys\[0\]: must be an Ed25519 private key, got a public ed25519 key$/],
      [[], /createCollector: signingKeys: give one or more Ed25519 private keys/],
      ['a string', /createCollector: signingKeys: give one or more Ed25519 private keys/],
      [[42], /createCollector: signingKeys\[0\]: must be a PEM string or a KeyObject$/],
    ];
    for (const [signingKeys, message] of cases) assert.throws(() => create({ signingKeys }), message);
    assert.doesNotThrow(() => create({ signingKeys: [privateKey, newKeyPem() + newKeyPem()] }));
  });
});
