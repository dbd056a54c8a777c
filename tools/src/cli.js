import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkConfig } from './check-config.js';
import { InputError } from './input-error.js';
import { thaiDate } from './notice/dates.js';
import { importNotice } from './notice/import-notice.js';
import { classify } from './scan/classify.js';
import { crawl } from './scan/crawl.js';
import { describeScan } from './scan/describe-scan.js';
import { readJson } from './read-input.js';
import { loadSdk } from './sdk.js';

const USAGE = `ใช้งาน / Usage:
  yinyom notice import FILE [-o notice.json] [--id ID] [--version V]
      แปลงประกาศเกี่ยวกับความเป็นส่วนตัว (.docx, HTML หรือข้อความ) เป็น JSON ของ <yinyom-notice>
      turn a privacy notice (.docx, HTML or plain text) into the notice JSON of <yinyom-notice>
  yinyom scan URL [--pages N] [--json] [-o config.json]
      เปิดเว็บไซต์ใน Chromium แล้วบันทึกคุกกี้ localStorage และโฮสต์ภายนอก จัดหมวดคุกกี้ที่รู้จัก
      load a site in Chromium, record its cookies, localStorage and third parties, classify the known cookies
      --pages: จำนวนหน้าสูงสุด / pages to crawl (default 10); --json: ผลเป็น JSON / JSON output;
      -o: เขียน config.categories ลงไฟล์ / write config.categories to a file
  yinyom check CONFIG.json [--notice NOTICE.json] [--url URL]
      ตรวจ config (และประกาศ) อย่างที่ SDK ตรวจ / check a config (and a notice) as the SDK does
      --url: หน้าเว็บที่จะใช้ config นี้ / the page the config is for (relative URLs, cookieDomain)`;

/** A mistake in the command line: the usage follows the message. */
class UsageError extends InputError {}

function options(args, spec) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
}

async function write(file, json) {
  try {
    await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  } catch (error) {
    throw new InputError(`เขียนไฟล์ ${file} ไม่ได้ / cannot write ${file}: ${error.message}`);
  }
}

const percent = (kept, total) => (total ? `${((kept / total) * 100).toFixed(2)}%` : '100%');

/** The import report, Thai first, English beside it. */
function describeImport(file, { notice, report }, problems) {
  const lines = [`นำเข้า / Imported: ${file} (${report.format})`];
  if (notice.title) lines.push(`ชื่อ / Title: ${notice.title}`);
  const from = { option: 'จาก --version / from --version', text: 'จากข้อความ / from the text', date: 'จากวันที่ของประกาศ / from the notice’s date', default: 'ไม่พบในข้อความ ใช้ --version / not found in the text: give --version' }[report.versionFrom];
  lines.push(
    report.effective
      ? report.inForce
        ? `มีผลใช้บังคับ / In force from: ${thaiDate(report.effective.iso)} (${report.effective.iso})`
        : `ประกาศ ณ วันที่ / Dated: ${thaiDate(report.effective.iso)} (${report.effective.iso})`
      : 'วันที่ / Date: ไม่พบวันที่ในข้อความ / no date found in the text',
    `ฉบับ / Version: ${notice.version} (${from})`,
    `ส่วน / Sections: ${report.sections.length}`,
    ...report.sections.map(({ kind, guessed, title }, i) => `  ${String(i + 1).padStart(2)}. ${guessed ? kind : `${kind} (เดาไม่ได้ / not guessed)`}: ${title}`),
  );
  if (report.numbersInText.length) {
    lines.push('เลขข้อที่คงไว้ในข้อความ ไม่ได้ทำเป็นรายการ / Clause numbers kept in the text, not made a list:');
    for (const { section, from: first, to, reason } of report.numbersInText) lines.push(`  ${section ? `ส่วน / section ${section}` : 'บทนำ / intro'}: ${first}–${to}: ${reason}`);
  }
  lines.push(`ตัดออก / Dropped: ${report.dropped.length}`, ...report.dropped.map(({ text, reason }) => `  - "${text}": ${reason}`));
  const { kept, total } = report.coverage;
  lines.push(`ความครอบคลุม / Coverage: ${percent(kept, total)} ของข้อความต้นฉบับ / of the source's text (${kept.toLocaleString('en')} / ${total.toLocaleString('en')} ตัวอักษร / characters)`);
  lines.push(problems.length ? `checkNotice: ${problems.length} ปัญหา / problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}` : 'checkNotice: ผ่าน / passed');
  return lines.join('\n');
}

async function noticeImport(args) {
  const { values, positionals } = options(args, { output: { type: 'string', short: 'o' }, id: { type: 'string' }, version: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('ต้องระบุไฟล์ประกาศหนึ่งไฟล์ / give one notice file');
  const [file] = positionals;
  const imported = await importNotice(file, { id: values.id, version: values.version });
  const { checkNotice } = await loadSdk();
  const problems = checkNotice(imported.notice);
  if (values.output) await write(values.output, imported.notice);
  else process.stdout.write(`${JSON.stringify(imported.notice, null, 2)}\n`);
  console.error(describeImport(file, imported, problems));
  return problems.length ? 1 : 0;
}

async function check(args) {
  const { values, positionals } = options(args, { notice: { type: 'string' }, url: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('ต้องระบุไฟล์ config หนึ่งไฟล์ / give one config file');
  const config = await readJson(positionals[0]);
  const notice = values.notice === undefined ? undefined : await readJson(values.notice);
  const { errors, warnings } = await checkConfig(config, { notice, pageUrl: values.url });
  for (const line of [...errors, ...warnings]) console.log(line);
  const checked = [positionals[0], values.notice].filter(Boolean).join(', ');
  console.log(errors.length ? `✗ ${checked}: ${errors.length} ปัญหา / problem(s)` : `✓ ${checked}: ไม่พบปัญหา / no problems${warnings.length ? ` (${warnings.length} คำเตือน / warning(s))` : ''}`);
  return errors.length ? 1 : 0;
}

async function scan(args) {
  const { values, positionals } = options(args, { pages: { type: 'string', default: '10' }, json: { type: 'boolean' }, output: { type: 'string', short: 'o' } });
  if (positionals.length !== 1) throw new UsageError('ต้องระบุ URL หนึ่งรายการ / give one URL');
  const limit = Number(values.pages);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--pages: ${values.pages} ต้องเป็นจำนวนเต็มตั้งแต่ 1 / must be a whole number from 1`);
  const result = classify(await crawl(positionals[0], { limit }));
  if (values.output) await write(values.output, result.config);
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else console.log(describeScan(result));
  const failed = result.yinyom && (result.yinyom.optionalBeforeConsent.length || result.yinyom.leftAfterWithdrawal.length);
  return failed ? 1 : 0;
}

const COMMANDS = { 'notice import': noticeImport, scan, check };

/** Runs `yinyom ARGS`; resolves to the exit code. Problems with the input are printed without a stack trace. */
export async function main(args) {
  const name = Object.keys(COMMANDS).find((command) => command.split(' ').every((word, i) => args[i] === word));
  if (!name || args.includes('--help') || args.includes('-h')) {
    (name ? console.log : console.error)(USAGE);
    return name ? 0 : 2;
  }
  try {
    return await COMMANDS[name](args.slice(name.split(' ').length));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`yinyom: ${error.message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
