import { arabicDigits } from './thai-digits.js';

const D = '[0-9๐-๙]{1,3}';
// ๑. / 1. / ๑.๑ / 1.1.1 / 1.1.1. / (๑) / 1)  — a single number needs its dot or brackets, so
// that "1 June 2565" or "108 ถนนรางน้ำ" is not a clause.
const NUMBERED = new RegExp(`^(?:\\((${D})\\)|(${D}(?:\\.${D})+)\\.?|(${D})[.)])(?=\\s+\\S)\\s*`);
const BULLET = /^[•·▪◦‣●○■□➢➤✓\-–—*]\s+|^[•·▪◦‣●○■□➢➤✓]/;

/**
 * The clause number or bullet a line starts with: `{type: 'number', levels: [7, 4, 2], raw:
 * '๗.๔.๒', text}` or `{type: 'bullet', raw: '•', text}`, `text` being the rest of the line.
 * Undefined for a line with neither.
 */
export function readMarker(line) {
  const number = NUMBERED.exec(line);
  if (number) {
    const raw = number[0].trim();
    const digits = number[1] ?? number[2] ?? number[3];
    return { type: 'number', levels: arabicDigits(digits).split('.').map(Number), raw, text: line.slice(number[0].length) };
  }
  const bullet = BULLET.exec(line);
  if (bullet) return { type: 'bullet', raw: bullet[0].trim(), text: line.slice(bullet[0].length) };
  return undefined;
}
