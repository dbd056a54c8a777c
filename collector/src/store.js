// @ts-check
/**
 * The storage interface the collector writes through, and the factory that picks an
 * implementation: PostgreSQL when a database URL is given, else a SQLite file.
 * Both implementations pass the same tests (test/collector.*.test.js).
 */

/**
 * A receipt as stored: the JSON text as received plus the indexed columns. No IP address,
 * no request metadata.
 * @typedef {object} StoredReceipt
 * @property {string} id
 * @property {string} subject
 * @property {string} time ISO time from the receipt (UTC, `Z`)
 * @property {string} hash
 * @property {string | null} prev
 * @property {string} receivedDay `YYYY-MM-DD` (UTC) the collector stored it
 * @property {string} body the receipt's JSON text
 */

/**
 * @typedef {object} InsertResult
 * @property {string[]} inserted ids newly stored
 * @property {Map<string, string>} existing ids that were already stored, with the stored hash
 */

/**
 * Optional bounds on a receipt's `time` (`from` inclusive, `to` exclusive, ISO strings) and subject.
 * @typedef {{ from?: string, to?: string, subject?: string }} Range
 */

/** @typedef {{ day: string, choice: string, granted: number, denied: number }} ChoiceStat */
/** @typedef {{ id: string, time: string, hash: string, prev: string | null, body: string }} SubjectRow */
/**
 * One link of a chain; `missing`: `prev` is not the hash of any stored receipt (a gap).
 * @typedef {{ id: string, subject: string, time: string, prev: string | null, origin: string, missing: boolean }} ChainRow
 */

/**
 * Receipts a day per site (`origin`), and granted, denied and withdrawn a choice per site.
 * A denial is a withdrawal when the receipt's method is `withdraw` or its `prev` granted that id.
 * @typedef {{ days: { day: string, origin: string, count: number }[],
 *   choices: { origin: string, choice: string, granted: number, denied: number, withdrawn: number }[] }} Overview
 */
/** What an erasure records in each tombstone. @typedef {{ erasedAt: string, reason: string, erasedBy: string }} Erasure */
/** @typedef {{ id: string, hash: string } & Erasure} Tombstone */
/**
 * One line of the audit log. `user`: the console user, or {@link TOKEN_USER}; `detail`: the
 * filters, format, reason or outcome.
 * @typedef {{ time: string, user: string, action: string, subject: string | null, detail: Record<string, unknown> }} AuditEntry
 */
/** @typedef {AuditEntry & { seq: number }} AuditRecord */
/** A console session; `key` is the SHA-256 of the cookie's value. @typedef {{ key: string, user: string, expiresAt: string }} Session */

/**
 * @typedef {object} ReceiptStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {(rows: StoredReceipt[]) => Promise<InsertResult>} insert
 *   Stores the rows that are new (by id) in one transaction. Resolves only once the
 *   transaction is durably committed.
 * @property {(subject: string) => Promise<SubjectRow[]>} bySubject a subject's receipts, oldest first
 * @property {(range?: Range & { pageSize?: number }) => AsyncGenerator<string>} bodies
 *   the stored JSON texts ordered by id (UUIDv7, so by creation time), read a page at a time
 *   with `bodyPage` (see {@link pagedBodies})
 * @property {(page: Range & { after: string, limit: number }) => Promise<{ id: string, body: string }[]>} bodyPage
 *   one page of `bodies`: at most `limit` receipts with an id after `after`
 * @property {(hashes: string[]) => Promise<string[]>} byHashes the stored JSON texts of the
 *   receipts with these hashes (those stored; in no particular order)
 * @property {(range?: Range) => Promise<ChoiceStat[]>} stats granted/denied per choice per UTC day
 * @property {(page: { subject?: string, after: ChainRow | null, limit: number }) => Promise<ChainRow[]>} chain
 *   one page of the receipts of `subject` (or of all, by subject) ordered by time then id,
 *   those after `after`: the chains, read a page at a time for the gaps reports
 * @property {(before: string) => Promise<number>} purgeBefore deletes receipts with `time` < before; returns the count
 * @property {(range?: Range) => Promise<Overview>} overview the console's figures over a range
 * @property {(subject: string, erasure: Erasure, audit: AuditEntry) => Promise<number>} erase
 *   in one transaction: a tombstone for each of the subject's receipts, their deletion, and
 *   the audit entry (its `detail.erased` set to the count); resolves to that count
 * @property {(subject: string) => Promise<Tombstone[]>} tombstones a subject's, oldest first
 * @property {() => Promise<number>} tombstoneCount
 * @property {(entry: AuditEntry) => Promise<void>} appendAudit adds to the audit log, which
 *   nothing updates or deletes
 * @property {(page: { before?: number, limit: number }) => Promise<AuditRecord[]>} auditPage
 *   newest first, those with a `seq` below `before`
 * @property {(session: Session & { now: string }) => Promise<void>} saveSession stores a
 *   session, dropping those expired by `now`
 * @property {(key: string, now: string) => Promise<{ user: string, expiresAt: string } | undefined>} session
 *   the session with that key, unless expired by `now`
 * @property {(key: string) => Promise<void>} dropSession
 * @property {() => Promise<number>} count
 * @property {() => Promise<void>} ping throws when the database cannot be reached
 * @property {() => Promise<void>} close may be called more than once
 */

/**
 * The pages of `bodies`, read through the store's `bodyPage` each time (so a test can watch
 * the reads): keyset paging by id, until a page comes back short. Empty pages are not yielded.
 *
 * @param {ReceiptStore} store
 * @param {Range & { pageSize?: number }} range
 * @returns {AsyncGenerator<{ id: string, body: string }[]>}
 */
export async function* bodyPages(store, { pageSize = 500, ...range }) {
  let after = '';
  for (;;) {
    const rows = await store.bodyPage({ ...range, after, limit: pageSize });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

/**
 * `bodies` on top of a store's `bodyPage`: the stored JSON texts of {@link bodyPages}.
 *
 * @param {ReceiptStore} store
 * @param {Range & { pageSize?: number }} range
 * @returns {AsyncGenerator<string>}
 */
export async function* pagedBodies(store, range) {
  for await (const rows of bodyPages(store, range)) for (const row of rows) yield row.body;
}

/** The audit log's `user` for a sign-in with the admin token (no user name can hold `#`). */
export const TOKEN_USER = '#token';

/**
 * An audit entry as the stores' columns take it.
 * @param {AuditEntry} entry
 */
export function auditRow({ time, user, action, subject, detail }) {
  return { time, user, action, subject, detail: JSON.stringify(detail) };
}

/**
 * An audit row as the stores read it back.
 * @param {{ seq: number | string, time: string, user: string, action: string, subject: string | null, detail: string }} row
 * @returns {AuditRecord}
 */
export function readAuditRow(row) {
  return { ...row, seq: Number(row.seq), detail: JSON.parse(row.detail) };
}

/**
 * Opens the store the options ask for and creates its table if needed.
 *
 * @param {{ db?: string, databaseUrl?: string, sqliteSynchronous?: 'normal' | 'full' }} options
 *   `databaseUrl` wins over `db`; `sqliteSynchronous` is explained in sqlite-store.js
 * @returns {Promise<ReceiptStore>}
 */
export async function openStore({ db, databaseUrl, sqliteSynchronous }) {
  if (databaseUrl) {
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore(databaseUrl);
  }
  if (!db) throw new TypeError('a database is required: give `db` (a SQLite file path) or `databaseUrl`');
  const { openSqliteStore } = await import('./sqlite-store.js');
  return openSqliteStore(db, { synchronous: sqliteSynchronous });
}
