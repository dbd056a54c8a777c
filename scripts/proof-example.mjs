// `node scripts/proof-example.mjs` (after `npm run build`): the proof a receipt carries, end to end.
// A receipt as <yinyom-consent guardian> makes it for a minor of 10 to 19 and her mother, with the
// hash of the wording shown; a real collector countersigns it (and again as a duplicate); the
// signature verifies with the collector's /v1/keys and fails for a changed receipt; the shown hash is
// recomputed from the config; and the collector gives it back as an ISO/IEC TS 27560 record.
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { createCollector } from '../collector/src/index.js';
import { shownHash, verifyReceipt } from '../dist/esm/server.js';

const config = JSON.parse(readFileSync(new URL('../demo/config.json', import.meta.url), 'utf8'));
const notice = JSON.parse(readFileSync(new URL('../demo/notices/tdga-privacy.json', import.meta.url), 'utf8'));
const sha = (value) => 'sha256-' + createHash('sha256').update(canonicalize(value), 'utf8').digest('hex');
const controller = config.controller.name.th;
const sentence = `ข้าพเจ้ายินยอมให้ ${controller} เก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลของข้าพเจ้าตามวัตถุประสงค์ข้างต้น`;
const now = Date.now();
const id = `${now.toString(16).padStart(12, '0').replace(/(.{8})(.{4})/, '$1-$2')}-7${randomBytes(2).toString('hex').slice(1)}-8${randomBytes(2).toString('hex').slice(1)}-${randomBytes(6).toString('hex')}`;
const receipt = {
  schema: 'yinyom.receipt/1', id, subject: 'b7c1e0a4-5d2f-4e8b-9a61-3f0c2d7e8a15', time: new Date(now).toISOString(),
  origin: 'https://tdga.dga.or.th', page: '/register.html', controller,
  notice: { id: notice.id, version: notice.version, hash: sha(notice) }, language: 'th', method: 'form',
  guardian: { relationship: 'mother' }, choices: { 'photo-publicity': true },
  shown: { 'photo-publicity': await shownHash(config, 'photo-publicity', 'th', { view: 'form', consent: sentence }) },
  signals: { gpc: false }, prev: null,
};
receipt.hash = sha(receipt);

const dir = mkdtempSync(join(tmpdir(), 'yinyom-evidence-'));
const adminToken = randomBytes(16).toString('hex');
const collector = createCollector({ db: join(dir, 'receipts.sqlite'), adminToken, allowOrigins: ['https://tdga.dga.or.th'], rateLimit: false, signingKeys: [generateKeyPairSync('ed25519').privateKey] });
const base = await collector.listen({ port: 0, host: '127.0.0.1' });
const posted = await (await fetch(`${base}/v1/receipts`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://tdga.dga.or.th' }, body: JSON.stringify({ receipts: [receipt] }) })).json();
const again = await (await fetch(`${base}/v1/receipts`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://tdga.dga.or.th' }, body: JSON.stringify({ receipts: [receipt] }) })).json();
const keys = await (await fetch(`${base}/v1/keys`)).json();
const signature = posted.signatures[id];
const tampered = { ...receipt, choices: { 'photo-publicity': false } };
const iso = await (await fetch(`${base}/v1/subjects/${receipt.subject}/receipts?format=iso27560`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
console.log(JSON.stringify({ receipt, answer: posted, duplicateAnswer: again, keys,
  verifies: await verifyReceipt(receipt, signature, keys), tamperedVerifies: await verifyReceipt(tampered, signature, keys),
  shownRecomputed: (await shownHash(config, 'photo-publicity', 'th', { view: 'form', consent: sentence })) === receipt.shown['photo-publicity'],
  iso27560: iso }, null, 2));
await collector.close();
rmSync(dir, { recursive: true, force: true });
