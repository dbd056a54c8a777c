import type { NoticeSection } from '../../core/types.js';

/**
 * The id of each section of a notice: its own `id` when no earlier section took it, else its
 * `kind`, then `kind-2`, `kind-3`… for a kind that repeats. Stable while the notice is, so the
 * links a site shares (`/privacy#rights`) keep pointing at the same section. An id holds no
 * white space and no `.` (each heading is `<id>.title`), and `title` and `toc` name the
 * element's own headings.
 */
export function sectionIds(sections: readonly NoticeSection[]): string[] {
  const name = (id: unknown): id is string => typeof id === 'string' && /^[^\s.]+$/.test(id);
  const taken = new Set(['title', 'toc']);
  const own = sections.map(({ id }) => (name(id) && !taken.has(id) ? (taken.add(id), id) : undefined));
  return sections.map(({ kind }, i) => {
    if (own[i]) return own[i]!;
    const base = name(kind) ? kind : 'section';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
