import type { Language, LocalizedText } from '../../core/types.js';

/** The text of `value` in `language`; Thai when there is no translation (the Thai text prevails). */
export function loc(value: LocalizedText | undefined, language: Language): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return (language === 'en' && value.en) || value.th || value.en || '';
}

/**
 * `href` if it is an http(s), mailto or tel link, else `undefined`: notice and config text
 * never gets a `javascript:` or `data:` link. The URL parser decides, so case, whitespace and
 * control characters cannot smuggle another scheme past the check.
 */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, document.baseURI);
    return /^(https?|mailto|tel):$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
