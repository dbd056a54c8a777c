import type { MsgFn, MsgOptions, StrResult } from '@lit/localize';
import type { Language } from '../core/types.js';
import { templates } from './locales/en.js';

/*
 * Localization with @lit/localize's authoring API and tools, and a client of our own.
 *
 * Strings are written with `msg()` and `str` and a stable `id`; `lit-localize extract` writes
 * them to locales/en.xlf and `lit-localize build` (runtime output mode) turns the translated
 * XLIFF into the `templates` modules in ./locales (see scripts/i18n.mjs). Thai is the source
 * language: a first paint waits for nothing and the Thai text, which prevails, is the code.
 *
 * The client is these few lines instead of `configureLocalization`, for two reasons: the
 * library runtime costs about 1.1 KB gzip on a first visit whose whole budget is 16 KB, and
 * it may be configured only once per page, so an app that uses @lit/localize itself could
 * not also import `yinyom/elements`. Our `msg` and `str` carry @lit/localize's types, which is
 * how its analyzer finds the calls.
 */

let current: Language = 'th';

/**
 * English translations by message id. Starts with the strings of the first-visit UI (banner,
 * preferences, manage); a page element loaded later adds its own with `addTranslations`, so
 * the English of the notice, the inline form and the receipts never rides along on a first visit.
 */
const english: Record<string, string | StrResult> = { ...templates };

export { str } from './str.js';

/** The string `template` in the current UI language: itself in Thai, the translation of `options.id` in English. */
export const msg = ((template: string | StrResult, options?: MsgOptions) => {
  const translated = (current === 'en' && english[options!.id!]) || template;
  if (typeof translated === 'string') return translated;
  // A translation's values are the indexes of the source's values, which it may reorder.
  const source = (template as StrResult).values;
  return translated.strings.reduce((text, piece, i) => text + source[translated === template ? i - 1 : (translated.values[i - 1] as number)] + piece);
}) as MsgFn;

/** The language the UI strings are currently rendered in. */
export const uiLanguage = (): Language => current;

/** Switches every element's UI strings to `language` (elements re-render on the core's `change`). */
export const useLanguage = (language: Language): void => {
  current = language === 'en' ? 'en' : 'th';
};

/** Adds the English strings of a lazily loaded element. */
export const addTranslations = (more: Record<string, unknown>): void => void Object.assign(english, more);
