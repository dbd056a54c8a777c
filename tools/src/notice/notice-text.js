const textOf = (value) => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((span) => textOf(span.text)).join('');
  return value?.th ?? '';
};
const itemText = (item) => (typeof item === 'object' && !Array.isArray(item) && 'text' in item && !('th' in item) ? [textOf(item.text), ...(item.items ?? []).flatMap(itemText)] : [textOf(item)]);
const blockText = (block) => {
  if (block.type === 'paragraph') return [textOf(block.text)];
  if (block.type === 'list') return block.items.flatMap(itemText);
  return [...(block.caption ? [textOf(block.caption)] : []), ...block.head.map(textOf), ...block.rows.flat().map(textOf)];
};

/** Every Thai text of a notice in reading order (title, intro, each section's title and body), one string a text. */
export function noticeTexts(notice) {
  return [
    ...(notice.title ? [textOf(notice.title)] : []),
    ...(notice.intro ?? []).flatMap(blockText),
    ...(notice.sections ?? []).flatMap((section) => [textOf(section.title), ...section.body.flatMap(blockText)]),
  ];
}
