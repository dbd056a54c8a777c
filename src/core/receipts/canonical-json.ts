// A lone surrogate has no UTF-8 form, so RFC 8785 refuses it. Written without lookbehind,
// which Safari lacks before 16.4.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

const skipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * The RFC 8785 (JCS) canonical JSON text of `value`: object keys sorted by UTF-16 code
 * units, no whitespace, numbers and strings as ECMAScript's `JSON.stringify` writes them.
 * Members JSON leaves out (`undefined`, functions) are left out; `toJSON` is honoured.
 * Ours rather than the `canonicalize` package, which needs `String.prototype.isWellFormed`
 * (Safari 16.4, Chrome 111) and would break receipts on older phones; the tests check both
 * agree.
 *
 * @throws TypeError for NaN, Infinity, a lone surrogate, or a value with no JSON form.
 * @example
 * canonicalJson({ b: [1, 'ไทย'], a: 1e21 }); // '{"a":1e+21,"b":[1,"ไทย"]}'
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown> & { toJSON?: () => unknown };
    if (typeof object.toJSON === 'function') return canonicalJson(object.toJSON());
    if (Array.isArray(value)) return `[${value.map((item) => (skipped(item) ? 'null' : canonicalJson(item))).join(',')}]`;
    const members: string[] = [];
    for (const key of Object.keys(object).sort()) {
      if (!skipped(object[key])) members.push(`${canonicalJson(key)}:${canonicalJson(object[key])}`);
    }
    return `{${members.join(',')}}`;
  }
  if ((typeof value === 'number' && !Number.isFinite(value)) || (typeof value === 'string' && LONE_SURROGATE.test(value)) || skipped(value)) {
    throw new TypeError(`[yinyom] receipts: ${typeof value === 'string' ? 'a string with a lone surrogate' : String(value)} has no canonical JSON form`);
  }
  return JSON.stringify(value);
}
