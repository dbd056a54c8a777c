#!/usr/bin/env node
// The demo server (`npm run demo`): serves demo/ at / and the built dist/ at /dist/ under a
// strict CSP, answers the registration form with a Thai confirmation page, and runs the
// reference receipt collector in the same process. Plain node:http, no dependencies.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builderPreview, checkBuilderConfig } from './builder-routes.mjs';

const demoDir = dirname(fileURLToPath(import.meta.url));
const rootDir = resolve(demoDir, '..');
const distDir = join(rootDir, 'dist');

const USAGE = `ใช้งาน / Usage: node demo/serve.mjs [options]
  --port N             พอร์ตของเว็บไซต์สาธิต / demo site port (default 8080; 0 = any free port)
  --collector-port N   พอร์ตของ collector / receipt collector port (default 8787; 0 = any free port)
  --host H             (default 127.0.0.1)
  --db FILE            ไฟล์ SQLite ของ collector / collector SQLite file (default data/receipts.sqlite)
  --no-collector       ไม่เปิด collector ในโปรเซสนี้ / do not start the collector here
                       (receipts go to http://HOST:COLLECTOR-PORT/v1/receipts, e.g. npx yinyom-collector)
  --no-trusted-types   ปิด Trusted Types ใน CSP / drop Trusted Types from the CSP header
  YINYOM_ADMIN_TOKEN   (env) โทเค็นของ admin API และคอนโซล DPO (ไม่ตั้ง: สร้างโทเค็นสำหรับสาธิตให้)
                       / the collector's admin token (unset: a demo-only token is made and printed)`;

// What may be served from demo/: pages and assets, never the server, the checker or the README.
const DEMO_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const DIST_TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const BODY_LIMIT = 64 * 1024;
const DRAIN_LIMIT = 16 * 1024 * 1024;
const INLINE_CONFIG = /(<script type="application\/json" id="yinyom-config">)([\s\S]*?)(<\/script>)/;

function readOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8080' },
        'collector-port': { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string', default: join(rootDir, 'data', 'receipts.sqlite') },
        'no-collector': { type: 'boolean', default: false },
        'no-trusted-types': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error.message}\n\n${USAGE}`);
  }
  const port = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--${name}: ต้องเป็นเลขพอร์ต 0–65535 / must be a port number 0–65535`);
    return n;
  };
  return {
    help: values.help,
    port: port('port'),
    collectorPort: port('collector-port'),
    host: values.host,
    db: resolve(values.db),
    collector: !values['no-collector'],
    trustedTypes: !values['no-trusted-types'],
  };
}

/** A problem the person running the demo can fix: printed without a stack trace. */
class UsageError extends Error {}

const urlHost = (host) => (host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host);

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Headers every response gets; pages add the CSP. */
function baseHeaders(type, extra = {}) {
  return {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
    ...extra,
  };
}

function contentSecurityPolicy(collectorOrigin, trustedTypes) {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'self'",
    "frame-ancestors 'self'",
    `connect-src 'self' ${collectorOrigin}`,
  ];
  // The SDK's one policy is "yinyom"; Lit's templates use "lit-html" (DESIGN.md section 12).
  if (trustedTypes) directives.push("require-trusted-types-for 'script'", 'trusted-types yinyom lit-html');
  return directives.join('; ');
}

/** Resolves a URL path inside `base`, or null if it would leave it or names a dotfile. */
function inside(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.') && part !== '')) return null;
  const full = resolve(base, `.${decoded}`);
  return full === base || full.startsWith(base + sep) ? full : null;
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The config with its endpoint pointing at the collector this process actually runs. */
function configWithEndpoint(text, endpoint) {
  const config = JSON.parse(text);
  config.endpoint = endpoint;
  return config;
}

// `<` escaped so no value can close the script element the JSON sits in.
const inlineJson = (value) => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

/** The course names of the registration form, read from the form itself so they never drift. */
function courseNames() {
  const html = readFileSync(join(demoDir, 'register.html'), 'utf8');
  return new Map([...html.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)].map((m) => [m[1], m[2]]));
}

const FIELDS = [
  ['title', 'คำนำหน้า', true],
  ['first_name', 'ชื่อ', true],
  ['last_name', 'นามสกุล', true],
  ['email', 'อีเมล', true],
  ['phone', 'โทรศัพท์มือถือ', false],
  ['agency', 'หน่วยงานต้นสังกัด', true],
  ['position', 'ตำแหน่ง', false],
  ['course', 'หลักสูตร', true],
];
// Which form field carries which purpose's consent (register.html).
const CONSENT_FIELDS = [
  ['consent', 'photo-publicity'],
  ['dietary-consent', 'dietary'],
];
const BREADCRUMB = `<ol class="breadcrumb" aria-label="ตำแหน่งของหน้านี้">
        <li><a href="/">หน้าแรก</a></li>
        <li><a href="/register.html">สมัครเข้ารับการฝึกอบรม</a></li>
      </ol>`;
