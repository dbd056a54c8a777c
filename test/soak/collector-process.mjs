// @ts-check
// The real collector, run by its CLI as a child process so that the soak can SIGKILL it and
// start it again on the same port and the same SQLite file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../collector/bin/yinyom-collector.js', import.meta.url));
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A collector CLI process on `127.0.0.1:port` with the SQLite file `db`, allowing `origin`,
 * with admin endpoints unlocked by `tokenFile`. The rate limit is off: the soak injects its
 * own 429s, and the collector's would answer `Retry-After: 60`, longer than a soak should wait.
 *
 * @example
 * const collector = collectorProcess({ port, db, origin, tokenFile, log: console.log });
 * await collector.start(); await collector.kill(); await collector.start(); await collector.stop();
 *
 * @param {{ port: number, db: string, origin: string, tokenFile: string, log: (line: string) => void }} options
 */
export function collectorProcess({ port, db, origin, tokenFile, log }) {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let starts = 0;

  function spawnOnce() {
    const proc = spawn(
      process.execPath,
      [BIN, '--port', String(port), '--host', '127.0.0.1', '--db', db, '--allow-origin', origin,
        '--admin-token-file', tokenFile, '--rate-limit', '0', '--log-level', 'warn'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } },
    );
    let stderr = '';
    proc.stderr?.on('data', (chunk) => {
      stderr += chunk;
      for (const line of String(chunk).split('\n')) if (line.trim()) log(`collector stderr: ${line.trim().slice(0, 300)}`);
    });
    const listening = new Promise((resolve, reject) => {
      let out = '';
      proc.stdout?.on('data', (chunk) => {
        out += chunk;
        if (/listening on http:\/\//.test(out)) resolve(undefined);
      });
      proc.once('exit', (code, signal) => reject(Object.assign(new Error(`collector exited (${code ?? signal}) before listening: ${stderr.trim()}`), { code })));
    });
    return { proc, listening };
  }

  return {
    /** Starts the CLI and resolves once it listens; retries a few times if the port is still taken. */
    async start() {
      if (child) throw new Error('collector already running');
      for (let attempt = 1; ; attempt++) {
        const { proc, listening } = spawnOnce();
        try {
          await listening;
          child = proc;
          starts++;
          proc.once('exit', (code, signal) => {
            if (child === proc) {
              child = undefined;
              log(`collector exited unexpectedly (${code ?? signal})`);
            }
          });
          return;
        } catch (error) {
          // Exit code 1 is "port in use": the killed process's socket may take a moment to go.
          if (/** @type {{ code?: number }} */ (error).code !== 1 || attempt >= 20) throw error;
          await sleep(100);
        }
      }
    },
    /** SIGKILL: no shutdown, no last checkpoint; resolves when the process is gone. */
    async kill() {
      const proc = child;
      if (!proc) return;
      child = undefined;
      const exited = once(proc, 'exit');
      proc.kill('SIGKILL');
      await exited;
    },
    /** SIGTERM: a clean stop. */
    async stop() {
      const proc = child;
      if (!proc) return;
      child = undefined;
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    get running() {
      return child !== undefined;
    },
    get starts() {
      return starts;
    },
  };
}
