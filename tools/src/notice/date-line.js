import { findDate } from './dates.js';

/** A line that is a date and little more ("1 June 2565", "ประกาศ ณ วันที่ 1 มิถุนายน 2565"). */
export function isDateLine(line) {
  const date = findDate(line);
  return Boolean(date) && line.length - date.text.length <= 24;
}
