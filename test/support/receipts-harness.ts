// Shared set-up for the receipt tests: a config, decisions, a fresh database, books that are
// closed after each test, same-origin iframes as tabs, and the collector plugin's commands.
import { executeServerCommand } from '@web/test-runner-commands';
import * as receiptsModule from '../../src/core/receipts/create-receipt-book.js';
import type { ReceiptBookSettings } from '../../src/core/receipts/create-receipt-book.js';
import type { Decision, ReceiptBook } from '../../src/core/receipts/receipt-book.js';
import type { Notice, Receipt, ResolvedConfig } from '../../src/core/types.js';
import { deleteDatabase } from './delete-database.js';

export const notice: Notice = {
  id: 'tdga-privacy',
  version: '2565-06-01',
  effective: '2022-06-01',
  title: { th: 'ประกาศเกี่ยวกับความเป็นส่วนตัว', en: 'Privacy notice' },
  sections: [{ kind: 'purposes', title: 'วัตถุประสงค์', body: [{ type: 'paragraph', text: { th: 'เพื่อปรับปรุงบริการ', en: 'To improve the service' } }] }],
};

export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  return {
    controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' }, email: 'contact@dga.or.th', phone: '0-2612-6060', url: 'https://tdga.dga.or.th' },
    notice,
    categories: [
      { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary' } },
      {
        id: 'analytics',
        title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics' },
        cookies: [
          { name: '_ga', match: '^_ga', provider: 'Google', duration: { th: '2 ปี', en: '2 years' } },
          { name: '_gid', provider: 'Google' },
        ],
      },
      { id: 'marketing', title: { th: 'คุกกี้เพื่อการตลาด', en: 'Marketing' } },
    ],
    purposes: [
      {
        id: 'photo-publicity',
        title: { th: 'เผยแพร่ภาพถ่าย', en: 'Photos in publicity' },
        data: [{ th: 'ภาพถ่าย', en: 'Photographs' }],
        retention: { th: '2 ปี', en: '2 years' },
        recipients: [{ th: 'สื่อมวลชน', en: 'The press' }],
      },
      { id: 'dietary', sensitive: true, title: { th: 'ข้อจำกัดด้านอาหาร', en: 'Dietary needs' }, data: [{ th: 'ข้อมูลสุขภาพ (การแพ้อาหาร)', en: 'Health data (food allergies)' }] },
    ],
    language: 'th',
    expiresDays: 365,
    respectGPC: true,
    googleConsentMode: false,
    ...overrides,
  };
}

export function decision(choices: Record<string, boolean> = { analytics: true, marketing: false }, extra: Partial<Decision> = {}): Decision {
  return { choices, method: 'banner.accept-all', language: 'th', notice, gpc: false, time: new Date(), ...extra };
}

const open: ReceiptBook[] = [];

/** A book in this page, closed by `cleanUp()`. */
export function openBook(config: ResolvedConfig, settings: Partial<ReceiptBookSettings> = {}): ReceiptBook {
  const book = receiptsModule.createReceiptBook({ config, ...settings });
  open.push(book);
  return book;
}

export const pageErrors: string[] = [];
addEventListener('unhandledrejection', (event) => pageErrors.push(`unhandled rejection: ${event.reason}`));
addEventListener('error', (event) => pageErrors.push(`uncaught: ${event.message}`));

const frames: HTMLIFrameElement[] = [];

/** Before each test: no books, no tabs, no receipts database, no recorded page errors. */
export async function cleanUp(): Promise<void> {
  open.splice(0).forEach((book) => book.close());
  frames.splice(0).forEach((frame) => frame.remove());
  await deleteDatabase(receiptsModule.RECEIPTS_DATABASE, { queuedIsEnough: true });
  pageErrors.length = 0;
}

/** A same-origin iframe with its own copy of the receipts module: another tab of the site. */
export interface Tab {
  receipts: typeof receiptsModule;
  window: Window & { pageErrors: string[] };
  /** Closes the tab: the document unloads (pagehide) and its pending work is dropped. */
  close(): void;
}

