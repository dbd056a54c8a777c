// Crafted notices in the three shapes agencies publish: text copied from a web page, an HTML
// page and a Word document, each with navigation noise, nested clauses, lists and tables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkNotice } from 'yinyom';
import { importNotice } from '../src/notice/import-notice.js';
import { noticeTexts } from '../src/notice/notice-text.js';
import { noticeDocx } from './make-docx.js';

const fixture = (name) => new URL(`fixtures/${name}`, import.meta.url).pathname;
const outline = (notice) => notice.sections.map((section) => [section.kind, section.title]);

describe('text copied from a web page', () => {
  const result = importNotice(fixture('copied-page.txt'));

  it('finds the title, the date and the numbered sections', async () => {
    const { notice } = await result;
    assert.equal(notice.id, 'copied-page');
    assert.equal(notice.title, 'นโยบายความเป็นส่วนตัว ของเทศบาลตัวอย่าง');
    assert.deepEqual([notice.published, notice.effective], ['2023-10-01', undefined], '"ประกาศ ณ วันที่" dates it; it does not put it in force');
    assert.equal(notice.version, '2566-10-01');
    assert.deepEqual(outline(notice), [
      ['purposes', 'วัตถุประสงค์ในการเก็บรวบรวมข้อมูล'],
      ['rights', 'สิทธิของเจ้าของข้อมูล'],
      ['contact', 'ติดต่อเรา'],
    ]);
    assert.deepEqual(notice.intro, [{ type: 'paragraph', text: 'เทศบาลตัวอย่างให้ความสำคัญกับข้อมูลส่วนบุคคลของท่าน และปฏิบัติตามกฎหมายอย่างเคร่งครัด' }]);
    assert.deepEqual(checkNotice(notice), []);
  });

  it('makes (1) and 2.2.1 clauses nested ordered lists without their numbers', async () => {
    const { notice } = await result;
    assert.deepEqual(notice.sections[0].body, [{ type: 'list', ordered: true, items: ['เพื่อให้บริการรับเรื่องร้องเรียน', 'เพื่อแจ้งข่าวสารของเทศบาล'] }]);
    assert.deepEqual(notice.sections[1].body, [
      { type: 'list', ordered: true, items: ['สิทธิในการเข้าถึงข้อมูล', { text: 'สิทธิในการลบข้อมูล', items: ['เมื่อข้อมูลหมดความจำเป็น'] }, 'สิทธิในการถอนความยินยอม'] },
    ]);
  });

  it('makes bullets a list, with the e-mail, phone and web address as links', async () => {
    const { notice } = await result;
    assert.deepEqual(notice.sections[2].body, [
      {
        type: 'list',
        items: [
          [{ text: 'อีเมล ' }, { text: 'privacy@example.go.th', href: 'mailto:privacy@example.go.th' }],
          [{ text: 'โทรศัพท์ ' }, { text: '0-2123-4567', href: 'tel:021234567' }, { text: ' หรือ ' }, { text: 'www.example.go.th', href: 'https://www.example.go.th' }],
        ],
      },
    ]);
  });

  it('drops and lists the menu, log-in, breadcrumb, counter and footer', async () => {
    const { notice, report } = await result;
    assert.deepEqual(report.dropped.map((d) => d.text), [
      'ข้ามไปยังเนื้อหาหลัก', 'หน้าหลัก | เกี่ยวกับเรา | ข่าวสาร | ติดต่อเรา', 'เข้าสู่ระบบ', 'หน้าแรก > นโยบายความเป็นส่วนตัว',
      'ผู้เข้าชม 1,204 ครั้ง', 'แชร์', 'Facebook', '© 2566 เทศบาลตัวอย่าง สงวนลิขสิทธิ์', 'แผนผังเว็บไซต์', 'นโยบายเว็บไซต์',
    ]);
    const text = noticeTexts(notice).join('\n');
    for (const noise of ['เข้าสู่ระบบ', 'Facebook', 'สงวนลิขสิทธิ์', 'ผู้เข้าชม']) assert.ok(!text.includes(noise), noise);
    const { kept, total } = report.coverage;
    assert.ok(kept < total && kept / total > 0.6, `${kept} / ${total}`);
  });
});

