// The demo server's body limit: `node --test demo/`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { main } from './serve.mjs';

/**
 * POSTs a urlencoded form of `size` bytes over node:http and resolves with the answer, or
 * rejects with the socket error (a reset) if the server drops the connection first.
 */
function postForm(url, size) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': size } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(`first_name=${'a'.repeat(size)}`.slice(0, size));
  });
}

describe('demo server body limit', () => {
  let demo;
  before(async () => {
    demo = await main(['--port', '0', '--no-collector'], () => {});
  });
  after(() => demo.close());

  for (const [what, size] of [['just over 64 KB', 64 * 1024 + 1], ['of 2 MB', 2 * 1024 * 1024]]) {
    it(`answers a form body ${what} with the 413 page before closing the connection`, async () => {
      const res = await postForm(new URL('/register', demo.siteUrl), size);
      assert.equal(res.status, 413);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.headers.connection, 'close');
      assert.match(res.body, /ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป/);
      assert.match(res.body, /64 KB/);
    });
  }

  it('still takes a form just under the limit', async () => {
    const res = await postForm(new URL('/register', demo.siteUrl), 64 * 1024);
    assert.equal(res.status, 400);
    assert.match(res.body, /ข้อมูลยังไม่ครบ/);
  });
});
