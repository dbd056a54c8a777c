import type { Config, ResolvedConfig } from './types.js';

/** The result of `validateConfig`: every problem at once, each naming its path. */
export interface ConfigCheck {
  config: ResolvedConfig;
  errors: string[];
  warnings: string[];
}

/** Category and purpose ids: they travel in a cookie, in receipts and in `data-yinyom`. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

const CONSENT_MODE_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

type Check = (value: unknown, path: string) => void;
type Shape = Record<string, Check>;

/**
 * Validates a parsed JSON config (DESIGN.md section 3) and fills in the defaults.
 * Never throws: problems come back as `errors` (`config: categories[2].id must ...`),
 * unknown fields as `warnings`. With any error the caller must run the safe default.
 */
export function validateConfig(input: unknown): ConfigCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (path: string, problem: string) => errors.push(`config: ${path || 'the config'} ${problem}`);
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const ids = new Set<string>();

  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  const object =
    (shape: Shape, required: string[] = []): Check =>
    (value, path) => {
      if (!isObject(value)) return fail(path, 'must be an object');
      for (const key of required) if (value[key] === undefined) fail(join(path, key), 'is required');
      for (const key in value) {
        if (shape[key]) shape[key](value[key], join(path, key));
        else warnings.push(`config: ${join(path, key)} is not a known field; ignored`);
      }
    };
  const array =
    (item: Check, nonEmpty = false): Check =>
    (value, path) => {
      if (!Array.isArray(value)) return fail(path, 'must be an array');
      if (nonEmpty && !value.length) fail(path, 'must not be empty');
      value.forEach((entry, index) => item(entry, `${path}[${index}]`));
    };
  const string: Check = (value, path) => {
    if (typeof value !== 'string' || !value.trim()) fail(path, 'must be a non-empty string');
  };
  const boolean: Check = (value, path) => {
    if (typeof value !== 'boolean') fail(path, 'must be true or false');
  };
  const text: Check = (value, path) => {
    if (typeof value === 'string') return string(value, path);
    if (!isObject(value) || typeof value.th !== 'string' || (value.en !== undefined && typeof value.en !== 'string')) {
      fail(path, 'must be a string or {"th": "...", "en": "..."}');
    }
  };
  const url =
    (schemes: string[]): Check =>
    (value, path) => {
      try {
        if (!schemes.includes(new URL(value as string, location.href).protocol)) throw 0;
      } catch {
        fail(path, `must be a URL (${schemes.join(' ')})`);
      }
    };
  const oneOf =
    (choices: unknown[]): Check =>
    (value, path) => {
      if (!choices.includes(value)) fail(path, `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    };
  const id: Check = (value, path) => {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      return fail(path, 'must be lowercase letters, digits, "-" or "_"');
    }
    if (ids.has(value)) fail(path, `"${value}" is used twice`);
    ids.add(value);
  };
  const regex: Check = (value, path) => {
    try {
      new RegExp(value as string);
    } catch {
      fail(path, 'must be a valid regular expression');
    }
  };
  const http = url(['http:', 'https:']);
  const common = { id, title: text, description: text };

  const category = object(
    {
      ...common,
      required: boolean,
      gpc: boolean,
      cookies: array(
        object({ name: string, match: regex, provider: text, duration: text, description: text }, ['name']),
      ),
      consentMode: array(oneOf(CONSENT_MODE_TYPES)),
    },
    ['id', 'title'],
  );
  const purposeShape = object(
    {
      ...common,
      sensitive: boolean,
      banner: boolean,
      data: array(text),
      retention: text,
      recipients: array(text),
    },
    ['id', 'title'],
  );
  const purpose: Check = (value, path) => {
    purposeShape(value, path);
    if (isObject(value) && value.sensitive === true && value.banner === true) {
      fail(`${path}.banner`, 'must not be true for a sensitive purpose: PDPA s.26 consent is asked on its own');
    }
  };
  const controller = object(
    { name: text, email: string, phone: string, address: text, url: http },
    ['name'],
  );
  const notice: Check = (value, path) => {
    if (typeof value === 'string') return http(value, path);
    if (!isObject(value)) return fail(path, 'must be a notice object or the URL of one');
    string(value.id, `${path}.id`);
    string(value.version, `${path}.version`);
    if (value.url !== undefined) http(value.url, `${path}.url`);
  };

  object(
    {
      controller,
      notice,
      categories: array(category, true),
      purposes: array(purpose),
      endpoint: http,
      language: oneOf(['th', 'en']),
      expiresDays: (value, path) => {
        if (typeof value !== 'number' || !(value > 0 && value <= 3650)) fail(path, 'must be a number of days from 1 to 3650');
      },
      cookieDomain: (value, path) => {
        string(value, path);
        const domain = String(value).replace(/^\./, '');
        if (typeof value === 'string' && location.hostname !== domain && !location.hostname.endsWith(`.${domain}`)) {
          fail(path, `"${value}" does not cover this page's host ${location.hostname}`);
        }
      },
      respectGPC: boolean,
      googleConsentMode: boolean,
      subject: string,
    },
    ['controller', 'notice', 'categories'],
  )(input, '');

  const given = (isObject(input) ? input : {}) as Partial<Config>;
  return {
    errors,
    warnings,
    config: {
      ...given,
      categories: errors.length ? [] : given.categories!,
      purposes: errors.length ? [] : given.purposes ?? [],
      language: given.language ?? 'th',
      expiresDays: given.expiresDays ?? 365,
      respectGPC: given.respectGPC ?? true,
      googleConsentMode: given.googleConsentMode ?? false,
    } as ResolvedConfig,
  };
}
