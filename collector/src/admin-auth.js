// @ts-check
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-error.js';

/** Shortest admin token accepted: 16 characters leave brute force hopeless under the rate limit. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/** @param {string} value */
const digest = (value) => createHash('sha256').update(value, 'utf8').digest();

/**
 * A check of `Authorization: Bearer <token>` against the configured admin token.
 * Both sides are hashed first so timingSafeEqual compares equal lengths and the time taken
 * says nothing about the token's length or content. The token is never logged.
 *
 * @param {string | undefined} token the admin token; undefined turns the admin endpoints off
 * @returns {(authorization: string | undefined) => void} throws an HttpError (401, 403, 404)
 */
export function adminGuard(token) {
  const expected = token === undefined ? undefined : digest(token);
  return (authorization) => {
    if (expected === undefined) {
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
    if (!timingSafeEqual(digest(match[1]), expected)) {
      throw new HttpError(403, 'admin token is wrong');
    }
  };
}
