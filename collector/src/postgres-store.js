// @ts-check
import pg from 'pg';
import { auditRow, pagedBodies, readAuditRow } from './store.js';

/** @typedef {import('./store.js').ReceiptStore} ReceiptStore */

// The same columns and indexes as the SQLite store (see there for why these indexes).
// COLLATE "C" keeps id/time/hash comparisons bytewise whatever the database's locale, so
// keyset paging by id and time ranges behave exactly as on SQLite.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  id text COLLATE "C" PRIMARY KEY,
  subject text NOT NULL,
  time text COLLATE "C" NOT NULL,
  hash text COLLATE "C" NOT NULL,
  prev text COLLATE "C",
  received_day text NOT NULL,
  body text NOT NULL
);
DROP INDEX IF EXISTS receipts_subject_time;
CREATE INDEX IF NOT EXISTS receipts_subject_time_id ON receipts (subject, time, id);
CREATE INDEX IF NOT EXISTS receipts_time ON receipts (time);
CREATE INDEX IF NOT EXISTS receipts_hash ON receipts (hash);
CREATE TABLE IF NOT EXISTS tombstones (
  id text COLLATE "C" PRIMARY KEY,
  subject text NOT NULL,
  hash text COLLATE "C" NOT NULL,
  erased_at text COLLATE "C" NOT NULL,
  reason text NOT NULL,
  erased_by text NOT NULL,
  seq bigserial
);
CREATE INDEX IF NOT EXISTS tombstones_subject ON tombstones (subject);
CREATE TABLE IF NOT EXISTS audit_log (
  seq bigserial PRIMARY KEY,
  time text COLLATE "C" NOT NULL,
  user_name text NOT NULL,
  action text NOT NULL,
  subject text,
  detail text NOT NULL
);
CREATE TABLE IF NOT EXISTS console_sessions (
  key text COLLATE "C" PRIMARY KEY,
  user_name text NOT NULL,
  expires_at text COLLATE "C" NOT NULL
);
`;

// Several collectors behind a load balancer may start at once; CREATE ... IF NOT EXISTS
// is not safe against that race, so schema setup holds an advisory lock.
const SCHEMA_LOCK = 0x79696e79; // "yiny"

/**
 * @param {pg.Pool | pg.PoolClient} client
 * @param {import('./store.js').AuditEntry} entry
 */
async function insertAudit(client, entry) {
  const row = auditRow(entry);
  await client.query('INSERT INTO audit_log (time, user_name, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
    row.time, row.user, row.action, row.subject, row.detail,
  ]);
}

/**
 * A receipt store in PostgreSQL, for sites that run several stateless collectors against
 * one database. Each insert is one statement in autocommit, so it resolves only after
 * PostgreSQL's commit (durable with the default `synchronous_commit = on`).
 *
 * @param {string} connectionString e.g. `postgres://user:pass@host:5432/db`
 * @returns {Promise<ReceiptStore>}
 */
