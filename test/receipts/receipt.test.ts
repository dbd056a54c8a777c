import { expect } from '@open-wc/testing';
import canonicalize from 'canonicalize';
import { canonicalHash } from '../../src/core/receipts/canonical-hash.js';
import { canonicalJson } from '../../src/core/receipts/canonical-json.js';
import { parseRetryAfter } from '../../src/core/receipts/outbox.js';
import { receiptsToJson } from '../../src/core/receipts/receipts-to-json.js';
import { noticeHash } from '../../src/core/receipts/seal-receipt.js';
import { toKantaraReceipt } from '../../src/core/receipts/to-kantara-receipt.js';
import { uuidv7 } from '../../src/core/receipts/uuid.js';
import type { Receipt } from '../../src/core/types.js';
import { cleanUp, decision, nodeSha256Hex, notice, openBook, schemaErrors, testConfig } from '../support/receipts-harness.js';

const HASH = /^sha256-[0-9a-f]{64}$/;

beforeEach(cleanUp);
afterEach(cleanUp);

describe('canonicalHash', () => {
  it('hashes the RFC 8785 canonical form: sorted keys, ECMAScript numbers, minimal escapes, UTF-8', async () => {
    const value = { b: [1, true, null, 'ไทย'], a: { z: 'x\u0001"', é: 1.5e-7, A: 100, big: 1e21, zero: -0 } };
    // Written by hand from RFC 8785: keys by UTF-16 code unit (A < big < z < zero < é),
    // 1e21 as 1e+21, -0 as 0, control characters as lowercase \u escapes.
    const canonical = String.raw`{"a":{"A":100,"big":1e+21,"z":"x\u0001\"","zero":0,"é":1.5e-7},"b":[1,true,null,"ไทย"]}`;
    expect(await canonicalHash(value)).to.equal(`sha256-${await nodeSha256Hex(canonical)}`);
  });

  it('writes the same text as the canonicalize package the collector verifies with', () => {
    const values: unknown[] = [
      notice,
      { 'ไทย': 1, '€': 2, '😀': 3, a: 4, A: 5, '': 6, '\u007f': 7, 'é': 8 },
      ['\u2028\u2029', '\b\f\n\r\t\u0000\u001f', 'emoji 😀', '"quoted" \\ back', undefined, null, () => 1],
      [0, -0, 1, -1, 0.1 + 0.2, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 123456789012345680000, 4.5e15, 9007199254740993, -1.5e-300],
      { nested: { deeper: { list: [{ z: true, y: false }, []], empty: {} } }, skipped: undefined },
      { time: new Date(Date.UTC(2026, 10, 22)) },
      'just a string',
      42,
    ];
    for (const value of values) expect(canonicalJson(value)).to.equal(canonicalize(value));
  });

  it('refuses what has no canonical form', () => {
    for (const value of [NaN, Infinity, 'lone \ud800', 'lone \udc00 low', { ['\ud800']: 1 }, undefined]) {
      expect(() => canonicalJson(value)).to.throw(TypeError, /\[yinyom\]/);
    }
    expect(canonicalJson('pair \ud83d\ude00')).to.equal('"pair 😀"');
  });

  it('ignores key order', async () => {
    expect(await canonicalHash({ x: 1, y: { p: 'a', q: 'b' } })).to.equal(await canonicalHash({ y: { q: 'b', p: 'a' }, x: 1 }));
  });

  it('rejects values RFC 8785 cannot represent', async () => {
    let error: unknown;
    await canonicalHash({ text: 'lone \ud800 surrogate' }).catch((e) => (error = e));
    expect(error).to.be.an('error');
  });
});

describe('uuidv7', () => {
  it('writes a lowercase version 7, variant 10 UUID whose first 48 bits are the time', () => {
    const time = Date.UTC(2026, 10, 22, 12, 0, 0, 123);
    const id = uuidv7(time);
    expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).to.equal(time);
  });

  it('is random after the time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => uuidv7(1)));
    expect(ids.size).to.equal(50);
  });
});

