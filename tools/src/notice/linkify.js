import { arabicDigits } from './thai-digits.js';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const URL_ = /\bhttps?:\/\/[^\s<>"“”()]+[^\s<>"“”().,;:!?]/;
// A bare host: www.example.org, tdga.dga.or.th. Thai domains and the common generic ones only,
// so that "สพร." or "e.g." are not taken for hosts.
const HOST = /\b(?:www\.)?(?:[a-z0-9-]+\.)+(?:or\.th|go\.th|ac\.th|co\.th|in\.th|mi\.th|net\.th|th|com|org|net|info|io)\b(?:\/[^\s<>"“”()]*[^\s<>"“”().,;:!?])?/i;
// Thai numbers: 0-2612-6060, 02 612 6060, ๐-๒๖๑๒-๖๐๖๐, 081-234-5678, +66 2 612 6060.
const PHONE = /(?<![0-9๐-๙])(?:\+66[ -]?|[0๐][ -]?)[1-9๑-๙](?:[ -]?[0-9๐-๙]){7,8}(?![0-9๐-๙])/;
const ANY = new RegExp([EMAIL, URL_, HOST, PHONE].map((re) => `(${re.source})`).join('|'), 'gi');

/** The link a matched piece of text stands for. */
function hrefOf([, email, url, host, phone]) {
  if (email) return `mailto:${email}`;
  if (url) return url;
  if (host) return `https://${host}`;
  const digits = arabicDigits(phone).replace(/[ -]/g, '');
  return `tel:${digits}`;
}

/**
 * Splits text into spans with e-mail addresses, URLs, web hosts and Thai phone numbers as
 * links (mailto, https, tel). Returns the text itself when it has none.
 */
export function linkify(text) {
  const spans = [];
  let last = 0;
  for (const match of text.matchAll(ANY)) {
    if (match.index > last) spans.push({ text: text.slice(last, match.index) });
    spans.push({ text: match[0], href: hrefOf(match) });
    last = match.index + match[0].length;
  }
  if (!spans.length) return text;
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}
