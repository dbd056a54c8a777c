// yinyom scan in Debian's Chromium against a small site of the test's own on loopback (known
// and unknown cookies on two pages, set by responses and scripts, one script from a second,
// third-party-style origin), and against the demo before and after consent.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { main as demoServer } from '../../demo/serve.mjs';
import { checkConfig } from '../src/check-config.js';

const bin = new URL('../bin/yinyom.js', import.meta.url).pathname;
const run = (...args) =>
  promisify(execFile)(process.execPath, [bin, ...args], { maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    ({ code, stdout, stderr }) => ({ code, stdout, stderr }),
  );
const listen = (handler) =>
  new Promise((resolve) => {
    const server = createServer(handler).listen(0, '127.0.0.1', () => resolve(server));
  });
const html = (body) => `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ทดสอบ</title></head><body>${body}</body></html>`;

describe('yinyom scan, a loopback site of known and unknown cookies', () => {
  let site;
  let tracker;
  let origin;
  let trackerOrigin;
  let scanned;
  let configFile;
  before(async () => {
    // The "third party": another host name (localhost, not 127.0.0.1), so another site.
    tracker = await listen((request, response) => {
      if (request.url !== '/tag.js') return response.writeHead(404).end();
      // A cookie of the tracker's own, as an ad network's script response sets one.
      response.writeHead(200, { 'content-type': 'text/javascript', 'set-cookie': 'tp_id=t-42; Path=/; Max-Age=31536000; SameSite=None; Secure' });
      response.end(`document.cookie = '_ga=GA1.1.42.1700000000; max-age=63072000; path=/';
document.cookie = '_ga_ABC123=GS1.1.1700000000; max-age=63072000; path=/';
document.cookie = 'trk_uid=u-42; max-age=31536000; path=/';`);
    });
    trackerOrigin = `http://localhost:${tracker.address().port}`;
    site = await listen((request, response) => {
      const page = (cookie, body) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': cookie }).end(html(body));
      if (request.url === '/') {
        return page('PHPSESSID=abc123; Path=/; HttpOnly', `<a href="/about">เกี่ยวกับ</a> <a href="/files/report.pdf">รายงาน</a> <a href="/download">ดาวน์โหลด</a> <a href="${trackerOrigin}/elsewhere">ที่อื่น</a><script src="${trackerOrigin}/tag.js"></script>`);
      }
      if (request.url === '/download') return response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="form.bin"' }).end('x');
      if (request.url === '/about') return page('site_pref=compact; Path=/; Max-Age=86400', '<a href="/">หน้าแรก</a><script src="/local.js"></script>');
      if (request.url === '/local.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        return response.end(`document.cookie = '_fbp=fb.1.1700000000.42; max-age=7776000; path=/'; localStorage.setItem('visited-about', '1');`);
      }
      return response.writeHead(404).end();
    });
    origin = `http://127.0.0.1:${site.address().port}`;
    configFile = join(await mkdtemp(join(tmpdir(), 'yinyom-scan-')), 'config.json');
    const result = await run('scan', `${origin}/`, '--json', '-o', configFile);
    assert.equal(result.code, 0, result.stderr);
    scanned = JSON.parse(result.stdout);
  });
  after(() => {
    site?.close();
    tracker?.close();
  });
  const cookie = (name) => scanned.cookies.find((c) => c.name === name);

  it('crawls the two same-origin pages, not the PDF or the other origin, and passes over a download', () => {
    assert.deepEqual(scanned.pages, [`${origin}/`, `${origin}/about`]);
    assert.deepEqual(scanned.unreachable.map((u) => u.url), [`${origin}/download`]);
  });

  it('records each cookie with its attributes, party, pages and what set it', () => {
    assert.deepEqual(scanned.cookies.map((c) => c.name).sort(), ['PHPSESSID', '_fbp', '_ga', '_ga_ABC123', 'site_pref', 'tp_id', 'trk_uid']);
    assert.deepEqual(
      [cookie('tp_id').domain, cookie('tp_id').party, cookie('tp_id').blockedInScan, cookie('tp_id').setBy],
      ['localhost', 'third', true, { url: `${trackerOrigin}/tag.js`, via: 'response' }],
    );
    assert.deepEqual(
      { ...cookie('PHPSESSID'), duration: undefined },
      {
        name: 'PHPSESSID', domain: '127.0.0.1', path: '/', expires: null, duration: undefined, httpOnly: true, secure: false, party: 'first',
        category: 'necessary', provider: 'PHP', setBeforeConsent: true, pages: [`${origin}/`, `${origin}/about`], setBy: { url: `${origin}/`, via: 'response' },
      },
    );
    assert.deepEqual(cookie('_ga').setBy, { url: `${trackerOrigin}/tag.js`, via: 'script' });
    assert.deepEqual(cookie('_fbp').setBy, { url: `${origin}/local.js`, via: 'script' });
    assert.deepEqual(cookie('_fbp').pages, [`${origin}/about`]);
    assert.deepEqual(cookie('site_pref').setBy, { url: `${origin}/about`, via: 'response' });
    assert.ok(Math.abs(Date.parse(cookie('site_pref').expires) - Date.now() - 86400e3) < 600e3, cookie('site_pref').expires);
    assert.ok(scanned.cookies.every((c) => c.setBeforeConsent), 'nothing was consented to');
  });

  it('classifies known cookies from the curated list and says which are unknown', () => {
    const classes = Object.fromEntries(scanned.cookies.map((c) => [c.name, [c.category, c.provider]]));
    assert.deepEqual(classes, {
      PHPSESSID: ['necessary', 'PHP'],
      _ga: ['analytics', 'Google Analytics'],
      _ga_ABC123: ['analytics', 'Google Analytics'],
      _fbp: ['marketing', 'Meta Pixel'],
      site_pref: [null, null],
      tp_id: [null, null],
      trk_uid: [null, null],
    });
    assert.deepEqual(cookie('trk_uid').note, { th: 'ไม่รู้จักคุกกี้นี้: เลือกหมวดเอง', en: 'unknown cookie: choose its category' });
  });

  it('lists localStorage keys and third-party hosts', () => {
    assert.deepEqual(scanned.localStorage, [{ key: 'visited-about', setBeforeConsent: true, pages: [`${origin}/about`] }]);
    assert.deepEqual(scanned.thirdParties, [{ host: new URL(trackerOrigin).host, provider: null, category: null, pages: [`${origin}/`] }]);
  });

  it('writes config.categories that the SDK accepts, with patterns for numbered variants', async () => {
    const { categories } = JSON.parse(await readFile(configFile, 'utf8'));
    assert.deepEqual(categories, scanned.config.categories);
    assert.deepEqual(categories.map((c) => [c.id, c.cookies.map((k) => [k.name, k.match])]), [
      ['necessary', [['PHPSESSID', '^PHPSESSID$']]],
      ['analytics', [['_ga', '^_ga$'], ['_ga_<id>', '^_ga_[A-Z0-9]+$']]],
      ['marketing', [['_fbp', '^_fbp$']]],
    ]);
    assert.deepEqual(categories[1].cookies[0].duration, { th: '2 ปี', en: '2 years' });
    assert.deepEqual(categories[1].consentMode, ['analytics_storage']);
    const config = { controller: { name: 'กรมตัวอย่าง' }, notice: 'https://example.go.th/privacy.json', categories };
    assert.deepEqual(await checkConfig(config), { errors: [], warnings: [] });
  });

  it('reads in Thai and English without --json', async () => {
    const { code, stdout } = await run('scan', `${origin}/about`, '--pages', '1');
    assert.equal(code, 0);
    assert.match(stdout, /^สแกน \/ Scanned: http:\/\/127\.0\.0\.1:\d+\/about \(1 หน้า \/ pages: \/about\)/);
    assert.match(stdout, /site_pref \(127\.0\.0\.1, บุคคลที่หนึ่ง \/ first party\)\n {4}หมวด \/ category: ไม่ทราบหมวด: เลือกเอง \/ unknown: choose its category/);
    assert.match(stdout, /_fbp [^\n]+\n {4}หมวด \/ category: การตลาด \/ marketing · ผู้ให้บริการ \/ provider: Meta Pixel · อายุ \/ lasts: 3 เดือน \/ 3 months/);
  });
});

describe('yinyom scan, the demo (a site running Yinyom)', () => {
  let demo;
  let scanned;
  let code;
  before(async () => {
    demo = await demoServer(['--port', '0', '--no-collector'], () => {});
    const result = await run('scan', demo.siteUrl, '--pages', '2', '--json');
    code = result.code;
    scanned = JSON.parse(result.stdout);
  });
  after(() => demo?.close());

  it('finds no cookie before consent, and the decision and _ga after it', () => {
    assert.deepEqual(
      scanned.cookies.map((c) => [c.name, c.category, c.setBeforeConsent]),
      [
        ['yinyom', 'necessary', false],
        ['_ga', 'analytics', false],
      ],
    );
    assert.deepEqual(scanned.cookies.find((c) => c.name === '_ga').setBy, { url: new URL('/assets/fake-analytics.js', demo.siteUrl).href, via: 'script' });
  });

  it('checks that nothing optional ran before consent and that withdrawing cleared _ga, exit 0', () => {
    assert.deepEqual(scanned.yinyom, { optionalBeforeConsent: [], withdrawn: ['analytics', 'marketing'], leftAfterWithdrawal: [] });
    assert.equal(code, 0);
  });
});

describe('yinyom scan, a Yinyom site that sets analytics before consent and forgets a marketing cookie', () => {
  let site;
  let result;
  const dist = new URL('../../dist/', import.meta.url);
  const config = {
    controller: { name: 'กรมตัวอย่าง' },
    notice: { id: 'n', version: '1', url: '/privacy' },
    categories: [
      { id: 'necessary', required: true, title: 'จำเป็น' },
      { id: 'analytics', title: 'วิเคราะห์', cookies: [{ name: '_ga', match: '^_ga' }] },
      { id: 'marketing', title: 'การตลาด' },
    ],
  };
  before(async () => {
    site = await listen(async (request, response) => {
      const script = (body) => response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      if (request.url === '/') {
        return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
          html(`<script src="/dist/yinyom.js" data-config="/config.json"></script>
<script src="/early.js"></script>
<script type="text/plain" data-yinyom="marketing" src="/pixel.js"></script>`),
        );
      }
      if (request.url === '/config.json') return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config));
      if (request.url === '/early.js') return script(`document.cookie = '_ga=GA1.1.7.1700000000; max-age=63072000; path=/';`);
      if (request.url === '/pixel.js') return script(`document.cookie = '_fbp=fb.1.1700000000.7; max-age=7776000; path=/';`);
      if (request.url.startsWith('/dist/')) {
        try {
          return script(await readFile(new URL(request.url.slice('/dist/'.length), dist)));
        } catch {
          return response.writeHead(404).end();
        }
      }
      return response.writeHead(404).end();
    });
    result = await run('scan', `http://127.0.0.1:${site.address().port}/`, '--pages', '1');
  });
  after(() => site?.close());

  it('names the optional cookie set before consent and the one a withdrawal left, exit 1', () => {
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /✗ คุกกี้ที่ไม่จำเป็นถูกตั้งก่อนได้รับความยินยอม \/ optional cookies set before consent: _ga\n/);
    assert.match(result.stdout, /✗ ถอนความยินยอม \(analytics, marketing\) แล้วยังเหลือ \/ left after withdrawing analytics, marketing: _fbp\n/);
  });
});

describe('yinyom scan, what cannot be scanned', () => {
  it('names a URL that is not http(s), and a site that does not answer, without a stack trace, exit 1', async () => {
    const notUrl = await run('scan', 'www.example.go.th');
    assert.equal(notUrl.code, 1);
    assert.match(notUrl.stderr, /www\.example\.go\.th ไม่ใช่ URL แบบ http\(s\) \/ is not an http\(s\) URL/);
    const closed = await listen(() => {});
    const { port } = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const down = await run('scan', `http://127.0.0.1:${port}/`);
    assert.equal(down.code, 1);
    assert.match(down.stderr, new RegExp(`เปิด http://127\\.0\\.0\\.1:${port}/ ไม่ได้ / cannot load http://127\\.0\\.0\\.1:${port}/: net::ERR_CONNECTION_REFUSED`));
    for (const output of [notUrl.stderr, down.stderr]) assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+/);
  });
});
