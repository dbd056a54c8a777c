// @ts-check
// The collector's behaviour on one storage backend. test/collector.sqlite.test.js and
// test/collector.postgres.test.js run it on each, so both backends answer the same tests.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it as runIt } from 'node:test';
import { startCli } from './cli.js';
import { createCollector } from '../src/index.js';
import { ADMIN_TOKEN, SITE, adminGet, post, runSql, send, snapshot, startCollector } from './harness.js';
import { proofSuite } from './proof-suite.js';
import { makeChain, makeReceipt, rehash, uuidv7 } from './receipts.js';

/** @typedef {import('./harness.js').Backend} Backend */

/**
 * @param {Backend} backend
 * @param {{ skip?: string }} [options] `skip`: why this backend cannot run; each test is
 *   then reported skipped with that reason, so that `npm test` counts them
 */
export function collectorSuite(backend, { skip } = {}) {
  /** @type {typeof runIt} */
  const it = skip === undefined ? runIt : /** @type {any} */ ((/** @type {string} */ name) => runIt(name, { skip }));
  /**
   * A collector on a fresh database, closed when the test ends.
   * @param {import('node:test').TestContext} t
   * @param {import('../src/create-collector.js').CollectorOptions} [options]
   * @param {{ db?: string, databaseUrl?: string }} [database]
   */
  async function open(t, options, database) {
    const started = await startCollector(backend, options, database);
    t.after(() => started.collector.close());
    return started;
  }

  /**
   * A collector already holding a few receipts, and what it held before the test's request.
   * @param {import('node:test').TestContext} t
   * @param {import('../src/create-collector.js').CollectorOptions} [options]
   */
  async function seeded(t, options) {
    const started = await open(t, options);
    const seed = makeChain(3);
    const res = await post(started.collector, seed);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().accepted.length, 3);
    return { ...started, seed, before: await snapshot(started.store) };
  }

  /**
   * Renames the receipts table from a second connection.
   * @param {{ db?: string, databaseUrl?: string }} database
   */
  const renameReceiptsTable = (database) => runSql(database, 'ALTER TABLE receipts RENAME TO receipts_away');

  /**
   * @param {import('light-my-request').Response} res
   * @param {number} status
   * @param {RegExp} message
   */
  function assertJsonError(res, status, message) {
    assert.equal(res.statusCode, status, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = res.json();
    assert.deepEqual(Object.keys(body), ['error']);
    assert.match(body.error, message);
  }

  describe(`collector on ${backend.name}`, () => {
    describe('POST /v1/receipts', () => {
      it('stores a valid batch and lists every id as accepted', async (t) => {
        const { collector, store } = await open(t);
        const receipts = makeChain(5);
        const res = await post(collector, receipts);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), { accepted: receipts.map((r) => r.id), duplicates: [], rejected: [] });
        const after = await snapshot(store);
        assert.equal(after.count, 5);
        assert.deepEqual(after.bodies.map((b) => JSON.parse(b)), receipts);
      });

      it('keeps the receipt JSON as received, including a Thai controller name and an actor', async (t) => {
        const { collector, store } = await open(t);
        const receipt = makeReceipt({ actor: 'parent', method: 'form', choices: { 'photo-publicity': true, dietary: false } });
        assert.equal((await post(collector, [receipt])).statusCode, 200);
        const [body] = (await snapshot(store)).bodies;
        assert.equal(body, JSON.stringify(receipt));
      });

      it('answers an empty batch with empty lists', async (t) => {
        const { collector, store } = await open(t);
        const res = await post(collector, []);
        assert.deepEqual(res.json(), { accepted: [], duplicates: [], rejected: [] });
        assert.equal(await store.count(), 0);
      });

      it('refuses malformed JSON with 400 and stores nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        const res = await post(collector, `{"receipts": [${JSON.stringify(makeReceipt())},`);
        assertJsonError(res, 400, /^body: malformed JSON/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('refuses an empty body with 400 and stores nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        assertJsonError(await post(collector, ''), 400, /^body: empty/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('refuses a wrong or missing content type with 415 and stores nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        const body = JSON.stringify({ receipts: [makeReceipt()] });
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx']) {
          const res = await post(collector, body, { 'content-type': type });
          assertJsonError(res, 415, new RegExp(`^content type "${type.replace('/', '\\/')}" is not supported: send Content-Type: application/json$`));
        }
        const untyped = await collector.app.inject({ method: 'POST', url: '/v1/receipts', payload: body });
        assertJsonError(untyped, 415, /^the Content-Type header is missing: send Content-Type: application\/json$/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('accepts application/json with a charset', async (t) => {
        const { collector, store } = await open(t);
        const res = await post(collector, [makeReceipt()], { 'content-type': 'application/json; charset=utf-8' });
        assert.equal(res.statusCode, 200);
        assert.equal(await store.count(), 1);
      });

      it('refuses JSON in a charset other than UTF-8 with 415 and stores nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        const body = JSON.stringify({ receipts: [makeReceipt()] });
        for (const type of ['application/json; charset=utf-16', 'application/json; charset=iso-8859-11', 'application/json;charset="UTF-16LE"']) {
          const res = await post(collector, body, { 'content-type': type });
          assertJsonError(res, 415, /^content type ".*" is not supported: JSON is UTF-8; send Content-Type: application\/json$/);
        }
        assert.deepEqual(await snapshot(store), before);
        for (const type of ['application/json; charset=UTF-8', 'application/json; charset="utf-8"']) {
          assert.equal((await post(collector, [makeReceipt({ subject: type })], { 'content-type': type })).statusCode, 200, type);
        }
      });

      it('refuses a body over the limit with 413 and stores nothing', async (t) => {
        const { collector, store, before } = await seeded(t, { bodyLimit: 4096 });
        const receipts = makeChain(10, { subject: 'too-big' });
        assert.ok(JSON.stringify({ receipts }).length > 4096);
        assertJsonError(await post(collector, receipts), 413, /^body: larger than the limit of 4096 bytes/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('refuses more than 100 receipts with 413 and stores none of them', async (t) => {
        const { collector, store, before } = await seeded(t);
        const res = await post(collector, makeChain(101, { subject: 'many' }));
        assertJsonError(res, 413, /^body\.receipts: 101 receipts in one request; at most 100/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('takes exactly 100 receipts', async (t) => {
        const { collector, store } = await open(t);
        const res = await post(collector, makeChain(100));
        assert.equal(res.json().accepted.length, 100);
        assert.equal(await store.count(), 100);
      });

      for (const [what, payload, message] of /** @type {const} */ ([
        ['an array', '[]', /^body: must be a JSON object/],
        ['a string', '"receipts"', /^body: must be a JSON object/],
        ['null', 'null', /^body: must be a JSON object/],
        ['an object without receipts', '{}', /^body\.receipts: is required/],
        ['receipts that is not an array', '{"receipts": {}}', /^body\.receipts: must be an array/],
        ['an unexpected field', '{"receipts": [], "extra": 1}', /^body\.extra: unexpected field/],
      ])) {
        it(`refuses a body that is ${what} with 400 and stores nothing`, async (t) => {
          const { collector, store, before } = await seeded(t);
          assertJsonError(await post(collector, payload), 400, message);
          assert.deepEqual(await snapshot(store), before);
        });
      }

      it('rejects a receipt whose hash does not verify, and stores the others', async (t) => {
        const { collector, store, before } = await seeded(t);
        const good = makeReceipt({ subject: 'b' });
        /** @type {Record<string, any>} */
        const tampered = { ...makeReceipt({ subject: 'b' }), choices: { necessary: true, analytics: false, marketing: true } };
        const res = await post(collector, [good, tampered]);
        assert.equal(res.statusCode, 200);
        const body = res.json();
        assert.deepEqual(body.accepted, [good.id]);
        assert.equal(body.rejected.length, 1);
        assert.equal(body.rejected[0].id, tampered.id);
        assert.match(body.rejected[0].error, /^receipts\[1\]\.hash: does not match the receipt's content/);
        const after = await snapshot(store);
        assert.equal(after.count, before.count + 1);
        assert.ok(!after.bodies.some((b) => JSON.parse(b).id === tampered.id));
      });

      it('rejects a receipt holding a lone surrogate, naming the field, and stores the others', async (t) => {
        const { collector, store, before } = await seeded(t);
        const good = makeReceipt({ subject: 'b' });
        // No hash can be computed over a lone surrogate (RFC 8785 refuses it): any will do.
        /** @type {Record<string, any>} */
        const broken = { ...makeReceipt(), controller: 'TDGA \ud800', hash: `sha256-${'0'.repeat(64)}` };
        const res = await post(collector, [broken, good]);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), {
          accepted: [good.id],
          duplicates: [],
          rejected: [{ id: broken.id, error: 'receipts[0].controller: is not well-formed Unicode (a lone surrogate, U+D800, at character 5)' }],
        });
        assert.equal((await snapshot(store)).count, before.count + 1);
      });

      it('rejects a receipt of an unknown schema version and stores nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        const future = rehash(makeReceipt(), { schema: 'yinyom.receipt/2' });
        const res = await post(collector, [future]);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), {
          accepted: [],
          duplicates: [],
          rejected: [{ id: future.id, error: 'receipts[0].schema: unknown schema "yinyom.receipt/2"; this collector accepts "yinyom.receipt/1"' }],
        });
        assert.deepEqual(await snapshot(store), before);
      });

      it('names each bad field of an invalid receipt', async (t) => {
        const { collector, store, before } = await seeded(t);
        const bad = rehash(makeReceipt(), {
          page: '/register?email=a@b.example',
          notice: { id: 'tdga-privacy', version: '1', hash: 'sha256-XYZ' },
          extra: true,
        });
        const notObject = 42;
        const res = await post(collector, [makeReceipt({ subject: 'ok' }), notObject, bad]);
        const { accepted, rejected } = res.json();
        assert.equal(accepted.length, 1);
        assert.deepEqual(rejected[0], { id: null, error: 'receipts[1]: must be an object' });
        assert.equal(rejected[1].id, bad.id);
        assert.match(rejected[1].error, /receipts\[2\]\.page: must match/);
        assert.match(rejected[1].error, /receipts\[2\]\.notice\.hash: must match \^sha256-\[0-9a-f\]\{64\}\$/);
        assert.match(rejected[1].error, /receipts\[2\]\.extra: is not a field/);
        assert.equal((await snapshot(store)).count, before.count + 1);
      });

      it('reports a resent receipt as a duplicate and stores nothing new', async (t) => {
        const { collector, store, seed, before } = await seeded(t);
        const res = await post(collector, [seed[1], seed[2]]);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), { accepted: [], duplicates: [seed[1].id, seed[2].id], rejected: [] });
        assert.deepEqual(await snapshot(store), before);
      });

      it('rejects a known id sent with different content and keeps the stored one', async (t) => {
        const { collector, store, seed, before } = await seeded(t);
        const impostor = rehash(seed[0], { choices: { necessary: true, analytics: false, marketing: false } });
        const res = await post(collector, [impostor]);
        const { accepted, duplicates, rejected } = res.json();
        assert.deepEqual([accepted, duplicates], [[], []]);
        assert.equal(rejected[0].id, seed[0].id);
        assert.match(rejected[0].error, /^receipts\[0\]\.id: already stored with different content/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('within one batch, counts a repeated id once', async (t) => {
        const { collector, store } = await open(t);
        const receipt = makeReceipt();
        const changed = rehash(receipt, { method: 'api' });
        const res = await post(collector, [receipt, receipt, changed]);
        const { accepted, duplicates, rejected } = res.json();
        assert.deepEqual(accepted, [receipt.id]);
        assert.deepEqual(duplicates, [receipt.id]);
        assert.match(rejected[0].error, /^receipts\[2\]\.id: appears earlier in this batch with different content/);
        assert.equal(await store.count(), 1);
      });

      it('rejects a receipt whose origin is not allowed', async (t) => {
        const { collector, store } = await open(t);
        const foreign = makeReceipt({ origin: 'https://phish.example' });
        const res = await post(collector, [foreign, makeReceipt()]);
        const { accepted, rejected } = res.json();
        assert.equal(accepted.length, 1);
        assert.deepEqual(rejected, [{ id: foreign.id, error: 'receipts[0].origin: https://phish.example is not an allowed origin of this collector' }]);
        assert.equal(await store.count(), 1);
      });

      it("rejects a receipt dated more than a day ahead of the collector's clock, and takes one an hour ahead", async (t) => {
        const now = Date.parse('2026-11-22T12:00:00.000Z');
        const { collector, store } = await open(t, { now: () => now });
        const hour = 60 * 60 * 1000;
        const soon = makeReceipt({ time: new Date(now + hour).toISOString() });
        const later = makeReceipt({ time: new Date(now + 25 * hour).toISOString() });
        const res = await post(collector, [soon, later]);
        assert.deepEqual(res.json(), {
          accepted: [soon.id],
          duplicates: [],
          rejected: [{ id: later.id, error: "receipts[1].time: 2026-11-23T13:00:00.000Z is more than a day ahead of the collector's clock (2026-11-22T12:00:00.000Z); is the device's clock wrong?" }],
        });
        assert.equal(await store.count(), 1);
      });

      // SQLite's two durability modes, or PostgreSQL's one: each must keep what it
      // acknowledged when the collector process is killed, not only on a clean close.
      for (const mode of backend.name === 'SQLite' ? /** @type {const} */ (['full', 'normal']) : [undefined]) {
        it(`keeps acknowledged receipts when the collector is killed (SIGKILL)${mode ? `, with --sqlite-sync ${mode}` : ''}`, async (t) => {
          const database = await backend.freshDatabase();
          const args = ['--port', '0', '--log-level', 'silent', '--allow-origin', SITE];
          const cli = database.db
            ? startCli([...args, '--db', database.db, '--sqlite-sync', /** @type {string} */ (mode)])
            : startCli(args, { env: { DATABASE_URL: /** @type {string} */ (database.databaseUrl) } });
          t.after(() => cli.child.kill('SIGKILL'));
          const url = await cli.url;
          const receipts = makeChain(4);
          const res = await fetch(`${url}/v1/receipts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ receipts }),
          });
          assert.deepEqual((/** @type {any} */ (await res.json())).accepted, receipts.map((r) => r.id));
          cli.child.kill('SIGKILL');
          assert.deepEqual(await cli.exited, { code: null, signal: 'SIGKILL' });

          const { collector, store } = await open(t, {}, database);
          assert.deepEqual((await snapshot(store)).bodies.map((b) => JSON.parse(b)), receipts);
          assert.deepEqual((await post(collector, receipts)).json().duplicates, receipts.map((r) => r.id));
        });
      }
    });

    describe('GET /healthz', () => {
      it('pings the database without reading the receipts table, whatever its size', async (t) => {
        const { collector, store, database } = await open(t);
        await post(collector, makeChain(3));
        // Move the table away behind the collector's back: a ping that counts rows fails.
        await renameReceiptsTable(database);
        const res = await collector.app.inject({ method: 'GET', url: '/healthz' });
        assert.equal(res.statusCode, 200, res.body);
        await assert.rejects(store.count());
      });

      it('answers 503 {"error"} with Retry-After and Connection: close to requests that arrive while the collector closes', async () => {
        const collector = createCollector({ ...(await backend.freshDatabase()), adminToken: ADMIN_TOKEN, allowOrigins: [SITE], rateLimit: false });
        /** @type {Promise<Awaited<ReturnType<typeof send>>[]>} */
        let during = Promise.resolve([]);
        // Once close() has begun, before the server stops accepting connections.
        collector.app.addHook('preClose', async () => {
          during = Promise.all([
            send(`${url}/healthz`),
            send(`${url}/v1/receipts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipts: [makeReceipt()] }) }),
          ]);
          await during;
        });
        const url = await collector.listen({ port: 0, host: '127.0.0.1' });
        await collector.close();
        for (const res of await during) {
          assert.equal(res.status, 503, res.body);
          assert.deepEqual(JSON.parse(res.body), { error: 'the collector is shutting down; retry later' });
          assert.equal(res.headers.connection, 'close');
          assert.ok(Number(res.headers['retry-after']) >= 1, `Retry-After: ${res.headers['retry-after']}`);
        }
      });

      it('answers ok with the storage kind', async (t) => {
        const { collector } = await open(t);
        const res = await collector.app.inject({ method: 'GET', url: '/healthz' });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), { status: 'ok', storage: backend.name === 'SQLite' ? 'sqlite' : 'postgres' });
      });

      it('answers 503 when the database is gone, and a receipt POST gets a 500 that stores nothing', async (t) => {
        const { collector, store } = await open(t);
        await store.close();
        const res = await collector.app.inject({ method: 'GET', url: '/healthz' });
        assert.equal(res.statusCode, 503);
        assert.equal(res.json().status, 'unavailable');
        assertJsonError(await post(collector, [makeReceipt()]), 500, /^internal error; the request was not stored, retry later$/);
      });
    });

    describe('admin token', () => {
      const urls = ['/v1/subjects/subject-a/receipts', '/v1/subjects/subject-a/gaps', '/v1/gaps', '/v1/stats', '/v1/export?format=csv'];

      it('answers 401 without a token, and changes nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        for (const url of urls) {
          const res = await adminGet(collector, url, null);
          assertJsonError(res, 401, /^admin token required/);
          assert.match(String(res.headers['www-authenticate']), /^Bearer/);
        }
        const basic = await collector.app.inject({ method: 'GET', url: urls[0], headers: { authorization: 'Basic YTpi' } });
        assertJsonError(basic, 401, /^admin token required/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('answers 403 to a wrong token, and changes nothing', async (t) => {
        const { collector, store, before } = await seeded(t);
        for (const url of urls) {
          assertJsonError(await adminGet(collector, url, 'wrong-token-of-some-length'), 403, /^admin token is wrong$/);
        }
        // Same length, one character off; and a prefix of the right token.
        assertJsonError(await adminGet(collector, urls[0], ADMIN_TOKEN.slice(0, -1) + 'X'), 403, /wrong/);
        assertJsonError(await adminGet(collector, urls[0], ADMIN_TOKEN.slice(0, 10)), 403, /wrong/);
        assert.deepEqual(await snapshot(store), before);
      });

      it('turns the admin endpoints off without a configured token', async (t) => {
        const { collector } = await open(t, { adminToken: undefined });
        assertJsonError(await adminGet(collector, '/v1/stats'), 404, /admin endpoints are off/);
      });
    });

    describe('GET /v1/subjects/:subject/receipts', () => {
      it("returns one subject's receipts, oldest first, exactly as stored", async (t) => {
        const { collector } = await open(t);
        const mine = makeChain(3, { subject: 'หนึ่ง one' });
        await post(collector, [...makeChain(2, { subject: 'other' }), mine[2], mine[0], mine[1]]);
        const res = await adminGet(collector, `/v1/subjects/${encodeURIComponent('หนึ่ง one')}/receipts`);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), { subject: 'หนึ่ง one', count: 3, receipts: mine });
      });

      it('finds a subject of the longest allowed length, in Thai', async (t) => {
        const { collector } = await open(t);
        const subject = 'ก'.repeat(256);
        const receipt = makeReceipt({ subject });
        await post(collector, [receipt]);
        const res = await adminGet(collector, `/v1/subjects/${encodeURIComponent(subject)}/receipts`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json().receipts, [receipt]);
      });

      it('finds a subject of 256 emoji: 256 code points, as the schema counts, though 512 UTF-16 units', async (t) => {
        const { collector } = await open(t);
        const subject = '😀'.repeat(256);
        const receipt = makeReceipt({ subject });
        assert.deepEqual((await post(collector, [receipt])).json().accepted, [receipt.id]);
        const res = await adminGet(collector, `/v1/subjects/${encodeURIComponent(subject)}/receipts`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json().receipts, [receipt]);
        assert.equal((await adminGet(collector, `/v1/subjects/${encodeURIComponent(subject)}/gaps`)).json().count, 1);
        const exported = await adminGet(collector, `/v1/export?subject=${encodeURIComponent(subject)}`);
        assert.equal(exported.statusCode, 200, exported.body);
        assert.deepEqual(JSON.parse(exported.body), receipt);
      });

      it('refuses a subject the schema refuses with 400, on every route that takes one', async (t) => {
        const { collector } = await open(t);
        for (const subject of ['a\u0001b', 'a\u0085b', 'a\u202Eb', 'a\u2066b', '😀'.repeat(257), 'a'.repeat(257)]) {
          const encoded = encodeURIComponent(subject);
          for (const url of [`/v1/subjects/${encoded}/receipts`, `/v1/subjects/${encoded}/gaps`, `/v1/export?subject=${encoded}`]) {
            assertJsonError(await adminGet(collector, url), 400, /^subject: must be 1 to 256 characters without control characters or bidi controls$/);
          }
        }
        assertJsonError(await adminGet(collector, '/v1/export?subject='), 400, /^subject: must be 1 to 256 characters/);
      });

      it('returns an empty list for an unknown subject', async (t) => {
        const { collector } = await open(t);
        assert.deepEqual((await adminGet(collector, '/v1/subjects/nobody/receipts')).json(), { subject: 'nobody', count: 0, receipts: [] });
      });
    });

    describe('GET /v1/stats', () => {
      it('counts granted and denied per choice per day, within from/to', async (t) => {
        const { collector } = await open(t);
        const day1 = '2026-11-20T10:00:00.000Z';
        const day2 = '2026-11-21T23:59:59.999Z';
        const day3 = '2026-11-22T00:00:00.000Z';
        await post(collector, [
          makeReceipt({ time: day1, choices: { analytics: true, marketing: false } }),
          makeReceipt({ time: day1, subject: 'b', choices: { analytics: false, marketing: false } }),
          makeReceipt({ time: day2, choices: { analytics: true, 'photo-publicity': true } }),
          makeReceipt({ time: day3, choices: { analytics: false } }),
        ]);
        const all = (await adminGet(collector, '/v1/stats')).json();
        assert.deepEqual(all, {
          from: null,
          to: null,
          days: [
            { day: '2026-11-20', choices: { analytics: { granted: 1, denied: 1 }, marketing: { granted: 0, denied: 2 } } },
            { day: '2026-11-21', choices: { analytics: { granted: 1, denied: 0 }, 'photo-publicity': { granted: 1, denied: 0 } } },
            { day: '2026-11-22', choices: { analytics: { granted: 0, denied: 1 } } },
          ],
        });
        const ranged = (await adminGet(collector, '/v1/stats?from=2026-11-21&to=2026-11-21')).json();
        assert.deepEqual(ranged.days.map((/** @type {any} */ d) => d.day), ['2026-11-21']);
      });

      it('takes the widest dates, from=0000-01-01 and to=9999-12-31, as no bound at all', async (t) => {
        const { collector } = await open(t);
        const receipt = makeReceipt();
        await post(collector, [receipt]);
        const stats = (await adminGet(collector, '/v1/stats?from=0000-01-01&to=9999-12-31')).json();
        assert.equal(stats.days.length, 1, JSON.stringify(stats));
        const exported = await adminGet(collector, '/v1/export?from=0000-01-01&to=9999-12-31');
        assert.deepEqual(JSON.parse(exported.body), receipt);
      });

      it('refuses a bad date with 400', async (t) => {
        const { collector } = await open(t);
        assertJsonError(await adminGet(collector, '/v1/stats?from=2026-02-30'), 400, /^from: must be a date YYYY-MM-DD/);
        assertJsonError(await adminGet(collector, '/v1/stats?to=yesterday'), 400, /^to: must be a date/);
      });
    });

    describe('GET /v1/export', () => {
      it('exports NDJSON, one stored receipt a line', async (t) => {
        const { collector } = await open(t);
        const receipts = makeChain(7);
        await post(collector, receipts);
        const res = await adminGet(collector, '/v1/export?format=ndjson');
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^application\/x-ndjson/);
        const lines = res.body.trimEnd().split('\n').map((line) => JSON.parse(line));
        assert.deepEqual(lines, receipts);
      });

      it('exports CSV with a header, quoting, and formula-looking cells defused', async (t) => {
        const { collector } = await open(t);
        const receipt = makeReceipt({ subject: '=HYPERLINK("x")', controller: 'TDGA, "กรม"', actor: 'curator' });
        await post(collector, [receipt]);
        const res = await adminGet(collector, '/v1/export?format=csv');
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^text\/csv/);
        const [header, row, end] = res.body.split('\r\n');
        assert.equal(header, '\uFEFFid,subject,time,origin,page,controller,notice_id,notice_version,notice_hash,language,method,actor,gpc,choices,prev,hash');
        assert.ok(row.startsWith(`${receipt.id},"'=HYPERLINK(""x"")",${receipt.time},${SITE},/register,"TDGA, ""กรม""",`), row);
        assert.ok(row.includes(',curator,false,"{""necessary"":true,""analytics"":true,""marketing"":false}",,' + receipt.hash));
        assert.equal(end, '');
      });

      it('defuses CSV cells that start with a semicolon too', async (t) => {
        const { collector } = await open(t);
        const receipt = makeReceipt({ subject: ';=1+1', controller: ';cmd' });
        await post(collector, [receipt]);
        const [, row] = (await adminGet(collector, '/v1/export?format=csv')).body.split('\r\n');
        assert.ok(row.startsWith(`${receipt.id},';=1+1,${receipt.time},${SITE},/register,';cmd,`), row);
      });

      it('filters by subject and by day', async (t) => {
        const { collector } = await open(t);
        const a = makeReceipt({ subject: 'a', time: '2026-11-20T01:00:00.000Z' });
        const b = makeReceipt({ subject: 'b', time: '2026-11-21T01:00:00.000Z' });
        await post(collector, [a, b]);
        const bySubject = await adminGet(collector, '/v1/export?format=ndjson&subject=b');
        assert.deepEqual(bySubject.body.trimEnd().split('\n').map((l) => JSON.parse(l).id), [b.id]);
        const byDay = await adminGet(collector, '/v1/export?from=2026-11-20&to=2026-11-20');
        assert.deepEqual(byDay.body.trimEnd().split('\n').map((l) => JSON.parse(l).id), [a.id]);
      });

      it('refuses a repeated query parameter with a 400 naming it, in either format and on every admin endpoint', async (t) => {
        const { collector } = await open(t);
        await post(collector, [makeReceipt({ subject: 'a' }), makeReceipt({ subject: 'b' })]);
        for (const url of ['/v1/export?subject=a&subject=b', '/v1/export?format=csv&subject=a&subject=b', '/v1/export?format=csv&format=ndjson']) {
          assertJsonError(await adminGet(collector, url), 400, /^query: (subject|format) is given 2 times; give it once$/);
        }
        assertJsonError(await adminGet(collector, '/v1/stats?from=2026-11-01&from=2026-11-02'), 400, /^query: from is given 2 times/);
        assertJsonError(await adminGet(collector, '/v1/gaps?limit=1&limit=2&limit=3'), 400, /^query: limit is given 3 times/);
      });

      it('refuses an unknown format with 400', async (t) => {
        const { collector } = await open(t);
        assertJsonError(await adminGet(collector, '/v1/export?format=xlsx'), 400, /^format: must be csv, ndjson or iso27560/);
      });

      it('streams: chunked, arriving in pieces, read from the database a page at a time', async (t) => {
        const { collector, store } = await open(t, { exportPageSize: 50 });
        for (let i = 0; i < 5; i++) await post(collector, makeChain(100, { subject: `s${i}` }));
        // The rows each database read returns. (Counting the bodies the export yields, as this
        // test once did, gives 10 whatever the store does.)
        /** @type {number[]} */
        const reads = [];
        const bodyPage = store.bodyPage;
        store.bodyPage = async (page) => {
          const rows = await bodyPage.call(store, page);
          reads.push(rows.length);
          return rows;
        };
        const url = await collector.listen({ port: 0, host: '127.0.0.1' });
        const { headers, chunks } = await new Promise((resolve, reject) => {
          const req = request(`${url}/v1/export?format=ndjson`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }, (res) => {
            /** @type {Buffer[]} */
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, chunks }));
            res.on('error', reject);
          });
          req.on('error', reject);
          req.end();
        });
        assert.equal(headers['transfer-encoding'], 'chunked');
        assert.equal(headers['content-length'], undefined);
        assert.ok(chunks.length > 1, `expected several chunks, got ${chunks.length}`);
        assert.equal(Buffer.concat(chunks).toString().trimEnd().split('\n').length, 500);
        assert.deepEqual(reads, [...Array(10).fill(50), 0]);
      });
    });

    proofSuite({ it, open, assertJsonError });

    describe('chain gaps', () => {
      it('reports a complete chain as complete', async (t) => {
        const { collector } = await open(t);
        const chain = makeChain(4, { subject: 'whole' });
        await post(collector, chain);
        const report = (await adminGet(collector, '/v1/subjects/whole/gaps')).json();
        assert.deepEqual(report, { subject: 'whole', count: 4, complete: true, truncated: false, roots: [chain[0].id], gaps: [], forks: [] });
      });

      it('names the receipt after a missing one, and clears when it arrives', async (t) => {
        const { collector } = await open(t);
        const chain = makeChain(5, { subject: 'holey' });
        await post(collector, [chain[0], chain[1], chain[3], chain[4]]);
        await post(collector, makeChain(2, { subject: 'fine' }));
        const report = (await adminGet(collector, '/v1/subjects/holey/gaps')).json();
        assert.equal(report.complete, false);
        assert.deepEqual(report.gaps, [{ id: chain[3].id, time: chain[3].time, prev: chain[2].hash }]);
        const all = (await adminGet(collector, '/v1/gaps')).json();
        assert.deepEqual(all, { gaps: [{ id: chain[3].id, subject: 'holey', time: chain[3].time, prev: chain[2].hash }], truncated: false });

        await post(collector, [chain[2]]);
        assert.equal((await adminGet(collector, '/v1/subjects/holey/gaps')).json().complete, true);
        assert.deepEqual((await adminGet(collector, '/v1/gaps')).json().gaps, []);
      });

      it('reports forks: two receipts naming the same prev', async (t) => {
        const { collector } = await open(t);
        const [first] = makeChain(1, { subject: 'forked' });
        const left = makeReceipt({ subject: 'forked', prev: first.hash, method: 'preferences.save' });
        const right = makeReceipt({ subject: 'forked', prev: first.hash, method: 'withdraw' });
        await post(collector, [first, left, right]);
        const report = (await adminGet(collector, '/v1/subjects/forked/gaps')).json();
        assert.equal(report.complete, true);
        assert.deepEqual(report.forks.map((/** @type {any} */ f) => [f.prev, f.count, [...f.ids].sort()]), [[first.hash, 2, [left.id, right.id].sort()]]);
      });

      it('reports 30,000 receipts forked from one prev in bounded lists, reading a page at a time while /healthz answers', async (t) => {
        const { collector, store } = await open(t);
        // Stored directly: the reports read only the indexed columns, and 30,000 hashed
        // receipts would take seconds to make.
        const start = Date.now() - 60_000;
        const fake = (/** @type {number} */ i, /** @type {string | null} */ prev) => ({
          id: uuidv7(start + i),
          subject: 'planted',
          time: new Date(start + i).toISOString(),
          hash: `sha256-${i.toString(16).padStart(64, '0')}`,
          prev,
          receivedDay: new Date(start).toISOString().slice(0, 10),
          body: '{}',
        });
        const root = fake(0, null);
        const forked = Array.from({ length: 30_000 }, (_, i) => fake(i + 1, root.hash));
        await store.insert([root, ...forked]);
        const url = await collector.listen({ port: 0, host: '127.0.0.1' });

        /**
         * Once a report has read its first page, asks for /healthz over a socket, which only
         * the event loop can answer: it must not wait for the other 29,000 receipts.
         * @param {string} path
         */
        async function whileReading(path) {
          /** @type {string[]} */
          const finished = [];
          /** @type {Promise<unknown> | undefined} */
          let health;
          const chain = store.chain;
          let pages = 0;
          store.chain = async (...args) => {
            const rows = await chain.apply(store, args);
            if (pages++ === 0) health = fetch(`${url}/healthz`).then((res) => finished.push(`healthz ${res.status}`));
            return rows;
          };
          try {
            const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
            const body = /** @type {any} */ (await res.json());
            finished.push(`report ${res.status}`);
            await health;
            assert.deepEqual(finished, ['healthz 200', 'report 200']);
            assert.ok(pages > 10, `${pages} page reads`);
            return body;
          } finally {
            store.chain = chain;
          }
        }

        const report = await whileReading('/v1/subjects/planted/gaps');
        assert.equal(report.count, 30_001);
        assert.equal(report.complete, true);
        assert.equal(report.truncated, true);
        assert.deepEqual(report.roots, [root.id]);
        assert.equal(report.forks.length, 1);
        assert.equal(report.forks[0].prev, root.hash);
        assert.equal(report.forks[0].count, 30_000);
        assert.deepEqual(report.forks[0].ids, forked.slice(0, 100).map((row) => row.id));

        assert.deepEqual(await whileReading('/v1/gaps'), { gaps: [], truncated: false });
      });

      it('refuses a limit that is not a whole number from 1 to 100000 with 400', async (t) => {
        const { collector } = await open(t);
        for (const limit of ['0', '-1', '1.5', 'ten', '100001', '']) {
          assertJsonError(await adminGet(collector, `/v1/gaps?limit=${limit}`), 400, /^limit: must be a whole number from 1 to 100000$/);
        }
        assert.equal((await adminGet(collector, '/v1/gaps?limit=100000')).statusCode, 200);
      });

      it('limits the all-subject report and says it was truncated', async (t) => {
        const { collector } = await open(t);
        const orphans = [1, 2, 3].map((i) => makeReceipt({ subject: `o${i}`, prev: 'sha256-' + String(i).repeat(64) }));
        await post(collector, orphans);
        const report = (await adminGet(collector, '/v1/gaps?limit=2')).json();
        assert.equal(report.gaps.length, 2);
        assert.equal(report.truncated, true);
      });
    });

    describe('retention', () => {
      it('purges receipts older than retentionDays at start and refuses new ones that old', async (t) => {
        const day = 24 * 60 * 60 * 1000;
        const keeper = await startCollector(backend);
        const old = makeReceipt({ time: new Date(Date.now() - 40 * day).toISOString() });
        const recent = makeReceipt({ time: new Date(Date.now() - 20 * day).toISOString() });
        await post(keeper.collector, [old, recent]);
        assert.equal(await keeper.store.count(), 2);
        await keeper.collector.close();

        const { collector, store } = await open(t, { retentionDays: 30 }, keeper.database);
        const after = await snapshot(store);
        assert.deepEqual(after.bodies.map((b) => JSON.parse(b).id), [recent.id]);

        const stale = makeReceipt({ time: new Date(Date.now() - 31 * day).toISOString() });
        const res = await post(collector, [stale]);
        assert.match(res.json().rejected[0].error, /^receipts\[0\]\.time: .* is older than the retention period of 30 days/);
        assert.equal(await store.count(), 1);
      });

      it("purges periodically while running, by the collector's clock", { timeout: 10_000 }, async (t) => {
        const day = 24 * 60 * 60 * 1000;
        // Years from the real clock, so that only the collector's own clock can purge.
        let now = Date.parse('2030-01-01T00:00:00.000Z');
        /** @type {(entry: { removed: number }) => void} */
        let purged = () => {};
        /** @type {Promise<{ removed: number }>} */
        const purge = new Promise((resolve) => (purged = resolve));
        const stream = {
          write: (/** @type {string} */ line) => {
            const entry = JSON.parse(line);
            if (entry.msg === 'retention purge') purged(entry);
          },
        };
        const { collector, store } = await open(t, { retentionDays: 1, purgeIntervalMs: 20, now: () => now, logger: { level: 'info', stream } });
        // Running: the purge timer does not hold the process open, a listening server does.
        await collector.listen({ port: 0, host: '127.0.0.1' });
        const receipt = makeReceipt({ time: new Date(now - day + 1000).toISOString() });
        assert.deepEqual((await post(collector, [receipt])).json().accepted, [receipt.id]);
        // A second past the retention period: the next sweep must remove it, and says so.
        now += 2000;
        assert.equal((await purge).removed, 1);
        assert.equal(await store.count(), 0);
      });
    });
  });
}
