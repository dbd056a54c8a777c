// @ts-check
// The console from the command line: hash-password, --admin-users-file, and a real sign-in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { verifyPassword } from '../src/passwords.js';
import { BIN, baseEnv, startCli } from '../test-support/cli.js';
import { send } from '../test-support/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'yinyom-console-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** @param {string[]} args @param {string} [input] */
const run = (args, input = '') => spawnSync(process.execPath, [BIN, ...args], { env: baseEnv, input, encoding: 'utf8', timeout: 15_000, cwd: dir });

describe('yinyom-collector hash-password', () => {
  it('is in the help, with --admin-users-file and the console', () => {
    const { stdout } = run(['--help']);
    assert.match(stdout, /^ +yinyom-collector hash-password +prints the scrypt hash/m);
    assert.match(stdout, /^ +--admin-users-file F +the console's users/m);
    assert.match(stdout, /^ +GET +\/admin\/ +the data protection officer's console/m);
  });

  it('prints a scrypt hash of the first line of stdin, which verifies that password only', async () => {
    const result = run(['hash-password'], 'รหัสผ่าน ยาว ๆ\nignored\n');
    assert.equal(result.status, 0, result.stderr);
    const hash = result.stdout.trim();
    assert.match(hash, /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.equal(await verifyPassword('รหัสผ่าน ยาว ๆ', hash), true);
    assert.equal(await verifyPassword('รหัสผ่าน ยาว', hash), false);
    assert.notEqual(run(['hash-password'], 'รหัสผ่าน ยาว ๆ\n').stdout.trim(), hash, 'a fresh salt each time');
  });

  it('refuses an empty password with exit code 2', () => {
    const result = run(['hash-password'], '\n');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^yinyom-collector: hash-password: give the password on stdin/);
    assert.equal(result.stdout, '');
  });
});

describe('yinyom-collector --admin-users-file', () => {
  it('refuses a file it cannot read, or a line that is not name:<hash>, naming the line', () => {
    const bad = join(dir, 'bad-users');
    writeFileSync(bad, '# DPOs\nsomchai:$scrypt$ln=15,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nsuda:plaintext\n');
    for (const [file, message] of [
      [bad, /^yinyom-collector: --admin-users-file .*bad-users: line 3: the hash of suda is not a scrypt hash/],
      [join(dir, 'missing'), /^yinyom-collector: --admin-users-file: cannot read .*missing \(ENOENT\)/],
    ]) {
      const result = run(['--admin-users-file', /** @type {string} */ (file), '--db', join(dir, 'x.sqlite')]);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /** @type {RegExp} */ (message));
      assert.doesNotMatch(result.stderr, /plaintext/);
    }
  });

  it('serves the console, says where, and signs the user in', async (t) => {
    const hash = run(['hash-password'], 'a good password\n').stdout.trim();
    const users = join(dir, 'users');
    writeFileSync(users, `somchai:${hash}\n`);
    const cli = startCli(['--port', '0', '--db', join(dir, 'console.sqlite'), '--admin-users-file', users, '--log-level', 'silent'], { cwd: dir });
    t.after(async () => {
      cli.child.kill('SIGTERM');
      await cli.exited;
    });
    const url = await cli.url;
    const [, consoleUrl] = await cli.printed(/^console: (\S+)$/m);
    assert.equal(consoleUrl, `${url}/admin/`);
    const signIn = (/** @type {string} */ password) =>
      send(`${url}/admin/api/session`, { method: 'POST', headers: { origin: url, 'content-type': 'application/json' }, body: JSON.stringify({ user: 'somchai', password }) });
    assert.equal((await signIn('a wrong password')).status, 401);
    const res = await signIn('a good password');
    assert.equal(res.status, 200, res.body);
    assert.equal(JSON.parse(res.body).user, 'somchai');
    assert.match(String(res.headers['set-cookie']), /^yinyom_console=/);
  });
});
