import type { StrResult } from '@lit/localize';

/** Tags a template with expressions for `msg`, as @lit/localize's `str` does (and with its type, which its analyzer looks for). */
export const str = ((strings: TemplateStringsArray, ...values: unknown[]): StrResult => ({ strTag: true, strings, values })) as typeof import('@lit/localize').str;
