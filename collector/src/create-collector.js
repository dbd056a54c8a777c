// @ts-check
import { createHmac, randomBytes } from 'node:crypto';
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import { Readable } from 'node:stream';
import { MIMEType } from 'node:util';
import Fastify from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { adminGuard, MIN_ADMIN_TOKEN_LENGTH } from './admin-auth.js';
import { allGaps, chainReport } from './chain-report.js';
import { checkBatch } from './check-batch.js';
import { CONSOLE_DIR, consoleRoutes } from './console-routes.js';
import { csvLines, ndjsonLines } from './export-format.js';
import { HttpError } from './http-error.js';
import { MAPPING_URL, documentChunks, loadMapping, subjectDocument } from './iso27560.js';
import { originAllowList } from './origins.js';
import { parseUsersFile } from './passwords.js';
import { DAY_MS, dayRange, intParam, subjectParam } from './params.js';
import { createSigner } from './signing.js';
import { openStore } from './store.js';

const MAX_PARAM_LENGTH = 4096;
/** What `GET /v1/export?format=` can write. */
const EXPORT_FORMATS = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', extension: 'ndjson' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  iso27560: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
};
/** Seconds a client may cache `GET /v1/keys`. */
const KEYS_MAX_AGE = 300;

/**
 * @typedef {object} CollectorOptions
 * @property {string} [db] SQLite file path (its folder must exist). Required unless
 *   `databaseUrl` is given.
 * @property {string} [databaseUrl] PostgreSQL connection string; wins over `db`.
 * @property {'normal' | 'full'} [sqliteSynchronous] SQLite durability. `'full'` (default):
 *   an fsync per batch before the answer, so not even a power cut loses an acknowledged
 *   receipt. `'normal'`: acknowledged receipts survive the collector being killed, and a
 *   power cut can lose at most the last ~250 ms of them. See src/sqlite-store.js.
 * @property {string[]} [allowOrigins] origins allowed to send receipts, e.g.
 *   `['https://www.example.go.th']`. A request whose `Origin` header is not listed gets 403
 *   (CORS preflight included), a receipt whose `origin` is not listed is rejected. Empty or
 *   undefined: every origin is allowed, and a warning says so.
 * @property {string} [adminToken] Bearer token for the admin endpoints (at least 16
 *   characters); without it they answer 404. Never logged.
 * @property {Record<string, string> | Map<string, string>} [adminUsers] the console's users:
 *   name → scrypt hash made by `yinyom-collector hash-password` (or `hashPassword`). With
 *   these or an admin token the console is served at `/admin/`; without either it answers 404.
 * @property {number} [retentionDays] purge receipts whose `time` is older than this many
 *   days, at start and every `purgeIntervalMs`; refuse incoming ones that old.
 *   Default: keep forever.
 * @property {{ max?: number, timeWindow?: number } | false} [rateLimit] requests per client
 *   IP per window (ms). Default `{ max: 1000, timeWindow: 60000 }`; `false` turns it off.
 *   Clients are told apart by a keyed hash of their address, kept in memory only.
 * @property {number} [bodyLimit] largest request body in bytes; default 1 MiB (413 past it).
 * @property {number} [maxBatch] most receipts in one request; default 100 (413 past it).
 * @property {boolean | Record<string, unknown>} [logger] `true` or pino options to log
 *   requests (method, URL and status only: never an IP address or a header). Default false.
 * @property {boolean | number | string | string[]} [trustProxy] behind reverse proxies: take
 *   the client address, for rate limiting, from `X-Forwarded-For`. `true` or `1`: one proxy,
 *   so the client is the address it appended (the rightmost); a number N: N proxies in a
 *   row; addresses or CIDR ranges (an array, or comma-separated): the proxies, skipped from
 *   the right, and the header is believed only from them. Default false: the socket's peer.
 * @property {number} [purgeIntervalMs] how often the retention purge runs; default 1 hour.
 * @property {number} [exportPageSize] receipts read from the database at a time while an
 *   export streams; default 500.
 * @property {() => number} [now] the collector's clock, in milliseconds since 1970 (for
 *   tests); default `Date.now`. Retention and the receipts' time checks read it.
 * @property {Array<string | import('node:crypto').KeyObject>} [signingKeys] Ed25519 private
 *   keys, as PKCS#8 PEM texts (each may hold several keys) or KeyObjects. The first one
 *   countersigns every accepted and duplicate receipt; all are published at `GET /v1/keys`
 *   (keep retired keys after the first, so that what they signed still verifies). Default:
 *   no signing.
 * @property {URL} [consoleDir] the folder of the console's `console.css`, `icon.svg` and
 *   built `dist/console.js`; default collector/console/
 * @property {URL} [mappingUrl] where `format=iso27560` loads the ISO/IEC TS 27560 mapping from;
 *   default the SDK's build beside the collector (dist/esm/core/receipts/to-iso27560.js).
 */

