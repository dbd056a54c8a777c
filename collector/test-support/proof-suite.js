// @ts-check
// Proof of consent on one storage backend (issue 9): countersignatures and GET /v1/keys, the
// `shown` field, and ISO/IEC TS 27560 records. collector-suite.js runs these on SQLite and on
// PostgreSQL.
import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe } from 'node:test';
import canonicalize from 'canonicalize';
import { adminGet, post, snapshot } from './harness.js';
import { makeChain, makeReceipt, rehash } from './receipts.js';

/** A new Ed25519 private key as PKCS#8 PEM, as `openssl genpkey -algorithm ed25519` writes it. */
export const newKeyPem = () => /** @type {string} */ (generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));

/**
 * Whether `signature` is a valid Ed25519 signature, by the key of `jwks` it names, over the
 * RFC 8785 canonical JSON of `receipt`: checked here with node:crypto, independently of the
 * collector's signer (the SDK's verifyReceipt is tested against the collector in test/server).
 * @param {unknown} receipt
 * @param {{ kid: string, sig: string }} signature
 * @param {{ keys: Record<string, string>[] }} jwks
 */
export function signatureVerifies(receipt, signature, jwks) {
  const jwk = jwks.keys.find((key) => key.kid === signature.kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(/** @type {string} */ (canonicalize(receipt)), 'utf8'), key, Buffer.from(signature.sig, 'base64url'));
}

/**
 * @param {object} context
 * @param {typeof import('node:test').it} context.it
 * @param {(t: import('node:test').TestContext, options?: import('../src/create-collector.js').CollectorOptions, database?: { db?: string, databaseUrl?: string }) => ReturnType<typeof import('./harness.js').startCollector>} context.open
 * @param {(res: import('light-my-request').Response, status: number, message: RegExp) => void} context.assertJsonError
 */
