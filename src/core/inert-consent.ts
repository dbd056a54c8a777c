import { failure } from './log.js';
import { resolveConfig } from './resolve-config.js';
import type { ConsentApi } from './types.js';

/** A promise that rejects with `message` but counts as handled: code that never awaits it gets no unhandled rejection. */
function refused<T>(message: string): Promise<T> {
  const promise = Promise.reject<T>(failure(message));
  promise.catch(() => undefined);
  return promise;
}

/**
 * The consent API where there is no browser (server-side rendering in Next.js, Nuxt or
 * SvelteKit): undecided, nothing granted, nothing stored or shown. Reading is safe;
 * `whenGranted` waits forever (it is decided in the browser); writing rejects, but a call
 * left unawaited raises no unhandled rejection.
 */
export function createInertConsent(input: unknown): ConsentApi {
  const config = Object.freeze(resolveConfig(input));
  const reason = 'there is no browser here (server-side rendering): decisions are made in the browser';
  const api: ConsentApi = {
    get: () => undefined,
    state: () => ({ decided: false, choices: {}, notice: undefined, receiptId: undefined, time: undefined, expires: undefined, language: config.language }),
    whenGranted: () => new Promise(() => undefined),
    on: () => () => undefined,
    set: () => refused(reason),
    acceptAll: () => refused(reason),
    rejectAll: () => refused(reason),
    withdraw: () => refused(reason),
    show: () => refused(reason),
    receipts: () => Promise.resolve([]),
    receiptEntries: () => Promise.resolve([]),
    sync: () => Promise.resolve({ sent: 0, pending: 0, failed: 0 }),
    push(fn) {
      try {
        fn(api);
      } catch {
        // Page code must not break the server's render either.
      }
    },
    config,
    notice: () => (typeof config.notice === 'object' && config.notice ? Promise.resolve(config.notice) : refused(reason)),
    language: () => config.language,
    setLanguage: () => undefined,
  };
  return api;
}
