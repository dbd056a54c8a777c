// @ts-check
// Worker thread: checkpoints a SQLite WAL from its own connection, so that copying the WAL
// back into the database (and its fsyncs) happens beside the request path, not inside a
// commit that a browser is waiting on. See sqlite-store.js.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = /** @type {{ file: string, intervalMs: number }} */ (workerData);
const db = new Database(file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  // PASSIVE never waits for or blocks the writer; what it cannot copy now waits for the next round.
  db.pragma('wal_checkpoint(PASSIVE)');
}, intervalMs);

parentPort?.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