export async function openTab(): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.src = new URL('../support/receipt-tab.html', import.meta.url).href;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as Tab['window'] & { receipts: typeof receiptsModule };
  await until(async () => win.receipts, 'the tab to load the receipts module');
  return { receipts: win.receipts, window: win, close: () => frame.remove() };
}

/** Polls `check` until it returns something truthy; fails naming `what` after `timeout` ms. */
export async function until<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes `indexedDB.open` throw `error` until the returned function is called. It patches
 * `IDBFactory.prototype`, not the `indexedDB` object: WebKit may collect that object's JS
 * wrapper and hand out a fresh one, and a property set on the old wrapper is lost with it (the
 * same class of bug as https://bugs.webkit.org/show_bug.cgi?id=33733). The sync test "sends at
 * once when IndexedDB is unavailable" saw a working IndexedDB in WebKit once, in the full suite.
 */
export function failIndexedDBOpen(error: DOMException): () => void {
  const original = IDBFactory.prototype.open;
  IDBFactory.prototype.open = () => {
    throw error;
  };
  return () => {
    IDBFactory.prototype.open = original;
  };
}

/** Calls `fn` with `console.warn` recording instead of printing. */
export async function captureWarnings<T>(fn: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    return { result: await fn(), warnings };
  } finally {
    console.warn = original;
  }
}

export interface LogEntry {
  at: number;
  ids: string[];
  /** The request body's size in bytes. */
  bytes: number;
  status: number | 'hang';
  /** For a hanging request: when the client closed the connection. */
  closedAt?: number;
  tampered?: string;
  response?: { accepted: string[]; duplicates: string[]; rejected: Array<{ id: string; error: string }> };
}

export type Fault = { status: number; retryAfter?: string | number; times?: number } | { hang: true; times?: number } | { tamper: true; times?: number } | { poison: string };

export interface StoredRow {
  id: string;
  subject: string;
  hash: string;
  prev: string | null;
  receipt: Receipt;
}

/** The real collector (SQLite in a temp folder) behind a fault-injecting proxy; see collector-plugin.mjs. */
export const collector = {
  /** A fresh collector for this test; `sign`: it countersigns what it acknowledges. */
  start: (sign = false) => executeServerCommand<{ endpoint: string }, unknown>('collector-start', { origin: location.origin, sign }).then((r) => r.endpoint),
  stop: () => executeServerCommand('collector-stop'),
  fault: (...faults: Fault[]) => executeServerCommand('collector-fault', { faults }),
  down: () => executeServerCommand('collector-down'),
  up: () => executeServerCommand('collector-up'),
  log: () => executeServerCommand<LogEntry[], unknown>('collector-log'),
  stored: () => executeServerCommand<StoredRow[], unknown>('collector-stored'),
  gaps: (subject: string) => executeServerCommand<{ status: number; body: any }, unknown>('collector-gaps', { subject }),
};

export const schemaErrors = (receipts: Receipt[]) => executeServerCommand<string[][], unknown>('receipt-schema-errors', { receipts });
export const nodeSha256Hex = (text: string) => executeServerCommand<string, unknown>('sha256-hex', { text });

/** How many times each id was acknowledged (accepted or duplicate) by the collector, per the proxy log. */
export function acknowledgements(log: LogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of log) for (const id of [...(entry.response?.accepted ?? []), ...(entry.response?.duplicates ?? [])]) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Checks that `receipts` (any order) form one linear chain; returns them oldest first. */
export function chainOrder(receipts: Receipt[]): Receipt[] {
  const byPrev = new Map<string | null, Receipt[]>();
  for (const receipt of receipts) byPrev.set(receipt.prev, [...(byPrev.get(receipt.prev) ?? []), receipt]);
  const forks = [...byPrev].filter(([, list]) => list.length > 1);
  if (forks.length) throw new Error(`the chain forks at ${forks.map(([prev]) => prev).join(', ')}`);
  const ordered: Receipt[] = [];
  let next = byPrev.get(null)?.[0];
  while (next) {
    ordered.push(next);
    next = byPrev.get(next.hash)?.[0];
  }
  if (ordered.length !== receipts.length) throw new Error(`only ${ordered.length} of ${receipts.length} receipts chain from the first`);
  return ordered;
}