/**
 * @typedef {object} Collector
 * @property {import('fastify').FastifyInstance} app the fastify instance (`app.inject()` works)
 * @property {(options?: { port?: number, host?: string }) => Promise<string>} listen
 *   opens the database and listens (default port 8787, host 127.0.0.1; port 0 picks a free
 *   one); resolves to the URL, e.g. `http://127.0.0.1:8787`
 * @property {() => Promise<void>} close stops listening and closes the database
 * @property {import('./store.js').ReceiptStore | undefined} store the open store, once ready
 */

/**
 * Creates the reference receipt collector of DESIGN.md sections 10 and 11: `POST
 * /v1/receipts`, `GET /healthz` and the admin endpoints. The database is opened when the
 * app becomes ready (`listen()`, `app.ready()` or the first `app.inject()`).
 *
 * @param {CollectorOptions} options
 * @returns {Collector}
 * @example
 * const collector = createCollector({ db: '/tmp/receipts.sqlite', allowOrigins: ['http://127.0.0.1:8000'] });
 * const url = await collector.listen({ port: 0, host: '127.0.0.1' });
 * // POST `${url}/v1/receipts` …
 * await collector.close();
 */
export function createCollector(options = {}) {
  const settings = resolveOptions(options);
  let signer;
  try {
    signer = settings.signingKeys === undefined ? undefined : createSigner(settings.signingKeys);
  } catch (error) {
    throw new TypeError(`createCollector: ${/** @type {Error} */ (error).message}`);
  }
  const allow = originAllowList(settings.allowOrigins);
  const guard = adminGuard(settings.adminToken);

  /** @type {import('fastify').FastifyInstance} */
  let app;
  try {
    app = Fastify({
      logger: loggerOptions(settings.logger),
      bodyLimit: settings.bodyLimit,
      trustProxy: settings.trustProxy,
      // A subject may be 256 characters; percent-encoded Thai takes 9 bytes a character.
      routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
      // Errors of the router and of Node's HTTP parser, which come before any route or
      // error handler, answer JSON too.
      frameworkErrors: (error, _request, reply) => {
        const [status, message] = /** @type {[number, string]} */ (
          error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? [414, `subject: longer than ${MAX_PARAM_LENGTH} bytes in the URL; a subject is 1 to 256 characters`]
            : error.code === 'FST_ERR_BAD_URL'
              ? [400, `URL: ${error.message.replace(/ is not a valid url component$/, '')} is not valid percent-encoding`]
              : [400, `request: ${error.message}`]
        );
        reply.code(/** @type {any} */ (status)).send(/** @type {any} */ ({ error: message }));
      },
      clientErrorHandler: answerClientError,
      // Our own 503 while closing (below), with the JSON shape and headers of every error.
      return503OnClosing: false,
    });
  } catch (error) {
    // Fastify compiles the proxy addresses; say which option its complaint is about.
    if (Array.isArray(settings.trustProxy)) throw new TypeError(`createCollector: trustProxy: ${/** @type {Error} */ (error).message}`);
    throw error;
  }

  // JSON only: no text/plain parser (so a beacon-style text body gets 415), and our own
  // parse so that a malformed body's error says where it breaks.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    // JSON is UTF-8 (RFC 8259); a body in another charset would be read as garbage.
    const type = String(request.headers['content-type']);
    let charset;
    try {
      charset = new MIMEType(type).params.get('charset');
    } catch {
      charset = 'unreadable';
    }
    if (charset !== null && charset.toLowerCase() !== 'utf-8') {
      return done(new HttpError(415, `content type ${JSON.stringify(type)} is not supported: JSON is UTF-8; send Content-Type: application/json`), undefined);
    }
    if (text === '') return done(new HttpError(400, 'body: empty; send {"receipts": [...]}'), undefined);
    try {
      done(null, JSON.parse(/** @type {string} */ (text)));
    } catch (error) {
      done(new HttpError(400, `body: malformed JSON (${/** @type {Error} */ (error).message})`), undefined);
    }
  });

  /** @type {import('./store.js').ReceiptStore | undefined} */
  let store;
  /** @type {NodeJS.Timeout | undefined} */
  let purgeTimer;
  const ready = () => /** @type {import('./store.js').ReceiptStore} */ (store);

  if (allow.all) warnAllOrigins(app.log, settings.logger);

  const cutoff = () =>
    settings.retentionDays === undefined ? undefined : new Date(settings.now() - settings.retentionDays * DAY_MS).toISOString();

  /** When the retention purge last ran, in ms. */
  let purgedAt = 0;
  async function purge() {
    const before = cutoff();
    if (before === undefined || !store) return;
    purgedAt = settings.now();
    const removed = await store.purgeBefore(before);
    if (removed > 0) app.log.info({ removed, before }, 'retention purge');
  }

  app.addHook('onReady', async () => {
    store = await openStore({ db: settings.db, databaseUrl: settings.databaseUrl, sqliteSynchronous: settings.sqliteSynchronous });
    await purge();
    if (settings.retentionDays !== undefined) {
      purgeTimer = setInterval(() => {
        purge().catch((error) => app.log.error({ err: error }, 'retention purge failed'));
      }, settings.purgeIntervalMs);
      purgeTimer.unref();
    }
  });
  // Requests still arriving once close() has begun (on kept-alive connections, or before the
  // server stops listening) are told to come back, and their connection is closed.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onClose', async () => {
    clearInterval(purgeTimer);
    await store?.close();
    store = undefined;
  });

  // Refuse foreign origins before anything else, preflights included.
  app.addHook('onRequest', async (request) => {
    if (closing) throw new HttpError(503, 'the collector is shutting down; retry later', { connection: 'close', 'retry-after': '5' });
    const origin = request.headers.origin;
    // The console checks its own origin (console-routes.js): the allow-list names the sites.
    const consolePath = request.url === '/admin' || request.url.startsWith('/admin/');
    if (origin !== undefined && !consolePath && !allow.allows(origin)) {
      // The allow-list stays out of the answer: anyone can send any Origin.
      throw new HttpError(403, `origin ${origin} is not allowed to use this collector`);
    }
    // @fastify/cors answers these in plain text; only a CORS preflight is served.
    if (request.method === 'OPTIONS') {
      for (const header of ['Origin', 'Access-Control-Request-Method']) {
        if (request.headers[header.toLowerCase()] === undefined) {
          throw new HttpError(400, `preflight: the ${header} header is missing; OPTIONS answers CORS preflights only`);
        }
      }
    }
    // The query parser makes an array of a repeated parameter, which no route expects.
    for (const [name, value] of Object.entries(/** @type {Record<string, unknown>} */ (request.query))) {
      if (Array.isArray(value)) throw new HttpError(400, `query: ${name} is given ${value.length} times; give it once`);
    }
  });

  app.register(cors, {
    origin: allow.all ? '*' : allow.origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization'],
    // The SDK reads Retry-After of a 429; a cross-origin script only sees exposed headers.
    exposedHeaders: ['Retry-After'],
    // A cached preflight lets the pagehide `fetch(..., {keepalive: true})` go out at once.
    maxAge: 7200,
  });

  if (settings.rateLimit !== false) {
    // Clients are counted by a keyed hash of their address with a key that lives only in
    // this process, so no IP address is held, stored or logged.
    const ipKey = randomBytes(32);
    app.register(rateLimit, {
      max: settings.rateLimit.max,
      timeWindow: settings.rateLimit.timeWindow,
      keyGenerator: (request) => createHmac('sha256', ipKey).update(request.ip).digest('base64url'),
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, `too many requests: at most ${context.max} in ${context.after} from one client; retry after ${Math.ceil(context.ttl / 1000)} s`),
    });
  }

  app.setErrorHandler((error, request, reply) => {
    const { status, message, headers } = describeError(error, settings.bodyLimit, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    reply.code(status).headers(headers).send({ error: message });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` });
  });

  // Routes go in a plugin so that they are added after cors and rate-limit, whose
  // onRoute hooks must see them.
  app.register(async (routes) => {
    routes.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
      try {
        await ready().ping();
      } catch {
        reply.code(503);
        return { status: 'unavailable', error: 'database unreachable' };
      }
      return { status: 'ok', storage: ready().kind };
    });

    routes.post('/v1/receipts', async (request) => {
      const batch = checkBatch(request.body, {
        maxBatch: settings.maxBatch,
        allowsOrigin: allow.allows,
        notBefore: cutoff(),
        retentionDays: settings.retentionDays,
        receivedAt: settings.now(),
      });
      // Resolves after the commit: the 200 below acknowledges only durable receipts.
      const { inserted, existing } = await ready().insert(batch.rows);
      const duplicates = [...batch.duplicates];
      const rejected = [...batch.rejected];
      for (const row of batch.rows) {
        const storedHash = existing.get(row.id);
        if (storedHash === undefined) continue;
        if (storedHash === row.hash) duplicates.push(row.id);
        else {
          rejected.push({
            id: row.id,
            error: `receipts[${batch.index.get(row.id)}].id: already stored with different content (stored hash ${storedHash}); an id names one receipt`,
          });
        }
      }
      if (!signer) return { accepted: inserted, duplicates, rejected };
      // A duplicate's hash equals the stored receipt's, so its canonical form, which holds
      // that hash, is the stored receipt's too: signing the posted copy signs what is stored.
      // Duplicates are signed as well, so that a lost answer does not cost the proof.
      const receipts = /** @type {{ receipts: Record<string, unknown>[] }} */ (request.body).receipts;
      /** @type {Record<string, import('./signing.js').Signature>} */
      const signatures = {};
      for (const id of [...inserted, ...duplicates]) {
        signatures[id] ??= signer.sign(receipts[/** @type {number} */ (batch.index.get(id))]);
      }
      return { accepted: inserted, duplicates, rejected, signatures };
    });

    // The public keys that verify the countersignatures: public, and cacheable for a while
    // (a key is added to the file before it starts signing, so caches have it in time).
    routes.get('/v1/keys', async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${KEYS_MAX_AGE}`);
      return { keys: signer?.keys ?? [] };
    });

    routes.register(consoleRoutes, {
      adminToken: settings.adminToken,
      adminUsers: settings.adminUsers,
      now: settings.now,
      exportPageSize: settings.exportPageSize,
      mappingUrl: settings.mappingUrl,
      consoleDir: settings.consoleDir,
      store: ready,
      signer,
      purgeSchedule: () => ({
        retentionDays: settings.retentionDays ?? null,
        nextPurge: settings.retentionDays === undefined ? null : new Date(purgedAt + settings.purgeIntervalMs).toISOString(),
      }),
    });

    routes.register(async (admin) => {
      // preHandler, not onRequest: the rate limit (a route onRequest hook) must count a
      // guess at the token before the guard answers it.
      admin.addHook('preHandler', async (request) => guard(request.headers.authorization));

      admin.get('/v1/subjects/:subject/receipts', async (request, reply) => {
        const subject = subjectParam(request.params);
        const format = /** @type {Record<string, string | undefined>} */ (request.query).format ?? 'json';
        if (format !== 'json' && format !== 'iso27560') {
          throw new HttpError(400, `format: must be json or iso27560, got ${JSON.stringify(format)}`);
        }
        const rows = await ready().bySubject(subject);
        if (format === 'iso27560') {
          reply.type('application/ld+json; charset=utf-8');
          return subjectDocument(ready(), rows.map((row) => row.body), await loadMapping(settings.mappingUrl));
        }
        // The stored JSON goes out as stored, without a parse and re-serialize.
        reply.type('application/json; charset=utf-8');
        return `{"subject":${JSON.stringify(subject)},"count":${rows.length},"receipts":[${rows.map((row) => row.body).join(',')}]}`;
      });

      admin.get('/v1/subjects/:subject/gaps', async (request) => chainReport(ready(), subjectParam(request.params)));

      admin.get('/v1/gaps', async (request) => {
        const query = /** @type {Record<string, string | undefined>} */ (request.query);
        const limit = intParam(query.limit, 'limit', 1000, 1, 100_000);
        const { gaps, truncated } = await allGaps(ready(), limit);
        // The bearer API answers as it always has; the origin is for the console's site filter.
        return { gaps: gaps.map(({ origin, ...gap }) => gap), truncated };
      });

      admin.get('/v1/stats', async (request) => {
        const query = /** @type {Record<string, string | undefined>} */ (request.query);
        const range = dayRange(query);
        const rows = await ready().stats(range);
        /** @type {{ day: string, choices: Record<string, { granted: number, denied: number }> }[]} */
        const days = [];
        for (const row of rows) {
          if (days.at(-1)?.day !== row.day) days.push({ day: row.day, choices: {} });
          /** @type {any} */ (days.at(-1)).choices[row.choice] = { granted: Number(row.granted), denied: Number(row.denied) };
        }
        return { from: query.from ?? null, to: query.to ?? null, days };
      });

      admin.get('/v1/export', async (request, reply) => {
        const query = /** @type {Record<string, string | undefined>} */ (request.query);
        const format = query.format ?? 'ndjson';
        if (!Object.hasOwn(EXPORT_FORMATS, format)) {
          throw new HttpError(400, `format: must be csv, ndjson or iso27560, got ${JSON.stringify(format)}`);
        }
        const kind = EXPORT_FORMATS[/** @type {keyof typeof EXPORT_FORMATS} */ (format)];
        const range = dayRange(query);
        if (query.subject !== undefined) range.subject = subjectParam({ subject: query.subject });
        const paged = { ...range, pageSize: settings.exportPageSize };
        const chunks =
          format === 'iso27560'
            ? documentChunks(ready(), paged, await loadMapping(settings.mappingUrl))
            : format === 'csv'
              ? csvLines(ready().bodies(paged))
              : ndjsonLines(ready().bodies(paged));
        reply.type(kind.type).header('content-disposition', `attachment; filename="yinyom-receipts.${kind.extension}"`);
        // A Readable pulled page by page: the export never sits whole in memory.
        return reply.send(Readable.from(chunks));
      });
    });
  });

  return {
    app,
    async listen({ port = 8787, host = '127.0.0.1' } = {}) {
      return app.listen({ port, host });
    },
    async close() {
      await app.close();
    },
    get store() {
      return store;
    },
  };
}

