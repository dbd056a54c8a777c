import { createConsentCore, type ConsentOptions } from '../../src/core/create-consent-core.js';
import * as checker from '../../src/core/config.js';
import { deleteCookies } from '../../src/core/cookies.js';
import { prepareDecision } from '../../src/core/prepare-decision.js';
import type { CreateReceiptBook, Decision } from '../../src/core/receipts/receipt-book.js';
import type { Config, ConsentApi, Receipt } from '../../src/core/types.js';

/** A config like TDGA's: a required category, two optional ones, an inline purpose and a sensitive one. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' }, email: 'contact@dga.or.th' },
    notice: { id: 'tdga-privacy', version: '2565-06-01', title: { th: 'ประกาศ', en: 'Notice' }, sections: [] },
    categories: [
      { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary' } },
      {
        id: 'analytics',
        title: { th: 'การวิเคราะห์', en: 'Analytics' },
        cookies: [{ name: '_ga', match: '^_ga' }],
        consentMode: ['analytics_storage'],
        gpc: true,
      },
      {
        id: 'marketing',
        title: { th: 'การตลาด', en: 'Marketing' },
        cookies: [{ name: 'mkt' }],
        consentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
        gpc: true,
      },
    ],
    purposes: [
      { id: 'photo-publicity', title: { th: 'ภาพในสื่อประชาสัมพันธ์', en: 'Photos in publicity' } },
      { id: 'newsletter', banner: true, title: { th: 'จดหมายข่าว', en: 'Newsletter' } },
      { id: 'dietary', sensitive: true, title: { th: 'ข้อมูลการแพ้อาหาร', en: 'Food allergies' } },
    ],
    ...overrides,
  };
}

/** The receipts of every memory book since `cleanup()`: what this test's device holds across visits. */
const deviceReceipts: Receipt[][] = [];

/** The core's `hasReceipts` for memory books: the device holds a receipt in one of them. */
const hasReceipts = async () => deviceReceipts.some((store) => store.length > 0);

/**
 * A receipt book that keeps receipts in memory: the core's tests exercise the core, and the
 * receipt book has its own tests against IndexedDB and the real collector.
 */
export function memoryBook(store: Receipt[] = []) {
  deviceReceipts.push(store);
  const decisions: Decision[] = [];
  return {
    decisions,
    prepareDecision,
    deleteCookies,
    createReceiptBook: (() => ({
      async record(decision) {
        decisions.push(decision);
        const receipt = {
          schema: 'yinyom.receipt/1',
          id: crypto.randomUUID(),
          subject: 'test',
          time: decision.time.toISOString(),
          origin: location.origin,
          page: location.pathname,
          controller: 'TDGA',
          notice: { id: decision.notice.id, version: decision.notice.version, hash: `sha256-${'0'.repeat(64)}` },
          language: decision.language,
          method: decision.method,
          choices: decision.choices,
          signals: { gpc: decision.gpc },
          prev: null,
          hash: `sha256-${'1'.repeat(64)}`,
        } satisfies Receipt;
        store.unshift(receipt);
        return receipt;
      },
      latest: async () => store[0],
      entries: async () => store.map((receipt) => ({ receipt, status: 'pending' as const })),
      sync: async () => ({ sent: 0, pending: store.length, failed: 0 }),
      onSync: () => () => undefined,
      close: () => undefined,
    })) as CreateReceiptBook,
  };
}

const instances: AbortController[] = [];

/** Creates a core for one test; `cleanup()` stops it so it cannot react to later tests' pages. */
export function createTestConsent(config: unknown, options: Partial<ConsentOptions> = {}): ConsentApi {
  const controller = new AbortController();
  instances.push(controller);
  const book = memoryBook();
  return createConsentCore(config, { checker, receipts: async () => book, hasReceipts, signal: controller.signal, ...options });
}

export function clearCookies(): void {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.slice(0, pair.indexOf('='));
    if (name) document.cookie = `${name}=;max-age=0;path=/`;
  }
}

/** Captures console output of one level while `fn` runs. */
export async function captureConsole(level: 'error' | 'warn', fn: () => unknown): Promise<string[]> {
  const original = console[level];
  const lines: string[] = [];
  console[level] = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console[level] = original;
  }
  return lines;
}

/** Ends the page's instances and loses the cookies, keeping the device's receipts: a visit whose cookie is gone. */
export function endVisit(): void {
  instances.splice(0).forEach((controller) => controller.abort());
  clearCookies();
}

export function cleanup(): void {
  endVisit();
  deviceReceipts.length = 0;
  document.querySelectorAll('[data-test]').forEach((element) => element.remove());
  const w = window as unknown as Record<string, unknown>;
  delete w.dataLayer;
  delete w.gtag;
}

export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
