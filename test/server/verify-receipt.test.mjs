// verifyReceipt, as a server imports it (the built yinyom/server and yinyom), against signatures
// made by the reference collector: the collector signs with node:crypto over the canonicalize
// package's RFC 8785 text, the SDK verifies with Web Crypto over its own canonical JSON.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as server from '../../dist/esm/server.js';
import * as yinyom from '../../dist/esm/index.js';
import { createCollector } from '../../collector/src/index.js';
import { makeChain, makeReceipt, rehash } from '../../collector/test-support/receipts.js';

const { verifyReceipt } = server;

const pem = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
const dir = mkdtempSync(join(tmpdir(), 'yinyom-verify-'));
const collector = createCollector({ db: join(dir, 'receipts.sqlite'), allowOrigins: ['https://tdga.dga.or.th'], rateLimit: false, signingKeys: [pem(), pem()] });
after(async () => {
  await collector.close();
  rmSync(dir, { recursive: true, force: true });
});

/** POSTs receipts; resolves to the collector's answer. */
async function post(receipts) {
  const res = await collector.app.inject({ method: 'POST', url: '/v1/receipts', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ receipts }) });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('verifyReceipt with the collector', () => {
  let jwks;
  before(async () => {
    await collector.app.ready();
    jwks = (await collector.app.inject({ method: 'GET', url: '/v1/keys' })).json();
    assert.equal(jwks.keys.length, 2);
  });

  test('verifies what the collector signed, for accepted receipts and for duplicates, in Thai and with emoji', async () => {
    const receipts = [
      ...makeChain(2, { subject: 'ผู้ใช้ 😀' }),
      makeReceipt({ controller: 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', actor: 'parent', method: 'form', choices: { 'photo-publicity': true, dietary: false } }),
    ];
    const first = await post(receipts);
    for (const receipt of receipts) assert.equal(await verifyReceipt(receipt, first.signatures[receipt.id], jwks), true, receipt.id);
    const again = await post(receipts);
    assert.deepEqual(again.duplicates, receipts.map((r) => r.id));
    for (const receipt of receipts) assert.equal(await verifyReceipt(receipt, again.signatures[receipt.id], jwks), true, receipt.id);
    // The receipts as the collector stored them verify too.
    for await (const body of collector.store.bodies({ subject: receipts[0].subject })) {
      const stored = JSON.parse(body);
      assert.equal(await verifyReceipt(stored, first.signatures[stored.id], jwks), true);
    }
  });

  test('is false for a changed receipt, another receipt, an unknown kid, or a malformed signature', async () => {
    const [receipt, other] = makeChain(2);
    const { signatures } = await post([receipt, other]);
    const signature = signatures[receipt.id];
    assert.equal(await verifyReceipt(receipt, signature, jwks), true);
    for (const changed of [
      { ...receipt, choices: { ...receipt.choices, marketing: true } },
      { ...receipt, hash: other.hash },
      rehash(receipt, { subject: 'someone else' }),
      { ...receipt, extra: 1 },
    ]) {
      assert.equal(await verifyReceipt(changed, signature, jwks), false);
    }
    assert.equal(await verifyReceipt(other, signature, jwks), false);
    assert.equal(await verifyReceipt(receipt, { ...signature, kid: 'not-a-kid' }, jwks), false);
    assert.equal(await verifyReceipt(receipt, { ...signature, kid: jwks.keys[1].kid }, jwks), false);
    assert.equal(await verifyReceipt(receipt, signature, { keys: [jwks.keys[1]] }), false);
    assert.equal(await verifyReceipt(receipt, signature, { keys: [] }), false);
    const sig = signature.sig;
    for (const bad of [sig.slice(1), `${sig}A`, sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), `${sig.slice(0, -2)}==`, '', '*'.repeat(86)]) {
      assert.equal(await verifyReceipt(receipt, { ...signature, sig: bad }, jwks), false, bad);
    }
    const key = jwks.keys[0];
    for (const wrong of [{ ...key, crv: 'Ed448' }, { ...key, kty: 'EC' }, { ...key, alg: 'ES256' }, { ...key, use: 'enc' }, { ...key, x: key.x.slice(2) }, { ...key, x: undefined }]) {
      assert.equal(await verifyReceipt(receipt, signature, { keys: [wrong] }), false, JSON.stringify(wrong));
    }
    // A key without the optional members still verifies.
    assert.equal(await verifyReceipt(receipt, signature, { keys: [{ kty: 'OKP', crv: 'Ed25519', x: key.x, kid: key.kid }] }), true);
    assert.equal(await verifyReceipt({ ...receipt, subject: '\ud800' }, signature, jwks), false);
    assert.equal(await verifyReceipt(receipt, signature, null), false);
  });

  test('is the same function from yinyom and from yinyom/server, as is the ISO 27560 mapping', () => {
    assert.equal(yinyom.verifyReceipt, verifyReceipt);
    assert.equal(yinyom.toIso27560, server.toIso27560);
  });
});