// PDPA s.20: a custodian (ผู้อนุบาล) acts for a person adjudged incompetent, a curator
// (ผู้พิทักษ์) for a quasi-incompetent one.
const ACTORS = { self: 'เจ้าของข้อมูลเอง', parent: 'ผู้ใช้อำนาจปกครอง', custodian: 'ผู้อนุบาล', curator: 'ผู้พิทักษ์' };
const RELATIONSHIPS = { father: 'บิดา', mother: 'มารดา', 'adoptive-parent': 'ผู้รับบุตรบุญธรรม', guardian: 'ผู้ปกครองที่ศาลตั้ง', custodian: 'ผู้อนุบาล', curator: 'ผู้พิทักษ์' };

/** Reads a `<yinyom-consent>` form value: `{"receipt": "<id>", "choices": {...}}` (DESIGN.md section 7). */
function readConsent(raw) {
  if (raw === null || raw === '') return { state: 'missing', choices: {} };
  try {
    const value = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const choices = value.choices && typeof value.choices === 'object' ? value.choices : {};
      return {
        state: 'ok',
        receipt: typeof value.receipt === 'string' ? value.receipt : undefined,
        actor: typeof value.actor === 'string' ? value.actor : undefined,
        relationship: typeof value.guardian?.relationship === 'string' ? value.guardian.relationship : undefined,
        choices,
      };
    }
  } catch {
    // fall through: shown as unreadable
  }
  return { state: 'invalid', choices: {} };
}

function consentRow(title, consent, purpose) {
  const choice = consent.choices[purpose];
  const status =
    choice === true
      ? '<span class="status granted">ยินยอม</span>'
      : choice === false
        ? '<span class="status denied">ไม่ยินยอม</span>'
        : consent.state === 'invalid'
          ? '<span class="status missing">อ่านข้อมูลความยินยอมไม่ได้</span>'
          : '<span class="status missing">ไม่ได้รับข้อมูลความยินยอม</span>';
  const details = [];
  const relationship = consent.relationship && ` (${escapeHtml(RELATIONSHIPS[consent.relationship] ?? consent.relationship)})`;
  // PDPA s.20: a guardian alone, or a minor of 10 to 19 together with the guardian.
  if (consent.actor && consent.actor !== 'self') details.push(`ผู้ให้ความยินยอม: ${escapeHtml(ACTORS[consent.actor] ?? consent.actor)}${relationship ?? ''}`);
  else if (relationship) details.push(`ผู้ให้ความยินยอม: ผู้เยาว์ร่วมกับผู้ใช้อำนาจปกครอง${relationship}`);
  if (consent.receipt) details.push(`เลขที่บันทึกความยินยอม: <span class="mono">${escapeHtml(consent.receipt)}</span>`);
  return `<tr><th scope="row">${escapeHtml(title)}</th><td>${status}${details.map((d) => `<br>${d}`).join('')}</td></tr>`;
}