export async function openPostgresStore(connectionString) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client that loses its connection emits 'error'; without a listener the process dies.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => {});
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  /** @param {import('./store.js').Range} [range] */
  const bounds = (range = {}) => [range.from ?? null, range.to ?? null, range.subject ?? null];

  return {
    kind: 'postgres',
    async insert(rows) {
      /** @type {import('./store.js').InsertResult} */
      const result = { inserted: [], existing: new Map() };
      if (rows.length === 0) return result;
      const columns = /** @type {const} */ (['id', 'subject', 'time', 'hash', 'prev', 'receivedDay', 'body']);
      const { rows: inserted } = await pool.query(
        `INSERT INTO receipts (id, subject, time, hash, prev, received_day, body)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        columns.map((column) => rows.map((row) => row[column])),
      );
      const fresh = new Set(inserted.map((/** @type {{ id: string }} */ row) => row.id));
      result.inserted = rows.map((row) => row.id).filter((id) => fresh.has(id));
      const others = rows.map((row) => row.id).filter((id) => !fresh.has(id));
      if (others.length > 0) {
        const { rows: stored } = await pool.query('SELECT id, hash FROM receipts WHERE id = ANY($1::text[])', [others]);
        for (const row of stored) result.existing.set(row.id, row.hash);
      }
      return result;
    },
    async bySubject(subject) {
      const { rows } = await pool.query(
        'SELECT id, time, hash, prev, body FROM receipts WHERE subject = $1 ORDER BY time, id',
        [subject],
      );
      return rows;
    },
    bodies(range = {}) {
      return pagedBodies(/** @type {ReceiptStore} */ (this), range);
    },
    async bodyPage({ after, limit, ...range }) {
      const { rows } = await pool.query(
        `SELECT id, body FROM receipts
         WHERE id > $1 AND ($2::text IS NULL OR time >= $2) AND ($3::text IS NULL OR time < $3)
           AND ($4::text IS NULL OR subject = $4)
         ORDER BY id LIMIT $5`,
        [after, ...bounds(range), limit],
      );
      return rows;
    },
    async byHashes(hashes) {
      const { rows } = await pool.query('SELECT body FROM receipts WHERE hash = ANY($1::text[])', [hashes]);
      return rows.map((/** @type {{ body: string }} */ row) => row.body);
    },
    async stats(range) {
      // json, not jsonb: jsonb refuses the \u0000 escape, which a stored body may contain.
      const { rows } = await pool.query(
        `SELECT substr(r.time, 1, 10) AS day, c.key AS choice,
                count(*) FILTER (WHERE c.value::text = 'true')::int AS granted,
                count(*) FILTER (WHERE c.value::text = 'false')::int AS denied
         FROM receipts AS r CROSS JOIN LATERAL json_each(r.body::json -> 'choices') AS c
         WHERE ($1::text IS NULL OR r.time >= $1) AND ($2::text IS NULL OR r.time < $2)
         GROUP BY 1, 2 ORDER BY substr(r.time, 1, 10), c.key COLLATE "C"`,
        bounds(range).slice(0, 2),
      );
      return rows;
    },
    async chain({ subject, after, limit }) {
      // See the SQLite store. `subject` compares in the database's collation, as its index
      // does: across subjects the order is SQLite's only under the C locale.
      const link = `SELECT r.id, r.subject, r.time, r.prev, r.body::jsonb ->> 'origin' AS origin,
          r.prev IS NOT NULL AND NOT EXISTS (SELECT 1 FROM receipts AS p WHERE p.hash = r.prev) AS missing
        FROM receipts AS r`;
      const { rows } =
        subject === undefined
          ? await pool.query(`${link} WHERE (r.subject, r.time, r.id) > ($1, $2, $3) ORDER BY r.subject, r.time, r.id LIMIT $4`, [
              after?.subject ?? '', after?.time ?? '', after?.id ?? '', limit,
            ])
          : await pool.query(`${link} WHERE r.subject = $1 AND (r.time, r.id) > ($2, $3) ORDER BY r.time, r.id LIMIT $4`, [
              subject, after?.time ?? '', after?.id ?? '', limit,
            ]);
      return rows;
    },
    async purgeBefore(before) {
      const { rowCount } = await pool.query('DELETE FROM receipts WHERE time < $1', [before]);
      return rowCount ?? 0;
    },
    async overview(range) {
      const [from, to] = bounds(range);
      const days = await pool.query(
        `SELECT substr(time, 1, 10) AS day, (body::json ->> 'origin') COLLATE "C" AS origin, count(*)::int AS count
         FROM receipts WHERE ($1::text IS NULL OR time >= $1) AND ($2::text IS NULL OR time < $2)
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [from, to],
      );
      // See the SQLite store: a denial is a withdrawal by method or against a granting prev.
      const choices = await pool.query(
        `SELECT (r.body::json ->> 'origin') COLLATE "C" AS origin, c.key COLLATE "C" AS choice,
                count(*) FILTER (WHERE c.value::text = 'true')::int AS granted,
                count(*) FILTER (WHERE c.value::text = 'false' AND NOT w.withdrawn)::int AS denied,
                count(*) FILTER (WHERE c.value::text = 'false' AND w.withdrawn)::int AS withdrawn
         FROM receipts AS r CROSS JOIN LATERAL json_each(r.body::json -> 'choices') AS c
         CROSS JOIN LATERAL (SELECT r.body::json ->> 'method' = 'withdraw' OR EXISTS (
           SELECT 1 FROM receipts AS p WHERE p.hash = r.prev AND p.body::json -> 'choices' ->> c.key = 'true') AS withdrawn) AS w
         WHERE ($1::text IS NULL OR r.time >= $1) AND ($2::text IS NULL OR r.time < $2)
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [from, to],
      );
      return { days: days.rows, choices: choices.rows };
    },
    async erase(subject, { erasedAt, reason, erasedBy }, audit) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO tombstones (id, subject, hash, erased_at, reason, erased_by)
           SELECT id, subject, hash, $2, $3, $4 FROM receipts WHERE subject = $1 ORDER BY time, id
           ON CONFLICT (id) DO NOTHING`,
          [subject, erasedAt, reason, erasedBy],
        );
        const erased = (await client.query('DELETE FROM receipts WHERE subject = $1', [subject])).rowCount ?? 0;
        await insertAudit(client, { ...audit, detail: { ...audit.detail, erased } });
        await client.query('COMMIT');
        return erased;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async tombstones(subject) {
      const { rows } = await pool.query(
        `SELECT id, hash, erased_at AS "erasedAt", reason, erased_by AS "erasedBy" FROM tombstones
         WHERE subject = $1 ORDER BY erased_at, seq`,
        [subject],
      );
      return rows;
    },
    async tombstoneCount() {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM tombstones');
      return rows[0].n;
    },
    async appendAudit(entry) {
      await insertAudit(pool, entry);
    },
    async auditPage({ before, limit }) {
      const { rows } = await pool.query(
        `SELECT seq, time, user_name AS user, action, subject, detail FROM audit_log
         WHERE $1::bigint IS NULL OR seq < $1 ORDER BY seq DESC LIMIT $2`,
        [before ?? null, limit],
      );
      return rows.map(readAuditRow);
    },
    async saveSession({ key, user, expiresAt, now }) {
      await pool.query('DELETE FROM console_sessions WHERE expires_at <= $1', [now]);
      await pool.query('INSERT INTO console_sessions (key, user_name, expires_at) VALUES ($1, $2, $3)', [key, user, expiresAt]);
    },
    async session(key, now) {
      const { rows } = await pool.query(
        'SELECT user_name AS user, expires_at AS "expiresAt" FROM console_sessions WHERE key = $1 AND expires_at > $2',
        [key, now],
      );
      return rows[0];
    },
    async dropSession(key) {
      await pool.query('DELETE FROM console_sessions WHERE key = $1', [key]);
    },
    async count() {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM receipts');
      return rows[0].n;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
