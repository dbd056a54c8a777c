import { basename, extname } from 'node:path';
import { InputError } from '../input-error.js';
import { readInput } from '../read-input.js';
import { buildNotice } from './build-notice.js';
import { coverage } from './coverage.js';
import { htmlUnits } from './html-units.js';
import { noticeTexts } from './notice-text.js';
import { textUnits } from './text-units.js';

/**
 * The text of a file saved by whatever the agency had: UTF-8 (with or without a BOM), UTF-16
 * (Notepad's "Unicode"), or, when the bytes are not UTF-8, Windows-874 (TIS-620), in which a
 * Thai Windows saves "ANSI" text.
 */
function decodeText(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

/** Reads a .docx, .html or text file into units (see html-units.js and text-units.js). */
async function readSource(file) {
  const bytes = await readInput(file);
  const extension = extname(file).toLowerCase();
  if (extension === '.docx' || bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const { default: mammoth } = await import('mammoth');
    let html;
    try {
      ({ value: html } = await mammoth.convertToHtml({ buffer: bytes }));
    } catch (error) {
      throw new InputError(`${file} ไม่ใช่ไฟล์ .docx ที่อ่านได้ / is not a readable .docx file: ${error.message}`);
    }
    return { format: 'docx', ...htmlUnits(html) };
  }
  const text = decodeText(bytes);
  if (['.html', '.htm', '.xhtml'].includes(extension) || /^\s*<(!doctype html|html|head|body|main|article|div|p|h[1-6])\b/i.test(text)) return { format: 'html', ...htmlUnits(text) };
  return { format: 'text', ...textUnits(text), sourceText: text };
}

/** A notice id from a file name: `TDGA Privacy.docx` → `tdga-privacy`. */
const idFromFile = (file) =>
  basename(file, extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'notice';

/**
 * Imports a privacy notice from a .docx, HTML or plain-text file into the notice format of
 * DESIGN.md section 4. Resolves to `{notice, report}`; the report lists the sections and the
 * kinds guessed, what was dropped as the page around the notice, clause numbers left in the
 * text, and the coverage `{kept, total}`.
 */
export async function importNotice(file, { id, version } = {}) {
  const source = await readSource(file);
  const { notice, report } = buildNotice(source, { id: id ?? idFromFile(file), version });
  if (!notice.version) {
    notice.version = '1';
    report.versionFrom = 'default';
  }
  return { notice, report: { ...report, format: source.format, coverage: coverage(source.sourceText, [...noticeTexts(notice), ...report.represented]) } };
}
