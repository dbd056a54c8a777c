import type { Config, ResolvedConfig } from './types.js';

/** A plain object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The entries of a list that could be categories or purposes: objects with a string id. */
const entries = (value: unknown) => (Array.isArray(value) ? value.filter((entry) => isObject(entry) && typeof entry.id === 'string') : []);

/**
 * `input` with the defaults of DESIGN.md section 3 filled in. Never throws, whatever `input`
 * is; it checks nothing beyond what keeps the core from throwing: `checkConfig` says whether
 * the result may be used.
 */
export function resolveConfig(input: unknown): ResolvedConfig {
  const given = (isObject(input) ? input : {}) as Partial<Config>;
  return {
    ...given,
    categories: entries(given.categories),
    purposes: entries(given.purposes),
    language: given.language ?? 'th',
    expiresDays: given.expiresDays ?? 365,
    respectGPC: given.respectGPC ?? true,
    googleConsentMode: given.googleConsentMode ?? false,
  } as ResolvedConfig;
}
