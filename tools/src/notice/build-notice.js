import { follows, nestItems, unlistable, withoutMarker } from './clauses.js';
import { isDateLine } from './date-line.js';
import { findDate } from './dates.js';
import { guessKind } from './section-kinds.js';
import { noticeText, plain, squeeze } from './spans.js';
import { arabicDigits } from './thai-digits.js';

const TITLE_WORDS = /ประกาศ|นโยบาย|ความเป็นส่วนตัว|ข้อตกลง|privacy|notice|policy|terms/i;
const LEADS_ON = /(:|ดังนี้|ดังต่อไปนี้|ได้ที่|as follows)$/i;
const DATED = /(มีผล(ใช้)?บังคับ(ใช้)?|ประกาศ ณ|effective|last updated|updated on)/i;
/** The words by which a notice says it takes effect on a date; any other date is only the day it is dated. */
const IN_FORCE = /มีผล(ใช้)?บังคับ|effective/i;
const VERSION = /(?:ฉบับที่|เวอร์ชั่?น|version|ver\.)\s*:?\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)/i;
const BEFORE_TITLE = 'ส่วนหัวของเว็บไซต์ก่อนชื่อประกาศ / page header before the title';

// Titles are plain text in the notice format: no links or bold.
const plainText = (spans) => squeeze(plain(spans)).trim();
const headingText = (unit) => (unit.marker ? unit.marker.text : unit.text);
const headingLike = (unit) => !unit.table && unit.text.length <= 120 && !LEADS_ON.test(headingText(unit)) && !findDate(unit.text);

/** The units that head the sections, and how they were recognised. */
function chooseHeadings(body) {
  const marked = body.filter((unit) => unit.heading);
  if (marked.length) {
    const level = Math.min(...marked.map((unit) => unit.heading));
    return marked.filter((unit) => unit.heading === level);
  }
  const lone = (unit, i) => unit.blankBefore && (i + 1 >= body.length || body[i + 1].blankBefore);
  // TDGA's page: each section title is a bullet of its own ("• คุกกี้"), the numbers lost.
  const bullets = body.filter((unit, i) => unit.marker?.type === 'bullet' && lone(unit, i) && headingLike(unit) && guessKind(unit.marker.text));
  if (bullets.length >= 2) return bullets;
  // "1. ฐานในการประมวลผล", "2. วัตถุประสงค์...": single numbers with a dot, in sequence ("(1)" is a clause).
  const numbered = [];
  for (const unit of body) {
    const levels = unit.marker?.type === 'number' && unit.marker.levels;
    if (levels?.length === 1 && unit.marker.raw.endsWith('.') && levels[0] === numbered.length + 1 && headingLike(unit) && (guessKind(unit.marker.text) || unit.text.length <= 60)) numbered.push(unit);
  }
  if (numbered.length >= 2) return numbered;
  return body.filter((unit, i) => !unit.marker && lone(unit, i) && unit.text.length <= 80 && headingLike(unit) && (guessKind(unit.text) || TITLE_WORDS.test(unit.text)));
}

/** Table block from rows of cell spans; the first row is the head, rows are padded to its width. */
function tableBlock({ caption, rows }) {
  const width = Math.max(...rows.map((row) => row.cells.length));
  const cells = (row) => [...row.cells.map(noticeText), ...Array(width - row.cells.length).fill('')];
  // A Word table has no header cells: its first row, often in bold, is the head, which is bold by itself.
  const head = { cells: rows[0].cells.map((spans) => spans.map(({ strong, ...span }) => span)) };
  return { type: 'table', ...(caption?.length && { caption: noticeText(caption) }), head: cells(head), rows: rows.slice(1).map(cells) };
}

/**
 * Builds a notice (DESIGN.md section 4) from the units a reader made, guessing the title,
 * effective date, version, sections and their kinds, clauses and lists. Returns the notice and
 * what the import report says: the kinds guessed, what was dropped, clause numbers left in the
 * text and why, and `represented`: source text the structure stands for (clause numbers a list
 * now gives, bullets, the date line), which counts as kept.
 */
