// @ts-check
// The receipt format: the schema file, the hash, the error messages, and agreement with the
// SDK's TypeScript Receipt type.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { receiptHash, receiptSchema, validateReceipt, verifyReceiptHash } from '../src/index.js';
import { NOTICE_HASH, makeReceipt, rehash } from '../test-support/receipts.js';

describe('receipt hash', () => {
  const receipt = {
    schema: 'yinyom.receipt/1',
    id: '019a4b2c-1d2e-7f30-8a4b-5c6d7e8f9a0b',
    subject: 'ผู้ใช้-1',
    time: '2026-11-22T12:00:00.000Z',
    origin: 'https://tdga.dga.or.th',
    page: '/register',
    controller: 'TDGA',
    notice: { id: 'tdga-privacy', version: '2565-06-01', hash: 'sha256-' + 'ab'.repeat(32) },
    language: 'th',
    method: 'banner.accept-all',
    choices: { marketing: false, analytics: true },
    signals: { gpc: false },
    prev: null,
  };
  // RFC 8785 by hand: keys sorted by UTF-16 code units at every level, no whitespace.
  const canonical =
    '{"choices":{"analytics":true,"marketing":false},"controller":"TDGA","id":"019a4b2c-1d2e-7f30-8a4b-5c6d7e8f9a0b",' +
    '"language":"th","method":"banner.accept-all","notice":{"hash":"sha256-' + 'ab'.repeat(32) + '","id":"tdga-privacy",' +
    '"version":"2565-06-01"},"origin":"https://tdga.dga.or.th","page":"/register","prev":null,"schema":"yinyom.receipt/1",' +
    '"signals":{"gpc":false},"subject":"ผู้ใช้-1","time":"2026-11-22T12:00:00.000Z"}';
  const expected = 'sha256-' + createHash('sha256').update(canonical, 'utf8').digest('hex');

  it('is sha256- and the hex SHA-256 of the RFC 8785 canonical JSON without hash', () => {
    assert.equal(receiptHash(receipt), expected);
    assert.match(expected, /^sha256-[0-9a-f]{64}$/);
  });

  it('ignores the hash field and the order of keys', () => {
    const reordered = Object.fromEntries(Object.entries({ ...receipt, hash: 'sha256-' + '0'.repeat(64) }).reverse());
    assert.equal(receiptHash(reordered), expected);
  });

  it('verifies a correct hash and refuses a changed receipt', () => {
    assert.equal(verifyReceiptHash({ ...receipt, hash: expected }), true);
    assert.equal(verifyReceiptHash({ ...receipt, hash: expected.toUpperCase() }), false);
    assert.equal(verifyReceiptHash({ ...receipt, choices: { analytics: false, marketing: false }, hash: expected }), false);
    assert.equal(verifyReceiptHash({ ...receipt }), false);
  });
});

