// `yinyom` as a web admin runs it: JSON on stdout or in a file, the report on stderr, the exit
// code, and problems with their input named without a stack trace.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const bin = new URL('../bin/yinyom.js', import.meta.url).pathname;
const fixture = (name) => new URL(`fixtures/${name}`, import.meta.url).pathname;
const demoConfig = new URL('../../demo/config.json', import.meta.url).pathname;
const run = (...args) =>
  promisify(execFile)(process.execPath, [bin, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    ({ code, stdout, stderr }) => ({ code, stdout, stderr }),
  );
const scratch = mkdtemp(join(tmpdir(), 'yinyom-cli-'));
const assertNoStack = (output) => assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+/);

describe('yinyom notice import', () => {
  it('prints the notice on stdout and the report on stderr, exit 0', async () => {
    const { code, stdout, stderr } = await run('notice', 'import', fixture('copied-page.txt'), '--id', 'city', '--version', '7');
    assert.equal(code, 0);
    const notice = JSON.parse(stdout);
    assert.equal(notice.id, 'city');
    assert.equal(notice.version, '7');
    assert.match(stderr, /ส่วน \/ Sections: 3\n +1\. purposes: วัตถุประสงค์/);
    assert.match(stderr, /ตัดออก \/ Dropped: 10\n {2}- "ข้ามไปยังเนื้อหาหลัก": เมนูนำทาง \/ navigation/);
    assert.match(stderr, /ประกาศ ณ วันที่ \/ Dated: 1 ตุลาคม 2566 \(2023-10-01\)/);
    assert.match(stderr, /ความครอบคลุม \/ Coverage: \d+\.\d\d% /);
    assert.match(stderr, /checkNotice: ผ่าน \/ passed/);
  });

  it('writes the notice to -o and says which clause numbers stayed in the text', async () => {
    const out = join(await scratch, 'mailgothai.json');
    const { code, stdout, stderr } = await run('notice', 'import', new URL('../../../shared/seeds/001_63d70cd2a1d3919f.txt', import.meta.url).pathname, '-o', out);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(JSON.parse(await readFile(out, 'utf8')).sections.length, 11);
    assert.match(stderr, /ส่วน \/ section 4: 4\.1–4\.6: ข้อมีย่อหน้าของตัวเอง/);
  });

  it('names a missing file or a broken .docx, without a stack trace, exit 1', async () => {
    const missing = await run('notice', 'import', '/nowhere/notice.docx');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /อ่านไฟล์ \/nowhere\/notice\.docx ไม่ได้ \/ cannot read \/nowhere\/notice\.docx: ไม่มีไฟล์นี้ \/ no such file/);
    const broken = join(await scratch, 'broken.docx');
    await writeFile(broken, 'PK not really a zip');
    const result = await run('notice', 'import', broken);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /broken\.docx ไม่ใช่ไฟล์ \.docx ที่อ่านได้ \/ is not a readable \.docx file/);
    for (const output of [missing.stderr, result.stderr]) assertNoStack(output);
  });

  it('shows the usage for a wrong command line, exit 2', async () => {
    const { code, stderr } = await run('notice', 'import');
    assert.equal(code, 2);
    assert.match(stderr, /ต้องระบุไฟล์ประกาศหนึ่งไฟล์ \/ give one notice file\n\nใช้งาน \/ Usage:/);
    assert.equal((await run('frobnicate')).code, 2);
  });
});

describe('yinyom check', () => {
  it('passes the demo config with its notice, exit 0', async () => {
    const { code, stdout } = await run('check', demoConfig, '--notice', new URL('../../demo/notices/tdga-privacy.json', import.meta.url).pathname);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /✓ .*config\.json, .*tdga-privacy\.json: ไม่พบปัญหา \/ no problems/);
  });

  it('lists every problem by path as the SDK words it, exit 1', async () => {
    const dir = await scratch;
    const config = join(dir, 'config.json');
    const notice = join(dir, 'notice.json');
    await writeFile(config, JSON.stringify({ controller: { name: 'กรม' }, notice: '/n.json', categories: [{ id: 'Analytics', title: 'x' }, { title: 'y' }], cookieDomain: '.dga.or.th', colour: 'red' }));
    await writeFile(notice, JSON.stringify({ id: 'n', version: '1', sections: [{ kind: 'law', title: 'x', body: [{ type: 'quote' }] }] }));
    const { code, stdout } = await run('check', config, '--notice', notice, '--url', 'https://www.example.go.th/');
    assert.equal(code, 1);
    assert.deepEqual(stdout.trim().split('\n').slice(0, -1), [
      'config: categories[0].id must be lowercase letters, digits, "-" or "_"',
      'config: categories[1].id is required',
      `config: cookieDomain ".dga.or.th" does not cover this page's host www.example.go.th`,
      'notice: sections[0].kind: must be one of legal-basis, purposes, data, disclosure, cookies, minors, rights, transfer, retention, processors, security, participation, accountability, changes, contact, other',
      'notice: sections[0].body[0].type: must be "paragraph", "list" or "table"',
      'config: colour is not a known field; ignored',
    ]);
    assert.match(stdout, /✗ .*: 5 ปัญหา \/ problem\(s\)\n$/);
  });

  it('names a file that is not JSON, exit 1', async () => {
    const file = join(await scratch, 'broken.json');
    await writeFile(file, '{"controller": ');
    const { code, stderr } = await run('check', file);
    assert.equal(code, 1);
    assert.match(stderr, /broken\.json ไม่ใช่ JSON ที่ถูกต้อง \/ is not valid JSON/);
    assertNoStack(stderr);
  });
});
