// @ts-check
// format=iso27560 loads the SDK's compiled mapping (src/core/receipts/to-iso27560.ts, built to
// dist/) on first use: what happens when it is there, and when it is not.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { createCollector } from '../src/index.js';
import { MAPPING_URL, loadMapping } from '../src/iso27560.js';
import { ADMIN_TOKEN, adminGet, post } from '../test-support/harness.js';
import { makeReceipt } from '../test-support/receipts.js';

describe('the ISO 27560 mapping', () => {
  it('is the SDK build, loaded once', { skip: existsSync(MAPPING_URL) ? false : 'the SDK is not built (npm run build)' }, async () => {
    const mapping = await loadMapping();
    assert.equal(typeof mapping.toIso27560Records, 'function');
    assert.equal(mapping.ISO27560_CONTEXT.dpv, 'https://w3id.org/dpv#');
    assert.equal(await loadMapping(), mapping);
  });

  it('answers 501 naming the module when it cannot be loaded, and finds it once it is built', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'yinyom-mapping-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const url = pathToFileURL(join(dir, 'to-iso27560.js'));
    await assert.rejects(loadMapping(url), (error) => {
      assert.equal(/** @type {any} */ (error).statusCode, 501);
      assert.match(String(/** @type {Error} */ (error).message), /^format: iso27560 needs the SDK's compiled mapping \/.*\/to-iso27560\.js, which cannot be loaded \(ERR_MODULE_NOT_FOUND\); run npm run build in the repository's root$/);
      return true;
    });
    writeFileSync(url, 'export const built = true;\n');
    assert.equal((/** @type {any} */ (await loadMapping(url))).built, true);
  });

  it('without it, a collector answers format=iso27560 with a 501 {"error"} naming the file, and takes receipts as ever', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'yinyom-mapping-'));
    const collector = createCollector({ db: join(dir, 'r.sqlite'), adminToken: ADMIN_TOKEN, rateLimit: false, mappingUrl: pathToFileURL(join(dir, 'missing.js')) });
    t.after(async () => {
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const receipt = makeReceipt();
    assert.deepEqual((await post(collector, [receipt])).json().accepted, [receipt.id]);
    for (const url of [`/v1/subjects/${receipt.subject}/receipts?format=iso27560`, '/v1/export?format=iso27560']) {
      const res = await adminGet(collector, url);
      assert.equal(res.statusCode, 501, url);
      assert.deepEqual(Object.keys(res.json()), ['error']);
      assert.match(res.json().error, /^format: iso27560 needs the SDK's compiled mapping .*missing\.js, which cannot be loaded \(ERR_MODULE_NOT_FOUND\); run npm run build/);
    }
    assert.equal((await adminGet(collector, '/v1/export?format=ndjson')).statusCode, 200);
  });
});
