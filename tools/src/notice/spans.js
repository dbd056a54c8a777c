import { linkify } from './linkify.js';

/** Spaces of every kind (the seeds are full of no-break spaces) as one plain space. */
export const squeeze = (text) => text.replace(/[\s\u00a0\u200b]+/g, ' ');

/** The plain text of spans. */
export const plain = (spans) => spans.map((span) => span.text).join('');

/** The spans less their first `count` characters (a clause number that a list now gives). */
export function dropStart(spans, count) {
  const rest = [];
  for (const span of spans) {
    const cut = Math.min(count, span.text.length);
    count -= cut;
    if (span.text.length > cut) rest.push({ ...span, text: span.text.slice(cut) });
  }
  return rest;
}

/**
 * Notice text (DESIGN.md section 4) from spans: a plain string when nothing is bold or a link,
 * else an array of spans. E-mail addresses, URLs and phone numbers become links; spaces are
 * squeezed and the ends trimmed.
 */
export function noticeText(spans) {
  const out = [];
  const push = (span) => {
    const last = out.at(-1);
    if (last && !last.href && !span.href && !last.strong === !span.strong) last.text += span.text;
    else out.push({ ...span });
  };
  for (const span of spans) {
    if (span.href) push(span);
    else {
      const linked = linkify(span.text);
      for (const piece of typeof linked === 'string' ? [{ text: linked }] : linked) push(span.strong && !piece.href ? { ...piece, strong: true } : piece);
    }
  }
  for (const span of out) span.text = squeeze(span.text);
  if (out.length) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  const kept = out.filter((span) => span.text);
  if (kept.every((span) => !span.href && !span.strong)) return kept.map((span) => span.text).join('');
  return kept.map(({ text, href, strong }) => ({ text, ...(strong && { strong: true }), ...(href && { href }) }));
}
