#!/usr/bin/env node
// @ts-check
import { accessSync, constants, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCollector } from '../src/index.js';
import { MIN_ADMIN_TOKEN_LENGTH } from '../src/admin-auth.js';
import { normalizeOrigin } from '../src/origins.js';
import { hashPassword, parseUsersFile } from '../src/passwords.js';
import { parseSigningKeys } from '../src/signing.js';

const NAME = 'yinyom-collector';

const HELP = `${NAME}: the Yinyom receipt collector (PDPA consent receipts)

Receives receipts from the Yinyom SDK at POST /v1/receipts and keeps them in a SQLite
file, or in PostgreSQL when DATABASE_URL is set.

Usage: ${NAME} [flags]
       ${NAME} hash-password   prints the scrypt hash of a password read on stdin,
                                        for a line name:<hash> of --admin-users-file

Flags:
  --port N               port to listen on (env PORT; default 8787; 0 picks a free one)
  --host ADDRESS         address to listen on (env HOST; default 127.0.0.1, loopback only;
                         0.0.0.0 for every interface, e.g. behind a reverse proxy)
  --db PATH              SQLite database file (default ./data/receipts.sqlite; the folder is
                         created). Ignored when DATABASE_URL is set.
  --sqlite-sync MODE     full (default): fsync before every answer, so an acknowledged
                         receipt survives even a power cut.
                         normal: survives the collector being killed; a power cut may
                         lose the last ~250 ms of them; faster.
  --allow-origin URL     an origin allowed to send receipts, e.g. https://www.example.go.th;
                         repeat for several. Requests from other origins get 403 and receipts
                         naming another origin are rejected. Without it every origin is
                         allowed, with a warning.
  --admin-token-file F   file holding the admin token (at least ${MIN_ADMIN_TOKEN_LENGTH} characters) that
                         unlocks the admin endpoints and signs in to the console at
                         /admin/ (env YINYOM_ADMIN_TOKEN). Without a token they are off.
  --admin-users-file F   the console's users, one name:<scrypt hash> a line (hashes from
                         ${NAME} hash-password), so that its audit log names a person.
                         With this or a token the console is served at /admin/.
  --signing-key-file F   file holding an Ed25519 private key (PKCS#8 PEM) with which the
                         collector countersigns every receipt it accepts; repeat the flag or
                         put several keys in one file to rotate: the first signs, all are
                         published at GET /v1/keys. Without it nothing is signed.
  --retention-days N     delete receipts older than N days, at start and every hour, and
                         refuse incoming ones that old (default: keep forever)
  --rate-limit N         requests a minute from one client address (default 1000; 0 = off)
  --trust-proxy [HOPS|ADDRESSES]
                         behind a reverse proxy: take the client address from
                         X-Forwarded-For, for the rate limit. Alone: one proxy, so the
                         client is the address that proxy appended (the rightmost).
                         HOPS: that many proxies in a row. ADDRESSES: the proxies'
                         addresses or ranges, comma-separated (10.0.0.1,10.1.0.0/16);
                         only a request from one of them is believed. Without it,
                         X-Forwarded-For is ignored.
  --log-level LEVEL      fatal, error, warn, info (default) or debug; silent for none.
                         Logs never hold IP addresses or the admin token.
  -h, --help             show this help
  -v, --version          show the version

Environment:
  PORT, HOST             as --port, --host (the flags win)
  DATABASE_URL           PostgreSQL connection string; used instead of --db
  YINYOM_ADMIN_TOKEN     the admin token (--admin-token-file wins)

Endpoints:
  POST /v1/receipts                   {"receipts": [...]} from the SDK (at most 100)
  GET  /healthz                       health check
  GET  /v1/keys                       the public keys of the countersignatures (JWK set)
  GET  /v1/subjects/:subject/receipts a subject's receipts (admin); ?format=iso27560 for
                                      ISO/IEC TS 27560 records (JSON-LD, W3C DPV)
  GET  /v1/subjects/:subject/gaps     a subject's chain: gaps and forks (admin)
  GET  /v1/gaps                       receipts whose prev is missing, all subjects (admin)
  GET  /v1/stats?from=&to=            granted/denied per choice per day (admin)
  GET  /v1/export?format=csv|ndjson|iso27560
                                      every receipt, streamed (admin)
  GET  /admin/                        the data protection officer's console (with an admin
                                      token or --admin-users-file): sign-in, overview, subject
                                      pages, erasure, export, audit log

Examples:
  ${NAME} --allow-origin https://www.example.go.th
  ${NAME} --port 8787 --db ./data/receipts.sqlite --allow-origin https://www.example.go.th \\
      --allow-origin https://example.go.th --admin-token-file /etc/yinyom/admin-token \\
      --retention-days 730
  DATABASE_URL=postgres://yinyom@db.internal/consent ${NAME} --host 0.0.0.0 --trust-proxy 10.0.0.0/24
  # named users for the console: one name:<hash> line each
  printf '%s\\n' "$PASSWORD" | ${NAME} hash-password   # then add somchai:<hash> to /etc/yinyom/users
  ${NAME} --admin-users-file /etc/yinyom/users --allow-origin https://www.example.go.th
  curl -H "Authorization: Bearer $(cat /etc/yinyom/admin-token)" \\
      "http://127.0.0.1:8787/v1/export?format=csv" > receipts.csv

  # make a signing key, then start with --signing-key-file /etc/yinyom/collector-key.pem
  openssl genpkey -algorithm ed25519 -out /etc/yinyom/collector-key.pem
  # or, without openssl:
  node -e "process.stdout.write(require('node:crypto').generateKeyPairSync('ed25519').privateKey.export({type:'pkcs8',format:'pem'}))" > /etc/yinyom/collector-key.pem
`;