describe('text in the encodings Thai Windows saves', () => {
  // Windows-874 has no ©: the page's footer as a Thai Windows would save it.
  const source = readFileSync(fixture('copied-page.txt'), 'utf8').replace('©', '(c)');
  // Windows-874 (TIS-620): ASCII as it is, Thai U+0E01–U+0E5B at 0xA1–0xFB, the bullet at 0x95.
  const windows874 = Buffer.from([...source].map((c) => (c === '•' ? 0x95 : c.codePointAt(0) >= 0x0e01 ? c.codePointAt(0) - 0x0d60 : c.codePointAt(0))));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]);
  const imported = async (bytes) => {
    const file = join(await mkdtemp(join(tmpdir(), 'yinyom-encoding-')), 'copied-page.txt');
    await writeFile(file, bytes);
    return importNotice(file);
  };

  for (const [name, bytes] of [['Windows-874 ("ANSI")', windows874], ['UTF-16 with its BOM ("Unicode")', utf16]]) {
    it(`reads ${name} as it reads UTF-8`, async () => {
      const [utf8, other] = await Promise.all([imported(Buffer.from(source)), imported(bytes)]);
      assert.equal(other.notice.title, 'นโยบายความเป็นส่วนตัว ของเทศบาลตัวอย่าง');
      assert.deepEqual(other.notice, utf8.notice);
      assert.deepEqual(other.report.dropped, utf8.report.dropped);
    });
  }
});

describe('an HTML page', () => {
  const result = importNotice(fixture('notice-page.html'), { id: 'example' });

  it('takes the title from <h1>, sections from <h2>, the date and version from the text', async () => {
    const { notice } = await result;
    assert.equal(notice.title, 'นโยบายความเป็นส่วนตัว กรมตัวอย่าง');
    assert.deepEqual([notice.published, notice.effective], ['2024-03-15', undefined]);
    assert.equal(notice.version, '3');
    assert.deepEqual(outline(notice), [
      ['legal-basis', 'ฐานในการประมวลผลข้อมูลส่วนบุคคล'],
      ['data', 'ข้อมูลส่วนบุคคลที่กรมเก็บรวบรวม'],
      ['cookies', 'Cookies'],
      ['contact', 'การติดต่อสอบถาม'],
    ]);
    assert.deepEqual(checkNotice(notice), []);
  });

  it('nests Thai-numbered clauses, keeps bold text and nested bullets', async () => {
    const { notice } = await result;
    assert.deepEqual(notice.sections[0].body, [
      { type: 'list', ordered: true, items: [{ text: 'กรมเก็บรวบรวมข้อมูลภายใต้ฐานดังต่อไปนี้', items: ['การปฏิบัติหน้าที่ตามกฎหมาย', 'ความยินยอมของท่าน'] }, 'กรมไม่ใช้ข้อมูลเพื่อการตลาด'] },
    ]);
    assert.deepEqual(notice.intro.at(-1).text, [{ text: 'กรมตัวอย่างให้ความสำคัญกับการคุ้มครอง' }, { text: 'ข้อมูลส่วนบุคคล', strong: true }, { text: 'ของท่าน' }]);
    assert.deepEqual(notice.sections[2].body, [{ type: 'list', items: ['คุกกี้ที่จำเป็น ปิดไม่ได้', { text: 'คุกกี้เพื่อการวิเคราะห์', items: ['Google Analytics (_ga)'] }] }]);
  });

  it('makes the table a table block, a spanned cell empty', async () => {
    const { notice } = await result;
    assert.deepEqual(notice.sections[1].body, [
      {
        type: 'table',
        caption: 'ข้อมูลที่เก็บตามวัตถุประสงค์',
        head: ['วัตถุประสงค์', 'ข้อมูล', 'ฐาน'],
        rows: [['รับสมัครอบรม', 'ชื่อ นามสกุล อีเมล', 'สัญญา'], ['ภาพถ่ายในสื่อประชาสัมพันธ์', '', 'ความยินยอม']],
      },
    ]);
  });

  it('keeps mailto links and links phones and URLs, never a javascript: link', async () => {
    const { notice } = await result;
    const [contact, unsafe] = notice.sections[3].body;
    assert.deepEqual(contact.text.filter((span) => span.href).map((span) => span.href), ['mailto:dpo@example.go.th', 'tel:021234567', 'https://www.example.go.th/pdpa']);
    assert.deepEqual(unsafe, { type: 'paragraph', text: 'ลิงก์ที่ไม่ปลอดภัย' });
  });

  it('drops and lists the skip link, header, breadcrumb, share bar and footer', async () => {
    const { notice, report } = await result;
    assert.deepEqual(report.dropped.map((d) => d.reason.split(' / ')[1]), ['navigation', 'site header', 'navigation', 'sidebar', 'site footer']);
    assert.match(report.dropped[1].text, /เข้าสู่ระบบ/);
    const text = noticeTexts(notice).join('\n');
    for (const noise of ['เข้าสู่ระบบ', 'ข่าวประชาสัมพันธ์', 'แชร์', 'ถนนพระราม', 'window.dataLayer']) assert.ok(!text.includes(noise), noise);
  });
});