export function buildNotice({ units, dropped: readerDropped }, { id, version }) {
  const dropped = [...readerDropped];
  const represented = [];
  const numbersInText = [];
  let rest = units;

  let titleIndex = rest.findIndex((unit) => unit.heading === 1);
  if (titleIndex < 0) titleIndex = rest.slice(0, 12).findIndex((unit) => !unit.marker && !unit.table && unit.text.length <= 200 && TITLE_WORDS.test(unit.text));
  if (titleIndex < 0 && rest[0] && !rest[0].marker && !rest[0].table && rest[0].text.length <= 200) titleIndex = 0;
  const title = rest[titleIndex];
  if (title) {
    const before = rest.slice(0, titleIndex);
    const header = before.filter((unit) => unit.text.length <= 80 && !isDateLine(unit.text));
    dropped.unshift(...header.map((unit) => ({ text: unit.text, reason: BEFORE_TITLE })));
    rest = [...before.filter((unit) => !header.includes(unit)), ...rest.slice(titleIndex + 1)];
  }

  // "มีผลใช้บังคับ" only where the notice says so (the notice element writes it from
  // `effective`); a date line alone, or "ประกาศ ณ", is the day it is dated (`published`).
  const dateUnit = rest.slice(0, 6).find((unit) => !unit.table && isDateLine(unit.text));
  let effective;
  let inForce = false;
  if (dateUnit) {
    effective = findDate(dateUnit.text);
    inForce = IN_FORCE.test(dateUnit.text);
    represented.push(dateUnit.text);
    rest = rest.filter((unit) => unit !== dateUnit);
  } else {
    const stated = rest.find((unit) => !unit.table && DATED.test(unit.text) && findDate(unit.text.slice(unit.text.search(DATED))));
    if (stated) {
      const words = stated.text.slice(stated.text.search(DATED));
      effective = findDate(words);
      inForce = IN_FORCE.test(words.match(DATED)[0]);
    }
  }
  const versionMatch = [title, ...rest.slice(0, 6)].map((unit) => unit && !unit.table && VERSION.exec(unit.text)).find(Boolean);
  const resolvedVersion = version ?? (versionMatch ? arabicDigits(versionMatch[1]) : effective?.be);

  const headings = chooseHeadings(rest);
  const starts = headings.map((heading) => rest.indexOf(heading));
  const bodyOf = (from, to) => rest.slice(from, to);

  const blocks = (body, sectionNumber) => {
    const out = [];
    for (let i = 0; i < body.length; ) {
      const unit = body[i];
      if (unit.table) {
        out.push(tableBlock(unit.table));
        i += 1;
      } else if (unit.heading) {
        out.push({ type: 'paragraph', text: noticeText(unit.spans.map((span) => ({ ...span, strong: true }))) });
        i += 1;
      } else if (unit.marker?.type === 'number') {
        const end = runEnd(body, i);
        out.push(...clauses(body.slice(i, end), sectionNumber));
        i = end;
      } else if (unit.marker) {
        let end = i + 1;
        while (end < body.length && body[end].marker && body[end].marker.type !== 'number' && !body[end].heading) end += 1;
        out.push(list(body.slice(i, end)));
        i = end;
      } else {
        out.push({ type: 'paragraph', text: noticeText(unit.spans) });
        i += 1;
      }
    }
    return out;
  };
  // A run of clauses ends before a heading, or before a clause that starts numbering anew.
  const runEnd = (body, start) => {
    let last = start;
    for (let j = start + 1; j < body.length && !body[j].heading; j += 1) {
      const levels = body[j].marker?.type === 'number' && body[j].marker.levels;
      if (!levels) continue;
      if (!follows(body[last].marker.levels, levels) && levels.at(-1) === 1) break;
      last = j;
    }
    return last + 1;
  };
  const clauses = (run, sectionNumber) => {
    const numbered = run.filter((unit) => unit.marker?.type === 'number');
    const reason = unlistable(
      numbered.map((unit) => unit.marker.levels),
      { sectionNumber, hasBody: numbered.length !== run.length },
    );
    if (reason) {
      numbersInText.push({ section: sectionNumber, from: numbered[0].marker.raw, to: numbered.at(-1).marker.raw, reason });
      // The clause numbers stay in the text; what lies between two clauses is read as any body is.
      const out = [];
      let between = [];
      const flushBetween = () => out.push(...blocks(between.splice(0), sectionNumber));
      for (const unit of run) {
        if (unit.marker?.type !== 'number') between.push(unit);
        else {
          flushBetween();
          out.push({ type: 'paragraph', text: noticeText(unit.spans) });
        }
      }
      flushBetween();
      return out;
    }
    const prefixed = numbered.every((unit) => unit.marker.levels.length > 1);
    represented.push(...numbered.map((unit) => unit.marker.raw));
    return [{ type: 'list', ordered: true, items: nestItems(numbered.map((unit) => ({ depth: unit.marker.levels.length - (prefixed ? 1 : 0), spans: withoutMarker(unit) }))) }];
  };
  const list = (run) => {
    const entries = run.map((unit) => {
      if (unit.marker.type === 'bullet') represented.push(unit.marker.raw);
      return { depth: unit.marker.depth ?? 1, spans: unit.marker.type === 'bullet' ? withoutMarker(unit) : unit.spans };
    });
    return { type: 'list', ...(run[0].marker.ordered && { ordered: true }), items: nestItems(entries) };
  };

  const sections = headings.map((heading, n) => {
    if (heading.marker) represented.push(heading.marker.raw);
    const titleText = plainText(heading.marker ? withoutMarker(heading) : heading.spans);
    const kind = guessKind(titleText);
    return { kind: kind ?? 'other', title: titleText, body: blocks(bodyOf(starts[n] + 1, starts[n + 1]), n + 1), guessed: Boolean(kind) };
  });
  const intro = blocks(bodyOf(0, starts[0] ?? rest.length));

  const notice = {
    id,
    version: resolvedVersion,
    ...(effective && (inForce ? { effective: effective.iso } : { published: effective.iso })),
    ...(title && { title: plainText(title.spans) }),
    ...(intro.length && { intro }),
    sections: sections.map(({ kind, title: sectionTitle, body }) => ({ kind, title: sectionTitle, body })),
  };
  return {
    notice,
    report: {
      sections: sections.map(({ kind, guessed, title: sectionTitle }) => ({ kind, guessed, title: sectionTitle })),
      dropped,
      effective,
      inForce,
      versionFrom: version ? 'option' : versionMatch ? 'text' : effective ? 'date' : undefined,
      numbersInText,
      represented,
    },
  };
}
