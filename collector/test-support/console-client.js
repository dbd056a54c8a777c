// @ts-check
// Talking to the console's routes through `app.inject`, as its pages do: same-origin, with
// the session cookie that sign-in sets.
import assert from 'node:assert/strict';

/** The origin `app.inject` requests come from (its default Host header). */
export const OWN_ORIGIN = 'http://localhost:80';

/**
 * @param {import('../src/create-collector.js').Collector} collector
 */
export function consoleClient(collector) {
  /** @type {string | undefined} */
  let cookie;
  /**
   * @param {'GET' | 'POST' | 'DELETE'} method
   * @param {string} url
   * @param {unknown} [body]
   * @param {Record<string, string>} [headers]
   */
  const request = (method, url, body, headers = {}) =>
    collector.app.inject({
      method,
      url,
      headers: {
        ...(method === 'GET' ? {} : { origin: OWN_ORIGIN }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  return {
    request,
    get: (/** @type {string} */ url) => request('GET', url),
    post: (/** @type {string} */ url, /** @type {unknown} */ body) => request('POST', url, body),
    /**
     * Signs in and keeps the session cookie; resolves to the answer.
     * @param {string} password
     * @param {string} [user]
     */
    async signIn(password, user) {
      const res = await request('POST', '/admin/api/session', user === undefined ? { password } : { user, password });
      const set = res.headers['set-cookie'];
      if (res.statusCode === 200) cookie = String(set).split(';')[0];
      return res;
    },
    /** Signs in, failing the test if that does not work. @param {string} password @param {string} [user] */
    async signedIn(password, user) {
      const res = await this.signIn(password, user);
      assert.equal(res.statusCode, 200, res.body);
      return this;
    },
    get cookie() {
      return cookie;
    },
    set cookie(value) {
      cookie = value;
    },
  };
}
