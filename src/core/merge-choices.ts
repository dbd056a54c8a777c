import { failure } from './log.js';
import type { Actor, Category, Choices, ResolvedConfig } from './types.js';

/** Who may decide (PDPA s.20): the person, or a parent, custodian or curator for them. */
const ACTORS: readonly Actor[] = ['self', 'parent', 'custodian', 'curator'];

/**
 * The choices after `update`: value in, value out. Throws (naming the id) on an id the config
 * does not have, a value that is not a boolean, or a required category denied, and on an
 * `actor` that is not one the receipt schema knows: nothing is recorded or applied then.
 *
 * A decision about cookies records every optional category explicitly: one not decided
 * before and not in this update is denied. An update of purposes alone (an inline form)
 * settles no category, so the banner still asks. Ids the config no longer has are dropped.
 */
export function mergeChoices(config: ResolvedConfig, current: Choices | undefined, update: Choices, actor?: Actor): Choices {
  if (actor !== undefined && !ACTORS.includes(actor)) throw failure(`set: actor ${JSON.stringify(actor)} must be one of ${ACTORS.join(', ')}`);
  const entries = new Map<string, Category | { id: string; required?: undefined }>();
  for (const entry of [...config.categories, ...config.purposes]) entries.set(entry.id, entry);
  for (const id of Object.keys(update)) {
    const entry = entries.get(id);
    const problem = !entry
      ? 'is not a category or purpose of the config'
      : typeof update[id] !== 'boolean'
        ? 'must be true or false'
        : entry.required && !update[id] && 'is required and cannot be denied';
    if (problem) throw failure(`set: "${id}" ${problem}`);
  }
  const optional = config.categories.filter((category) => !category.required);
  const choices: Choices = {};
  if (optional.some((category) => Object.hasOwn(update, category.id))) for (const category of optional) choices[category.id] = false;
  for (const id of Object.keys(current ?? {})) if (entries.has(id) && !entries.get(id)!.required) choices[id] = current![id];
  for (const id of Object.keys(update)) if (!entries.get(id)!.required) choices[id] = update[id];
  return choices;
}
