// @ts-check
// Starting collectors on a backend, and reading what a store holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createCollector } from '../src/index.js';

/**
 * Where a test collector keeps its receipts: a fresh SQLite file or PostgreSQL database.
 * @typedef {object} Backend
 * @property {string} name
 * @property {() => Promise<{ db?: string, databaseUrl?: string }>} freshDatabase
 * @property {() => Promise<void>} cleanup
 */

/** @returns {Backend} */
export function sqliteBackend() {
  const dir = mkdtempSync(join(tmpdir(), 'yinyom-collector-test-'));
  let n = 0;
  return {
    name: 'SQLite',
    freshDatabase: async () => ({ db: join(dir, `receipts-${++n}.sqlite`) }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * @param {import('./postgres.js').TestPostgres} pg
 * @returns {Backend}
 */
export function postgresBackend(pg) {
  return {
    name: 'PostgreSQL',
    freshDatabase: async () => ({ databaseUrl: await pg.createDatabase() }),
    cleanup: () => pg.stop(),
  };
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const SITE = 'https://tdga.dga.or.th';

/**
 * A ready collector on a fresh database of `backend`. Admin token, allowed origin
 * {@link SITE} and no rate limit unless `options` say otherwise.
 *
 * @param {Backend} backend
 * @param {import('../src/create-collector.js').CollectorOptions} [options]
 * @param {{ db?: string, databaseUrl?: string }} [database] reuse a database instead
 */
export async function startCollector(backend, options = {}, database) {
  const where = database ?? (await backend.freshDatabase());
  const collector = createCollector({
    adminToken: ADMIN_TOKEN,
    allowOrigins: [SITE],
    rateLimit: false,
    ...where,
    ...options,
  });
  await collector.app.ready();
  return { collector, database: where, store: /** @type {import('../src/store.js').ReceiptStore} */ (collector.store) };
}

/**
 * Everything a store holds, in a form to compare before and after a request.
 * @param {import('../src/store.js').ReceiptStore} store
 */
export async function snapshot(store) {
  const bodies = [];
  for await (const body of store.bodies()) bodies.push(body);
  return { count: await store.count(), bodies };
}

/**
 * `POST /v1/receipts` through `app.inject`.
 * @param {import('../src/create-collector.js').Collector} collector
 * @param {unknown} receipts
 * @param {Record<string, string>} [headers]
 */
export function post(collector, receipts, headers = {}) {
  return collector.app.inject({
    method: 'POST',
    url: '/v1/receipts',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof receipts === 'string' ? receipts : JSON.stringify({ receipts }),
  });
}

/**
 * An admin GET through `app.inject`.
 * @param {import('../src/create-collector.js').Collector} collector
 * @param {string} url
 * @param {string | null} [token]
 */
export function adminGet(collector, url, token = ADMIN_TOKEN) {
  return collector.app.inject({
    method: 'GET',
    url,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
}

/**
 * A request over a real socket with node:http, not fetch: fetch will not send an Origin
 * header we choose, nor headers past Node's size limit.
 *
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [options]
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }>}
 */
export function send(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs one statement on a test database from a connection of its own (`$1`… parameters).
 * @param {{ db?: string, databaseUrl?: string }} database
 * @param {string} sql
 * @param {unknown[]} [values]
 */
export async function runSql(database, sql, values = []) {
  if (database.db) {
    const db = new Database(database.db);
    db.prepare(sql.replace(/\$\d+/g, '?')).run(...values);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: database.databaseUrl });
  await client.connect();
  await client.query(sql, values);
  await client.end();
}