function confirmationMain(form, ctx) {
  const get = (name) => (form.get(name) ?? '').trim();
  const missing = FIELDS.filter(([name, , required]) => required && !get(name)).map(([, label]) => label);
  if (missing.length) {
    return {
      status: 400,
      title: 'ข้อมูลยังไม่ครบ',
      main: `${BREADCRUMB}
      <h1>ข้อมูลยังไม่ครบ</h1>
      <p class="lead">โปรดกรอกข้อมูลต่อไปนี้ แล้วส่งใบสมัครอีกครั้ง</p>
      <ul>${missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>
      <p>กดปุ่มย้อนกลับของเบราว์เซอร์เพื่อแก้ไขโดยไม่ต้องกรอกใหม่ หรือ<a href="/register.html">เริ่มกรอกใบสมัครใหม่</a></p>`,
    };
  }

  const course = ctx.courses.get(get('course')) ?? get('course');
  const title = get('title') === 'อื่น ๆ' ? '' : get('title');
  const consents = new Map(CONSENT_FIELDS.map(([field, purpose]) => [purpose, readConsent(form.get(field))]));
  const dietaryGranted = consents.get('dietary').choices.dietary === true;
  const dietary = get('dietary');

  const rows = FIELDS.map(([name, label]) => {
    const value = name === 'course' ? course : get(name);
    return `<tr><th scope="row">${escapeHtml(label)}</th><td>${value ? escapeHtml(value) : '<span class="hint">ไม่ได้ระบุ</span>'}</td></tr>`;
  }).join('');
  const consentRows = CONSENT_FIELDS.map(([, purpose]) =>
    consentRow(ctx.purposeTitles.get(purpose) ?? purpose, consents.get(purpose), purpose),
  ).join('');

  let dietaryText;
  if (dietaryGranted) {
    dietaryText = dietary
      ? `<p>สถาบันได้รับข้อมูลต่อไปนี้ และจะใช้เพื่อจัดอาหารระหว่างการฝึกอบรมเท่านั้น:</p><p class="panel">${escapeHtml(dietary)}</p>`
      : '<p>ท่านให้ความยินยอมแต่ไม่ได้ระบุอาหารที่แพ้ สถาบันจะจัดอาหารตามรายการทั่วไป</p>';
  } else {
    dietaryText = dietary
      ? '<p>ท่านกรอกข้อมูลการแพ้อาหารไว้ แต่ไม่ได้ให้ความยินยอม สถาบันจึงไม่ได้เก็บข้อความนั้น และจะจัดอาหารตามรายการทั่วไป</p>'
      : '<p>ไม่มีข้อมูลการแพ้อาหาร สถาบันจะจัดอาหารตามรายการทั่วไป</p>';
  }

  // Everything the browser sent, except allergy text given without consent: that was discarded.
  const raw = [...form.entries()]
    .map(([k, v]) => `${k} = ${k === 'dietary' && !dietaryGranted && v ? '(ไม่แสดง: ไม่ได้รับความยินยอม)' : v}`)
    .join('\n');

  return {
    status: 200,
    title: 'ได้รับใบสมัครแล้ว',
    main: `${BREADCRUMB}
      <h1>ได้รับใบสมัครของท่านแล้ว</h1>
      <p class="lead">เรียน ${escapeHtml(title + get('first_name'))} ${escapeHtml(get('last_name'))}<br>สถาบันได้รับใบสมัครหลักสูตร “${escapeHtml(course)}” ของท่านแล้ว และจะแจ้งผลการพิจารณาทางอีเมล ${escapeHtml(get('email'))} ขอบคุณที่สนใจเข้ารับการฝึกอบรมกับสถาบัน</p>
      <div class="notice-box"><p>นี่คือเว็บไซต์สาธิต ระบบไม่ได้เก็บใบสมัครของท่าน หน้านี้แสดงเฉพาะสิ่งที่เบราว์เซอร์ส่งมาเท่านั้น</p></div>
      <div class="panel">
        <h2>ข้อมูลผู้สมัคร</h2>
        <table class="data-table"><tbody>${rows}</tbody></table>
        <h2>ความยินยอม</h2>
        <table class="data-table"><tbody>${consentRows}</tbody></table>
        <h2>ข้อมูลการแพ้อาหาร</h2>
        ${dietaryText}
        <p>บันทึกความยินยอมแต่ละฉบับเก็บไว้ในเบราว์เซอร์ของท่าน และส่งสำเนาไปยังระบบของสถาบันเพื่อเป็นหลักฐาน ท่านดูหรือถอนความยินยอมได้ที่หน้า<a href="/my-consents.html">ความยินยอมของฉัน</a></p>
        <details>
          <summary>ข้อมูลที่เบราว์เซอร์ส่งมา (สำหรับนักพัฒนา)</summary>
          <pre class="mono">${escapeHtml(raw)}</pre>
        </details>
      </div>
      <p class="form-actions"><a class="button" href="/">กลับหน้าแรก</a> <a href="/register.html">สมัครหลักสูตรอื่น</a></p>`,
  };
}

