// validateConfig runs where there is no page (a build step, CI), as the README promises.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateConfig } from '../../dist/esm/index.js';

const config = (extra) => ({
  controller: { name: 'สถาบัน' },
  notice: { id: 'n', version: '1', sections: [] },
  categories: [{ id: 'necessary', title: 'จำเป็น', required: true }],
  ...extra,
});

test('validateConfig in Node: no location needed; cookieDomain checked for its form, or against the page given', () => {
  assert.deepEqual(validateConfig(config({ endpoint: '/v1/receipts', cookieDomain: '.dga.or.th' })).errors, []);
  assert.deepEqual(validateConfig(config({ endpoint: 'javascript:alert(1)' })).errors.length, 1);
  assert.match(validateConfig(config({ cookieDomain: 'not a domain' })).errors.join(), /^config: cookieDomain /);
  assert.deepEqual(validateConfig(config({ cookieDomain: '.dga.or.th' }), { page: 'https://tdga.dga.or.th/' }).errors, []);
  const [other] = validateConfig(config({ cookieDomain: '.dga.or.th' }), { page: 'https://example.go.th/' }).errors;
  assert.match(other, /^config: cookieDomain .*example\.go\.th/);
});
