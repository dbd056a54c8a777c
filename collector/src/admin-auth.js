// @ts-check
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-error.js';

/** Shortest admin token accepted: 16 characters leave brute force hopeless under the rate limit. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** @param {string} value */
const digest = (value) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a candidate is the admin token. Both sides are hashed first so timingSafeEqual
 * compares equal lengths and the time taken says nothing about the token's length or content.
 *
 * @param {string} token the admin token
 * @returns {(candidate: string) => boolean}
 */
export function tokenMatcher(token) {
  const expected = digest(token);
  return (candidate) => timingSafeEqual(digest(candidate), expected);
}

/**
 * A check of `Authorization: Bearer <token>` against the configured admin token.
 * The token is never logged.
 *
 * @param {string | undefined} token the admin token; undefined turns the admin endpoints off
 * @returns {(authorization: string | undefined) => void} throws an HttpError (401, 403, 404)
 */
export function adminGuard(token) {
  const matches = token === undefined ? undefined : tokenMatcher(token);
  return (authorization) => {
    if (matches === undefined) {
      throw new HttpError(
        404,
        'admin endpoints are off: start the collector with --admin-token-file or YINYOM_ADMIN_TOKEN',
      );
    }
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) {
      throw new HttpError(401, 'admin token required: send Authorization: Bearer <token>', {
        'www-authenticate': 'Bearer realm="yinyom-collector"',
      });
    }
    if (!matches(match[1])) {
      throw new HttpError(403, 'admin token is wrong');
    }
  };
}
