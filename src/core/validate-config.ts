import { checkConfig } from './config.js';
import { describeConfigProblems } from './config-problems.js';
import type { ResolvedConfig } from './types.js';

/** The result of `validateConfig`: every problem at once, each naming its path. */
export interface ConfigCheck {
  config: ResolvedConfig;
  errors: string[];
  warnings: string[];
}

/**
 * Validates a parsed JSON config (DESIGN.md section 3) and fills in the defaults. Never
 * throws: every problem comes back at once in `errors`, each naming its path; unknown fields
 * come back as `warnings`. With any error, Yinyom runs its safe default.
 *
 * `page` is the URL of a page the config will run on: relative URLs resolve against it and
 * `cookieDomain` must cover its host. In a browser it defaults to the current page; in Node
 * (a build step, CI), without it, `cookieDomain` is checked for its form only.
 *
 * @example
 * ```js
 * const { errors } = validateConfig(JSON.parse(fs.readFileSync('consent-config.json', 'utf8')), { page: 'https://tdga.dga.or.th/' });
 * if (errors.length) throw new Error(errors.join('\n'));
 * ```
 */
export function validateConfig(input: unknown, { page = globalThis.location?.href }: { page?: string } = {}): ConfigCheck {
  const checked = checkConfig(input, page);
  return { config: checked.config, ...describeConfigProblems(checked, page === undefined ? undefined : new URL(page).hostname) };
}
