import type { ConsentApi } from './types.js';

let current: ConsentApi | undefined;
const waiting: Array<(api: ConsentApi) => void> = [];

/**
 * Makes `api` the instance that page elements use when none is given to them: the last
 * `createConsent` (npm) or the one the script tag booted.
 */
export function setDefaultConsent(api: ConsentApi): void {
  current = api;
  waiting.splice(0).forEach((resolve) => resolve(api));
}

/** The default instance, once there is one. */
export function defaultConsent(): Promise<ConsentApi> {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve));
}
