import type { ConfigProblems } from './config.js';
import type * as Deferred from './deferred.js';
import { log } from './log.js';

/**
 * Prints every problem of a config on the console, each naming its path: unknown fields as one
 * warning, errors as one error that says nothing optional will run. The wording arrives with
 * the decision chunk; without it each problem is named by path and code.
 */
export function reportConfigProblems({ errors, unknown }: Pick<ConfigProblems, 'errors' | 'unknown'>, chunk: () => Promise<typeof Deferred>): void {
  if (!errors.length && !unknown.length) return;
  void chunk()
    .then(
      (module) => module.describeConfigProblems({ errors, unknown }),
      () => ({
        errors: errors.map(([path, code, value]) => `config: ${path} (${code}) ${value ?? ''}`),
        warnings: unknown.map((path) => `config: ${path} (unknown field)`),
      }),
    )
    .then((described) => {
      if (described.warnings.length) log('warn', described.warnings.join('\n'));
      if (errors.length) log('error', `${errors.length} config problem(s); nothing optional will run:\n  ${described.errors.join('\n  ')}`);
    });
}
