import type { SectionKind } from './types.js';

const KINDS: SectionKind[] = [
  'legal-basis', 'purposes', 'data', 'disclosure', 'cookies', 'minors', 'rights', 'transfer',
  'retention', 'processors', 'security', 'participation', 'accountability', 'changes', 'contact', 'other',
];

/**
 * Checks the shape of a structured notice (DESIGN.md section 4) before it is rendered, so a
 * malformed one is reported, naming each bad path (`sections[2].body[0].rows[1]: ...`), and
 * shown as an error instead of breaking the page. Links with other schemes are not errors:
 * they are shown as plain text. Returns the problems; empty when the notice can be rendered.
 *
 * @example
 * const problems = checkNotice(await (await fetch('/privacy/notice.json')).json());
 * if (problems.length) console.error(problems.join('\n'));
 */
export function checkNotice(notice: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, problem: string) => problems.push(`${path || 'notice'}: ${problem}`);
  // Its own few characters rather than resolve-config's: sharing would make that module a chunk of its own.
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  const localized = (value: unknown) =>
    typeof value === 'string' || (isObject(value) && typeof value.th === 'string' && (value.en === undefined || typeof value.en === 'string'));
  const text = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((span, i) => {
        if (!isObject(span) || !localized(span.text)) fail(`${path}[${i}]`, 'must be a span {"text": ..., "strong"?, "href"?}');
        else if (span.href !== undefined && typeof span.href !== 'string') fail(`${path}[${i}].href`, 'must be a string');
      });
    } else if (!localized(value)) fail(path, 'must be a string, {"th", "en"} or an array of spans');
  };
  const array = (value: unknown, path: string, each: (item: unknown, path: string) => void) => {
    if (!Array.isArray(value)) return fail(path, 'must be an array');
    value.forEach((item, i) => each(item, `${path}[${i}]`));
  };
  const item = (value: unknown, path: string): void => {
    if (isObject(value) && 'text' in value && !('th' in value)) {
      text(value.text, `${path}.text`);
      if (value.items !== undefined) array(value.items, `${path}.items`, item);
    } else text(value, path);
  };
  const block = (value: unknown, path: string) => {
    if (!isObject(value)) return fail(path, 'must be a block object');
    if (value.source !== undefined && value.source !== 'site') fail(`${path}.source`, 'must be "site"');
    if (value.type === 'paragraph') text(value.text, `${path}.text`);
    else if (value.type === 'list') {
      if (value.start !== undefined && !(Number.isInteger(value.start) && (value.start as number) >= 1)) fail(`${path}.start`, 'must be a whole number from 1');
      array(value.items, `${path}.items`, item);
    }
    else if (value.type === 'table') {
      if (value.caption !== undefined) text(value.caption, `${path}.caption`);
      array(value.head, `${path}.head`, text);
      array(value.rows, `${path}.rows`, (row, rowPath) => array(row, rowPath, text));
    } else fail(`${path}.type`, 'must be "paragraph", "list" or "table"');
  };

  if (!isObject(notice)) return [`notice: must be an object`];
  for (const key of ['id', 'version'] as const) if (typeof notice[key] !== 'string') fail(key, 'must be a string');
  if (notice.title !== undefined && !localized(notice.title)) fail('title', 'must be a string or {"th", "en"}');
  // The controller and the DPO are rendered as contact blocks: a wrong type must be named, not silently dropped.
  const contact = (value: unknown, path: string, nameRequired: boolean) => {
    if (value === undefined) return;
    if (!isObject(value)) return fail(path, 'must be an object');
    if (nameRequired ? !localized(value.name) : value.name !== undefined && !localized(value.name)) fail(`${path}.name`, 'must be a string or {"th", "en"}');
    for (const key of ['email', 'phone', 'url'] as const) if (value[key] !== undefined && typeof value[key] !== 'string') fail(`${path}.${key}`, 'must be a string');
    if (value.address !== undefined && !localized(value.address)) fail(`${path}.address`, 'must be a string or {"th", "en"}');
  };
  contact(notice.controller, 'controller', true);
  contact(notice.dpo, 'dpo', false);
  if (notice.intro !== undefined) array(notice.intro, 'intro', block);
  if (notice.sections !== undefined) {
    array(notice.sections, 'sections', (section, path) => {
      if (!isObject(section)) return fail(path, 'must be a section object');
      if (!KINDS.includes(section.kind as SectionKind)) fail(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
      if (!localized(section.title)) fail(`${path}.title`, 'must be a string or {"th", "en"}');
      array(section.body, `${path}.body`, block);
    });
  }
  return problems;
}
