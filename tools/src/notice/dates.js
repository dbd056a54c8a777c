import { arabicDigits } from './thai-digits.js';

const MONTHS = [
  ['มกราคม', 'ม.ค.', 'january', 'jan'],
  ['กุมภาพันธ์', 'ก.พ.', 'february', 'feb'],
  ['มีนาคม', 'มี.ค.', 'march', 'mar'],
  ['เมษายน', 'เม.ย.', 'april', 'apr'],
  ['พฤษภาคม', 'พ.ค.', 'may'],
  ['มิถุนายน', 'มิ.ย.', 'june', 'jun'],
  ['กรกฎาคม', 'ก.ค.', 'july', 'jul'],
  ['สิงหาคม', 'ส.ค.', 'august', 'aug'],
  ['กันยายน', 'ก.ย.', 'september', 'sep', 'sept'],
  ['ตุลาคม', 'ต.ค.', 'october', 'oct'],
  ['พฤศจิกายน', 'พ.ย.', 'november', 'nov'],
  ['ธันวาคม', 'ธ.ค.', 'december', 'dec'],
];
const THAI_MONTHS = MONTHS.map((names) => names[0]);
const monthNames = MONTHS.flat()
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/\./g, '\\.'))
  .join('|');
const monthNumber = (name) => MONTHS.findIndex((names) => names.includes(name.toLowerCase())) + 1;

const D = '[0-9๐-๙]';
// "1 June 2565", "๑ กรกฎาคม ๒๕๕๘", "1 มิ.ย. 65" is too short to trust: four-digit years only.
const DAY_MONTH_YEAR = new RegExp(`(${D}{1,2})\\s*(${monthNames})\\s*(?:พ\\.ศ\\.|ค\\.ศ\\.)?\\s*(${D}{4})`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b(${monthNames})\\s+(${D}{1,2}),?\\s+(${D}{4})`, 'i');
const ISO = new RegExp(`\\b(${D}{4})-(${D}{2})-(${D}{2})\\b`);
const SLASHED = new RegExp(`\\b(${D}{1,2})/(${D}{1,2})/(${D}{4})\\b`);

/**
 * The first date written in `text`, as `{iso, be, text}`: the C.E. ISO date, the
 * Buddhist-era form `2565-06-01` (used as a notice version) and the words it was read from. A
 * year above 2400 is Buddhist era (C.E. + 543). Undefined when there is no whole date.
 */
export function findDate(text) {
  const found = [
    [DAY_MONTH_YEAR, (m) => [m[3], monthNumber(m[2]), m[1]]],
    [MONTH_DAY_YEAR, (m) => [m[3], monthNumber(m[1]), m[2]]],
    [ISO, (m) => [m[1], m[2], m[3]]],
    [SLASHED, (m) => [m[3], m[2], m[1]]],
  ]
    .map(([pattern, parts]) => {
      const match = pattern.exec(text);
      return match && { index: match.index, text: match[0], parts: parts(match).map((part) => Number(arabicDigits(String(part)))) };
    })
    .filter(Boolean)
    .sort((a, b) => a.index - b.index)[0];
  if (!found) return undefined;
  const [year, month, day] = found.parts;
  const ce = year > 2400 ? year - 543 : year;
  const date = new Date(Date.UTC(ce, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day) return undefined;
  const pad = (n) => String(n).padStart(2, '0');
  return { iso: `${ce}-${pad(month)}-${pad(day)}`, be: `${ce + 543}-${pad(month)}-${pad(day)}`, text: found.text };
}

/** `2022-06-01` as a Thai reader writes it: `1 มิถุนายน 2565`. */
export function thaiDate(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${THAI_MONTHS[month - 1]} ${year + 543}`;
}
