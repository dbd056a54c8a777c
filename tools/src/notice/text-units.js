import { isDateLine } from './date-line.js';
import { readMarker } from './markers.js';
import { FOOTER_REASON, noiseReason } from './noise.js';
import { squeeze } from './spans.js';

/**
 * Reads a notice copied as plain text into units, one a paragraph, clause or bullet: lines
 * that follow each other without a blank line are one paragraph (the copy wrapped them), a
 * clause number or bullet starts a new one, and three or more spaces inside a line stand for
 * a line break the copy lost. The page's navigation and footer are dropped and listed.
 */
export function textUnits(text) {
  const units = [];
  const dropped = [];
  let blank = true;
  let footer = false;
  for (const rawLine of text.split(/\r\n?|\n/)) {
    const segments = rawLine.trim().split(/[ \u00a0\t]{3,}/);
    segments.forEach((segment, i) => {
      const line = squeeze(segment).trim();
      if (!line) return;
      const reason = noiseReason(line) ?? (footer && line.length <= 80 ? FOOTER_REASON : undefined);
      if (reason) {
        dropped.push({ text: line, reason });
        footer ||= reason === FOOTER_REASON;
        blank = true;
        return;
      }
      const marker = readMarker(line);
      const previous = units.at(-1);
      if (!marker && !blank && i === 0 && previous && !isDateLine(previous.text) && !isDateLine(line)) {
        previous.spans[0].text += ` ${line}`;
        previous.text += ` ${line}`;
      } else {
        units.push({ text: line, spans: [{ text: line }], marker, blankBefore: blank || i > 0 });
      }
      blank = false;
    });
    if (!rawLine.trim()) blank = true;
  }
  return { units, dropped };
}
