// @ts-check
// The data protection officer's console at /admin/: its pages (one shell that loads the Lit
// elements built into console/dist/), its sign-in and sessions, and the JSON it reads.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tokenMatcher } from './admin-auth.js';
import { allGaps, chainReport } from './chain-report.js';
import { csvLines, ndjsonLines } from './export-format.js';
import { HttpError } from './http-error.js';
import { KANTARA_URL, loadMapping, subjectDocument } from './iso27560.js';
import { USER_NAME_RE, hashPassword, verifyPassword } from './passwords.js';
import { verifyReceiptHash } from './receipt-hash.js';
import { dayRange, subjectParam } from './params.js';
import { TOKEN_USER } from './store.js';

/** Where the console's built script, style sheet and icon are (`npm run build` makes the script). */
export const CONSOLE_DIR = new URL('../console/', import.meta.url);
const ASSETS = {
  'console.js': { file: 'dist/console.js', type: 'text/javascript; charset=utf-8' },
  'console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
  'icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
};
const SESSION_HOURS = 8;
const COOKIE = 'yinyom_console';
/** Failed sign-ins one client may make in {@link FAILURE_WINDOW_MS} before it must wait. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const MAX_PASSWORD = 1024;
const MAX_REASON = 500;
const AUDIT_PAGE = 100;
const GAPS_LISTED = 100;
const TEXT_CONTROLS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * The console's pages allow only the collector's own script and style sheet, and only Lit's
 * Trusted Types policy.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Downloads of one subject's receipts. */
const SUBJECT_FORMATS = {
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  kantara: { type: 'application/json; charset=utf-8', extension: 'kantara.json' },
  iso27560: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
};
/** Downloads of the export page and of the audit log. */
const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  ndjson: { type: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
};

/**
 * @typedef {object} ConsoleOptions
 * @property {string} [adminToken] signs in with the token
 * @property {Map<string, string>} [adminUsers] user name → scrypt hash; signs in by name and password
 * @property {() => number} now
 * @property {number} exportPageSize
 * @property {URL} mappingUrl
 * @property {URL} consoleDir
 * @property {() => { retentionDays: number | null, nextPurge: string | null }} purgeSchedule
 * @property {() => import('./store.js').ReceiptStore} store
 * @property {import('./signing.js').ReceiptSigner} [signer] the collector's countersigner, if it signs
 */

/**
 * Whether the console is on: with an admin token or a users file.
 * @param {{ adminToken?: string, adminUsers?: Map<string, string> }} options
 */
export const consoleEnabled = (options) => options.adminToken !== undefined || options.adminUsers !== undefined;

/** @param {string} value */
const sha256 = (value) => createHash('sha256').update(value).digest('base64url');

/**
 * `from`, `to` (UTC days, both included; an empty field is no bound) and `site` of a console query.
 * @param {Record<string, string | undefined>} query
 */
function filters(query) {
  const given = (/** @type {string | undefined} */ value) => (value === '' ? undefined : value);
  const [from, to, site] = [given(query.from), given(query.to), given(query.site)];
  const range = dayRange({ from, to });
  if (range.from && range.to && range.from >= range.to) throw new HttpError(400, 'from: must not be after to');
  if (site !== undefined && !/^https?:\/\/[^/\s]+$/.test(site)) throw new HttpError(400, `site: must be an origin such as https://www.example.go.th, got ${JSON.stringify(site)}`);
  return { range, site, shown: { from: from ?? null, to: to ?? null, site: site ?? null } };
}

