// @ts-check
// A throwaway PostgreSQL server for the tests: initdb in a temp folder, started on a free
// loopback port with its socket in that folder, stopped and removed afterwards.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import pg from 'pg';
import { postgresBackend } from './harness.js';

/** @returns {string | undefined} the newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl */
function findBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} TestPostgres
 * @property {() => Promise<string>} createDatabase a fresh empty database (a schema of its own); resolves to its URL
 * @property {() => Promise<void>} stop
 */

/**
 * Starts PostgreSQL, or explains why it cannot.
 * `YINYOM_TEST_DATABASE_URL` (a server where the tests may create schemas) skips the start;
 * `YINYOM_TEST_POSTGRES=off` skips the PostgreSQL tests.
 *
 * @returns {Promise<{ pg: TestPostgres } | { skip: string }>}
 */
export async function startTestPostgres() {
  if (process.env.YINYOM_TEST_POSTGRES === 'off') return { skip: 'YINYOM_TEST_POSTGRES=off: skipping the PostgreSQL tests' };
  const external = process.env.YINYOM_TEST_DATABASE_URL;
  if (external) return { pg: databases(external, async () => {}) };

  const bin = findBin();
  if (!bin) return { skip: 'PostgreSQL is not installed (no initdb and pg_ctl under /usr/lib/postgresql/*/bin): skipping the PostgreSQL tests' };

  // initdb refuses to run as root: as root, run the server as the postgres user.
  const asRoot = process.getuid?.() === 0;
  /** @type {{ uid: number, gid: number } | undefined} */
  let owner;
  if (asRoot) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) return { skip: 'running as root and there is no postgres user: skipping the PostgreSQL tests' };
    owner = { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'yinyom-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  /** @param {string} tool @param {string[]} args */
  const run = (tool, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe' });

  const data = join(dir, 'data');
  const port = await freePort();
  try {
    // --no-sync and fsync=off: a test server's files are thrown away, so skip the flushes.
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = /** @type {{ stderr?: Buffer }} */ (error).stderr?.toString().trim();
    throw new Error(`cannot start the test PostgreSQL: ${stderr || /** @type {Error} */ (error).message}`);
  }
  return {
    pg: databases(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  };
}

/**
 * @param {string} adminUrl
 * @param {() => Promise<void>} stopServer
 * @returns {TestPostgres}
 */
function databases(adminUrl, stopServer) {
  let n = 0;
  const prefix = `yinyom_test_${process.pid}_`;
  /** @type {string[]} */
  const created = [];
  return {
    async createDatabase() {
      // A schema, not a database: CREATE DATABASE takes ~0.5 s, a schema ~1 ms, and the
      // search_path in the URL gives the collector a database of its own all the same.
      const name = `${prefix}${++n}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${name}`);
      } finally {
        await client.end();
      }
      created.push(name);
      const url = new URL(adminUrl);
      url.searchParams.set('options', `-c search_path=${name}`);
      return url.toString();
    },
    async stop() {
      if (process.env.YINYOM_TEST_DATABASE_URL) {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        for (const name of created) await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        await client.end();
      }
      await stopServer();
    },
  };
}

/**
 * Runs a suite on a throwaway PostgreSQL: each of its tests is skipped, with the reason, when
 * PostgreSQL is missing, and fails in CI (which installs it: .ci/run), where a skip would
 * hide a broken backend.
 *
 * @param {(backend: import('./harness.js').Backend, options?: { skip?: string }) => void} suite
 */
export async function onTestPostgres(suite) {
  const started = await startTestPostgres();
  const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');
  if ('skip' in started && inCI) {
    it('PostgreSQL is available in CI', () => assert.fail(`${started.skip}; CI=${process.env.CI} requires the PostgreSQL tests to run`));
  } else if ('skip' in started) {
    console.log(started.skip);
    suite({ name: 'PostgreSQL', freshDatabase: async () => ({}), cleanup: async () => {} }, { skip: started.skip });
  } else {
    const backend = postgresBackend(started.pg);
    after(() => backend.cleanup());
    suite(backend);
  }
}