/** Wraps `main` in the register page's own header and footer, so the server keeps the site's look. */
async function renderPage(title, main, ctx) {
  const template = ctx.withEndpoint(await readFile(join(demoDir, 'register.html'), 'utf8'));
  return template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)} — สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล (เว็บไซต์สาธิต)</title>`)
    .replace(/<main id="main">[\s\S]*<\/main>/, () => `<main id="main">\n    <div class="container">\n      ${main}\n    </div>\n  </main>`);
}

function readBody(req, limit) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    const tooLarge = () => Object.assign(new Error('body too large'), { status: 413 });
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
      // Past DRAIN_LIMIT the client is not a browser sending a form: answer at once.
      if (size > DRAIN_LIMIT) reject(tooLarge());
    });
    // An oversized body is read to its end and dropped before the 413 page goes out: closing
    // the connection with the body unread would reset it, and the browser would show a
    // network error instead of the page.
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function createHandler(ctx) {
  const send = (res, status, type, body, extra = {}) => {
    const headers = baseHeaders(type, extra);
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = ctx.csp();
    res.writeHead(status, headers);
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const page = async (res, status, title, main, extra) =>
    send(res, status, DEMO_TYPES['.html'], await renderPage(title, main, ctx), extra);
  const notFound = (res) =>
    page(res, 404, 'ไม่พบหน้าที่ต้องการ', '<h1>ไม่พบหน้าที่ต้องการ</h1><p class="lead">หน้านี้อาจถูกย้ายหรือไม่มีอยู่ (404)</p><p><a class="button" href="/">กลับหน้าแรก</a></p>');

  async function serveFile(res, file, types) {
    const type = types[extname(file)];
    if (!type || !(await isFile(file))) return notFound(res);
    let body = await readFile(file);
    if (type.startsWith('text/html')) body = ctx.withEndpoint(body.toString('utf8'));
    send(res, 200, type, body);
  }

  return async function handle(req, res) {
    const url = new URL(req.url, 'http://demo.invalid');
    const path = url.pathname;
    try {
      if (req.method === 'POST' && (path === '/register' || path === '/register.html')) {
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
        if (type !== 'application/x-www-form-urlencoded') {
          return send(res, 415, 'text/plain; charset=utf-8', 'ส่งแบบฟอร์มเป็น application/x-www-form-urlencoded / send the form urlencoded\n');
        }
        const form = new URLSearchParams(await readBody(req, BODY_LIMIT));
        const result = confirmationMain(form, ctx);
        // The answer holds personal data: never cache it.
        return page(res, result.status, result.title, result.main, { 'Cache-Control': 'no-store' });
      }
      if (req.method === 'POST' && path === '/builder/check') {
        return send(res, 200, DEMO_TYPES['.json'], JSON.stringify(await checkBuilderConfig(await readBody(req, BODY_LIMIT))));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD, POST' });
      }
      if (path === '/builder/preview') return send(res, 200, DEMO_TYPES['.html'], builderPreview(url.searchParams));
      if (path === '/config.json') {
        const config = configWithEndpoint(await readFile(join(demoDir, 'config.json'), 'utf8'), ctx.endpoint);
        return send(res, 200, DEMO_TYPES['.json'], `${JSON.stringify(config, null, 2)}\n`);
      }
      if (path.startsWith('/dist/')) {
        const file = inside(distDir, path.slice('/dist'.length));
        if (!file) return notFound(res);
        if (!(await isFile(file)) && path.endsWith('.js')) {
          return send(res, 404, 'text/plain; charset=utf-8', `${path} ยังไม่มี: สั่ง npm run build ก่อน / not built yet: run npm run build\n`);
        }
        return serveFile(res, file, DIST_TYPES);
      }
      const file = inside(demoDir, path === '/' ? '/index.html' : path);
      if (!file) return notFound(res);
      // Extensionless paths (/register, /privacy) serve their page, as a CMS would.
      if (!extname(file) && (await isFile(`${file}.html`))) return serveFile(res, `${file}.html`, DEMO_TYPES);
      return serveFile(res, file, DEMO_TYPES);
    } catch (error) {
      if (error.status === 413) {
        // Connection: close, so that Node ends the connection once the page is sent.
        return page(
          res,
          413,
          'ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป',
          `${BREADCRUMB}
      <h1>ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป</h1>
      <p class="lead">ใบสมัครรับข้อมูลได้ไม่เกิน ${BODY_LIMIT / 1024} KB / the form takes at most ${BODY_LIMIT / 1024} KB (413)</p>
      <p>กดปุ่มย้อนกลับของเบราว์เซอร์เพื่อแก้ไขข้อมูลที่ยาวเกินไป หรือ<a href="/register.html">เริ่มกรอกใบสมัครใหม่</a></p>`,
          { 'Cache-Control': 'no-store', Connection: 'close' },
        );
      }
      console.error(error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'เกิดข้อผิดพลาดภายใน / internal error\n');
      else res.end();
    }
  };
}

function listen(server, port, host) {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen(server.address().port);
    });
  });
}

async function startCollector(options, origins) {
  let createCollector;
  try {
    ({ createCollector } = await import('../collector/src/index.js'));
  } catch (error) {
    console.warn(`! เปิด collector ไม่ได้ / cannot load the collector (${error.code ?? error.message}); run npm install?`);
    return null;
  }
  await mkdir(dirname(options.db), { recursive: true });
  // The DPO console needs a token: without YINYOM_ADMIN_TOKEN the demo makes one for this run
  // and prints it. It unlocks a demo database on loopback, nothing else.
  const demoToken = process.env.YINYOM_ADMIN_TOKEN ? undefined : randomBytes(18).toString('base64url');
  const collector = createCollector({ db: options.db, allowOrigins: origins, adminToken: process.env.YINYOM_ADMIN_TOKEN || demoToken });
  const url = await collector.listen({ port: options.collectorPort, host: options.host });
  return { collector, url, demoToken };
}

/**
 * Starts the demo site and (unless `--no-collector`) the collector; resolves once both listen.
 * `log` receives the startup lines (pass a no-op in tests).
 */
export async function main(argv = process.argv.slice(2), log = console.log) {
  const options = readOptions(argv);
  if (options.help) {
    log(USAGE);
    return null;
  }
  const host = urlHost(options.host);
  const configText = readFileSync(join(demoDir, 'config.json'), 'utf8');

  const ctx = {
    endpoint: `http://${host}:${options.collectorPort}/v1/receipts`,
    courses: courseNames(),
    purposeTitles: new Map(JSON.parse(configText).purposes.map((p) => [p.id, p.title.th ?? p.title])),
    csp: () => contentSecurityPolicy(new URL(ctx.endpoint).origin, options.trustedTypes),
    withEndpoint: (html) =>
      html.replace(INLINE_CONFIG, (_, open, json, close) => `${open}\n${inlineJson(configWithEndpoint(json, ctx.endpoint))}\n  ${close}`),
  };

  const server = createServer(createHandler(ctx));
  let port;
  try {
    port = await listen(server, options.port, options.host);
  } catch (error) {
    throw new UsageError(`เปิดเว็บไซต์สาธิตที่ ${options.host}:${options.port} ไม่ได้ / cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`);
  }
  const siteUrl = `http://${host}:${port}/`;

  let running = null;
  if (options.collector) {
    // The demo's own origin, and its localhost spelling, may send receipts; nothing else.
    const origins = [`http://${host}:${port}`];
    if (host === '127.0.0.1') origins.push(`http://localhost:${port}`);
    try {
      running = await startCollector(options, origins);
    } catch (error) {
      server.close();
      throw new UsageError(`เปิด collector ไม่ได้ / cannot start the collector on port ${options.collectorPort}: ${error.code ?? error.message}`);
    }
    if (running) ctx.endpoint = `${running.url}/v1/receipts`;
  }

  log('ยินยอม (Yinyom) — เว็บไซต์สาธิต / demo');
  log(`  เว็บไซต์สาธิต / demo site:            ${siteUrl}`);
  if (running) {
    log(`  รับบันทึกความยินยอม / receipt collector: ${ctx.endpoint}`);
    const db = relative(process.cwd(), options.db);
    log(`  ฐานข้อมูล / database:                 ${db && !db.startsWith('..') ? db : options.db}`);
    const token = running.demoToken ? `โทเค็นสำหรับสาธิตเท่านั้น / demo-only token: ${running.demoToken}` : 'โทเค็น / token: YINYOM_ADMIN_TOKEN';
    log(`  คอนโซล DPO / DPO console:             ${running.url}/admin/ (${token})`);
  } else {
    log(`  ส่งบันทึกความยินยอมไปที่ / receipts go to: ${ctx.endpoint} (collector ไม่ได้เปิดในโปรเซสนี้ / not started here)`);
  }
  if (!options.trustedTypes) log('  Trusted Types: ปิด / off (--no-trusted-types)');
  if (!existsSync(join(distDir, 'yinyom.js'))) {
    log('! ยังไม่มี dist/yinyom.js: สั่ง npm run build ก่อน (npm start สร้างให้และเปิดเว็บไซต์สาธิต)');
    log('! dist/yinyom.js is missing: run `npm run build` first (`npm start` builds, then serves the demo)');
  }
  log('  กด Ctrl+C เพื่อหยุด / press Ctrl+C to stop');

  const close = async () => {
    server.close();
    server.closeAllConnections();
    if (running) await running.collector.close();
  };
  return { siteUrl, endpoint: ctx.endpoint, consoleUrl: running ? `${running.url}/admin/` : undefined, demoToken: running?.demoToken, close };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const demo = await main();
    if (demo) {
      const stop = () => demo.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  }
}