/** @param {string | undefined} header */
function cookieValue(header) {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * Bodies of one site only (all when `site` is undefined).
 * @param {AsyncIterable<string>} bodies
 * @param {string | undefined} site
 */
async function* ofSite(bodies, site) {
  for await (const body of bodies) if (site === undefined || JSON.parse(body).origin === site) yield body;
}

/**
 * The console as a fastify plugin. Its routes answer 404 unless the console is on (see
 * {@link consoleEnabled}); the bearer-token API is not touched.
 *
 * @param {import('fastify').FastifyInstance} app
 * @param {ConsoleOptions} options
 */
export async function consoleRoutes(app, options) {
  const { now, store } = options;
  const matchesToken = options.adminToken === undefined ? undefined : tokenMatcher(options.adminToken);
  const users = options.adminUsers;
  // A user name that is not in the file is checked against this, so that a wrong name takes
  // as long as a wrong password.
  const decoy = users ? await hashPassword(randomBytes(16).toString('hex')) : '';
  const clientKey = randomBytes(32);
  /** @type {Map<string, { failures: number, resetAt: number }>} */
  const failures = new Map();
  const iso = () => new Date(now()).toISOString();
  /** @type {WeakMap<object, { user: string, expiresAt: string }>} */
  const signedIn = new WeakMap();
  const userOf = (/** @type {import('fastify').FastifyRequest} */ request) => /** @type {{ user: string }} */ (signedIn.get(request)).user;

  /**
   * @param {import('fastify').FastifyRequest} request
   * @param {string} action
   * @param {string | null} subject
   * @param {Record<string, unknown>} detail
   */
  const audit = (request, action, subject, detail) => store().appendAudit({ time: iso(), user: userOf(request), action, subject, detail });

  app.addHook('onRequest', async (request, reply) => {
    if (!consoleEnabled(options)) {
      throw new HttpError(404, 'the console is off: start the collector with --admin-token-file or --admin-users-file');
    }
    reply.headers({
      'content-security-policy': CONSOLE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    // Only the console's own pages may change anything: a browser always sends Origin on a
    // POST or DELETE, and a page of another site cannot set it.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const own = `${request.protocol}://${request.host}`;
      if (request.headers.origin !== own) {
        throw new HttpError(403, `origin: ${request.headers.origin === undefined ? 'missing' : JSON.stringify(request.headers.origin)}; the console accepts changes from ${own} only`);
      }
    }
  });

  // Pages: one shell for every path; the elements read the path.
  const shell = async (/** @type {import('fastify').FastifyRequest} */ _request, /** @type {import('fastify').FastifyReply} */ reply) => {
    await asset('console.js');
    const modes = [matchesToken ? 'token' : '', users ? 'users' : ''].filter(Boolean).join(' ');
    reply.type('text/html; charset=utf-8');
    return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>ยินยอม: คอนโซลเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล</title>
<link rel="icon" href="/admin/icon.svg">
<link rel="stylesheet" href="/admin/console.css">
<script type="module" src="/admin/console.js"></script>
</head>
<body>
<yinyom-console sign-in="${modes}"></yinyom-console>
</body>
</html>
`;
  };
  /** @param {keyof typeof ASSETS} name */
  async function asset(name) {
    const { file } = ASSETS[name];
    try {
      return await readFile(new URL(file, options.consoleDir));
    } catch (error) {
      throw new HttpError(501, `the console's ${file} cannot be read (${/** @type {NodeJS.ErrnoException} */ (error).code}); run npm run build in the repository's root`);
    }
  }
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 308));
  for (const path of ['/admin/', '/admin/export', '/admin/audit']) app.get(path, shell);
  for (const path of ['/admin/subjects/:subject', '/admin/subjects/:subject/access-request']) {
    app.get(path, async (request, reply) => {
      subjectParam(request.params);
      return shell(request, reply);
    });
  }
  for (const name of /** @type {(keyof typeof ASSETS)[]} */ (Object.keys(ASSETS))) {
    app.get(`/admin/${name}`, async (_request, reply) => {
      reply.type(ASSETS[name].type).header('cache-control', 'no-cache');
      return asset(name);
    });
  }

  app.post('/admin/api/session', async (request, reply) => {
    const key = createHmac('sha256', clientKey).update(request.ip).digest('base64url');
    const at = now();
    let entry = failures.get(key);
    if (entry && entry.resetAt <= at) {
      failures.delete(key);
      entry = undefined;
    }
    if (entry && entry.failures >= MAX_FAILURES) {
      const wait = Math.ceil((entry.resetAt - at) / 1000);
      // A refused attempt is a failed sign-in too, and the audit log names every one.
      const tried = /** @type {{ user?: unknown }} */ (request.body ?? {}).user;
      const user = typeof tried === 'string' && USER_NAME_RE.test(tried) ? tried : TOKEN_USER;
      await store().appendAudit({ time: iso(), user, action: 'sign-in-failed', subject: null, detail: { refused: 'too many failed sign-ins' } });
      throw new HttpError(429, `too many failed sign-ins: wait ${wait} s`, { 'retry-after': String(wait) });
    }
    const body = /** @type {Record<string, unknown>} */ (request.body ?? {});
    if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'body: must be {"user"?, "password"}');
    const { user, password } = body;
    if (typeof password !== 'string' || password === '' || password.length > MAX_PASSWORD) {
      throw new HttpError(400, `password: must be a string of 1 to ${MAX_PASSWORD} characters`);
    }
    if (user !== undefined && (typeof user !== 'string' || (user !== '' && !USER_NAME_RE.test(user)))) {
      throw new HttpError(400, 'user: must be 1 to 64 letters, digits or ._@-');
    }
    /** @type {string | undefined} */
    let who;
    if (user) {
      const hash = users?.get(user);
      if ((await verifyPassword(password, hash ?? decoy)) && hash) who = user;
    } else if (matchesToken?.(password)) {
      who = TOKEN_USER;
    }
    if (!who) {
      if (entry) entry.failures++;
      else {
        // Clients that failed once and left would otherwise stay in memory for good.
        if (failures.size >= 10_000) for (const [stale, { resetAt }] of failures) if (resetAt <= at) failures.delete(stale);
        failures.set(key, { failures: 1, resetAt: at + FAILURE_WINDOW_MS });
      }
      await store().appendAudit({ time: iso(), user: user || TOKEN_USER, action: 'sign-in-failed', subject: null, detail: {} });
      throw new HttpError(401, user || !matchesToken ? 'the user name or password is wrong' : 'the admin token is wrong');
    }
    failures.delete(key);
    const value = randomBytes(32).toString('base64url');
    const expiresAt = new Date(at + SESSION_HOURS * 60 * 60 * 1000).toISOString();
    await store().saveSession({ key: sha256(value), user: who, expiresAt, now: iso() });
    await store().appendAudit({ time: iso(), user: who, action: 'sign-in', subject: null, detail: {} });
    const secure = request.protocol === 'https' ? '; Secure' : '';
    reply.header('set-cookie', `${COOKIE}=${value}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secure}`);
    return { user: who, expiresAt };
  });

  // Everything else under /admin/api needs a session.
  app.register(async (api) => {
    api.addHook('preHandler', async (request) => {
      const value = cookieValue(request.headers.cookie);
      const session = value ? await store().session(sha256(value), iso()) : undefined;
      if (!session) throw new HttpError(401, 'sign in first: no session, or it has expired');
      signedIn.set(request, session);
    });

    api.get('/admin/api/session', async (request) => signedIn.get(request));

    api.delete('/admin/api/session', async (request, reply) => {
      await store().dropSession(sha256(/** @type {string} */ (cookieValue(request.headers.cookie))));
      await audit(request, 'sign-out', null, {});
      reply.header('set-cookie', `${COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`);
      return reply.code(204).send();
    });

    api.get('/admin/api/overview', async (request) => {
      const { range, site, shown } = filters(/** @type {any} */ (request.query));
      const { days, choices } = await store().overview(range);
      const sites = [...new Set(days.map((row) => row.origin))].sort();
      /** @type {Map<string, number>} */
      const perDay = new Map();
      for (const row of days) if (site === undefined || row.origin === site) perDay.set(row.day, (perDay.get(row.day) ?? 0) + Number(row.count));
      /** @type {Map<string, { choice: string, granted: number, denied: number, withdrawn: number }>} */
      const perChoice = new Map();
      for (const row of choices) {
        if (site !== undefined && row.origin !== site) continue;
        const sum = perChoice.get(row.choice) ?? { choice: row.choice, granted: 0, denied: 0, withdrawn: 0 };
        sum.granted += Number(row.granted);
        sum.denied += Number(row.denied);
        sum.withdrawn += Number(row.withdrawn);
        perChoice.set(row.choice, sum);
      }
      return {
        ...shown,
        sites,
        total: [...perDay.values()].reduce((a, b) => a + b, 0),
        stored: await store().count(),
        erased: await store().tombstoneCount(),
        days: [...perDay].map(([day, count]) => ({ day, count })),
        choices: [...perChoice.values()].sort((a, b) => (a.choice < b.choice ? -1 : 1)),
        gaps: await allGaps(store(), GAPS_LISTED, site),
        ...options.purgeSchedule(),
      };
    });

    api.get('/admin/api/subjects/:subject', async (request) => {
      const subject = subjectParam(request.params);
      const rows = await store().bySubject(subject);
      await audit(request, 'subject-lookup', subject, {});
      const receipts = rows.map((row) => JSON.parse(row.body));
      // Whether each stored receipt still matches its hash: a row changed in the database since it was received does not.
      const intact = receipts.map((receipt) => verifyReceiptHash(receipt));
      const { signer } = options;
      return {
        subject,
        receipts,
        intact,
        // Ed25519 is deterministic: the countersignature of an intact receipt under the signing
        // key is the one the collector answered when it received it with that key.
        signatures: signer ? receipts.map((receipt, i) => (intact[i] ? signer.sign(receipt) : null)) : null,
        chain: await chainReport(store(), subject),
        tombstones: await store().tombstones(subject),
      };
    });

    api.get('/admin/api/subjects/:subject/download', async (request, reply) => {
      const subject = subjectParam(request.params);
      const format = /** @type {Record<string, string | undefined>} */ (request.query).format ?? 'json';
      if (!Object.hasOwn(SUBJECT_FORMATS, format)) throw new HttpError(400, `format: must be json, csv, kantara or iso27560, got ${JSON.stringify(format)}`);
      const kind = SUBJECT_FORMATS[/** @type {keyof typeof SUBJECT_FORMATS} */ (format)];
      const bodies = (await store().bySubject(subject)).map((row) => row.body);
      /** @type {string} */
      let content;
      if (format === 'iso27560') content = JSON.stringify(await subjectDocument(store(), bodies, await loadMapping(options.mappingUrl)));
      else if (format === 'kantara') {
        /** @type {typeof import('../../dist/esm/core/receipts/to-kantara-receipt.js')} */
        const { toKantaraReceipt } = await loadMapping(KANTARA_URL, 'kantara');
        // The collector has no site config: the controller and purposes are named as the receipt names them.
        const receipts = bodies.map((body) => {
          const receipt = JSON.parse(body);
          const config = { controller: { name: receipt.controller }, notice: {}, categories: [], purposes: Object.keys(receipt.choices).map((id) => ({ id, title: id })) };
          return toKantaraReceipt(receipt, /** @type {any} */ (config));
        });
        content = JSON.stringify(receipts, null, 2);
      } else if (format === 'csv') {
        content = '';
        for await (const line of csvLines(/** @type {any} */ (bodies))) content += line;
      }
      else content = `{"subject":${JSON.stringify(subject)},"count":${bodies.length},"receipts":[${bodies.join(',')}]}`;
      await audit(request, 'export', subject, { format });
      const name = `yinyom-subject.${kind.extension}`;
      return reply.type(kind.type).header('content-disposition', `attachment; filename="${name}"`).send(content);
    });

    api.post('/admin/api/subjects/:subject/erase', async (request) => {
      const subject = subjectParam(request.params);
      const body = /** @type {Record<string, unknown>} */ (request.body ?? {});
      const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
      if (reason === '' || [...reason].length > MAX_REASON || TEXT_CONTROLS.test(reason)) {
        throw new HttpError(400, `reason: must be 1 to ${MAX_REASON} characters without control characters`);
      }
      if (body.confirm !== subject) throw new HttpError(400, 'confirm: must repeat the subject exactly, to confirm the erasure');
      if ((await store().bySubject(subject)).length === 0) throw new HttpError(404, 'subject: has no receipts to erase');
      const user = userOf(request);
      const at = iso();
      const erased = await store().erase(subject, { erasedAt: at, reason, erasedBy: user }, { time: at, user, action: 'erasure', subject, detail: { reason } });
      return { subject, erased, tombstones: await store().tombstones(subject) };
    });

    api.get('/admin/api/export', async (request, reply) => {
      const query = /** @type {Record<string, string | undefined>} */ (request.query);
      const format = query.format ?? 'csv';
      if (!Object.hasOwn(EXPORT_FORMATS, format)) throw new HttpError(400, `format: must be csv or ndjson, got ${JSON.stringify(format)}`);
      const { range, site, shown } = filters(query);
      await audit(request, 'export', null, { ...shown, format });
      const bodies = ofSite(store().bodies({ ...range, pageSize: options.exportPageSize }), site);
      const kind = EXPORT_FORMATS[/** @type {keyof typeof EXPORT_FORMATS} */ (format)];
      reply.type(kind.type).header('content-disposition', `attachment; filename="yinyom-receipts.${kind.extension}"`);
      return reply.send(Readable.from(format === 'csv' ? csvLines(bodies) : ndjsonLines(bodies)));
    });

    api.get('/admin/api/audit', async (request) => {
      const before = /** @type {Record<string, string | undefined>} */ (request.query).before;
      if (before !== undefined && !/^[1-9]\d{0,15}$/.test(before)) throw new HttpError(400, 'before: must be a positive whole number');
      const entries = await store().auditPage({ before: before === undefined ? undefined : Number(before), limit: AUDIT_PAGE });
      return { entries, next: entries.length === AUDIT_PAGE ? entries[entries.length - 1].seq : null };
    });

    api.get('/admin/api/audit/export', async (request, reply) => {
      await audit(request, 'audit-export', null, {});
      reply.type(EXPORT_FORMATS.ndjson.type).header('content-disposition', 'attachment; filename="yinyom-audit.ndjson"');
      return reply.send(Readable.from(auditLines(store())));
    });
  });
}

/**
 * The whole audit log, newest first, one JSON line an entry, read a page at a time.
 * @param {import('./store.js').ReceiptStore} store
 */
async function* auditLines(store) {
  /** @type {number | undefined} */
  let before;
  for (;;) {
    const entries = await store.auditPage({ before, limit: AUDIT_PAGE });
    for (const entry of entries) yield JSON.stringify(entry) + '\n';
    if (entries.length < AUDIT_PAGE) return;
    before = entries[entries.length - 1].seq;
  }
}
