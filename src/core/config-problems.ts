import type { ConfigProblems } from './config.js';

/**
 * The wording of config problems, by code. Kept apart from the checks, which carry only the
 * codes: the script-tag build fetches the texts only when there is a problem to print.
 */
export const CONFIG_PROBLEMS = {
  object: () => 'must be an object',
  array: () => 'must be an array',
  empty: () => 'must not be empty',
  required: () => 'is required',
  string: () => 'must be a non-empty string',
  boolean: () => 'must be true or false',
  text: () => 'must be a string or {"th": "...", "en": "..."}',
  url: () => 'must be an http(s) URL',
  regex: () => 'must be a valid regular expression',
  id: () => 'must be lowercase letters, digits, "-" or "_"',
  twice: (value: unknown) => `"${value}" is used twice`,
  reserved: (value: unknown) => `"${value}" is a name JavaScript objects already have; choose another id`,
  notice: () => 'must be a notice object or the URL of one',
  'consent-mode': () => 'must be a Consent Mode v2 type, e.g. analytics_storage',
  'sensitive-banner': () => 'must not be true for a sensitive purpose: PDPA s.26 consent is asked on its own',
  language: () => 'must be "th" or "en"',
  days: () => 'must be a number of days from 1 to 3650',
  domain: (value: unknown, host?: string) => `${JSON.stringify(value)} does not cover this page's host ${host}`,
  unknown: () => 'is not a known field; ignored',
  unreadable: (value: unknown) => `could not be read: ${value}`,
} satisfies Record<string, (value?: unknown, host?: string) => string>;

export type ConfigProblemCode = keyof typeof CONFIG_PROBLEMS;

/** Words the problems of `checkConfig`: `config: categories[2].id must be ...`. */
export function describeConfigProblems({ errors, unknown }: Pick<ConfigProblems, 'errors' | 'unknown'>, host: string = globalThis.location?.hostname ?? 'the page') {
  return {
    errors: errors.map(([path, code, value]) => `config: ${path || 'the config'} ${CONFIG_PROBLEMS[code](value, host)}`),
    warnings: unknown.map((path) => `config: ${path} ${CONFIG_PROBLEMS.unknown()}`),
  };
}
