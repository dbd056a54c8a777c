// @ts-check
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { auditRow, pagedBodies, readAuditRow } from './store.js';

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
CREATE TABLE IF NOT EXISTS tombstones (
  id TEXT PRIMARY KEY NOT NULL,
  subject TEXT NOT NULL,
  hash TEXT NOT NULL,
  erased_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  erased_by TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tombstones_subject ON tombstones (subject);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  time TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS console_sessions (
  key TEXT PRIMARY KEY NOT NULL,
  user_name TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
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
  const link = `SELECT r.id, r.subject, r.time, r.prev, json_extract(r.body, '$.origin') AS origin,
      r.prev IS NOT NULL AND NOT EXISTS (SELECT 1 FROM receipts AS p WHERE p.hash = r.prev) AS missing
    FROM receipts AS r`;
  const subjectChain = db.prepare(`${link} WHERE r.subject = @subject AND (r.time, r.id) > (@time, @id) ORDER BY r.time, r.id LIMIT @limit`);
  const allChains = db.prepare(`${link} WHERE (r.subject, r.time, r.id) > (@subject, @time, @id) ORDER BY r.subject, r.time, r.id LIMIT @limit`);
  const purge = db.prepare('DELETE FROM receipts WHERE time < ?');
  const days = db.prepare(
    `SELECT substr(time, 1, 10) AS day, json_extract(body, '$.origin') AS origin, count(*) AS count
     FROM receipts WHERE (@from IS NULL OR time >= @from) AND (@to IS NULL OR time < @to)
     GROUP BY day, origin ORDER BY day, origin`,
  );
  // A denial is a withdrawal when the method says so or the receipt's prev granted that id.
  const choiceTotals = db.prepare(
    `SELECT origin, choice, sum(value = 'true') AS granted,
            sum(value = 'false' AND NOT withdrawn) AS denied, sum(value = 'false' AND withdrawn) AS withdrawn
     FROM (SELECT json_extract(r.body, '$.origin') AS origin, c.key AS choice, c.type AS value,
                  json_extract(r.body, '$.method') = 'withdraw' OR EXISTS (
                    SELECT 1 FROM receipts AS p, json_each(p.body, '$.choices') AS pc
                    WHERE p.hash = r.prev AND pc.key = c.key AND pc.type = 'true') AS withdrawn
           FROM receipts AS r, json_each(r.body, '$.choices') AS c
           WHERE (@from IS NULL OR r.time >= @from) AND (@to IS NULL OR r.time < @to))
     GROUP BY origin, choice ORDER BY origin, choice`,
  );
  const entomb = db.prepare(
    `INSERT INTO tombstones (id, subject, hash, erased_at, reason, erased_by)
     SELECT id, subject, hash, @erasedAt, @reason, @erasedBy FROM receipts WHERE subject = @subject ORDER BY time, id
     ON CONFLICT (id) DO NOTHING`,
  );
  const eraseSubject = db.prepare('DELETE FROM receipts WHERE subject = ?');
  const tombstonesOf = db.prepare(
    'SELECT id, hash, erased_at AS erasedAt, reason, erased_by AS erasedBy FROM tombstones WHERE subject = ? ORDER BY erased_at, rowid',
  );
  const tombstoneCount = db.prepare('SELECT count(*) FROM tombstones').pluck();
  const appendAudit = db.prepare(
    'INSERT INTO audit_log (time, user_name, action, subject, detail) VALUES (@time, @user, @action, @subject, @detail)',
  );
  const auditPage = db.prepare(
    `SELECT seq, time, user_name AS user, action, subject, detail FROM audit_log
     WHERE @before IS NULL OR seq < @before ORDER BY seq DESC LIMIT @limit`,
  );
  const erase = db.transaction((/** @type {string} */ subject, /** @type {import('./store.js').Erasure} */ erasure, /** @type {import('./store.js').AuditEntry} */ audit) => {
    entomb.run({ subject, ...erasure });
    const erased = eraseSubject.run(subject).changes;
    appendAudit.run(auditRow({ ...audit, detail: { ...audit.detail, erased } }));
    return erased;
  });
  const saveSession = db.prepare('INSERT INTO console_sessions (key, user_name, expires_at) VALUES (@key, @user, @expiresAt)');
  const dropExpired = db.prepare('DELETE FROM console_sessions WHERE expires_at <= ?');
  const findSession = db.prepare('SELECT user_name AS user, expires_at AS expiresAt FROM console_sessions WHERE key = ? AND expires_at > ?');
  const dropSession = db.prepare('DELETE FROM console_sessions WHERE key = ?');
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
    overview: async (range) => ({
      days: /** @type {any[]} */ (days.all(bounds(range))),
      choices: /** @type {any[]} */ (choiceTotals.all(bounds(range))),
    }),
    erase: async (subject, erasure, audit) => erase.immediate(subject, erasure, audit),
    tombstones: async (subject) => /** @type {any[]} */ (tombstonesOf.all(subject)),
    tombstoneCount: async () => /** @type {number} */ (tombstoneCount.get()),
    appendAudit: async (entry) => {
      appendAudit.run(auditRow(entry));
    },
    auditPage: async ({ before, limit }) => /** @type {any[]} */ (auditPage.all({ before: before ?? null, limit })).map(readAuditRow),
    saveSession: async (session) => {
      dropExpired.run(session.now);
      saveSession.run(session);
    },
    session: async (key, now) => /** @type {any} */ (findSession.get(key, now)),
    dropSession: async (key) => {
      dropSession.run(key);
    },
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
