// @ts-check

/**
 * Normalizes an allow-list entry to an origin as browsers send it (`https://host[:port]`,
 * lowercase host, default port dropped).
 *
 * @param {string} value e.g. `https://www.example.go.th` or `https://www.example.go.th/`
 * @returns {string}
 * @throws {TypeError} when the value is not an http(s) origin (a path, query or credentials count as not)
 */
export function normalizeOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`allowed origin ${JSON.stringify(value)} is not a URL; write it like https://www.example.go.th`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`allowed origin ${JSON.stringify(value)} must start with https:// or http://`);
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new TypeError(`allowed origin ${JSON.stringify(value)} must be an origin only (no path, query or fragment): ${url.origin}`);
  }
  return url.origin;
}

/**
 * An origin allow-list. Empty means every origin is allowed.
 *
 * @param {readonly string[] | undefined} list
 * @returns {{ all: boolean, origins: string[], allows: (origin: string) => boolean }}
 */
export function originAllowList(list) {
  const origins = [...new Set((list ?? []).map(normalizeOrigin))];
  const set = new Set(origins);
  return {
    all: set.size === 0,
    origins,
    // The Origin header and the receipt's origin are compared exactly: browsers send the
    // serialized origin, and the SDK writes location.origin.
    allows: (origin) => set.size === 0 || set.has(origin),
  };
}
