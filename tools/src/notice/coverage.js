import { squeeze } from './spans.js';

const words = (text) => squeeze(text).trim().split(' ').filter(Boolean);

/**
 * The share of the source's text that the notice keeps, by words: each word of the source
 * counts (by its length in characters) when the notice, or the text its structure stands for,
 * has it. `{kept, total}` in characters.
 */
export function coverage(sourceText, keptTexts) {
  const have = new Map();
  for (const word of keptTexts.flatMap(words)) have.set(word, (have.get(word) ?? 0) + 1);
  let kept = 0;
  let total = 0;
  for (const word of words(sourceText)) {
    total += word.length;
    const left = have.get(word);
    if (left) {
      kept += word.length;
      have.set(word, left - 1);
    }
  }
  return { kept, total };
}
