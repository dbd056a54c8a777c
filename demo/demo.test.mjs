// Tests of the demo server and the notice checker: `node --test demo/`.
// They start the real server with the collector on free ports and a throwaway database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './serve.mjs';
import { checkDemoConfig, checkNotice } from './check-notices.mjs';

const here = dirname(fileURLToPath(import.meta.url));

describe('demo server', () => {
  let demo;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yinyom-demo-'));
    demo = await main(['--port', '0', '--collector-port', '0', '--db', join(dir, 'receipts.sqlite')], () => {});
  });
  after(async () => {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (path, init) => fetch(new URL(path, demo.siteUrl), init);
  const register = (fields) =>
    get('/register', { method: 'POST', body: new URLSearchParams(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  const complete = {
    title: 'นาย', first_name: 'สมชาย', last_name: 'ใจดี', email: 'somchai@example.go.th', agency: 'กรมตัวอย่าง', course: 'pdpa-gov',
  };

  it('serves every page as UTF-8 HTML under the strict CSP with Trusted Types', async () => {
    for (const page of ['/', '/register.html', '/privacy.html', '/my-consents.html', '/privacy']) {
      const res = await get(page);
      assert.equal(res.status, 200, page);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      const csp = res.headers.get('content-security-policy');
      assert.match(csp, /script-src 'self';/);
      assert.match(csp, /require-trusted-types-for 'script'; trusted-types yinyom lit-html/);
      assert.ok(csp.includes(`connect-src 'self' ${new URL(demo.endpoint).origin}`));
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  it('points the config, fetched or inline, at the collector it started', async () => {
    const config = await (await get('/config.json')).json();
    assert.equal(config.endpoint, demo.endpoint);
    const html = await (await get('/privacy.html')).text();
    const inline = JSON.parse(html.match(/id="yinyom-config">([\s\S]*?)<\/script>/)[1]);
    assert.equal(inline.endpoint, demo.endpoint);
    assert.equal((await fetch(new URL('/healthz', demo.endpoint))).status, 200);
  });

  it('serves neither its own source nor anything outside demo/', async () => {
    for (const path of ['/serve.mjs', '/README.md', '/check-notices.mjs', '/../package.json', '/%2e%2e/package.json', '/.git/config']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });

  it('answers a registration in Thai, escaping what it echoes, and never caches it', async () => {
    const res = await register({ ...complete, first_name: '<script>alert(1)</script>' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, /ได้รับใบสมัครของท่านแล้ว/);
    assert.match(html, /การคุ้มครองข้อมูลส่วนบุคคลสำหรับหน่วยงานภาครัฐ/);
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('names who consented with the terms of PDPA s.20: custodian ผู้อนุบาล, curator ผู้พิทักษ์, a minor with the parent', async () => {
    const decidedBy = async (actor, guardian) => {
      const consent = JSON.stringify({ receipt: '01a204e5-c477-7b38-922d-d16085b4c864', choices: { dietary: true }, actor, guardian });
      return (await (await register({ ...complete, 'dietary-consent': consent, dietary: 'แพ้กุ้ง' })).text()).match(/ผู้ให้ความยินยอม: ([^<]+)/)?.[1];
    };
    assert.equal(await decidedBy('custodian', { relationship: 'custodian' }), 'ผู้อนุบาล (ผู้อนุบาล)');
    assert.equal(await decidedBy('curator'), 'ผู้พิทักษ์');
    assert.equal(await decidedBy('parent', { relationship: 'father' }), 'ผู้ใช้อำนาจปกครอง (บิดา)');
    assert.equal(await decidedBy(undefined, { relationship: 'mother' }), 'ผู้เยาว์ร่วมกับผู้ใช้อำนาจปกครอง (มารดา)');
    assert.equal(await decidedBy(undefined), undefined);
  });

  it('keeps allergy text only when the dietary consent was given', async () => {
    const consent = (dietary) => JSON.stringify({ receipt: '01a204e5-c477-7b38-922d-d16085b4c864', choices: { dietary } });
    const denied = await (await register({ ...complete, 'dietary-consent': consent(false), dietary: 'แพ้กุ้ง' })).text();
    assert.ok(!denied.includes('แพ้กุ้ง'));
    assert.match(denied, /ไม่ได้ให้ความยินยอม สถาบันจึงไม่ได้เก็บข้อความนั้น/);
    const missing = await (await register({ ...complete, dietary: 'แพ้กุ้ง' })).text();
    assert.ok(!missing.includes('แพ้กุ้ง'));
    const granted = await (await register({ ...complete, 'dietary-consent': consent(true), dietary: 'แพ้กุ้ง' })).text();
    assert.ok(granted.includes('แพ้กุ้ง'));
    assert.match(granted, /01a204e5-c477-7b38-922d-d16085b4c864/);
  });

  it('lists the missing fields of an incomplete registration', async () => {
    const res = await register({ title: 'นาย' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /ข้อมูลยังไม่ครบ[\s\S]*อีเมล/);
  });
});

describe('the demo notice and config agree', () => {
  const read = (path) => JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), path), 'utf8'));
  const th = (text) => (typeof text === 'string' ? text : text.th);
  const config = read('config.json');
  const notice = read('notices/tdga-privacy.json');

  it('lists every cookie of the config in the notice’s cookie table', () => {
    const table = notice.sections.find((section) => section.kind === 'cookies').body.find((block) => block.type === 'table');
    const listed = table.rows.flatMap((row) => th(row[0]).split(/,\s*/));
    for (const cookie of config.categories.flatMap((category) => category.cookies ?? [])) assert.ok(listed.includes(cookie.name), `${cookie.name} is not in the notice's cookie table`);
  });

  it('names the controller as the notice names it', () => {
    assert.ok(th(notice.intro.find((block) => block.source !== 'site').text).startsWith(th(config.controller.name)), th(config.controller.name));
  });

  it('puts table 1 under clause 3.1 and marks the site’s additions', () => {
    const body = notice.sections[2].body;
    assert.deepEqual(body.map((block) => [block.type, block.start ?? null, block.source ?? null]), [
      ['paragraph', null, null],
      ['list', null, null],
      ['table', null, 'site'],
      ['list', 2, null],
      ['table', null, 'site'],
    ]);
    assert.match(th(notice.intro[0].text), /ให้ถือตามฉบับภาษาไทยเป็นสำคัญ/);
    assert.equal(notice.intro[0].source, 'site');
  });
});

describe('notice checker', () => {
  it('passes the demo notices and config', () => {
    for (const file of readdirSync(join(here, 'notices'))) {
      assert.deepEqual(checkNotice(JSON.parse(readFileSync(join(here, 'notices', file), 'utf8'))), [], file);
    }
    assert.deepEqual(checkDemoConfig(), []);
  });

  it('names every problem of a bad notice', () => {
    const errors = checkNotice({
      id: 'x',
      version: '1',
      effective: '2565-06-01',
      title: { th: 'ทดสอบ' },
      controller: { name: { th: 'ก', en: 'A' } },
      sections: [
        { kind: 'cookie', title: { th: 'ก', en: 'A' }, body: [{ type: 'paragraph', text: [{ text: { th: 'ลิงก์', en: 'link' }, href: 'javascript:alert(1)' }] }] },
        { kind: 'data', title: { th: 'ข', en: 'B' }, body: [{ type: 'table', head: [{ th: 'ก', en: 'A' }], rows: [[{ th: 'ก', en: 'A' }, { th: 'ข', en: 'B' }]] }] },
      ],
    });
    const text = errors.join('\n');
    assert.match(text, /effective: looks like a Buddhist-era year/);
    assert.match(text, /title\.en: missing/);
    assert.match(text, /sections\[0\]\.kind: "cookie" is not one of/);
    assert.match(text, /href: scheme javascript: not allowed/);
    assert.match(text, /rows\[0\]: 2 cells, head has 1/);
  });
});
