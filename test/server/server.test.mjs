// yinyom/server in Node: the built module, as a server would import it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeDecision, HOST_COOKIE_NAME, parseConsentCookie, readConsent } from '../../dist/esm/server.js';
import { decisionCookieName } from '../../dist/esm/core/decision-cookie.js';

const time = new Date('2026-11-01T00:00:00Z');
const value = encodeDecision({ version: '2565-06-01', time, choices: { analytics: true, marketing: false }, receiptId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });

test('parses the yinyom cookie out of a Cookie header', () => {
  const decision = parseConsentCookie(`_ga=GA1.1; yinyom=${value}; theme=dark`);
  assert.deepEqual(decision, { version: '2565-06-01', time, choices: { analytics: true, marketing: false }, receiptId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
});

test('the documented format: 1|version|time36|granted|denied|receipt', () => {
  assert.equal(value, `1|2565-06-01|${(time.getTime() / 1000).toString(36)}|analytics|marketing|0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b`);
});

test('a trailing p marks receipts still waiting to be sent', () => {
  const pending = encodeDecision({ version: '1', time, choices: { analytics: true }, receiptId: 'r', pending: true });
  assert.ok(pending.endsWith('|r|p'));
  assert.equal(parseConsentCookie(`yinyom=${pending}`).pending, true);
  assert.equal(parseConsentCookie(`yinyom=${pending.slice(0, -1)}x`), undefined);
});

test('the config fingerprint follows the flags field, empty when nothing is pending', () => {
  const stamped = encodeDecision({ version: '1', time, choices: { analytics: true }, receiptId: 'r', config: 'k3x9a' });
  assert.ok(stamped.endsWith('|r||k3x9a'), stamped);
  assert.deepEqual(parseConsentCookie(`yinyom=${stamped}`), { version: '1', time, choices: { analytics: true }, receiptId: 'r', config: 'k3x9a' });
  const both = encodeDecision({ version: '1', time, choices: {}, receiptId: 'r', pending: true, config: 'k3x9a' });
  assert.ok(both.endsWith('|r|p|k3x9a'), both);
  assert.equal(parseConsentCookie(`yinyom=${both}`).pending, true);
  for (const bad of [`${both}|extra`, both.replace('k3x9a', 'K3X!'), both.replace('|p|', '|q|')]) assert.equal(parseConsentCookie(`yinyom=${bad}`), undefined, bad);
});

test('on https without a cookieDomain the cookie is __Host-yinyom, which servers read first', () => {
  assert.equal(decisionCookieName({}, 'https:'), '__Host-yinyom');
  assert.equal(decisionCookieName({ cookieDomain: 'dga.or.th' }, 'https:'), 'yinyom');
  assert.equal(decisionCookieName({}, 'http:'), 'yinyom');
  const planted = encodeDecision({ version: '1', time, choices: { analytics: true }, receiptId: 'planted' });
  const own = encodeDecision({ version: '1', time, choices: { analytics: false }, receiptId: 'own' });
  assert.equal(parseConsentCookie(`yinyom=${planted}; ${HOST_COOKIE_NAME}=${own}`).receiptId, 'own');
  assert.equal(parseConsentCookie(`yinyom=${planted}`).receiptId, 'planted');
  // A site that writes only __Host-yinyom ignores a planted yinyom altogether.
  assert.equal(parseConsentCookie(`yinyom=${planted}`, [HOST_COOKIE_NAME]), undefined);
  assert.equal(readConsent(`yinyom=${planted}`, { names: [HOST_COOKIE_NAME] }).get('analytics'), undefined);
});

test('versions with separators survive the round trip', () => {
  const encoded = encodeDecision({ version: 'v1.2|b', time, choices: {}, receiptId: 'r' });
  assert.equal(parseConsentCookie(`yinyom=${encoded}`).version, 'v1.2|b');
});

test('absent, corrupt and foreign values are no decision', () => {
  for (const header of [undefined, '', 'other=1', 'yinyom=', 'yinyom=garbage', 'yinyom=2|a|b|c|d|e', 'yinyom=1|v|zz|Bad Id||r', 'yinyom=1|%E0%A4|1|||r']) {
    assert.equal(parseConsentCookie(header), undefined, String(header));
  }
});

test('readConsent answers get() like the browser: version, expiry, required', () => {
  const header = `yinyom=${value}`;
  const now = new Date('2026-11-22T00:00:00Z');
  const consent = readConsent(header, { noticeVersion: '2565-06-01', required: ['necessary'], now });
  assert.equal(consent.decided, true);
  assert.equal(consent.get('analytics'), true);
  assert.equal(consent.get('marketing'), false);
  assert.equal(consent.get('necessary'), true);
  assert.equal(consent.get('photo-publicity'), undefined);
  assert.equal(readConsent(header, { noticeVersion: '2567-01-01', now }).get('analytics'), undefined);
  assert.equal(readConsent(header, { expiresDays: 7, now }).decided, false);
});
