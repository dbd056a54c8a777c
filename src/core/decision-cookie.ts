import { readCookie, writeCookie } from './cookies.js';
import { log } from './log.js';
import type { Choices, ResolvedConfig } from './types.js';

/** Category and purpose ids: they travel in this cookie, in receipts and in `data-yinyom`. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** The name of the first-party cookie that holds the current decision. */
export const COOKIE_NAME = 'yinyom';
/**
 * Its name on https without a `cookieDomain`: the `__Host-` prefix makes browsers refuse the
 * cookie from anything but this origin over https (no Domain, path `/`, Secure), so a sibling
 * subdomain, another port or a network attacker on plain http cannot plant a decision.
 */
export const HOST_COOKIE_NAME = '__Host-yinyom';

/** The decision cookie's name for a config on a page of this protocol. */
export const decisionCookieName = ({ cookieDomain }: Pick<ResolvedConfig, 'cookieDomain'>, protocol = location.protocol) =>
  protocol === 'https:' && !cookieDomain ? HOST_COOKIE_NAME : COOKIE_NAME;

/** A decision as the `yinyom` cookie carries it. */
export interface StoredDecision {
  /** The notice version the decision was made under. */
  version: string;
  /** When it was made. */
  time: Date;
  /** Every decided category and purpose (required categories are not stored). */
  choices: Choices;
  /** The receipt that recorded it. */
  receiptId: string;
  /** Receipts wait in this browser's outbox: the next page load flushes them. */
  pending?: boolean;
  /** The fingerprint of the config the decision was made under (`configFingerprint`): a page whose config has it skips checking it again. */
  config?: string;
}

/*
 * Format v1, documented in the README so a server can read it:
 *   1|<notice version, URI-encoded>|<unix seconds, base 36>|<granted ids>|<denied ids>|<receipt id>[|<flags>[|<config>]]
 * Flags: "p" says receipts are waiting to be sent, so a returning visit opens the outbox only
 * then, without touching any other storage. Config: the base-36 fingerprint of the config
 * the decision was made under, so that a returning visit with the same config skips checking
 * it. Both optional fields are new in v1's later form; a value without them is still read.
 * Id lists are joined with "."; ids are [a-z0-9_-] so they need no escaping, and "|" and "."
 * are valid cookie octets (RFC 6265) that encodeURIComponent escapes inside the version.
 */

/** Encodes a decision as the cookie's value. */
export function encodeDecision({ version, time, choices, receiptId, pending, config }: StoredDecision): string {
  const ids = (value: boolean) =>
    Object.keys(choices)
      .filter((id) => choices[id] === value)
      .join('.');
  const parts = ['1', encodeURIComponent(version), Math.floor(+time / 1000).toString(36), ids(true), ids(false), receiptId];
  if (pending || config) parts.push(pending ? 'p' : '');
  if (config) parts.push(config);
  return parts.join('|');
}

/** Decodes a cookie value; `undefined` for anything that is not a well-formed v1 value. */
export function decodeDecision(value: string): StoredDecision | undefined {
  const [format, version, seconds, granted, denied, receiptId, flags = '', config, ...rest] = value.split('|');
  const base36 = /^[0-9a-z]+$/;
  if (rest.length || format !== '1' || !base36.test(seconds) || !receiptId || (flags && flags !== 'p') || (config !== undefined && !base36.test(config))) return undefined;
  const choices: Choices = {};
  for (const [list, value] of [[granted, true], [denied, false]] as const) {
    for (const id of list ? list.split('.') : []) {
      if (!ID_PATTERN.test(id)) return undefined;
      choices[id] = value;
    }
  }
  try {
    const decision: StoredDecision = { version: decodeURIComponent(version), time: new Date(parseInt(seconds, 36) * 1000), choices, receiptId };
    if (flags) decision.pending = true;
    if (config) decision.config = config;
    return decision;
  } catch {
    return undefined;
  }
}

/**
 * Whether `cookies` (a `document.cookie` value) holds a decision cookie under either name: before
 * the config is read, enough to tell that a banner is all but certain.
 */
export const holdsDecisionCookie = (cookies: string) => cookies.split('; ').some((pair) => pair.startsWith(`${COOKIE_NAME}=`) || pair.startsWith(`${HOST_COOKIE_NAME}=`));

/**
 * Reads the decision of this page's decision cookie, from `cookies` when given (a `document.cookie`
 * value just read); a value that is not one is ignored, with a warning.
 */
export function readDecisionCookie(config: Pick<ResolvedConfig, 'cookieDomain'>, cookies?: string): StoredDecision | undefined {
  const name = decisionCookieName(config);
  const raw = readCookie(name, cookies);
  const stored = raw === undefined ? undefined : decodeDecision(raw);
  if (raw !== undefined && !stored) log('warn', `the "${name}" cookie is not a Yinyom decision; treated as no decision`);
  return stored;
}

/** Writes `next` as the `yinyom` cookie, lasting until the decision expires; `undefined` deletes it. */
export function writeDecisionCookie(next: StoredDecision | undefined, { expiresDays, cookieDomain }: Pick<ResolvedConfig, 'expiresDays' | 'cookieDomain'>): void {
  const seconds = next ? (+next.time + expiresDays * 864e5 - Date.now()) / 1000 : 0;
  writeCookie(decisionCookieName({ cookieDomain }), next ? encodeDecision(next) : '', seconds, cookieDomain);
}