/**
 * @param {CollectorOptions} options
 */
function resolveOptions(options) {
  const fail = (/** @type {string} */ message) => {
    throw new TypeError(`createCollector: ${message}`);
  };
  if (!options.databaseUrl && !options.db) fail('give `db` (a SQLite file path) or `databaseUrl` (PostgreSQL)');
  const positive = (/** @type {unknown} */ value, /** @type {string} */ name, /** @type {number} */ fallback) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`${name} must be a whole number ≥ 1, got ${value}`);
    return /** @type {number} */ (value);
  };
  if (options.retentionDays !== undefined) positive(options.retentionDays, 'retentionDays', 0);
  if (options.adminToken !== undefined && (typeof options.adminToken !== 'string' || options.adminToken.length < MIN_ADMIN_TOKEN_LENGTH)) {
    // Say the length, never the token.
    fail(`adminToken must be a string of at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  }
  const sync = options.sqliteSynchronous ?? 'full';
  if (sync !== 'normal' && sync !== 'full') fail(`sqliteSynchronous must be 'normal' or 'full', got ${JSON.stringify(sync)}`);
  const limit = options.rateLimit;
  return {
    db: options.db,
    databaseUrl: options.databaseUrl,
    sqliteSynchronous: /** @type {'normal' | 'full'} */ (sync),
    allowOrigins: options.allowOrigins ?? [],
    adminToken: options.adminToken,
    adminUsers: adminUsers(options.adminUsers, fail),
    retentionDays: options.retentionDays,
    rateLimit:
      limit === false
        ? /** @type {const} */ (false)
        : { max: positive(limit?.max, 'rateLimit.max', 1000), timeWindow: positive(limit?.timeWindow, 'rateLimit.timeWindow', 60_000) },
    bodyLimit: positive(options.bodyLimit, 'bodyLimit', 1024 * 1024),
    maxBatch: positive(options.maxBatch, 'maxBatch', 100),
    logger: options.logger ?? false,
    trustProxy: proxyTrust(options.trustProxy, fail),
    purgeIntervalMs: positive(options.purgeIntervalMs, 'purgeIntervalMs', 60 * 60 * 1000),
    exportPageSize: positive(options.exportPageSize, 'exportPageSize', 500),
    now: typeof options.now === 'function' ? options.now : options.now === undefined ? Date.now : fail('now must be a function returning milliseconds'),
    signingKeys: options.signingKeys,
    mappingUrl: options.mappingUrl === undefined ? MAPPING_URL : options.mappingUrl instanceof URL ? options.mappingUrl : fail('mappingUrl must be a URL'),
    consoleDir: options.consoleDir === undefined ? CONSOLE_DIR : options.consoleDir instanceof URL ? options.consoleDir : fail('consoleDir must be a URL'),
  };
}

/**
 * The `adminUsers` option as a Map, each name and hash checked as a users file's lines are.
 *
 * @param {unknown} value
 * @param {(message: string) => never} fail
 * @returns {Map<string, string> | undefined}
 */
function adminUsers(value, fail) {
  if (value === undefined) return undefined;
  const entries = value instanceof Map ? [...value] : value !== null && typeof value === 'object' ? Object.entries(value) : fail('adminUsers must be an object of name → hash');
  try {
    return parseUsersFile(entries.map(([name, hash]) => `${name}:${hash}`).join('\n'));
  } catch (error) {
    return fail(`adminUsers: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * The `trustProxy` option as fastify takes it. Fastify trusts every hop for `true` (so the
 * client could name itself in the leftmost X-Forwarded-For entry) and no hop for a number,
 * so a count of hops becomes a function of the hop's position.
 *
 * @param {unknown} value
 * @param {(message: string) => never} fail
 * @returns {false | string[] | ((address: string, hop: number) => boolean)}
 */
function proxyTrust(value, fail) {
  if (value === undefined || value === false) return false;
  const hops = value === true ? 1 : value;
  if (typeof hops === 'number' && Number.isInteger(hops) && hops >= 1) {
    // Hop 0 is the socket's peer, hop 1 the rightmost X-Forwarded-For entry, and so on.
    return (_address, hop) => hop < hops;
  }
  const list = typeof value === 'string' ? value.split(',') : value;
  if (Array.isArray(list) && list.length > 0 && list.every((entry) => typeof entry === 'string' && entry.trim() !== '')) {
    return list.map((entry) => entry.trim());
  }
  return fail(`trustProxy must be true, a number of hops ≥ 1, or proxy addresses; got ${JSON.stringify(value)}`);
}

/**
 * Request logs carry the method, URL and status only: the default serializers would add the
 * client's address and port.
 *
 * @param {boolean | Record<string, unknown>} logger
 */
function loggerOptions(logger) {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return {
    level: 'info',
    ...base,
    serializers: {
      .../** @type {any} */ (base).serializers,
      req: (/** @type {{ method: string, url: string }} */ request) => ({ method: request.method, url: request.url }),
      res: (/** @type {{ statusCode: number }} */ reply) => ({ statusCode: reply.statusCode }),
    },
  };
}

/** Sockets already answered: a parser in error raises the same error on each later read. */
const answeredSockets = new WeakSet();

/**
 * Answers what Node's HTTP parser refused (headers too large, malformed requests, timeouts)
 * with a JSON error, then closes the connection. Unlike Node's and fastify's handlers it
 * does not destroy the socket at once: closing with the rest of an oversized request unread
 * would send a reset that can overtake the answer.
 *
 * @param {Error & { code?: string }} error
 * @param {import('node:net').Socket} socket
 */
function answerClientError(error, socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed || answeredSockets.has(socket)) return;
  answeredSockets.add(socket);
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, `headers: larger than the limit of ${maxHeaderSize} bytes`]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request: not received in time']
        : [400, `request: malformed HTTP (${error.code ?? error.message})`];
  const body = JSON.stringify({ error: message });
  // Whatever else the client sends goes to the failed parser and is dropped; a client that
  // keeps sending is cut off.
  socket.setTimeout(10_000, () => socket.destroy());
  if (!socket.writable) return void socket.destroy();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

let warnedAllOrigins = false;

/**
 * @param {import('fastify').FastifyBaseLogger} log
 * @param {unknown} logger
 */
function warnAllOrigins(log, logger) {
  const message = 'no allowed origins configured: every origin may send receipts (set allowOrigins / --allow-origin)';
  if (logger) log.warn(message);
  else if (!warnedAllOrigins) {
    warnedAllOrigins = true;
    process.emitWarning(message, { code: 'YINYOM_ALL_ORIGINS' });
  }
}

/**
 * Maps any error to a status and a message that names the problem.
 *
 * @param {any} error
 * @param {number} bodyLimit
 * @param {import('fastify').FastifyRequest} request
 * @returns {{ status: number, message: string, headers: Record<string, string> }}
 */
function describeError(error, bodyLimit, request) {
  const headers = error instanceof HttpError ? error.headers : {};
  switch (error?.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': {
      const type = request.headers['content-type'];
      const what = type ? `content type ${JSON.stringify(type)} is not supported` : 'the Content-Type header is missing';
      return { status: 415, message: `${what}: send Content-Type: application/json`, headers };
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, message: `body: larger than the limit of ${bodyLimit} bytes`, headers };
  }
  const status = Number(error?.statusCode);
  if (status >= 400 && status < 500) return { status, message: String(error.message), headers };
  // Ours, such as a 501 for a format whose module is missing: the message names the fault.
  if (error instanceof HttpError) return { status, message: String(error.message), headers };
  if (status === 503) return { status, message: 'the collector is shutting down; retry later', headers };
  return { status: 500, message: 'internal error; the request was not stored, retry later', headers };
}