/** A usage or configuration error: one line on stderr, exit code 2. */
class UsageError extends Error {}

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} min
 * @param {number} max
 */
function wholeNumber(value, name, min, max) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** @param {string[]} argv */
function parse(argv) {
  // --trust-proxy takes an optional value, which parseArgs cannot express: alone (last, or
  // before another flag) it means one hop.
  const args = argv.map((arg, i) => (arg === '--trust-proxy' && (i === argv.length - 1 || argv[i + 1].startsWith('-')) ? '--trust-proxy=1' : arg));
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'sqlite-sync': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'admin-token-file': { type: 'string' },
        'admin-users-file': { type: 'string' },
        'signing-key-file': { type: 'string', multiple: true },
        'retention-days': { type: 'string' },
        'rate-limit': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }).values;
  } catch (error) {
    const { code, message } = /** @type {{ code?: string, message: string }} */ (error);
    // parseArgs' own messages run to several sentences; keep the part that names the flag.
    const flag = /'([^']+)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown flag ${flag}`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${flag}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(message.split('.')[0].replace(/^Option /, 'flag '));
    throw new UsageError(message);
  }
}

/**
 * --trust-proxy's value: a number of hops, or proxy addresses (checked by createCollector).
 * @param {string | undefined} value
 * @returns {number | string[] | false}
 */
function trustProxy(value) {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return /** @type {number} */ (wholeNumber(value, '--trust-proxy', 1, 100));
  return value.split(',').map((entry) => entry.trim());
}

/**
 * A file a flag names, read and parsed; a UsageError names the flag, the file and the fault.
 *
 * @template T
 * @param {string} flag
 * @param {string} file
 * @param {(text: string) => T} parse
 * @returns {T}
 */
function readFlagFile(flag, file, parse) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file} (${/** @type {NodeJS.ErrnoException} */ (error).code})`);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * Reads the flags and the environment into createCollector options; creates the SQLite
 * file's folder. Throws a UsageError naming the flag at fault.
 *
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} env
 */
