import type { ReceiptEntry } from '../types.js';

/**
 * The receipt history as a JSON document for download (portability, PDPA s.31): the
 * receipts verbatim, so their hashes still verify, each with its delivery status.
 *
 * @param now the export time; default the current time.
 * @example
 * const blob = new Blob([receiptsToJson(await book.entries())], { type: 'application/json' });
 */
export function receiptsToJson(entries: ReceiptEntry[], now: Date = new Date()): string {
  return JSON.stringify({ exported: now.toISOString(), receipts: entries }, null, 2);
}