describe('a receipt', () => {
  it('has the fields of DESIGN.md section 6, from the decision, the config and the page', async () => {
    const book = openBook(testConfig());
    const time = new Date(Date.UTC(2026, 10, 22, 12, 0, 0));
    const receipt = await book.record(decision({ analytics: true, marketing: false }, { time, method: 'preferences.save', language: 'en', gpc: true }));
    expect(receipt.schema).to.equal('yinyom.receipt/1');
    expect(receipt.time).to.equal('2026-11-22T12:00:00.000Z');
    expect(parseInt(receipt.id.replace(/-/g, '').slice(0, 12), 16)).to.equal(time.getTime());
    expect(receipt.origin).to.equal(location.origin);
    // The test page's URL carries a query string (wtr-session-id): it must not reach the receipt.
    expect(location.search).to.not.equal('');
    expect(receipt.page).to.equal(location.pathname);
    expect(receipt.controller).to.equal('สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล');
    expect(receipt.notice).to.deep.equal({ id: notice.id, version: notice.version, hash: await canonicalHash(notice) });
    expect(receipt.language).to.equal('en');
    expect(receipt.method).to.equal('preferences.save');
    expect(receipt.choices).to.deep.equal({ analytics: true, marketing: false });
    expect(receipt.signals).to.deep.equal({ gpc: true });
    expect(receipt.prev).to.equal(null);
    expect(receipt).to.not.have.property('actor');
    expect(receipt.subject).to.match(/^[0-9a-f-]{36}$/);
  });

  it('hashes the canonical receipt without its hash', async () => {
    const receipt = await openBook(testConfig()).record(decision());
    const { hash, ...rest } = receipt;
    expect(hash).to.match(HASH);
    expect(hash).to.equal(await canonicalHash(rest));
  });

  it('names the controller by a plain string as Thai', async () => {
    const receipt = await openBook(testConfig({ controller: { name: 'กรมตัวอย่าง' } })).record(decision());
    expect(receipt.controller).to.equal('กรมตัวอย่าง');
  });

  it('records a guardian as actor, and leaves out self', async () => {
    const book = openBook(testConfig());
    const guardian = await book.record(decision({ 'photo-publicity': true }, { method: 'form', actor: 'parent' }));
    const self = await book.record(decision({ 'photo-publicity': false }, { method: 'withdraw', actor: 'self' }));
    expect(guardian.actor).to.equal('parent');
    expect(self).to.not.have.property('actor');
  });

  it('keeps one random subject per browser, and uses the host-given one when there is one', async () => {
    const first = await openBook(testConfig()).record(decision());
    const again = await openBook(testConfig()).record(decision());
    const hosted = await openBook(testConfig({ subject: 'citizen-42' })).record(decision());
    expect(again.subject).to.equal(first.subject);
    expect(hosted.subject).to.equal('citizen-42');
    expect(hosted.prev).to.equal(again.hash);
  });

  it('chains each receipt to the previous one of this browser', async () => {
    const book = openBook(testConfig());
    const a = await book.record(decision({ analytics: true }));
    const b = await book.record(decision({ analytics: false }, { method: 'withdraw' }));
    const c = await openBook(testConfig()).record(decision({ analytics: true }));
    expect([a.prev, b.prev, c.prev]).to.deep.equal([null, a.hash, b.hash]);
  });

  it('validates against collector/schema/receipt.schema.json', async () => {
    const book = openBook(testConfig());
    const receipts = [
      await book.record(decision()),
      await book.record(decision({ dietary: true, 'photo-publicity': false }, { method: 'form', actor: 'custodian', language: 'en', gpc: true })),
    ];
    expect(await schemaErrors(receipts)).to.deep.equal([[], []]);
    // The validator does find problems: a page with a query string is not a receipt.
    const [broken] = await schemaErrors([{ ...receipts[0]!, page: '/register?id=1234' }]);
    expect(broken).to.not.be.empty;
  });

  it('hashes a notice once per object, the same way as canonicalHash', async () => {
    expect(await noticeHash(notice)).to.equal(await canonicalHash(notice));
    expect(noticeHash(notice)).to.equal(noticeHash(notice));
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1);
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).to.equal(now + 120_000);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).to.equal(now + 5000);
  });
  it('ignores what it cannot read, and caps at a day', () => {
    expect(parseRetryAfter(null, now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter('9999999', now)).to.equal(now + 86_400_000);
  });
});

