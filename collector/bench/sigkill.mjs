// @ts-check
// No acknowledged receipt is lost when the collector is killed: runs the real CLI as a
// child process on a SQLite file, posts batches of 100 from several clients, SIGKILLs the
// collector in the middle of the load, reopens the file and checks that every receipt the
// collector answered 200 for is there. Several rounds on the same file, restarting the CLI
// each time. Exits non-zero on any loss.
//
//   node bench/sigkill.mjs [--rounds 3] [--clients 4] [--kill-after-ms 1500] [--sqlite-sync normal|full]
//
// It runs the collector in its weaker mode (synchronous = NORMAL, no fsync per batch) on
// purpose: even then a killed process loses nothing it acknowledged, since its WAL writes are
// already in the OS. The default, FULL, also fsyncs before answering.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startCli } from '../test-support/cli.js';
import { makeReceipt } from '../test-support/receipts.js';

const BATCH = 100;

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    clients: { type: 'string', default: '4' },
    'kill-after-ms': { type: 'string', default: '1500' },
    'sqlite-sync': { type: 'string', default: 'normal' },
  },
});
const sqliteSync = values['sqlite-sync'];
const rounds = Number(values.rounds);
const concurrency = Number(values.clients);
const killAfterMs = Number(values['kill-after-ms']);

/**
 * Starts the CLI on `db`; `url` resolves once it listens.
 * @param {string} db
 */
const startCollector = (db) => startCli(['--port', '0', '--db', db, '--sqlite-sync', sqliteSync, '--rate-limit', '0', '--log-level', 'error']);

/** @param {number} round @param {number} n */
function batch(round, n) {
  const receipts = [];
  for (let i = 0; i < BATCH; i++) receipts.push(makeReceipt({ subject: `kill-${round}-${n}-${i}` }));
  return receipts;
}

const dir = mkdtempSync(join(tmpdir(), 'yinyom-bench-sigkill-'));
const db = join(dir, 'receipts.sqlite');
/** @type {Set<string>} */
const acknowledged = new Set();
let lost = 0;
try {
  for (let round = 1; round <= rounds; round++) {
    const collector = startCollector(db);
    const url = await collector.url;
    let stop = false;
    let inFlightAtKill = 0;
    let inFlight = 0;
    let errors = 0;
    let ackedThisRound = 0;
    let n = 0;
    const clients = Array.from({ length: concurrency }, async () => {
      while (!stop) {
        const receipts = batch(round, n++);
        inFlight++;
        try {
          const res = await fetch(`${url}/v1/receipts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ receipts }),
          });
          const body = /** @type {{ accepted: string[], duplicates: string[] }} */ (await res.json());
          if (res.status === 200) {
            for (const id of [...body.accepted, ...body.duplicates]) acknowledged.add(id);
            ackedThisRound += body.accepted.length + body.duplicates.length;
          }
        } catch {
          // The connection died with the collector: these receipts were never acknowledged.
          errors++;
        } finally {
          inFlight--;
        }
      }
    });

    // Kill at a moment that is not aligned with any batch: somewhere in the last third.
    await new Promise((resolve) => setTimeout(resolve, killAfterMs * (2 / 3 + Math.random() / 3)));
    inFlightAtKill = inFlight;
    stop = true;
    collector.child.kill('SIGKILL');
    const { signal } = await collector.exited;
    await Promise.all(clients);

    const sqlite = new Database(db);
    const has = sqlite.prepare('SELECT 1 FROM receipts WHERE id = ?').pluck();
    let missing = 0;
    for (const id of acknowledged) if (!has.get(id)) missing++;
    const stored = /** @type {number} */ (sqlite.prepare('SELECT count(*) FROM receipts').pluck().get());
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    sqlite.close();
    lost += missing;
    console.log(
      `round ${round}: killed (${signal}) with ${inFlightAtKill} batches in flight; ${ackedThisRound} receipts acknowledged this round, ` +
        `${acknowledged.size} in all; ${stored} stored; ${missing} acknowledged but missing; ${errors} requests cut off; integrity ${integrity}`,
    );
    if (integrity !== 'ok') lost += 1;
    if (ackedThisRound === 0) {
      console.error(`round ${round}: no receipt was acknowledged before the kill; raise --kill-after-ms`);
      process.exitCode = 1;
    }
  }
  console.log(JSON.stringify({ bench: 'collector-sigkill', synchronous: sqliteSync, rounds, acknowledged: acknowledged.size, lost }));
  if (lost > 0) {
    console.error(`FAILED: ${lost} acknowledged receipts lost (or a damaged database)`);
    process.exitCode = 1;
  } else {
    console.log(`every one of ${acknowledged.size} acknowledged receipts survived ${rounds} SIGKILLs`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