export function configure(argv, env) {
  const flags = parse(argv);
  if (flags.help || flags.version) return { flags };

  const port = wholeNumber(flags.port ?? env.PORT, flags.port !== undefined ? '--port' : 'PORT', 0, 65535) ?? 8787;
  const host = flags.host ?? env.HOST ?? '127.0.0.1';
  if (host === '') throw new UsageError('--host must not be empty');

  const allowOrigins = (flags['allow-origin'] ?? []).map((value) => {
    try {
      return normalizeOrigin(value);
    } catch (error) {
      throw new UsageError(`--allow-origin: ${/** @type {Error} */ (error).message}`);
    }
  });

  let adminToken = env.YINYOM_ADMIN_TOKEN || undefined;
  const tokenFile = flags['admin-token-file'];
  if (tokenFile !== undefined) {
    try {
      adminToken = readFileSync(tokenFile, 'utf8').trim();
    } catch (error) {
      throw new UsageError(`--admin-token-file: cannot read ${tokenFile} (${/** @type {NodeJS.ErrnoException} */ (error).code})`);
    }
  }
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    const source = tokenFile !== undefined ? `--admin-token-file ${tokenFile}` : 'YINYOM_ADMIN_TOKEN';
    throw new UsageError(`the admin token from ${source} is shorter than ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  }

  const usersFile = flags['admin-users-file'];
  const adminUsers = usersFile === undefined ? undefined : readFlagFile('--admin-users-file', usersFile, parseUsersFile);

  /** @type {import('node:crypto').KeyObject[] | undefined} */
  let signingKeys;
  for (const file of flags['signing-key-file'] ?? []) {
    (signingKeys ??= []).push(...readFlagFile('--signing-key-file', file, parseSigningKeys));
  }

  const retentionDays = wholeNumber(flags['retention-days'], '--retention-days', 1, 100_000);
  const rateLimitMax = wholeNumber(flags['rate-limit'], '--rate-limit', 0, 1_000_000_000) ?? 1000;
  const logLevel = flags['log-level'] ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new UsageError(`--log-level must be fatal, error, warn, info, debug or silent, got ${JSON.stringify(logLevel)}`);
  }

  const sqliteSynchronous = flags['sqlite-sync'] ?? 'full';
  if (sqliteSynchronous !== 'normal' && sqliteSynchronous !== 'full') {
    throw new UsageError(`--sqlite-sync must be normal or full, got ${JSON.stringify(sqliteSynchronous)}`);
  }

  const databaseUrl = env.DATABASE_URL || undefined;
  let db;
  if (!databaseUrl) {
    db = resolve(flags.db ?? './data/receipts.sqlite');
    prepareDatabasePath(db);
  }

  return {
    flags,
    port,
    host,
    /** @type {import('../src/create-collector.js').CollectorOptions} */
    options: {
      db,
      databaseUrl,
      sqliteSynchronous,
      allowOrigins,
      adminToken,
      adminUsers,
      signingKeys,
      retentionDays,
      rateLimit: rateLimitMax === 0 ? false : { max: rateLimitMax, timeWindow: 60_000 },
      trustProxy: trustProxy(flags['trust-proxy']),
      logger: logLevel === 'silent' ? false : { level: logLevel },
    },
  };
}

/** @type {Record<string, string>} */
const REASONS = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EEXIST: 'a file is in the way of a folder on that path',
  ENOTDIR: 'a file is in the way of a folder on that path',
};

/**
 * Creates the database's folder and checks that the file can be written, so that a bad path
 * fails now with its reason instead of at the first receipt.
 *
 * @param {string} file
 */
function prepareDatabasePath(file) {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? '';
    const reason = REASONS[code] ?? code;
    throw new UsageError(`--db ${file}: cannot create or write its folder ${folder}: ${reason}`);
  }
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`--db ${file}: is a folder; give a file path such as ${file}/receipts.sqlite`);
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code !== 'ENOENT') throw new UsageError(`--db ${file}: cannot write it: ${REASONS[code ?? ''] ?? code}`);
  }
}

/**
 * `hash-password`: the password is the first line of stdin (typed without echo on a
 * terminal), so that it stays out of the shell's history and of `ps`.
 */
async function printPasswordHash() {
  const terminal = process.stdin.isTTY;
  if (terminal) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin, output: new Writable({ write: (_chunk, _encoding, done) => done() }), terminal });
  /** @type {string | undefined} */
  let password;
  for await (const line of lines) {
    password = line;
    break;
  }
  lines.close();
  if (terminal) process.stderr.write('\n');
  if (!password) {
    process.stderr.write(`${NAME}: hash-password: give the password on stdin, e.g. printf '%s\\n' "$PASSWORD" | ${NAME} hash-password\n`);
    process.exit(2);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

async function main() {
  if (process.argv[2] === 'hash-password' && process.argv.length === 3) return printPasswordHash();
  let config;
  try {
    config = configure(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${NAME}: ${error.message} (see ${NAME} --help)\n`);
    process.exit(2);
  }
  if (config.flags.help) {
    process.stdout.write(HELP);
    return;
  }
  if (config.flags.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return;
  }
  const { options, port, host } = /** @type {Required<typeof config>} */ (config);

  let collector;
  try {
    collector = createCollector(options);
  } catch (error) {
    // An option only createCollector can check, such as a --trust-proxy address.
    const message = /** @type {Error} */ (error).message.replace(/^createCollector: trustProxy/, '--trust-proxy');
    process.stderr.write(`${NAME}: ${message} (see ${NAME} --help)\n`);
    process.exit(2);
  }
  let url;
  try {
    await collector.app.ready();
  } catch (error) {
    const what = options.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `the database ${options.db}`;
    process.stderr.write(`${NAME}: cannot open ${what}: ${/** @type {Error} */ (error).message}\n`);
    await collector.close().catch(() => {});
    process.exit(2);
  }
  try {
    url = await collector.listen({ port, host });
  } catch (error) {
    const err = /** @type {NodeJS.ErrnoException} */ (error);
    const reason = err.code === 'EADDRINUSE' ? 'the address is in use' : err.code === 'EACCES' ? 'permission denied' : err.message;
    process.stderr.write(`${NAME}: cannot listen on ${host}:${port}: ${reason}\n`);
    await collector.close().catch(() => {});
    process.exit(1);
  }
  process.stdout.write(`${NAME} listening on ${url} (${options.databaseUrl ? 'PostgreSQL' : `SQLite ${options.db}`})\n`);
  if (options.adminToken !== undefined || options.adminUsers !== undefined) process.stdout.write(`console: ${url}/admin/\n`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    collector.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// Run when executed (also through the npm bin symlink), not when a test imports configure().
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
