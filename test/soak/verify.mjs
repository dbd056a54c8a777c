// @ts-check
// What "no receipt lost" means, checked against the collector's SQLite file and its admin
// chain report: exactly the receipts the pages got back, no duplicate, no extra, each
// browser's chain complete.
// @ts-ignore: better-sqlite3 ships no types and @types/better-sqlite3 is not a dependency.
import Database from 'better-sqlite3';

/**
 * @typedef {{ id: string, hash: string, prev: string | null, subject: string, browser: number }} Decided
 * @typedef {{ id: string, subject: string, hash: string, prev: string | null }} Row
 * @typedef {{ id: string, hash: string, prev: string | null, status: string }} LocalEntry
 */

/**
 * Reads every row of the collector's SQLite file (read-only; the collector may still run).
 * @param {string} file
 * @returns {Row[]}
 */
export function storedRows(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return /** @type {Row[]} */ (db.prepare('SELECT id, subject, hash, prev FROM receipts ORDER BY rowid').all());
  } finally {
    db.close();
  }
}

/**
 * Walks a chain back along `prev` from its newest receipt: `newest` (the browser's own
 * newest), or else the one receipt no other points at.
 * @param {Row[]} rows one subject's receipts
 * @param {string} [newest]
 */
export function walkChain(rows, newest) {
  const byHash = new Map(rows.map((row) => [row.hash, row]));
  /** @type {Map<string | null, Row[]>} */
  const children = new Map();
  for (const row of rows) children.set(row.prev, [...(children.get(row.prev) ?? []), row]);
  const heads = rows.filter((row) => !children.has(row.hash));
  const roots = rows.filter((row) => row.prev === null);
  const forks = [...children].filter(([, list]) => list.length > 1).map(([prev, list]) => ({ prev, ids: list.map((row) => row.id) }));
  const gaps = rows.filter((row) => row.prev !== null && !byHash.has(row.prev)).map((row) => row.id);
  let walked = 0;
  let brokenAt;
  /** @type {Row | undefined} */
  let at = newest ? rows.find((row) => row.id === newest) : heads.length === 1 ? heads[0] : undefined;
  const seen = new Set();
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    walked++;
    if (at.prev === null) break;
    const before = byHash.get(at.prev);
    if (!before) brokenAt = at.id;
    at = before;
  }
  return { heads: heads.map((row) => row.id), roots: roots.map((row) => row.id), forks, gaps, walked, brokenAt, complete: heads.length === 1 && roots.length === 1 && walked === rows.length && !forks.length && !gaps.length };
}

/**
 * Compares what the pages got back (`decided`) with what the collector holds, browser by
 * browser, and with each browser's own history (`local[browser]`, newest first). Resolves to
 * the list of problems (empty: nothing lost) and the figures.
 *
 * @param {{ db: string, decided: Decided[], browsers: number, local: LocalEntry[][], collectorUrl: string, adminToken: string }} input
 */
export async function verify({ db, decided, browsers, local, collectorUrl, adminToken }) {
  /** @type {string[]} */
  const problems = [];
  const rows = storedRows(db);
  const stored = new Map(rows.map((row) => [row.id, row]));
  const expected = new Map(decided.map((entry) => [entry.id, entry]));

  if (expected.size !== decided.length) problems.push(`the pages got ${decided.length - expected.size} receipt id(s) twice`);
  if (stored.size !== rows.length) problems.push(`the collector holds ${rows.length - stored.size} duplicate row(s)`);
  const missing = [...expected.keys()].filter((id) => !stored.has(id));
  const extra = rows.filter((row) => !expected.has(row.id));
  if (missing.length) problems.push(`LOST: ${missing.length} receipt(s) the pages got back are not in the collector: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
  if (extra.length) problems.push(`EXTRA: the collector holds ${extra.length} receipt(s) no page got back: ${extra.slice(0, 10).map((row) => row.id).join(', ')}`);
  const altered = decided.filter((entry) => stored.has(entry.id) && stored.get(entry.id)?.hash !== entry.hash);
  if (altered.length) problems.push(`${altered.length} stored receipt(s) differ from what the page got (hash): ${altered.slice(0, 5).map((entry) => entry.id).join(', ')}`);
  const sameHash = rows.length - new Set(rows.map((row) => row.hash)).size;
  if (sameHash) problems.push(`${sameHash} stored receipt(s) share a hash with another`);

  const chains = [];
  for (let browser = 0; browser < browsers; browser++) {
    const mine = decided.filter((entry) => entry.browser === browser);
    const subjects = [...new Set(mine.map((entry) => entry.subject))];
    const name = `browser ${browser + 1}`;
    if (subjects.length !== 1) {
      problems.push(`${name}: its receipts carry ${subjects.length} subjects, expected one`);
      continue;
    }
    const subject = subjects[0];
    const chainRows = rows.filter((row) => row.subject === subject);
    const history = local[browser] ?? [];
    const walk = walkChain(chainRows, history[0]?.id);
    if (chainRows.length !== mine.length) problems.push(`${name}: the collector holds ${chainRows.length} of its ${mine.length} receipts`);
    if (!walk.complete) {
      problems.push(
        `${name}: chain incomplete: ${walk.heads.length} head(s), ${walk.roots.length} root(s), walked ${walk.walked} of ${chainRows.length}` +
          `${walk.gaps.length ? `, gaps before ${walk.gaps.join(', ')}` : ''}${walk.forks.length ? `, forks ${JSON.stringify(walk.forks)}` : ''}`,
      );
    }

    // The collector's own report must agree.
    const response = await fetch(`${collectorUrl}/v1/subjects/${encodeURIComponent(subject)}/gaps`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const report = /** @type {{ count: number, complete: boolean, roots: string[], gaps: unknown[], forks: unknown[] }} */ (await response.json());
    if (response.status !== 200) problems.push(`${name}: gap report answered ${response.status}`);
    else if (!report.complete || report.gaps.length || report.forks.length || report.roots.length !== 1 || report.count !== mine.length) {
      problems.push(`${name}: the collector's gap report is not clean: ${JSON.stringify(report).slice(0, 500)}`);
    }

    // The browser's own history: the same receipts, every one delivered.
    const localIds = new Set(history.map((entry) => entry.id));
    const notLocal = mine.filter((entry) => !localIds.has(entry.id));
    if (history.length !== mine.length || notLocal.length) {
      problems.push(`${name}: the browser's history holds ${history.length} receipts (${notLocal.length} of the decided ones missing), expected ${mine.length}`);
    }
    const undelivered = history.filter((entry) => entry.status !== 'sent');
    if (undelivered.length) {
      problems.push(`${name}: ${undelivered.length} receipt(s) not marked sent in the browser: ${undelivered.slice(0, 5).map((entry) => `${entry.id} ${entry.status}`).join(', ')}`);
    }
    if (history[0] && (walk.heads.length !== 1 || walk.heads[0] !== history[0].id)) {
      problems.push(`${name}: the chain's head(s) ${walk.heads.join(', ')} are not just the browser's newest receipt ${history[0].id}`);
    }
    chains.push({ browser: browser + 1, subject, receipts: chainRows.length, walked: walk.walked, complete: walk.complete && report.complete });
  }

  const allGaps = await fetch(`${collectorUrl}/v1/gaps`, { headers: { authorization: `Bearer ${adminToken}` } }).then((r) => r.json());
  if (allGaps.gaps?.length) problems.push(`the collector reports ${allGaps.gaps.length} gap(s) across subjects`);

  return { problems, figures: { expected: expected.size, stored: rows.length, missing: missing.length, extra: extra.length, chains } };
}
