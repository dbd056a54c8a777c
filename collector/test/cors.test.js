// @ts-check
// CORS and the origin allow-list, over real HTTP on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, SITE, send, snapshot, sqliteBackend, startCollector } from '../test-support/harness.js';
import { makeReceipt } from '../test-support/receipts.js';

const backend = sqliteBackend();
after(() => backend.cleanup());

const preflight = {
  method: 'OPTIONS',
  headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
};

describe('with an allow-list', () => {
  /** @type {Awaited<ReturnType<typeof startCollector>>} */
  let started;
  let url = '';
  before(async () => {
    started = await startCollector(backend, { allowOrigins: [SITE, 'http://localhost:8000/'] });
    url = await started.collector.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => started.collector.close());

  it('answers an allowed preflight for a JSON POST, cacheable, so keepalive sends on pagehide can go', async () => {
    const res = await send(`${url}/v1/receipts`, preflight);
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], SITE);
    assert.match(String(res.headers['access-control-allow-methods']), /POST/);
    assert.match(String(res.headers['access-control-allow-headers']), /Content-Type/i);
    assert.ok(Number(res.headers['access-control-max-age']) >= 600);
    assert.equal(res.headers['access-control-allow-credentials'], undefined);
  });

  it('normalizes allow-list entries written with a trailing slash', async () => {
    const res = await send(`${url}/v1/receipts`, { ...preflight, headers: { ...preflight.headers, origin: 'http://localhost:8000' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], 'http://localhost:8000');
  });

  it('lets an allowed origin post, and exposes Retry-After to its script', async () => {
    const receipt = makeReceipt();
    const res = await send(`${url}/v1/receipts`, {
      method: 'POST',
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: JSON.stringify({ receipts: [receipt] }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], SITE);
    assert.match(String(res.headers['access-control-expose-headers']), /Retry-After/);
    assert.deepEqual(JSON.parse(res.body).accepted, [receipt.id]);
  });

  it('refuses a preflight from another origin with 403', async () => {
    const res = await send(`${url}/v1/receipts`, { ...preflight, headers: { ...preflight.headers, origin: 'https://phish.example' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    assert.match(JSON.parse(res.body).error, /^origin https:\/\/phish\.example is not allowed/);
  });

  it('refuses a POST from another origin with 403 and stores nothing', async () => {
    const before = await snapshot(started.store);
    const res = await send(`${url}/v1/receipts`, {
      method: 'POST',
      headers: { origin: 'https://phish.example', 'content-type': 'application/json' },
      body: JSON.stringify({ receipts: [makeReceipt({ origin: 'https://phish.example' })] }),
    });
    assert.equal(res.status, 403);
    // The allow-list is not for anyone to read.
    assert.equal(JSON.parse(res.body).error, 'origin https://phish.example is not allowed to use this collector');
    assert.deepEqual(await snapshot(started.store), before);
  });

  it("judges a receipt's origin against the allow-list on its own, not against the request's Origin header", async () => {
    const before = await snapshot(started.store);
    const sibling = makeReceipt({ origin: 'http://localhost:8000' });
    const foreign = makeReceipt({ origin: 'https://phish.example' });
    const res = await send(`${url}/v1/receipts`, {
      method: 'POST',
      headers: { origin: SITE, 'content-type': 'application/json' },
      body: JSON.stringify({ receipts: [sibling, foreign] }),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), {
      accepted: [sibling.id],
      duplicates: [],
      rejected: [{ id: foreign.id, error: 'receipts[1].origin: https://phish.example is not an allowed origin of this collector' }],
    });
    assert.equal((await snapshot(started.store)).count, before.count + 1);
  });

  it('refuses the opaque origin "null" (sandboxed frames, file: pages)', async () => {
    const res = await send(`${url}/v1/receipts`, { ...preflight, headers: { ...preflight.headers, origin: 'null' } });
    assert.equal(res.status, 403);
  });

  it('serves requests without an Origin header (curl, servers)', async () => {
    const res = await send(`${url}/v1/stats`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(res.status, 200);
  });
});

describe('without an allow-list', () => {
  it('allows every origin, and warns once', async (t) => {
    /** @type {string[]} */
    const lines = [];
    const stream = { write: (/** @type {string} */ line) => void lines.push(line) };
    const started = await startCollector(backend, { allowOrigins: [], logger: { level: 'warn', stream } });
    t.after(() => started.collector.close());
    const url = await started.collector.listen({ port: 0, host: '127.0.0.1' });
    const res = await send(`${url}/v1/receipts`, { ...preflight, headers: { ...preflight.headers, origin: 'https://anywhere.example' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const receipt = makeReceipt({ origin: 'https://anywhere.example' });
    const post = await send(`${url}/v1/receipts`, {
      method: 'POST',
      headers: { origin: 'https://anywhere.example', 'content-type': 'application/json' },
      body: JSON.stringify({ receipts: [receipt] }),
    });
    assert.deepEqual(JSON.parse(post.body).accepted, [receipt.id]);
    assert.equal(lines.filter((line) => /every origin may send receipts/.test(line)).length, 1);
  });
});
