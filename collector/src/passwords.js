// @ts-check
// The console's named users: `name:<scrypt hash>` lines, hashes in the PHC string format
// `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64 without padding), made with node:crypto.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** Cost of a new hash: N = 2^15, r = 8 (32 MiB, about 0.1 s), the scrypt paper's interactive setting doubled. */
const LOG_N = 15;
const BLOCK = 8;
const PARALLEL = 1;
const KEY_LENGTH = 32;
const HASH_RE = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22,})\$([A-Za-z0-9+/]{43})$/;
/** A user name: letters, digits and `._@-`, so that it reads plainly in the audit log. */
export const USER_NAME_RE = /^[\p{L}\p{M}\p{N}._@-]{1,64}$/u;

/**
 * @param {string} password
 * @param {Buffer} salt
 * @param {{ logN: number, r: number, p: number }} cost
 * @returns {Promise<Buffer>}
 */
function derive(password, salt, { logN, r, p }) {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128 * N * r bytes, and Node's default cap is exactly 32 MiB.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (/** @type {Buffer} */ bytes) => bytes.toString('base64').replace(/=+$/, '');

/**
 * A new scrypt hash of `password`, with a random salt.
 *
 * @param {string} password
 * @returns {Promise<string>} e.g. `$scrypt$ln=15,r=8,p=1$…$…`
 */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { logN: LOG_N, r: BLOCK, p: PARALLEL });
  return `$scrypt$ln=${LOG_N},r=${BLOCK},p=${PARALLEL}$${b64(salt)}$${b64(key)}`;
}

/**
 * The cost and salt of a hash, or undefined when it is not one {@link hashPassword} could make.
 * @param {string} hash
 */
function parseHash(hash) {
  const match = HASH_RE.exec(hash);
  if (!match) return undefined;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (logN < 10 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { logN, r, p, salt: Buffer.from(match[4], 'base64'), key: Buffer.from(match[5], 'base64') };
}

/**
 * Whether `password` matches `hash`. Takes the same time whatever the password.
 *
 * @param {string} password
 * @param {string} hash made by {@link hashPassword}
 */
export async function verifyPassword(password, hash) {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  return timingSafeEqual(await derive(password, parsed.salt, parsed), parsed.key);
}

/**
 * Reads a users file: one `name:<hash>` a line; blank lines and lines starting with `#` are
 * skipped. Throws naming the line at fault (never showing a hash).
 *
 * @param {string} text
 * @returns {Map<string, string>} name → hash
 */
export function parseUsersFile(text) {
  /** @type {Map<string, string>} */
  const users = new Map();
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const colon = trimmed.indexOf(':');
    const name = colon < 0 ? '' : trimmed.slice(0, colon);
    const hash = trimmed.slice(colon + 1);
    if (!USER_NAME_RE.test(name)) {
      throw new TypeError(`line ${i + 1}: must be name:<scrypt hash>, the name 1 to 64 letters, digits or ._@-`);
    }
    if (!parseHash(hash)) throw new TypeError(`line ${i + 1}: the hash of ${name} is not a scrypt hash from yinyom-collector hash-password`);
    if (users.has(name)) throw new TypeError(`line ${i + 1}: ${name} is listed twice`);
    users.set(name, hash);
  });
  if (users.size === 0) throw new TypeError('names no user; add name:<hash> lines made with yinyom-collector hash-password');
  return users;
}