describe('receipt schema', () => {
  it('accepts a valid receipt, with and without actor, and with a prev', () => {
    assert.deepEqual(validateReceipt(makeReceipt()), []);
    for (const actor of ['self', 'parent', 'custodian', 'curator']) assert.deepEqual(validateReceipt(makeReceipt({ actor })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ prev: 'sha256-' + 'f'.repeat(64), choices: {} })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ origin: 'http://localhost:8000', page: '/' })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ subject: '😀 ผู้ใช้', controller: 'กรม 😀' })), []);
    // 256 code points, 512 UTF-16 units: the schema counts code points, as the collector's routes do.
    assert.deepEqual(validateReceipt(makeReceipt({ subject: '😀'.repeat(256) })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ time: '2000-01-01T00:00:00.000Z' })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ shown: { analytics: NOTICE_HASH, 'photo-publicity': 'sha256-' + 'e'.repeat(64) } })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ shown: {} })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ guardian: { relationship: 'mother' } })), []);
    assert.deepEqual(validateReceipt(makeReceipt({ actor: 'custodian', guardian: { relationship: 'custodian', name: 'นางสาวสมใจ ใจดี' } })), []);
  });

  /** @type {[string, Record<string, unknown>, RegExp][]} */
  const cases = [
    ['an uppercase id', { id: '019A4B2C-1D2E-7F30-8A4B-5C6D7E8F9A0B' }, /^r\.id: must match .*UUIDv7/],
    ['a UUIDv4 id', { id: '019a4b2c-1d2e-4f30-8a4b-5c6d7e8f9a0b' }, /^r\.id: must match/],
    ['an empty subject', { subject: '' }, /^r\.subject: must NOT have fewer than 1 characters/],
    ['a subject with a newline', { subject: 'a\nb' }, /^r\.subject: must match .*no control characters/],
    ['a time with an offset', { time: '2026-11-22T19:00:00.000+07:00' }, /^r\.time: must match .*UTC/],
    ['an impossible time', { time: '2026-02-30T12:00:00.000Z' }, /^r\.time: must be a real date-time/],
    ['an origin with a path', { origin: 'https://tdga.dga.or.th/' }, /^r\.origin: must match .*without a path/],
    ['a page with a query', { page: '/register?id=1' }, /^r\.page: must match .*without query string or fragment/],
    ['a page with a fragment', { page: '/register#top' }, /^r\.page: must match/],
    ['a relative page', { page: 'register' }, /^r\.page: must match/],
    ['an empty controller', { controller: '' }, /^r\.controller: must NOT have fewer than 1 characters/],
    ['a notice without hash', { notice: { id: 'n', version: '1' } }, /^r\.notice\.hash: is required/],
    ['a notice hash in uppercase', { notice: { id: 'n', version: '1', hash: 'sha256-' + 'A'.repeat(64) } }, /^r\.notice\.hash: must match \^sha256-\[0-9a-f\]\{64\}\$/],
    ['an unknown language', { language: 'fr' }, /^r\.language: must be one of th, en$/],
    ['an unknown method', { method: 'banner.accept' }, /^r\.method: must be one of banner\.accept-all, .*withdraw$/],
    ['an unknown actor', { actor: 'guardian' }, /^r\.actor: must be one of self, parent, custodian, curator$/],
    ['an uppercase choice id', { choices: { Analytics: true } }, /^r\.choices\["Analytics"\]: is not a valid id/],
    ['a choice that is not a boolean', { choices: { analytics: 'yes' } }, /^r\.choices\.analytics: must be boolean$/],
    ['signals without gpc', { signals: {} }, /^r\.signals\.gpc: is required$/],
    ['a prev that is not a hash', { prev: 'abc' }, /^r\.prev: must be a hash .* or null$/],
    ['a hash of another algorithm', { hash: 'sha512-' + 'a'.repeat(64) }, /^r\.hash: must match/],
    ['an extra field', { ip: '203.0.113.9' }, /^r\.ip: is not a field of this object/],
    ['a time in year 0000', { time: '0000-01-01T00:00:00.000Z' }, /^r\.time: must match .*years 2000 to 2099/],
    ['a time in year 9999', { time: '9999-12-31T23:59:59.999Z' }, /^r\.time: must match .*years 2000 to 2099/],
    ['a C1 control (U+0085) in the subject', { subject: 'a\u0085b' }, /^r\.subject: must match .*no control characters or bidi controls/],
    ['a bidi override (U+202E) in the controller', { controller: 'TDGA \u202Egpj.exe' }, /^r\.controller: must match .*no control characters or bidi controls/],
    ['a bidi isolate (U+2066) in the notice version', { notice: { id: 'n', version: '1\u2066', hash: NOTICE_HASH } }, /^r\.notice\.version: must match/],
    ['a subject of 257 code points', { subject: '😀'.repeat(257) }, /^r\.subject: must NOT have more than 256 characters/],
    ['a lone high surrogate in the subject', { subject: 'a\ud800' }, /^r\.subject: is not well-formed Unicode \(a lone surrogate, U\+D800, at character 1\)$/],
    ['a lone low surrogate in the notice id', { notice: { id: '\udc00x', version: '1', hash: NOTICE_HASH } }, /^r\.notice\.id: is not well-formed Unicode \(a lone surrogate, U\+DC00, at character 0\)$/],
    ['a lone surrogate in a choice id', { choices: { 'a\ud800': true } }, /^r\.choices\["a\\ud800"\]: is a key that is not well-formed Unicode/],
    ['a shown hash of another form', { shown: { analytics: 'sha256-' + 'A'.repeat(64) } }, /^r\.shown\.analytics: must match \^sha256-\[0-9a-f\]\{64\}\$ \(sha256- and 64 lowercase hex digits\)$/],
    ['a shown id that is not an id', { shown: { 'Photo Publicity': NOTICE_HASH } }, /^r\.shown\["Photo Publicity"\]: is not a valid id/],
    ['a shown that is a list', { shown: [NOTICE_HASH] }, /^r\.shown: must be object$/],
    ['a guardian without a relationship', { guardian: { name: 'สมใจ' } }, /^r\.guardian\.relationship: is required$/],
    ['a guardian of an unknown relationship', { guardian: { relationship: 'uncle' } }, /^r\.guardian\.relationship: must be one of father, mother, adoptive-parent, guardian, custodian, curator$/],
    ['a guardian with an empty name', { guardian: { relationship: 'father', name: '' } }, /^r\.guardian\.name: must NOT have fewer than 1 characters/],
  ];
  for (const [what, fields, message] of cases) {
    it(`refuses ${what}, naming the field`, () => {
      const errors = validateReceipt({ ...makeReceipt(), ...fields }, 'r');
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], message);
    });
  }

  it('reports every problem of a receipt at once', () => {
    const errors = validateReceipt({ ...makeReceipt(), language: 'fr', page: 'x', signals: { gpc: 1 } }, 'r');
    assert.equal(errors.length, 3, errors.join('\n'));
  });

  it('names a missing or unknown schema version instead of listing v1 problems', () => {
    const { schema: _schema, ...unversioned } = makeReceipt();
    assert.deepEqual(validateReceipt(unversioned, 'r'), ['r.schema: is required (this collector accepts "yinyom.receipt/1")']);
    assert.deepEqual(validateReceipt({ schema: 'yinyom.receipt/2', anything: 1 }, 'r'), [
      'r.schema: unknown schema "yinyom.receipt/2"; this collector accepts "yinyom.receipt/1"',
    ]);
  });

  it('refuses what is not an object', () => {
    for (const value of [null, 1, 'x', []]) assert.deepEqual(validateReceipt(value, 'r'), ['r: must be an object']);
  });

  it('keeps a rehashed copy valid (the test helper itself)', () => {
    assert.equal(verifyReceiptHash(rehash(makeReceipt(), { method: 'withdraw' })), true);
  });
});

