import type { Language } from '../../core/types.js';

/** Replaces ASCII digits with Thai digits (๐–๙). */
export const thaiDigits = (text: string): string => text.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[+d]);

/**
 * A date as Thai readers expect it: "1 มิถุนายน 2565" (Buddhist era) in Thai, "1 June 2022"
 * in English; with `time`, "1 มิถุนายน 2565 เวลา 07:05 น." and "1 June 2022, 07:05". `value` is
 * an ISO date or date-time; a bare date is read as that calendar day.
 */
export function formatDate(value: string, language: Language, options: { time?: boolean; thai?: boolean } = {}): string {
  const bare = /^\d{4}-\d\d-\d\d$/.test(value);
  const date = new Date(bare ? `${value}T00:00:00Z` : value);
  if (isNaN(+date)) return value;
  const locale = language === 'th' ? `th-TH-u-ca-buddhist-nu-${options.thai ? 'thai' : 'latn'}` : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', ...(bare && { timeZone: 'UTC' }) }).format(date);
  if (!options.time) return day;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return language === 'th' ? `${day} เวลา ${time} น.` : `${day}, ${time}`;
}
