import { html, type TemplateResult } from 'lit';
import type { Language, LocalizedText } from '../../core/types.js';
import { loc } from './text.js';

/**
 * Like `loc`, but marks a Thai fallback inside English UI with `lang="th"`, so screen readers
 * switch voice and the browser breaks the line with its Thai dictionary (WCAG 3.1.2).
 */
export function tx(value: LocalizedText | undefined, language: Language, map = (text: string) => text): string | TemplateResult {
  const text = map(loc(value, language));
  const thai = language === 'en' && text && (typeof value === 'string' || !value?.en);
  return thai ? html`<span lang="th">${text}</span>` : text;
}
