// @ts-check

/** CSV columns of `GET /v1/export?format=csv`, one receipt a row. */
export const CSV_COLUMNS = [
  'id', 'subject', 'time', 'origin', 'page', 'controller', 'notice_id', 'notice_version', 'notice_hash',
  'language', 'method', 'actor', 'gpc', 'choices', 'prev', 'hash',
];

/**
 * One CSV cell (RFC 4180). Receipts are written by browsers, so a cell that a spreadsheet
 * would run as a formula (one starting with = + - or the at sign, tab or CR, or a semicolon,
 * which some spreadsheets split cells on) gets a leading apostrophe.
 *
 * @param {unknown} value
 */
function cell(value) {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r;]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * NDJSON: each stored receipt's JSON on its own line, as stored.
 *
 * @param {AsyncIterable<string>} bodies
 * @returns {AsyncGenerator<string>}
 */
export async function* ndjsonLines(bodies) {
  for await (const body of bodies) yield body + '\n';
}

/**
 * CSV with a header row. Starts with a UTF-8 byte order mark so that Excel, which many
 * offices open exports with, reads Thai text as UTF-8.
 *
 * @param {AsyncIterable<string>} bodies
 * @returns {AsyncGenerator<string>}
 */
export async function* csvLines(bodies) {
  yield '\uFEFF' + CSV_COLUMNS.join(',') + '\r\n';
  for await (const body of bodies) {
    const r = JSON.parse(body);
    const row = [
      r.id, r.subject, r.time, r.origin, r.page, r.controller, r.notice?.id, r.notice?.version, r.notice?.hash,
      r.language, r.method, r.actor ?? 'self', r.signals?.gpc, r.choices, r.prev, r.hash,
    ];
    yield row.map(cell).join(',') + '\r\n';
  }
}
