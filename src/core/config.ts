import type { ConfigProblemCode } from './config-problems.js';
import { ID_PATTERN } from './decision-cookie.js';
import { isObject, resolveConfig } from './resolve-config.js';
import type { ResolvedConfig } from './types.js';

/*
 * Checking a config and wording its problems. The script-tag core loads this module
 * (`yinyom-config.js`) only for a config it has not checked before: a returning visitor's
 * cookie carries the fingerprint of the config their decision was made under.
 */

/** One problem of a config: where, what (a key of `CONFIG_PROBLEMS` in config-problems.ts), and the offending value where the text quotes it. */
export type ConfigProblem = [path: string, code: ConfigProblemCode, value?: unknown];

/** The result of `checkConfig`. */
export interface ConfigProblems {
  config: ResolvedConfig;
  errors: ConfigProblem[];
  /** Unknown fields: reported, never fatal. */
  unknown: string[];
}


/** The Google Consent Mode v2 types a category may map to. */
const CONSENT_MODE_TYPE = /^(ad_(storage|user_data|personalization)|(analytics|functionality|personalization|security)_storage)$/;

type Check = (value: unknown, path: string) => void;

/**
 * Checks a parsed JSON config (DESIGN.md section 3) and fills in the defaults. Never throws.
 * With any error the caller must run the safe default; `describeConfigProblems` words them.
 */
export function checkConfig(input: unknown, page: string | undefined = globalThis.location?.href): ConfigProblems {
  // Outside a browser (a build step, CI) there may be no page: a relative endpoint is then
  // resolved against a stand-in, and `cookieDomain` is checked for its form only.
  const host = page === undefined ? undefined : new URL(page).hostname;
  const errors: ConfigProblem[] = [];
  const unknown: string[] = [];
  const fail = (path: string, code: ConfigProblemCode, value?: unknown) => errors.push([path, code, value]);
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const ids = new Set<string>();

  const test =
    (ok: (value: unknown) => unknown, code: ConfigProblemCode): Check =>
    (value, path) => {
      if (!ok(value)) fail(path, code);
    };

  /** An object check; keys ending in "!" are required. */
  const object =
    (shape: Record<string, Check>): Check =>
    (value, path) => {
      if (!isObject(value)) return fail(path, 'object');
      for (const key in shape) if (key.endsWith('!') && value[key.slice(0, -1)] === undefined) fail(join(path, key.slice(0, -1)), 'required');
      for (const key in value) {
        const check = shape[key] ?? shape[`${key}!`];
        if (check) check(value[key], join(path, key));
        else unknown.push(join(path, key));
      }
    };
  const array =
    (item: Check, nonEmpty?: boolean): Check =>
    (value, path) => {
      if (!Array.isArray(value)) return fail(path, 'array');
      if (nonEmpty && !value.length) fail(path, 'empty');
      value.forEach((entry, index) => item(entry, `${path}[${index}]`));
    };
  const string = test((value) => typeof value === 'string' && value.trim(), 'string');
  const boolean = test((value) => typeof value === 'boolean', 'boolean');
  const text: Check = (value, path) =>
    typeof value === 'string'
      ? string(value, path)
      : test((v) => isObject(v) && typeof v.th === 'string' && (v.en === undefined || typeof v.en === 'string'), 'text')(value, path);
  const http = test((value) => {
    try {
      return /^https?:$/.test(new URL(value as string, page ?? 'https://page.invalid/').protocol);
    } catch {
      return false;
    }
  }, 'url');
  const regex = test((value) => {
    try {
      return new RegExp(value as string);
    } catch {
      return false;
    }
  }, 'regex');
  const id: Check = (value, path) => {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) return fail(path, 'id');
    // Choices are plain objects: an id such as "constructor" would read as decided on every one.
    if (value in Object.prototype) return fail(path, 'reserved', value);
    if (ids.has(value)) fail(path, 'twice', value);
    ids.add(value);
  };
  const common = { 'id!': id, 'title!': text, description: text };
  const purpose = object({ ...common, sensitive: boolean, banner: boolean, data: array(text), retention: text, recipients: array(text) });

  object({
    'controller!': object({ 'name!': text, email: string, phone: string, address: text, url: http }),
    'notice!': (value, path) => {
      if (typeof value === 'string') return http(value, path);
      if (!isObject(value)) return fail(path, 'notice');
      string(value.id, `${path}.id`);
      string(value.version, `${path}.version`);
      if (value.url !== undefined) http(value.url, `${path}.url`);
    },
    'categories!': array(
      object({
        ...common,
        required: boolean,
        gpc: boolean,
        cookies: array(object({ 'name!': string, match: regex, provider: text, duration: text, description: text })),
        consentMode: array(test((value) => CONSENT_MODE_TYPE.test(value as string), 'consent-mode')),
      }),
      true,
    ),
    purposes: array((value, path) => {
      purpose(value, path);
      if (isObject(value) && value.sensitive === true && value.banner === true) fail(`${path}.banner`, 'sensitive-banner');
    }),
    endpoint: http,
    language: test((value) => value === 'th' || value === 'en', 'language'),
    expiresDays: test((value) => typeof value === 'number' && value > 0 && value <= 3650, 'days'),
    cookieDomain: (value, path) => {
      const domain = String(value).replace(/^\./, '');
      const ours = host === undefined ? /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain) : host === domain || host.endsWith(`.${domain}`);
      if (typeof value !== 'string' || !ours) {
        fail(path, 'domain', value);
      }
    },
    respectGPC: boolean,
    googleConsentMode: boolean,
    subject: string,
  })(input, '');

  const config = resolveConfig(input);
  return { errors, unknown, config: errors.length ? { ...config, categories: [], purposes: [] } : config };
}

/**
 * Prints the problems of a config on the console, each naming its path: unknown fields as
 * one warning, errors as one error that says nothing optional will run. The wording is a
 * chunk of its own, fetched only when there is something to say; without it each problem is
 * still named by path and code.
 */
export function reportConfigProblems({ errors, unknown }: Pick<ConfigProblems, 'errors' | 'unknown'>): void {
  if (!errors.length && !unknown.length) return;
  void import('./config-problems.js')
    .then(
      (module) => module.describeConfigProblems({ errors, unknown }),
      () => ({
        errors: errors.map(([path, code, value]) => `config: ${path} (${code}) ${value ?? ''}`),
        warnings: unknown.map((path) => `config: ${path} (unknown field)`),
      }),
    )
    .then((described) => {
      // console directly, not log.ts: sharing that one line with the other chunks would make
      // it a chunk of its own, one more request before a first visit's banner.
      if (described.warnings.length) console.warn('[yinyom]', described.warnings.join('\n'));
      if (errors.length) console.error('[yinyom]', `${errors.length} config problem(s); nothing optional will run:\n  ${described.errors.join('\n  ')}`);
    });
}
