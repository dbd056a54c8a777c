// @ts-check
// Errors answered before a route runs (Node's HTTP parser, the router, the CORS preflight)
// are JSON {"error": ...} like every other, over real HTTP on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN_TOKEN, SITE, send, sqliteBackend, startCollector } from '../test-support/harness.js';

const backend = sqliteBackend();
after(() => backend.cleanup());

/**
 * @param {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }} res
 * @param {number} status
 * @param {RegExp} message
 */
function assertJsonError(res, status, message) {
  assert.equal(res.status, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = JSON.parse(res.body);
  assert.deepEqual(Object.keys(body), ['error']);
  assert.match(body.error, message);
}

describe('errors before the routes', () => {
  let url = '';
  /** @type {Awaited<ReturnType<typeof startCollector>>} */
  let started;
  before(async () => {
    started = await startCollector(backend);
    url = await started.collector.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => started.collector.close());
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

  it('answers 414 to a path parameter past the router limit, naming it', async () => {
    const res = await send(`${url}/v1/subjects/${'a'.repeat(5000)}/receipts`, { headers: admin });
    assertJsonError(res, 414, /^subject: longer than 4096 bytes in the URL; a subject is 1 to 256 characters$/);
  });

  it('answers 400 to a malformed percent-encoding in the path', async () => {
    const res = await send(`${url}/v1/subjects/%E0%A4%A/receipts`, { headers: admin });
    assertJsonError(res, 400, /^URL: .* is not valid percent-encoding$/);
  });

  it("answers 431 to headers past Node's limit, naming them", async () => {
    const res = await send(`${url}/healthz`, { headers: { 'x-padding': 'a'.repeat(20_000) } });
    assertJsonError(res, 431, /^headers: larger than the limit of \d+ bytes$/);
  });

  it('answers 400 to an HTTP request the parser cannot read', async () => {
    const res = await send(`${url}/healthz`, { headers: { 'content-length': 'many' } });
    assertJsonError(res, 400, /^request: malformed HTTP \(HPE_\w+\)$/);
  });

  it('answers 400 to a preflight without Origin or without Access-Control-Request-Method, naming the header', async () => {
    assertJsonError(
      await send(`${url}/v1/receipts`, { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }),
      400,
      /^preflight: the Origin header is missing/,
    );
    assertJsonError(
      await send(`${url}/v1/receipts`, { method: 'OPTIONS', headers: { origin: SITE } }),
      400,
      /^preflight: the Access-Control-Request-Method header is missing/,
    );
  });
});
