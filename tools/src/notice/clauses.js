import { dropStart, noticeText, plain } from './spans.js';

/** Whether clause number `next` may come right after `previous`: its first child, or the next at some level. */
export function follows(previous, next) {
  if (next.length === previous.length + 1) return previous.every((n, i) => next[i] === n) && next.at(-1) === 1;
  if (next.length > previous.length) return false;
  const k = next.length - 1;
  return previous.slice(0, k).every((n, i) => next[i] === n) && next[k] === previous[k] + 1;
}

/** The spans of a unit less its clause number or bullet, which the list now gives. */
export function withoutMarker(unit) {
  const text = plain(unit.spans);
  return dropStart(unit.spans, text.indexOf(unit.marker.raw) + unit.marker.raw.length);
}

/**
 * Nests list entries `{depth, text}` (depth 1 = top) into the items of a list block:
 * `text`, or `{text, items}` for an entry with deeper ones after it.
 */
export function nestItems(entries) {
  const root = { depth: 0, children: [] };
  const stack = [root];
  for (const { depth, spans } of entries) {
    while (stack.length > 1 && stack.at(-1).depth >= depth) stack.pop();
    const node = { depth, text: noticeText(spans), children: [] };
    stack.at(-1).children.push(node);
    stack.push(node);
  }
  const items = (node) => node.children.map((child) => (child.children.length ? { text: child.text, items: items(child) } : child.text));
  return items(root);
}

/**
 * Why a run of numbered clauses cannot become an ordered list that `<yinyom-notice>` numbers
 * as the source does, or undefined when it can. The renderer numbers a section's list items
 * `<section>.<item>`, so multi-level numbers must start with the section's own number, and
 * every clause must follow the one before; a clause with paragraphs of its own cannot be a
 * list item (an item is one text and its sub-items).
 */
export function unlistable(numbers, { sectionNumber, hasBody }) {
  if (hasBody) return 'ข้อมีย่อหน้าของตัวเอง / clauses have paragraphs of their own';
  const prefixed = numbers.every((levels) => levels.length > 1 && levels[0] === numbers[0][0]);
  if (prefixed && numbers[0][0] !== sectionNumber) return `เลขข้อไม่ตรงกับเลขส่วน (${sectionNumber ?? '-'}) / numbers do not start with the section's number`;
  const local = prefixed ? numbers.map((levels) => levels.slice(1)) : numbers;
  if (local[0].length !== 1 || local[0][0] !== 1) return 'ไม่ได้เริ่มที่ข้อ 1 / does not start at 1';
  const gap = local.findIndex((levels, i) => i > 0 && !follows(local[i - 1], levels));
  if (gap > 0) return 'เลขข้อข้ามหรือซ้ำ / numbers skip or repeat';
  return undefined;
}
