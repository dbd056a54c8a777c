// @ts-check
// Per-client rate limit, and the promise that no IP address is logged or stored.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ADMIN_TOKEN, SITE, sqliteBackend, startCollector } from '../test-support/harness.js';
import { makeReceipt } from '../test-support/receipts.js';

const backend = sqliteBackend();
after(() => backend.cleanup());

/**
 * @param {string} url
 * @param {unknown[]} receipts
 */
function postReceipts(url, receipts) {
  return fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipts }),
  });
}

describe('rate limit', () => {
  it('answers 429 with Retry-After and a JSON error past the limit, readable cross-origin', async (t) => {
    const { collector, store } = await startCollector(backend, { rateLimit: { max: 3, timeWindow: 60_000 } });
    t.after(() => collector.close());
    const url = await collector.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 3; i++) assert.equal((await postReceipts(url, [makeReceipt()])).status, 200);

    const limited = await fetch(`${url}/v1/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: SITE },
      body: JSON.stringify({ receipts: [makeReceipt()] }),
    });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    assert.equal(limited.headers.get('access-control-allow-origin'), SITE);
    assert.match(String(limited.headers.get('access-control-expose-headers')), /Retry-After/);
    const body = /** @type {{ error: string }} */ (await limited.json());
    assert.deepEqual(Object.keys(body), ['error']);
    assert.match(body.error, /^too many requests: at most 3 /);
    assert.equal(await store.count(), 3);

    // Health checks from a load balancer are not counted.
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
  });

  it('counts admin requests before checking the token, so token guessing is limited too', async (t) => {
    const { collector } = await startCollector(backend, { rateLimit: { max: 2, timeWindow: 60_000 } });
    t.after(() => collector.close());
    const url = await collector.listen({ port: 0, host: '127.0.0.1' });
    const get = (/** @type {string} */ token) => fetch(`${url}/v1/stats`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await get('guess-number-one-xxxx')).status, 403);
    assert.equal((await get('guess-number-two-xxxx')).status, 403);
    assert.equal((await get(ADMIN_TOKEN)).status, 429);
  });
});

describe('privacy of the logs and the database', () => {
  it('logs no IP address and no admin token, and stores no IP address', async (t) => {
    /** @type {string[]} */
    const lines = [];
    const stream = { write: (/** @type {string} */ line) => void lines.push(line) };
    const { collector, database } = await startCollector(backend, {
      logger: { level: 'trace', stream },
      rateLimit: { max: 5, timeWindow: 60_000 },
    });
    t.after(() => collector.close());
    const url = await collector.listen({ port: 0, host: '127.0.0.1' });
    for (let i = 0; i < 7; i++) await postReceipts(url, [makeReceipt()]);
    await fetch(`${url}/v1/export`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await fetch(`${url}/v1/receipts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });

    const entries = lines.map((line) => JSON.parse(line));
    const requests = entries.filter((entry) => entry.req);
    assert.ok(requests.length >= 9, 'the requests were logged');
    for (const { req } of requests) assert.deepEqual(Object.keys(req).sort(), ['method', 'url']);
    // The server announces its own address once; no other line may hold the client's.
    const others = lines.filter((line) => !line.includes('Server listening at')).join('');
    assert.doesNotMatch(others, /127\.0\.0\.1|remoteAddress|remotePort/);
    assert.ok(!lines.join('').includes(ADMIN_TOKEN));

    const db = /** @type {string} */ (database.db);
    const files = readdirSync(dirname(db)).filter((name) => name.startsWith(basename(db)));
    assert.ok(files.length >= 1);
    for (const name of files) {
      assert.ok(!readFileSync(join(dirname(db), name)).includes('127.0.0.1'), `${name} holds an IP address`);
    }
  });
});

describe('behind a proxy (trustProxy)', () => {
  /**
   * Posts through app.inject as if from `from`, with an X-Forwarded-For header.
   * @param {import('../src/create-collector.js').Collector} collector
   * @param {string} from the socket's peer address
   * @param {string} forwardedFor
   */
  const postVia = (collector, from, forwardedFor) =>
    collector.app.inject({
      method: 'POST',
      url: '/v1/receipts',
      remoteAddress: from,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({ receipts: [makeReceipt()] }),
    });

  it('true means one hop: the client is the address the proxy appended, whatever the client wrote before it', async (t) => {
    const { collector, store } = await startCollector(backend, { trustProxy: true, rateLimit: { max: 3, timeWindow: 60_000 } });
    t.after(() => collector.close());
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postVia(collector, '127.0.0.1', `9.9.${i}.${i}, 5.6.7.8`)).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.equal(await store.count(), 3);
    // Another client behind the same proxy has a count of its own.
    assert.equal((await postVia(collector, '127.0.0.1', '9.9.9.9, 5.6.7.9')).statusCode, 200);
  });

  it('limits admin token guesses sent with forged X-Forwarded-For headers', async (t) => {
    const { collector } = await startCollector(backend, { trustProxy: true, rateLimit: { max: 2, timeWindow: 60_000 } });
    t.after(() => collector.close());
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await collector.app.inject({
        method: 'GET',
        url: '/v1/stats',
        remoteAddress: '127.0.0.1',
        headers: { authorization: `Bearer guess-number-${i}-xxxxxxxxxx`, 'x-forwarded-for': `10.${i}.0.1, 5.6.7.8` },
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [403, 403, 429, 429]);
  });

  it('a number N trusts N hops: the client is the address N places from the right', async (t) => {
    const { collector } = await startCollector(backend, { trustProxy: 2, rateLimit: { max: 1, timeWindow: 60_000 } });
    t.after(() => collector.close());
    assert.equal((await postVia(collector, '127.0.0.1', '1.1.1.1, 5.6.7.8, 10.0.0.1')).statusCode, 200);
    assert.equal((await postVia(collector, '127.0.0.1', '2.2.2.2, 5.6.7.8, 10.0.0.2')).statusCode, 429);
    assert.equal((await postVia(collector, '127.0.0.1', '1.1.1.1, 5.6.7.9, 10.0.0.1')).statusCode, 200);
  });

  it('a list of proxy addresses skips those proxies, and ignores X-Forwarded-For from anyone else', async (t) => {
    const { collector } = await startCollector(backend, {
      trustProxy: ['127.0.0.1', '10.0.0.0/8'],
      rateLimit: { max: 1, timeWindow: 60_000 },
    });
    t.after(() => collector.close());
    assert.equal((await postVia(collector, '127.0.0.1', '1.1.1.1, 5.6.7.8, 10.0.0.1')).statusCode, 200);
    assert.equal((await postVia(collector, '127.0.0.1', '2.2.2.2, 5.6.7.8, 10.9.9.9')).statusCode, 429);
    // Not from a trusted proxy: the header is the client's own word and is ignored.
    assert.equal((await postVia(collector, '203.0.113.7', '5.6.7.99')).statusCode, 200);
    assert.equal((await postVia(collector, '203.0.113.7', '5.6.7.100')).statusCode, 429);
  });
});