export function proofSuite({ it, open, assertJsonError }) {
  /** @param {import('../src/create-collector.js').Collector} collector */
  const keysOf = async (collector) => (await collector.app.inject({ method: 'GET', url: '/v1/keys' })).json();

  describe('countersignatures', () => {
    it('signs every accepted receipt; each signature verifies with a key of GET /v1/keys, over the receipt as stored', async (t) => {
      const { collector, store } = await open(t, { signingKeys: [newKeyPem()] });
      const receipts = [...makeChain(2), makeReceipt({ subject: 'ผู้ใช้ 😀', controller: 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)' })];
      const body = (await post(collector, receipts)).json();
      assert.deepEqual(body.accepted, receipts.map((r) => r.id));
      assert.deepEqual(Object.keys(body.signatures), body.accepted);
      const jwks = await keysOf(collector);
      const stored = (await snapshot(store)).bodies.map((text) => JSON.parse(text));
      for (const receipt of stored) {
        const signature = body.signatures[receipt.id];
        assert.deepEqual(Object.keys(signature), ['kid', 'sig']);
        assert.match(signature.sig, /^[A-Za-z0-9_-]{86}$/);
        assert.equal(signatureVerifies(receipt, signature, jwks), true, receipt.id);
        // The signature covers the whole receipt, its hash included.
        assert.equal(signatureVerifies({ ...receipt, hash: `sha256-${'0'.repeat(64)}` }, signature, jwks), false);
        assert.equal(signatureVerifies({ ...receipt, choices: { ...receipt.choices, marketing: true } }, signature, jwks), false);
      }
    });

    it('signs duplicates too, resent or repeated in a batch, with the very signature first given: a lost answer does not cost the proof', async (t) => {
      const { collector } = await open(t, { signingKeys: [newKeyPem()] });
      const [first, second] = makeChain(2);
      const earlier = (await post(collector, [first])).json().signatures;
      // The answer was lost: the SDK sends the receipt again, with a new one, twice in the batch.
      const body = (await post(collector, [first, second, second])).json();
      assert.deepEqual([body.accepted, body.duplicates], [[second.id], [second.id, first.id]]);
      assert.deepEqual(Object.keys(body.signatures).sort(), [first.id, second.id].sort());
      assert.deepEqual(body.signatures[first.id], earlier[first.id]);
      const jwks = await keysOf(collector);
      assert.equal(signatureVerifies(first, body.signatures[first.id], jwks), true);
      assert.equal(signatureVerifies(second, body.signatures[second.id], jwks), true);
    });

    it('signs nothing it rejects', async (t) => {
      const { collector } = await open(t, { signingKeys: [newKeyPem()] });
      const [stored] = makeChain(1);
      await post(collector, [stored]);
      const good = makeReceipt({ subject: 'b' });
      /** @type {Record<string, any>} */
      const tampered = { ...makeReceipt({ subject: 'b' }), method: 'api' };
      const impostor = rehash(stored, { method: 'withdraw' });
      const body = (await post(collector, [good, tampered, impostor, 42])).json();
      assert.deepEqual(body.rejected.map((/** @type {{ id: string }} */ r) => r.id), [tampered.id, null, impostor.id]);
      assert.deepEqual(Object.keys(body.signatures), [good.id]);
    });

    it('without signing keys answers as before, and GET /v1/keys gives an empty set', async (t) => {
      const { collector } = await open(t);
      const receipt = makeReceipt();
      const res = await post(collector, [receipt]);
      assert.deepEqual(res.json(), { accepted: [receipt.id], duplicates: [], rejected: [] });
      assert.deepEqual(await keysOf(collector), { keys: [] });
    });

    it('publishes every key, public and cacheable, as an Ed25519 JWK whose kid is its RFC 7638 thumbprint; the first key signs', async (t) => {
      const [a, b, c] = [newKeyPem(), newKeyPem(), newKeyPem()];
      // One text may hold several keys; a key given twice is published once.
      const { collector } = await open(t, { signingKeys: [a + b, c, b] });
      const res = await collector.app.inject({ method: 'GET', url: '/v1/keys' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /^public, max-age=\d+$/);
      const { keys } = res.json();
      const expected = [a, b, c].map((pem) => {
        const { x } = /** @type {{ x: string }} */ (createPublicKey(pem).export({ format: 'jwk' }));
        const kid = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
        return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
      });
      assert.deepEqual(keys, expected);
      const receipt = makeReceipt();
      const { signatures } = (await post(collector, [receipt])).json();
      assert.equal(signatures[receipt.id].kid, expected[0].kid);
      assert.equal(signatureVerifies(receipt, signatures[receipt.id], { keys }), true);
    });

    it('collectors sharing a database and a key file answer a duplicate with the same signature', async (t) => {
      const key = newKeyPem();
      const one = await open(t, { signingKeys: [key] });
      const two = await open(t, { signingKeys: [key] }, one.database);
      const receipt = makeReceipt();
      const first = (await post(one.collector, [receipt])).json();
      const again = (await post(two.collector, [receipt])).json();
      assert.deepEqual(again.duplicates, [receipt.id]);
      assert.deepEqual(again.signatures, first.signatures);
      assert.deepEqual(await keysOf(two.collector), await keysOf(one.collector));
    });
  });

  describe('shown', () => {
    const hashOf = (/** @type {string} */ text) => `sha256-${createHash('sha256').update(text).digest('hex')}`;

    it('keeps the wording hashes a receipt records as received, and the stats ignore them', async (t) => {
      const { collector, store } = await open(t);
      const shown = { analytics: hashOf('Analytics'), marketing: hashOf('Marketing'), 'photo-publicity': hashOf('Photos') };
      const receipt = makeReceipt({ time: '2026-11-20T10:00:00.000Z', choices: { analytics: true, marketing: false }, shown });
      assert.deepEqual((await post(collector, [receipt])).json().accepted, [receipt.id]);
      assert.deepEqual((await snapshot(store)).bodies, [JSON.stringify(receipt)]);
      const stats = (await adminGet(collector, '/v1/stats')).json();
      assert.deepEqual(stats.days, [{ day: '2026-11-20', choices: { analytics: { granted: 1, denied: 0 }, marketing: { granted: 0, denied: 1 } } }]);
    });

    it('rejects a malformed shown, naming the field', async (t) => {
      const { collector, store } = await open(t);
      const bad = [
        makeReceipt({ shown: { analytics: 'sha256-XYZ' } }),
        makeReceipt({ shown: { Analytics: hashOf('x') } }),
        makeReceipt({ shown: ['analytics'] }),
      ];
      const { rejected } = (await post(collector, bad)).json();
      assert.deepEqual(
        rejected.map((/** @type {{ error: string }} */ r) => r.error),
        [
          'receipts[0].shown.analytics: must match ^sha256-[0-9a-f]{64}$ (sha256- and 64 lowercase hex digits)',
          'receipts[1].shown["Analytics"]: is not a valid id: must match ^[a-z0-9][a-z0-9_-]*$, at most 64 characters',
          'receipts[2].shown: must be object',
        ],
      );
      assert.equal(await store.count(), 0);
    });
  });

  describe('ISO/IEC TS 27560 records', () => {
    /** @param {import('../src/create-collector.js').Collector} collector @param {string} subject */
    const records = async (collector, subject) => {
      const res = await adminGet(collector, `/v1/subjects/${encodeURIComponent(subject)}/receipts?format=iso27560`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/ld\+json/);
      return res.json();
    };
    /** @param {any} record */
    const events = (record) =>
      Object.fromEntries(record['dpv:hasConsentStatus'].map((/** @type {any} */ e) => [e['dpv:hasProcess']['@id'].split('#')[1], e['@type']]));

    it('answers a subject as JSON-LD on the W3C DPV, each record with the mandatory fields of the DPVCG guide', async (t) => {
      const { collector } = await open(t);
      const chain = makeChain(2, { subject: 'หนึ่ง', choices: { analytics: true, marketing: false } });
      await post(collector, [...chain, makeReceipt({ subject: 'other' })]);
      const document = await records(collector, 'หนึ่ง');
      assert.equal(document['@context'].dpv, 'https://w3id.org/dpv#');
      assert.equal(document['@context']['legal-th'], 'https://w3id.org/dpv/legal/th#');
      assert.equal(document['@graph'].length, 2);
      document['@graph'].forEach((/** @type {any} */ record, /** @type {number} */ i) => {
        const receipt = chain[i];
        // Header: schema version, record id, PII principal.
        assert.equal(record['@type'], 'dpv:ConsentRecord');
        assert.deepEqual(record['dct:conformsTo'], { '@id': 'https://w3id.org/dpv/schema/dpv-27560#record' });
        assert.equal(record['dct:identifier'], receipt.id);
        assert.deepEqual(record['dpv:hasDataSubject'], { '@type': 'dpv:DataSubject', 'dct:identifier': 'หนึ่ง' });
        // Processing: notice, language, purposes, controller, retention, withdrawal method; PDPA.
        assert.equal(record['dpv:hasNotice']['@type'], 'dpv:ConsentNotice');
        assert.equal(record['dpv:hasNotice']['dct:identifier'], receipt.notice.id);
        assert.equal(record['dpv:hasNotice']['schema:version'], receipt.notice.version);
        assert.equal(record['dct:language'], 'th');
        assert.equal(record['dpv:hasDataController']['dpv:hasName'], receipt.controller);
        assert.deepEqual(record['dpv:hasJurisdiction'], { '@id': 'loc:TH' });
        assert.deepEqual(record['dpv:hasApplicableLaw'], { '@id': 'legal-th:law-PDPA' });
        const processes = record['dpv:hasProcess'];
        assert.deepEqual(processes.map((/** @type {any} */ p) => p['dpv:hasPurpose']['dct:identifier']), ['analytics', 'marketing']);
        for (const process of processes) {
          assert.equal(process['dpv:hasDataController']['@id'], record['dpv:hasDataController']['@id']);
          assert.ok(process['dpv:hasPersonalData'].length > 0);
          assert.equal(process['dpv:hasStorageCondition'][0]['@type'], 'dpv:StorageDuration');
          assert.equal(process['dpv:hasConsentControl']['@type'], 'dpv:WithdrawConsent');
          assert.deepEqual(process['dpv:hasConsentControl']['dpv:isExercisedAt'], { '@id': receipt.origin + receipt.page });
        }
        // Events, with time and who indicated them.
        for (const event of record['dpv:hasConsentStatus']) {
          assert.deepEqual(event['dpv:isIndicatedAtTime'], { '@value': receipt.time, '@type': 'xsd:dateTime' });
          assert.deepEqual(event['dpv:isIndicatedBy'], { '@id': 'dpv:DataSubject' });
        }
        assert.deepEqual(events(record), { analytics: 'dpv:ConsentGiven', marketing: 'dpv:ConsentRefused' });
      });
    });

    it('tells a withdrawal from a refusal by the receipt before it, and names a guardian who decided', async (t) => {
      const { collector } = await open(t);
      const at = (/** @type {number} */ s) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
      const granted = makeReceipt({ subject: 's', time: at(0), choices: { analytics: true, marketing: false } });
      const changed = makeReceipt({ subject: 's', time: at(1), prev: granted.hash, method: 'preferences.save', choices: { analytics: false, marketing: false } });
      const withdrawn = makeReceipt({ subject: 's', time: at(2), prev: changed.hash, method: 'withdraw', actor: 'parent', choices: { 'photo-publicity': false } });
      await post(collector, [granted, changed, withdrawn]);
      const [, second, third] = (await records(collector, 's'))['@graph'];
      assert.deepEqual(events(second), { analytics: 'dpv:ConsentWithdrawn', marketing: 'dpv:ConsentRefused' });
      assert.deepEqual(events(third), { 'photo-publicity': 'dpv:ConsentWithdrawn' });
      assert.deepEqual(third['dpv:hasConsentStatus'][0]['dpv:isIndicatedBy'], { '@id': 'dpv:ParentOfDataSubject' });
      assert.equal(third['dpv:hasConsentStatus'][0]['dpv:hasIndicationMethod'], 'withdraw');
    });

    it('exports every record as one JSON-LD document, streamed a page at a time, finding the receipt before one on an earlier page', async (t) => {
      const { collector, store } = await open(t, { exportPageSize: 2 });
      const chain = makeChain(4, { subject: 'paged', choices: { analytics: true } });
      const last = makeReceipt({ subject: 'paged', prev: chain[3].hash, method: 'preferences.save', choices: { analytics: false } });
      await post(collector, [...chain, last, ...makeChain(2, { subject: 'other' }, Date.now() - 60_000)]);
      /** @type {number[]} */
      const lookups = [];
      const byHashes = store.byHashes;
      store.byHashes = async (hashes) => {
        lookups.push(hashes.length);
        return byHashes.call(store, hashes);
      };
      const res = await adminGet(collector, '/v1/export?format=iso27560');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/ld\+json/);
      assert.match(String(res.headers['content-disposition']), /filename="yinyom-receipts\.jsonld"/);
      const document = JSON.parse(res.body);
      assert.equal(document['@context'].dpv, 'https://w3id.org/dpv#');
      assert.equal(document['@graph'].length, 7);
      const lastRecord = document['@graph'].find((/** @type {any} */ r) => r['dct:identifier'] === last.id);
      assert.deepEqual(events(lastRecord), { analytics: 'dpv:ConsentWithdrawn' });
      // Only the receipt that denies something looks up its prev, once.
      assert.deepEqual(lookups, [1]);

      const one = JSON.parse((await adminGet(collector, `/v1/export?format=iso27560&subject=other`)).body);
      assert.equal(one['@graph'].length, 2);
      const none = JSON.parse((await adminGet(collector, `/v1/export?format=iso27560&subject=nobody`)).body);
      assert.deepEqual(none['@graph'], []);
    });

    it('refuses an unknown format with 400, naming the choices', async (t) => {
      const { collector } = await open(t);
      assertJsonError(await adminGet(collector, '/v1/subjects/a/receipts?format=xml'), 400, /^format: must be json or iso27560, got "xml"$/);
      assertJsonError(await adminGet(collector, '/v1/export?format=xlsx'), 400, /^format: must be csv, ndjson or iso27560, got "xlsx"$/);
      assertJsonError(await adminGet(collector, '/v1/export?format=toString'), 400, /^format: must be csv, ndjson or iso27560/);
      assert.equal((await adminGet(collector, '/v1/subjects/a/receipts?format=json')).statusCode, 200);
    });

    it('needs the admin token', async (t) => {
      const { collector } = await open(t);
      assertJsonError(await adminGet(collector, '/v1/subjects/a/receipts?format=iso27560', null), 401, /^admin token required/);
      assertJsonError(await adminGet(collector, '/v1/export?format=iso27560', 'wrong-token-of-some-length'), 403, /wrong/);
    });
  });
}