// The SDK's side of the protocol is the Receipt interface in src/core/types.ts; the schema
// must describe the same fields, optionality and enums.
const typesFile = new URL('../../src/core/types.ts', import.meta.url);
describe('schema and the SDK type agree', { skip: existsSync(typesFile) ? false : 'src/core/types.ts is not beside this package' }, () => {
  const source = existsSync(typesFile) ? readFileSync(typesFile, 'utf8') : '';
  /** @param {string} name */
  const union = (name) => [...(new RegExp(`export type ${name} =([^;]+);`).exec(source)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);

  const body = /export interface Receipt \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  const fields = [...body.matchAll(/^\s+(\w+)(\??):/gm)].map((m) => ({ name: m[1], optional: m[2] === '?' }));

  it('has the same fields, and the same ones required', () => {
    assert.ok(fields.length > 10, 'Receipt interface found');
    assert.deepEqual(fields.map((f) => f.name).sort(), Object.keys(receiptSchema.properties).sort());
    assert.deepEqual(fields.filter((f) => !f.optional).map((f) => f.name).sort(), [...receiptSchema.required].sort());
  });

  it('has the same methods, actors and languages', () => {
    assert.deepEqual(union('Method'), receiptSchema.properties.method.enum);
    assert.deepEqual(union('Actor'), receiptSchema.properties.actor.enum);
    assert.deepEqual(union('Language'), receiptSchema.properties.language.enum);
    assert.deepEqual(union('Relationship'), receiptSchema.properties.guardian.properties.relationship.enum);
  });
});