describe('a Word document', () => {
  const result = (async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'yinyom-docx-')), 'Privacy Notice.docx');
    await writeFile(file, await noticeDocx());
    return importNotice(file);
  })();

  it('reads headings, the date, hand-numbered clauses and Word numbering', async () => {
    const { notice } = await result;
    assert.equal(notice.id, 'privacy-notice');
    assert.equal(notice.title, 'นโยบายความเป็นส่วนตัว สำนักงานตัวอย่าง');
    assert.deepEqual([notice.effective, notice.published], ['2022-06-01', undefined], '"มีผลใช้บังคับตั้งแต่วันที่" puts it in force');
    assert.deepEqual(outline(notice).map(([kind]) => kind), ['legal-basis', 'data', 'rights', 'cookies', 'contact']);
    assert.deepEqual(notice.sections[0].body, [
      { type: 'list', ordered: true, items: [{ text: 'สำนักงานประมวลผลข้อมูลภายใต้ฐานดังต่อไปนี้', items: ['ภารกิจสาธารณะ', 'ความยินยอม'] }, 'สำนักงานไม่ขายข้อมูลของท่าน'] },
    ]);
    assert.deepEqual(notice.sections[2].body, [{ type: 'list', ordered: true, items: [{ text: 'สิทธิในการเข้าถึงข้อมูล', items: ['สิทธิในการขอรับสำเนา'] }, 'สิทธิในการถอนความยินยอม'] }]);
    assert.deepEqual(notice.sections[3].body, [{ type: 'list', items: ['คุกกี้ที่จำเป็น', 'คุกกี้เพื่อการวิเคราะห์'] }]);
    assert.deepEqual(checkNotice(notice), []);
  });

  it('makes the Word table a table block with its first row as the head', async () => {
    const { notice } = await result;
    assert.deepEqual(notice.sections[1].body, [{ type: 'table', head: ['กลุ่ม', 'ข้อมูล'], rows: [['ผู้เข้าอบรม', 'ชื่อ อีเมล เบอร์โทรศัพท์'], ['วิทยากร', 'ประวัติย่อ ภาพถ่าย']] }]);
  });

  it('drops the menu lines before the title and the copyright line', async () => {
    const { report } = await result;
    assert.deepEqual(report.dropped.map((d) => d.text), ['หน้าหลัก', 'เข้าสู่ระบบ', '© 2565 สำนักงานตัวอย่าง สงวนลิขสิทธิ์']);
  });
});