describe('exports', () => {
  async function granted(): Promise<Receipt> {
    return openBook(testConfig()).record(
      decision({ analytics: true, marketing: false, 'photo-publicity': true, dietary: true }, { method: 'form', language: 'en', time: new Date(Date.UTC(2026, 10, 22, 12, 0, 0, 999)) }),
    );
  }

  it('maps a receipt to a Kantara Consent Receipt v1.1', async () => {
    const receipt = await granted();
    const kantara = toKantaraReceipt(receipt, testConfig({ notice: '/privacy/notice.json' }));
    expect(kantara).to.include({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'TH',
      consentTimestamp: Date.UTC(2026, 10, 22, 12, 0, 0) / 1000,
      collectionMethod: 'form',
      consentReceiptID: receipt.id,
      language: 'en',
      piiPrincipalId: receipt.subject,
      policyUrl: `${location.origin}/privacy/notice.json`,
      sensitive: true,
    });
    expect(kantara).to.not.have.property('publicKey');
    expect(kantara.piiControllers).to.deep.equal([
      { piiController: 'TDGA', contact: 'TDGA', address: undefined, email: 'contact@dga.or.th', phone: '0-2612-6060', piiControllerUrl: 'https://tdga.dga.or.th' },
    ]);
    expect(kantara.spiCat).to.deep.equal(['Health data (food allergies)']);
    const [service] = kantara.services;
    expect(service!.service).to.equal(location.host);
    // Refusals are not consents: marketing is left out.
    expect(service!.purposes.map((p) => p.purposeCategory[0])).to.deep.equal(['analytics', 'photo-publicity', 'dietary']);
    const [analytics, photos] = service!.purposes;
    expect(analytics).to.deep.include({ purpose: 'Analytics', consentType: 'EXPLICIT', piiCategory: ['_ga', '_gid'], thirdPartyDisclosure: true, thirdPartyName: 'Google', primaryPurpose: false });
    expect(analytics!.termination).to.contain('365 days');
    expect(photos).to.deep.include({ purpose: 'Photos in publicity', piiCategory: ['Photographs'], termination: '2 years', thirdPartyDisclosure: true, thirdPartyName: 'The press' });
  });

  it('writes Kantara texts in the receipt language and points at the page without a notice URL', async () => {
    const receipt = await openBook(testConfig()).record(decision({ analytics: false, marketing: true }));
    const kantara = toKantaraReceipt(receipt, testConfig(), 'PUBLIC-KEY');
    expect(kantara.publicKey).to.equal('PUBLIC-KEY');
    expect(kantara.piiControllers[0]!.piiController).to.equal('สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล');
    expect(kantara.services[0]!.purposes.map((p) => p.purpose)).to.deep.equal(['คุกกี้เพื่อการตลาด']);
    expect(kantara.policyUrl).to.equal(location.origin + location.pathname);
    expect(kantara.sensitive).to.equal(false);
  });

  it('exports the history as JSON with the receipts verbatim', async () => {
    const receipt = await granted();
    const entries = await openBook(testConfig()).entries();
    const parsed = JSON.parse(receiptsToJson(entries, new Date(0)));
    expect(parsed.exported).to.equal('1970-01-01T00:00:00.000Z');
    expect(parsed.receipts).to.deep.equal([{ receipt, status: 'pending' }]);
    const { hash, ...rest } = parsed.receipts[0].receipt;
    expect(await canonicalHash(rest)).to.equal(hash);
  });
});
