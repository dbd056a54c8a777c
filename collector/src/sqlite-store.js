// @ts-check
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { pagedBodies } from './store.js';

/** @typedef {import('./store.js').ReceiptStore} ReceiptStore */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  id TEXT PRIMARY KEY NOT NULL,
  subject TEXT NOT NULL,
  time TEXT NOT NULL,
  hash TEXT NOT NULL,
  prev TEXT,
  received_day TEXT NOT NULL,
  body TEXT NOT NULL
);
DROP INDEX IF EXISTS receipts_subject_time;
CREATE INDEX IF NOT EXISTS receipts_subject_time_id ON receipts (subject, time, id);
CREATE INDEX IF NOT EXISTS receipts_time ON receipts (time);
CREATE INDEX IF NOT EXISTS receipts_hash ON receipts (hash);
`;

/**
 * A receipt store in one SQLite file (better-sqlite3).
 *
 * Durability: WAL mode. `insert` returns, and the HTTP 200 goes out, after the commit has
 * written the batch to the WAL.
 * - `synchronous = NORMAL`: the commit is a write() into the OS page cache, so
 *   it survives the collector being killed (SIGKILL, OOM, a crash): bench/sigkill.mjs.
 *   Only a power cut or kernel panic can lose acknowledged receipts, and only those since
 *   the last checkpoint, which fsyncs the WAL: at most about `checkpointIntervalMs`
 *   (250 ms) of them. The database itself stays consistent. A receipt lost that way is
 *   still in the browser's history and shows as a chain gap when the next one arrives.
 * - `synchronous = FULL` (the default): every commit also fsyncs the WAL, closing that
 *   window: a consent record acknowledged to a browser is never lost, whatever happens to
 *   the machine. On this project's shared 2-core VM the two modes' p99 latency at 2,000
 *   receipts/s overlap (24-60 ms FULL against 13-76 ms NORMAL across runs; bench/ingest.mjs
 *   prints both), so durability wins the default; NORMAL is there for throughput.
 *
 * Checkpoints (copying the WAL into the database file) run in a worker thread on a second
 * connection rather than inside whichever commit crosses the WAL size threshold, which
 * would stall that request for tens of milliseconds. If the worker fails, this connection
 * falls back to SQLite's automatic checkpoints.
 *
 * Indexes exist for the queries that run: id (primary key), subject+time+id (a subject's
 * receipts in order, and its chain read a page at a time), time (ranges, retention), hash
 * (chain gaps). Version 0.1's subject+time index is replaced on open. `prev` and `received_day` are
 * stored but not indexed: no query looks them up, and each index costs every insert.
 *
 * @param {string} file path of the database file; its folder must exist
 * @param {object} [options]
 * @param {'normal' | 'full'} [options.synchronous] default 'full' (see above)
 * @param {number} [options.checkpointIntervalMs] default 250 ms; 0 leaves checkpoints to
 *   SQLite (inside commits, every 1000 pages)
 * @returns {Promise<ReceiptStore>}
 */
export async function openSqliteStore(file, { synchronous = 'full', checkpointIntervalMs = 250 } = {}) {
  if (synchronous !== 'normal' && synchronous !== 'full') {
    throw new TypeError(`synchronous must be 'normal' or 'full', got ${JSON.stringify(synchronous)}`);
  }
  const db = new Database(file);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`cannot switch ${file} to WAL mode (got ${mode})`);
    db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
    // Another process (an export script, a second collector) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    // Once checkpointed, a WAL bigger than this is truncated instead of reused at its size.
    db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    throw error;
  }

  /** @type {Worker | undefined} */
  let checkpointer;
  let checkpointerRunning = false;
  if (checkpointIntervalMs > 0) {
    checkpointer = new Worker(new URL('./sqlite-checkpointer.js', import.meta.url), {
      workerData: { file, intervalMs: checkpointIntervalMs },
    });
    checkpointerRunning = true;
    const fallBack = () => {
      if (!checkpointerRunning) return;
      checkpointerRunning = false;
      if (db.open) db.pragma('wal_autocheckpoint = 1000');
    };
    checkpointer.on('error', fallBack);
    checkpointer.on('exit', fallBack);
    try {
      await once(checkpointer, 'online');
    } catch (error) {
      db.close();
      throw error;
    }
    // Unreferenced once running: the worker alone must not keep a process alive.
    checkpointer.unref();
    db.pragma('wal_autocheckpoint = 0');
  }

  const insertRow = db.prepare(`INSERT INTO receipts (id, subject, time, hash, prev, received_day, body)
    VALUES (@id, @subject, @time, @hash, @prev, @receivedDay, @body) ON CONFLICT (id) DO NOTHING`);
  const hashOf = db.prepare('SELECT hash FROM receipts WHERE id = ?').pluck();
  const insertAll = db.transaction((/** @type {import('./store.js').StoredReceipt[]} */ rows) => {
    /** @type {import('./store.js').InsertResult} */
    const result = { inserted: [], existing: new Map() };
    for (const row of rows) {
      if (insertRow.run(row).changes === 1) result.inserted.push(row.id);
      else result.existing.set(row.id, /** @type {string} */ (hashOf.get(row.id)));
    }
    return result;
  });
  const bySubject = db.prepare(
    'SELECT id, time, hash, prev, body FROM receipts WHERE subject = ? ORDER BY time, id',
  );
  const page = db
    .prepare(
      `SELECT id, body FROM receipts
       WHERE id > @after AND (@from IS NULL OR time >= @from) AND (@to IS NULL OR time < @to)
         AND (@subject IS NULL OR subject = @subject)
       ORDER BY id LIMIT @limit`,
    );
  const withHashes = db.prepare('SELECT body FROM receipts WHERE hash IN (SELECT value FROM json_each(?))').pluck();
  const stats = db.prepare(
    `SELECT substr(r.time, 1, 10) AS day, c.key AS choice,
            sum(c.type = 'true') AS granted, sum(c.type = 'false') AS denied
     FROM receipts AS r, json_each(r.body, '$.choices') AS c
     WHERE (@from IS NULL OR r.time >= @from) AND (@to IS NULL OR r.time < @to)
     GROUP BY day, choice ORDER BY day, choice`,
  );
  // A receipt's `missing`: its prev is the hash of no stored receipt (a gap in its chain).
  const link = `SELECT r.id, r.subject, r.time, r.prev,
      r.prev IS NOT NULL AND NOT EXISTS (SELECT 1 FROM receipts AS p WHERE p.hash = r.prev) AS missing
    FROM receipts AS r`;
  const subjectChain = db.prepare(`${link} WHERE r.subject = @subject AND (r.time, r.id) > (@time, @id) ORDER BY r.time, r.id LIMIT @limit`);
  const allChains = db.prepare(`${link} WHERE (r.subject, r.time, r.id) > (@subject, @time, @id) ORDER BY r.subject, r.time, r.id LIMIT @limit`);
  const purge = db.prepare('DELETE FROM receipts WHERE time < ?');
  const count = db.prepare('SELECT count(*) FROM receipts').pluck();
  const ping = db.prepare('SELECT 1').pluck();

  /** @param {import('./store.js').Range} [range] */
  const bounds = (range = {}) => ({ from: range.from ?? null, to: range.to ?? null, subject: range.subject ?? null });

  return {
    kind: 'sqlite',
    // IMMEDIATE takes the write lock up front, so a second writer waits (busy_timeout)
    // instead of failing half way.
    insert: async (rows) => insertAll.immediate(rows),
    bySubject: async (subject) => /** @type {any[]} */ (bySubject.all(subject)),
    bodies(range = {}) {
      return pagedBodies(/** @type {ReceiptStore} */ (this), range);
    },
    bodyPage: async ({ after, limit, ...range }) => /** @type {any[]} */ (page.all({ ...bounds(range), after, limit })),
    byHashes: async (hashes) => /** @type {string[]} */ (withHashes.all(JSON.stringify(hashes))),
    stats: async (range) => /** @type {any[]} */ (stats.all(bounds(range))),
    chain: async ({ subject, after, limit }) => {
      const statement = subject === undefined ? allChains : subjectChain;
      const rows = statement.all({ subject: subject ?? after?.subject ?? '', time: after?.time ?? '', id: after?.id ?? '', limit });
      return /** @type {any[]} */ (rows).map((row) => ({ ...row, missing: row.missing === 1 }));
    },
    purgeBefore: async (before) => purge.run(before).changes,
    count: async () => /** @type {number} */ (count.get()),
    // Constant cost: /healthz is not rate-limited, so it must not scan the table.
    ping: async () => {
      ping.get();
    },
    close: async () => {
      if (checkpointer && checkpointerRunning) {
        checkpointerRunning = false;
        checkpointer.ref();
        const exited = once(checkpointer, 'exit');
        checkpointer.postMessage('stop');
        await exited;
      }
      // The last connection to close checkpoints what is left and removes the WAL.
      if (db.open) db.close();
    },
  };
}
