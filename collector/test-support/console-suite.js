// @ts-check
// The console's sign-in, sessions and JSON on one storage backend; test/console.sqlite.test.js
// and test/console.postgres.test.js run it on each.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it as runIt } from 'node:test';
import { hashPassword } from '../src/passwords.js';
import { OWN_ORIGIN, consoleClient } from './console-client.js';
import { ADMIN_TOKEN, SITE, adminGet, post, runSql, snapshot, startCollector } from './harness.js';
import { newKeyPem, signatureVerifies } from './proof-suite.js';
import { makeChain, makeReceipt, rehash } from './receipts.js';

const HOUR = 60 * 60 * 1000;
const OTHER_SITE = 'https://www.dga.or.th';
const PASSWORD = 'ความลับ correct horse';
/** A day before the collector's clock in these tests. */
const T0 = Date.parse('2026-11-19T00:00:00.000Z');
const AT_T0 = new Date(T0).toISOString();

/**
 * @param {import('./harness.js').Backend} backend
 * @param {{ skip?: string }} [options]
 */
export function consoleSuite(backend, { skip } = {}) {
  /** @type {typeof runIt} */
  const it = skip === undefined ? runIt : /** @type {any} */ ((/** @type {string} */ name) => runIt(name, { skip }));
  /** @type {Promise<string>} */
  let somchaiHash;
  const users = async () => ({ somchai: await (somchaiHash ??= hashPassword(PASSWORD)) });

  /**
   * A collector on a fresh database with a clock the test moves, closed when the test ends.
   * @param {import('node:test').TestContext} t
   * @param {import('../src/create-collector.js').CollectorOptions} [options]
   */
  async function open(t, options = {}) {
    const clock = { now: Date.parse('2026-11-20T03:00:00.000Z') };
    const started = await startCollector(backend, { allowOrigins: [SITE, OTHER_SITE], now: () => clock.now, ...options });
    t.after(() => started.collector.close());
    return { ...started, clock, client: consoleClient(started.collector) };
  }

  /** @param {import('light-my-request').Response} res @param {number} status @param {RegExp} message */
  function assertError(res, status, message) {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.json().error, message);
  }

  /** @param {ReturnType<typeof consoleClient>} client */
  async function auditActions(client) {
    const res = await client.get('/admin/api/audit');
    assert.equal(res.statusCode, 200, res.body);
    return res.json().entries.map((/** @type {any} */ e) => `${e.action} ${e.user}${e.subject === null ? '' : ` ${e.subject}`}`);
  }

  describe(`console on ${backend.name}`, () => {
    describe('sign-in and sessions', () => {
      it('answers 404 on every console path when neither a token nor users are configured, and the bearer API too', async (t) => {
        const { collector, client } = await open(t, { adminToken: undefined });
        for (const url of ['/admin/', '/admin/audit', '/admin/console.js', '/admin/api/overview']) {
          assertError(await client.get(url), 404, /^the console is off/);
        }
        assertError(await client.signIn(ADMIN_TOKEN), 404, /^the console is off/);
        assertError(await adminGet(collector, '/v1/stats'), 404, /admin endpoints are off/);
      });

      it('signs in with the admin token: an HttpOnly SameSite=Strict cookie for /admin, 8 hours, that is not the token', async (t) => {
        const { client } = await open(t);
        assertError(await client.get('/admin/api/session'), 401, /^sign in first/);
        const res = await client.signIn(ADMIN_TOKEN);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json(), { user: '#token', expiresAt: '2026-11-20T11:00:00.000Z' });
        const cookie = String(res.headers['set-cookie']);
        assert.match(cookie, /^yinyom_console=[\w-]{43}; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=28800$/);
        assert.ok(!cookie.includes(ADMIN_TOKEN));
        assert.deepEqual((await client.get('/admin/api/session')).json(), { user: '#token', expiresAt: '2026-11-20T11:00:00.000Z' });
      });

      it('marks the cookie Secure when the console is reached over https', async (t) => {
        const { collector } = await open(t, { trustProxy: true });
        const res = await collector.app.inject({
          method: 'POST',
          url: '/admin/api/session',
          headers: { origin: 'https://consent.example.go.th', host: 'consent.example.go.th', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'consent.example.go.th', 'content-type': 'application/json' },
          payload: JSON.stringify({ password: ADMIN_TOKEN }),
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers['set-cookie']), /; Secure$/);
      });

      it('refuses a wrong token with 401, sets no cookie, and logs the failure', async (t) => {
        const { client } = await open(t);
        const res = await client.signIn(`${ADMIN_TOKEN}x`);
        assertError(res, 401, /^the admin token is wrong$/);
        assert.equal(res.headers['set-cookie'], undefined);
        await client.signedIn(ADMIN_TOKEN);
        assert.deepEqual(await auditActions(client), ['sign-in #token', 'sign-in-failed #token']);
      });

      it('signs in a named user from the users file, and the audit log names them', async (t) => {
        const { client } = await open(t, { adminToken: undefined, adminUsers: await users() });
        assertError(await client.signIn(PASSWORD, 'somchai2'), 401, /^the user name or password is wrong$/);
        assertError(await client.signIn(`${PASSWORD} `, 'somchai'), 401, /^the user name or password is wrong$/);
        // Without a token configured, a password without a user name signs in nobody.
        assertError(await client.signIn(PASSWORD), 401, /^the user name or password is wrong$/);
        const res = await client.signIn(PASSWORD, 'somchai');
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().user, 'somchai');
        assert.deepEqual(await auditActions(client), ['sign-in somchai', 'sign-in-failed #token', 'sign-in-failed somchai', 'sign-in-failed somchai2']);
      });

      it('ends a session after 8 hours', async (t) => {
        const { client, clock } = await open(t);
        await client.signedIn(ADMIN_TOKEN);
        clock.now += 8 * HOUR - 1;
        assert.equal((await client.get('/admin/api/overview')).statusCode, 200);
        clock.now += 1;
        assertError(await client.get('/admin/api/overview'), 401, /^sign in first: no session, or it has expired$/);
      });

      it('signs out: the cookie is cleared and the session no longer works', async (t) => {
        const { client } = await open(t);
        await client.signedIn(ADMIN_TOKEN);
        const session = client.cookie;
        const res = await client.request('DELETE', '/admin/api/session');
        assert.equal(res.statusCode, 204);
        assert.match(String(res.headers['set-cookie']), /^yinyom_console=; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=0$/);
        client.cookie = session;
        assertError(await client.get('/admin/api/overview'), 401, /^sign in first/);
      });

      it('makes a client wait after 5 failed sign-ins, even with the right token, until 15 minutes pass', async (t) => {
        const { client, clock, store } = await open(t);
        for (let i = 0; i < 5; i++) assertError(await client.signIn('wrong-token-0123456789'), 401, /wrong/);
        const res = await client.signIn(ADMIN_TOKEN);
        assertError(res, 429, /^too many failed sign-ins: wait 900 s$/);
        assert.equal(res.headers['retry-after'], '900');
        const [refused] = await store.auditPage({ limit: 1 });
        assert.deepEqual([refused.action, refused.detail], ['sign-in-failed', { refused: 'too many failed sign-ins' }], 'a refused attempt is audited too');
        clock.now += 15 * 60 * 1000;
        assert.equal((await client.signIn(ADMIN_TOKEN)).statusCode, 200);
      });

      it('refuses a change without the console’s own Origin, storing nothing', async (t) => {
        const { client, store } = await open(t);
        for (const origin of [undefined, 'https://evil.example', SITE]) {
          const headers = origin === undefined ? { origin: '' } : { origin };
          const res = await client.request('POST', '/admin/api/session', { password: ADMIN_TOKEN }, headers);
          assertError(res, 403, /^origin: .*; the console accepts changes from http:\/\/localhost:80 only$/);
          assert.equal(res.headers['set-cookie'], undefined);
        }
        assert.deepEqual(await store.auditPage({ limit: 10 }), []);
        await client.signedIn(ADMIN_TOKEN);
        const erase = await client.request('POST', `/admin/api/subjects/a/erase`, { reason: 'x', confirm: 'a' }, { origin: 'https://evil.example' });
        assertError(erase, 403, /^origin:/);
      });

      it('keeps the bearer API as it was: the cookie opens no /v1 endpoint and the bearer token no console route', async (t) => {
        const { collector, client } = await open(t);
        await client.signedIn(ADMIN_TOKEN);
        const withCookie = await collector.app.inject({ method: 'GET', url: '/v1/stats', headers: { cookie: /** @type {string} */ (client.cookie) } });
        assertError(withCookie, 401, /^admin token required/);
        assert.equal((await adminGet(collector, '/v1/stats')).statusCode, 200);
        assertError(await adminGet(collector, '/admin/api/overview'), 401, /^sign in first/);
      });

      it('refuses malformed sign-ins with 400', async (t) => {
        const { client } = await open(t);
        assertError(await client.request('POST', '/admin/api/session', { password: 42 }), 400, /^password: must be a string/);
        assertError(await client.request('POST', '/admin/api/session', { password: 'x'.repeat(1025) }), 400, /^password:/);
        assertError(await client.request('POST', '/admin/api/session', { user: 'a:b', password: 'x' }), 400, /^user:/);
        assertError(await client.request('POST', '/admin/api/session', ['x']), 400, /^body:/);
      });
    });

    describe('pages', () => {
      it('serves each page as the shell under a strict CSP with Trusted Types', async (t) => {
        const { client } = await open(t, { adminUsers: await users() });
        for (const url of ['/admin/', '/admin/export', '/admin/audit', `/admin/subjects/${encodeURIComponent('ผู้ใช้ 1')}`, '/admin/subjects/a/access-request']) {
          const res = await client.get(url);
          assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
          assert.match(String(res.headers['content-type']), /^text\/html/);
          assert.match(res.body, /<yinyom-console sign-in="token users"><\/yinyom-console>/);
          assert.match(res.body, /<script type="module" src="\/admin\/console\.js"><\/script>/);
          const csp = String(res.headers['content-security-policy']);
          assert.match(csp, /default-src 'none'/);
          assert.match(csp, /script-src 'self';/);
          assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html$/);
          assert.equal(res.headers['cache-control'], 'no-store');
        }
        const redirect = await client.get('/admin');
        assert.equal(redirect.statusCode, 308);
        assert.equal(redirect.headers.location, '/admin/');
        assertError(await client.get(`/admin/subjects/${encodeURIComponent('a\u202Eb')}`), 400, /^subject:/);
      });

      it('answers 501 naming the build when the console was not built', async (t) => {
        const { client } = await open(t, { consoleDir: pathToFileURL(mkdtempSync(join(tmpdir(), 'yinyom-console-')) + '/') });
        assertError(await client.get('/admin/'), 501, /^the console's dist\/console\.js cannot be read \(ENOENT\); run npm run build/);
      });
    });

    describe('overview', () => {
      /**
       * Receipts on two days and two sites: a grant, then its withdrawal, then a refusal.
       * @param {{ collector: import('../src/create-collector.js').Collector }} opened
       */
      async function seed({ collector }) {
        const day1 = Date.parse('2026-11-18T01:00:00.000Z');
        const day2 = Date.parse('2026-11-19T01:00:00.000Z');
        const a = makeChain(2, { subject: 'a', choices: { analytics: true, marketing: false } }, day1);
        const withdrawn = rehash(a[1], { time: new Date(day2).toISOString(), choices: { analytics: false, marketing: false } });
        const other = makeReceipt({ subject: 'b', origin: OTHER_SITE, time: new Date(day2 + 1000).toISOString(), method: 'withdraw', choices: { analytics: false } });
        const res = await post(collector, [a[0], withdrawn, other]);
        assert.equal(res.json().accepted.length, 3, res.body);
      }

      it('shows the totals per day and per choice granted, denied and withdrawn, as posted', async (t) => {
        const opened = await open(t);
        await seed(opened);
        await opened.client.signedIn(ADMIN_TOKEN);
        const res = await opened.client.get('/admin/api/overview');
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.deepEqual(body.sites, [SITE, OTHER_SITE].sort());
        assert.equal(body.total, 3);
        assert.equal(body.stored, 3);
        assert.deepEqual(body.days, [{ day: '2026-11-18', count: 1 }, { day: '2026-11-19', count: 2 }]);
        assert.deepEqual(body.choices, [
          { choice: 'analytics', granted: 1, denied: 0, withdrawn: 2 },
          { choice: 'marketing', granted: 0, denied: 2, withdrawn: 0 },
        ]);
        assert.deepEqual(body.gaps, { gaps: [], truncated: false });
        assert.equal(body.retentionDays, null);
        assert.equal(body.nextPurge, null);
      });

      it('filters by site and by date range', async (t) => {
        const opened = await open(t);
        await seed(opened);
        await opened.client.signedIn(ADMIN_TOKEN);
        const site = (await opened.client.get(`/admin/api/overview?site=${encodeURIComponent(OTHER_SITE)}`)).json();
        assert.equal(site.total, 1);
        assert.deepEqual(site.choices, [{ choice: 'analytics', granted: 0, denied: 0, withdrawn: 1 }]);
        const day = (await opened.client.get('/admin/api/overview?from=2026-11-18&to=2026-11-18&site=')).json();
        assert.equal(day.total, 1);
        assert.deepEqual(day.days, [{ day: '2026-11-18', count: 1 }]);
        assert.deepEqual(day.choices, [{ choice: 'analytics', granted: 1, denied: 0, withdrawn: 0 }, { choice: 'marketing', granted: 0, denied: 1, withdrawn: 0 }]);
        assertError(await opened.client.get('/admin/api/overview?from=2026-02-30'), 400, /^from: must be a date YYYY-MM-DD/);
        assertError(await opened.client.get('/admin/api/overview?from=2026-11-19&to=2026-11-18'), 400, /^from: must not be after to$/);
        assertError(await opened.client.get('/admin/api/overview?site=javascript:alert(1)'), 400, /^site: must be an origin/);
      });

      it('lists chain gaps and shows the retention and the next purge', async (t) => {
        const opened = await open(t, { retentionDays: 30, purgeIntervalMs: HOUR });
        const chain = makeChain(3, { subject: 'gappy' }, T0);
        const elsewhere = makeChain(2, { subject: 'gappy-too', origin: OTHER_SITE }, T0);
        await post(opened.collector, [chain[0], chain[2], elsewhere[1]]);
        await opened.client.signedIn(ADMIN_TOKEN);
        const body = (await opened.client.get('/admin/api/overview')).json();
        assert.deepEqual(body.gaps.gaps.map((/** @type {any} */ g) => g.id), [chain[2].id, elsewhere[1].id]);
        const site = (await opened.client.get(`/admin/api/overview?site=${encodeURIComponent(OTHER_SITE)}`)).json();
        assert.deepEqual(site.gaps.gaps.map((/** @type {any} */ g) => [g.id, g.origin]), [[elsewhere[1].id, OTHER_SITE]], 'the site filter applies to the gaps');
        assert.equal(body.retentionDays, 30);
        assert.equal(body.nextPurge, '2026-11-20T04:00:00.000Z');
      });
    });

    describe('subject page', () => {
      it("gives a subject's receipts oldest first with the chain status, and logs the lookup", async (t) => {
        const { collector, client } = await open(t);
        const chain = makeChain(3, { subject: 'ผู้ใช้ 1', actor: 'parent' }, T0);
        await post(collector, [chain[2], chain[0], makeReceipt({ subject: 'other', time: AT_T0 })]);
        await client.signedIn(ADMIN_TOKEN);
        const res = await client.get(`/admin/api/subjects/${encodeURIComponent('ผู้ใช้ 1')}`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.deepEqual(body.receipts, [chain[0], chain[2]]);
        assert.deepEqual(body.intact, [true, true]);
        assert.equal(body.signatures, null, 'a collector without a signing key countersigns nothing');
        assert.equal(body.chain.complete, false);
        assert.deepEqual(body.chain.gaps.map((/** @type {any} */ g) => g.id), [chain[2].id]);
        assert.deepEqual(body.tombstones, []);
        assert.deepEqual((await auditActions(client)).slice(0, 1), ['subject-lookup #token ผู้ใช้ 1']);
      });

      it('tells a receipt changed in the database since it was received, and countersigns only the intact ones', async (t) => {
        const { collector, client, database } = await open(t, { signingKeys: [newKeyPem()] });
        const chain = makeChain(2, { subject: 's1' }, T0);
        await post(collector, chain);
        const changed = JSON.stringify({ ...chain[1], choices: { ...chain[1].choices, marketing: true } });
        await runSql(database, 'UPDATE receipts SET body = $1 WHERE id = $2', [changed, chain[1].id]);
        await client.signedIn(ADMIN_TOKEN);
        const body = (await client.get('/admin/api/subjects/s1')).json();
        assert.deepEqual(body.intact, [true, false]);
        const [signed, unsigned] = body.signatures;
        assert.equal(unsigned, null);
        assert.ok(signatureVerifies(chain[0], signed, (await adminGet(collector, '/v1/keys')).json()));
        assert.deepEqual(signed, (await post(collector, [chain[0]])).json().signatures[chain[0].id], 'the signature a resend is answered');
      });

      it('downloads the receipts as JSON, CSV, Kantara CR 1.1 and ISO/IEC TS 27560, each logged as an export', async (t) => {
        const { collector, client } = await open(t);
        const chain = makeChain(2, { subject: 's1' }, T0);
        await post(collector, chain);
        await client.signedIn(ADMIN_TOKEN);
        const url = (/** @type {string} */ format) => `/admin/api/subjects/s1/download?format=${format}`;
        const json = await client.get(url('json'));
        assert.equal(json.statusCode, 200, json.body);
        assert.deepEqual(json.json(), { subject: 's1', count: 2, receipts: chain });
        assert.match(String(json.headers['content-disposition']), /^attachment; filename="yinyom-subject\.json"$/);
        const csv = await client.get(url('csv'));
        assert.ok(csv.body.startsWith('\uFEFFid,subject,time'));
        assert.equal(csv.body.trim().split('\r\n').length, 3);
        const kantara = (await client.get(url('kantara'))).json();
        assert.deepEqual(kantara.map((/** @type {any} */ k) => [k.version, k.consentReceiptID, k.piiPrincipalId]), chain.map((r) => ['KI-CR-v1.1.0', r.id, 's1']));
        assert.deepEqual(kantara[0].services[0].purposes.map((/** @type {any} */ p) => p.purpose), ['necessary', 'analytics']);
        const iso = await client.get(url('iso27560'));
        assert.match(String(iso.headers['content-type']), /^application\/ld\+json/);
        assert.deepEqual(iso.json()['@graph'].map((/** @type {any} */ r) => r['dct:identifier']), chain.map((r) => r.id));
        assertError(await client.get(url('xml')), 400, /^format: must be json, csv, kantara or iso27560/);
        const exports = (await client.get('/admin/api/audit')).json().entries.filter((/** @type {any} */ e) => e.action === 'export');
        assert.deepEqual(exports.map((/** @type {any} */ e) => [e.subject, e.detail.format]), [['s1', 'iso27560'], ['s1', 'kantara'], ['s1', 'csv'], ['s1', 'json']]);
      });
    });

    describe('erasure', () => {
      it('erases a subject after confirmation, keeping a tombstone of each receipt and an audit entry', async (t) => {
        const { collector, client, store } = await open(t, { adminToken: undefined, adminUsers: await users() });
        const chain = makeChain(2, { subject: 'ลบ', choices: { analytics: true } }, T0);
        const kept = makeReceipt({ subject: 'keep', choices: { analytics: true }, time: AT_T0 });
        await post(collector, [...chain, kept]);
        await client.signedIn(PASSWORD, 'somchai');
        const before = await snapshot(store);
        const url = `/admin/api/subjects/${encodeURIComponent('ลบ')}/erase`;
        assertError(await client.post(url, { reason: 'คำขอตามมาตรา 33' }), 400, /^confirm: must repeat the subject/);
        assertError(await client.post(url, { reason: 'คำขอ', confirm: 'ลบ ' }), 400, /^confirm:/);
        assertError(await client.post(url, { reason: '  ', confirm: 'ลบ' }), 400, /^reason: must be 1 to 500 characters/);
        assertError(await client.post(url, { reason: 'a\u202Eb', confirm: 'ลบ' }), 400, /^reason:/);
        assertError(await client.post(url, { reason: 'x'.repeat(501), confirm: 'ลบ' }), 400, /^reason:/);
        assert.deepEqual(await snapshot(store), before);
        assert.deepEqual(await store.tombstones('ลบ'), []);

        const res = await client.post(url, { reason: ' คำขอลบข้อมูลตามมาตรา 33 เลขที่ 12/2569 ', confirm: 'ลบ' });
        assert.equal(res.statusCode, 200, res.body);
        const expected = chain.map((r) => ({ id: r.id, hash: r.hash, erasedAt: '2026-11-20T03:00:00.000Z', reason: 'คำขอลบข้อมูลตามมาตรา 33 เลขที่ 12/2569', erasedBy: 'somchai' }));
        assert.deepEqual(res.json(), { subject: 'ลบ', erased: 2, tombstones: expected });
        assert.deepEqual((await snapshot(store)).bodies, [JSON.stringify(kept)]);
        const page = (await client.get(`/admin/api/subjects/${encodeURIComponent('ลบ')}`)).json();
        assert.deepEqual([page.receipts, page.tombstones], [[], expected]);
        const [, erasure] = (await client.get('/admin/api/audit')).json().entries;
        assert.deepEqual([erasure.action, erasure.user, erasure.subject, erasure.detail], ['erasure', 'somchai', 'ลบ', { reason: 'คำขอลบข้อมูลตามมาตรา 33 เลขที่ 12/2569', erased: 2 }]);
        const overview = (await client.get('/admin/api/overview')).json();
        assert.deepEqual([overview.total, overview.erased, overview.choices], [1, 2, [{ choice: 'analytics', granted: 1, denied: 0, withdrawn: 0 }]]);
        const exported = await client.get('/admin/api/export?format=ndjson');
        assert.equal(exported.body, `${JSON.stringify(kept)}\n`);
        assertError(await client.post(url, { reason: 'again', confirm: 'ลบ' }), 404, /^subject: has no receipts to erase$/);
        assert.deepEqual(await store.tombstones('ลบ'), expected);
      });
    });

    describe('export', () => {
      it('streams CSV with a BOM or NDJSON for a date range and a site, a page at a time, and logs the filters', async (t) => {
        const { collector, client, store } = await open(t, { exportPageSize: 2 });
        const early = makeChain(3, { subject: 'e' }, Date.parse('2026-11-01T00:00:00.000Z'));
        const late = makeChain(3, { subject: 'l' }, Date.parse('2026-11-10T00:00:00.000Z'));
        const other = makeReceipt({ origin: OTHER_SITE, time: '2026-11-10T05:00:00.000Z' });
        await post(collector, [...early, ...late, other]);
        await client.signedIn(ADMIN_TOKEN);
        const pages = t.mock.method(store, 'bodyPage');
        const csv = await client.get(`/admin/api/export?format=csv&from=2026-11-05&to=2026-11-30&site=${encodeURIComponent(SITE)}`);
        assert.equal(csv.statusCode, 200, csv.body);
        assert.match(String(csv.headers['content-type']), /^text\/csv/);
        assert.match(String(csv.headers['content-disposition']), /^attachment; filename="yinyom-receipts\.csv"$/);
        assert.ok(csv.body.startsWith('\uFEFFid,'));
        assert.deepEqual(csv.body.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]), late.map((r) => r.id));
        assert.ok(pages.mock.callCount() >= 2, `read in pages of 2, got ${pages.mock.callCount()} reads`);
        const ndjson = await client.get('/admin/api/export?format=ndjson');
        assert.deepEqual(ndjson.body.trim().split('\n').map((line) => JSON.parse(line).id).sort(), [...early, ...late, other].map((r) => r.id).sort());
        assertError(await client.get('/admin/api/export?format=xlsx'), 400, /^format: must be csv or ndjson/);
        const [all, filtered] = (await client.get('/admin/api/audit')).json().entries;
        assert.deepEqual([all.action, all.detail], ['export', { from: null, to: null, site: null, format: 'ndjson' }]);
        assert.deepEqual(filtered.detail, { from: '2026-11-05', to: '2026-11-30', site: SITE, format: 'csv' });
      });
    });

    describe('audit log', () => {
      it('lists entries newest first a page at a time, exports them, and offers no way to change them', async (t) => {
        const { client, collector } = await open(t);
        await client.signedIn(ADMIN_TOKEN);
        for (let i = 0; i < 120; i++) assert.equal((await client.get(`/admin/api/subjects/s${i}`)).statusCode, 200);
        const first = (await client.get('/admin/api/audit')).json();
        assert.equal(first.entries.length, 100);
        assert.equal(first.entries[0].subject, 's119');
        assert.equal(first.entries[0].time, '2026-11-20T03:00:00.000Z');
        const second = (await client.get(`/admin/api/audit?before=${first.next}`)).json();
        assert.deepEqual([second.entries.length, second.next, second.entries.at(-1).action], [21, null, 'sign-in']);
        assertError(await client.get('/admin/api/audit?before=0'), 400, /^before:/);
        const exported = await client.get('/admin/api/audit/export');
        assert.match(String(exported.headers['content-type']), /^application\/x-ndjson/);
        const lines = exported.body.trim().split('\n').map((line) => JSON.parse(line));
        assert.equal(lines.length, 122);
        assert.deepEqual([lines[0].action, lines.at(-1).action], ['audit-export', 'sign-in']);
        for (const method of /** @type {const} */ (['PUT', 'DELETE', 'PATCH'])) {
          const res = await collector.app.inject({ method, url: '/admin/api/audit', headers: { origin: OWN_ORIGIN, cookie: /** @type {string} */ (client.cookie) } });
          assert.equal(res.statusCode, 404, `${method}: ${res.body}`);
        }
        assert.equal((await client.get('/admin/api/audit')).json().entries.length, 100);
      });
    });
  });
}
