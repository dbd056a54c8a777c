// @ts-check
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The receipt format version this collector accepts. */
export const RECEIPT_SCHEMA_VERSION = 'yinyom.receipt/1';

/** The parsed JSON Schema of a receipt (`collector/schema/receipt.schema.json`). */
export const receiptSchema = JSON.parse(
  readFileSync(new URL('../schema/receipt.schema.json', import.meta.url), 'utf8'),
);

// allErrors so one response names every problem of a receipt; the schema bounds every
// string, object and key, so reporting them all stays cheap.
// `.default`: these are CommonJS modules whose export is also their `default` property.
const ajv = new Ajv2020.default({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(receiptSchema);
const validateSubject = /** @type {import('ajv').ValidateFunction} */ (ajv.getSchema(`${receiptSchema.$id}#/properties/subject`));

/**
 * Whether a value is a subject the schema accepts, counted and checked exactly as in a
 * receipt (so a subject that can be stored can be looked up).
 *
 * @param {unknown} value
 * @returns {boolean}
 */
export function isValidSubject(value) {
  return typeof value === 'string' && value.isWellFormed() && validateSubject(value);
}

const HASH_HINT = 'sha256- and 64 lowercase hex digits';
const NO_CONTROL = 'no control characters or bidi controls';

/** Plain-words reading of the schema's patterns by field path, appended to the raw pattern. */
const HINTS = /** @type {Record<string, string>} */ ({
  '.id': 'a lowercase UUIDv7',
  '.subject': NO_CONTROL,
  '.time': 'a UTC time from the years 2000 to 2099 as toISOString() writes it, e.g. 2026-11-22T12:00:00.000Z',
  '.origin': 'an origin such as https://www.example.go.th, without a path',
  '.page': "a path that starts with '/', without query string or fragment",
  '.controller': NO_CONTROL,
  '.notice.id': NO_CONTROL,
  '.notice.version': NO_CONTROL,
  '.notice.hash': HASH_HINT,
  '.hash': HASH_HINT,
});

const IDENT_RE = /^[A-Za-z_$][\w$]*$/;

/**
 * Turns an ajv instance path (`/notice/hash`) into a JS-like path (`.notice.hash`).
 * @param {string} pointer
 */
function pathOf(pointer) {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return keyPath(key);
    })
    .join('');
}

/** @param {string} key */
function keyPath(key) {
  return IDENT_RE.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * @param {import('ajv').ErrorObject} error
 * @returns {[string, string]} path and message
 */
function describe(error) {
  const path = pathOf(error.instancePath);
  const params = /** @type {Record<string, any>} */ (error.params);
  switch (error.keyword) {
    case 'required':
      return [path + keyPath(params.missingProperty), 'is required'];
    case 'additionalProperties':
      return [path + keyPath(params.additionalProperty), 'is not a field of this object (additional fields are not allowed)'];
    case 'propertyNames':
      return [`${path}[${JSON.stringify(params.propertyName)}]`, 'is not a valid id: must match ^[a-z0-9][a-z0-9_-]*$, at most 64 characters'];
    case 'enum':
      return [path, `must be one of ${params.allowedValues.join(', ')}`];
    case 'const':
      return [path, `must be ${JSON.stringify(params.allowedValue)}`];
    case 'pattern': {
      const hint = HINTS[path] ?? (path.startsWith('.shown') ? HASH_HINT : undefined);
      return [path, `must match ${params.pattern}${hint ? ` (${hint})` : ''}`];
    }
    case 'format':
      return [path, `must be a real ${params.format}${HINTS[path] ? ` (${HINTS[path]})` : ''}`];
    case 'oneOf':
      // Only `prev` uses oneOf: a hash or null.
      return [path, `must be a hash (${HASH_HINT}) or null`];
    default:
      return [path, error.message ?? 'is invalid'];
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The strings (keys included) of a parsed JSON value that are not well-formed UTF-16.
 *
 * @param {unknown} value
 * @param {string} path
 * @returns {Generator<[string, string]>} path and message
 */
function* illFormed(value, path) {
  if (typeof value === 'string') {
    if (value.isWellFormed()) return;
    const at = /** @type {RegExpExecArray} */ (LONE_SURROGATE.exec(value));
    const unit = at[0].charCodeAt(0).toString(16).toUpperCase();
    yield [path, `is not well-formed Unicode (a lone surrogate, U+${unit}, at character ${at.index})`];
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = Array.isArray(value) ? `${path}[${key}]` : path + keyPath(key);
      if (!key.isWellFormed()) yield [itemPath, 'is a key that is not well-formed Unicode (a lone surrogate)'];
      else yield* illFormed(item, itemPath);
    }
  }
}

/**
 * Validates one receipt against the schema.
 *
 * @param {unknown} receipt
 * @param {string} [at] prefix for the error paths, e.g. `receipts[3]`
 * @returns {string[]} problems as `receipts[3].notice.hash: must match …`; empty when valid
 */
export function validateReceipt(receipt, at = 'receipt') {
  if (receipt === null || typeof receipt !== 'object' || Array.isArray(receipt)) {
    return [`${at}: must be an object`];
  }
  const schema = /** @type {Record<string, unknown>} */ (receipt).schema;
  if (schema !== RECEIPT_SCHEMA_VERSION) {
    // A future version may look like an invalid v1 receipt; say what is really wrong.
    return [
      schema === undefined
        ? `${at}.schema: is required (this collector accepts "${RECEIPT_SCHEMA_VERSION}")`
        : `${at}.schema: unknown schema ${JSON.stringify(schema)}; this collector accepts "${RECEIPT_SCHEMA_VERSION}"`,
    ];
  }
  /** @type {Map<string, string>} */
  const byPath = new Map();
  // JSON can carry a lone surrogate (\ud800), which no hash can cover and no UTF-8 column
  // can hold; the schema's patterns cannot see it.
  for (const [path, message] of illFormed(receipt, '')) byPath.set(path, message);
  const valid = validate(receipt);
  if (valid && byPath.size === 0) return [];
  for (const error of valid ? [] : validate.errors ?? []) {
    const [path, message] = describe(error);
    // oneOf's branches and propertyNames' inner pattern each report too; the summary
    // messages say it better.
    if (error.propertyName !== undefined) continue;
    if (error.keyword !== 'oneOf' && path === '.prev') continue;
    if (!byPath.has(path)) byPath.set(path, message);
  }
  return [...byPath].map(([path, message]) => `${at}${path}: ${message}`);
}
