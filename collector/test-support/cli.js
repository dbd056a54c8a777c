// @ts-check
// Running the yinyom-collector command in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../bin/yinyom-collector.js', import.meta.url));

/** Only what the CLI reads, so a developer's own PORT or DATABASE_URL cannot leak in. */
export const baseEnv = { PATH: process.env.PATH ?? '', NODE_NO_WARNINGS: '1' };

/**
 * Starts the CLI; `url` resolves once it prints the URL it listens on, `exited` when it exits,
 * and `printed(pattern)` to the first match of `pattern` in what it prints on stdout.
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, cwd?: string }} [options]
 */
export function startCli(args, { env = {}, cwd } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  /**
   * @param {RegExp} pattern
   * @returns {Promise<RegExpExecArray>}
   */
  const printed = (pattern) =>
    new Promise((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(out);
        if (!match) return false;
        child.stdout.off('data', look);
        child.off('exit', gone);
        resolve(match);
        return true;
      };
      const gone = (/** @type {number | null} */ code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${stderr}`));
      if (look()) return;
      child.stdout.on('data', look);
      child.on('exit', gone);
    });
  const url = printed(/listening on (http:\/\/\S+)/).then((match) => match[1]);
  return { child, url, exited, printed };
}
