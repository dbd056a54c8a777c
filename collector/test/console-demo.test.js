// @ts-check
// `npm start`: the demo says where the console is and prints a token that signs in to it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { main } from '../../demo/serve.mjs';
import { send } from '../test-support/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'yinyom-console-demo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('prints the console URL and a demo-only token that signs in', async (t) => {
  const lines = /** @type {string[]} */ ([]);
  const previous = process.env.YINYOM_ADMIN_TOKEN;
  delete process.env.YINYOM_ADMIN_TOKEN;
  t.after(() => (previous === undefined ? undefined : (process.env.YINYOM_ADMIN_TOKEN = previous)));
  const demo = await main(['--port', '0', '--collector-port', '0', '--db', join(dir, 'receipts.sqlite')], (line) => lines.push(line));
  t.after(() => demo.close());
  const line = lines.find((l) => l.includes('DPO console'));
  const match = /DPO console:\s+(http:\/\/\S+\/admin\/) \(โทเค็นสำหรับสาธิตเท่านั้น \/ demo-only token: ([\w-]{24})\)$/.exec(String(line));
  assert.ok(match, `a console line in ${lines.join('\n')}`);
  const [, url, token] = match;
  assert.equal((await send(url)).status, 200);
  const origin = new URL(url).origin;
  const res = await send(`${origin}/admin/api/session`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ password: token }) });
  assert.equal(res.status, 200, res.body);
});
