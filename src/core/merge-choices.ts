import { failure } from './log.js';
import type { Actor, Category, Choices, GuardianRecord, Relationship, ResolvedConfig } from './types.js';

/**
 * Who may decide (PDPA s.20), and the guardians each may be: a minor's parents or guardian
 * with the minor (`self`) or for them (`parent`); a custodian or curator for the person.
 */
const ACTORS: Readonly<Record<Actor, readonly Relationship[]>> = {
  self: ['father', 'mother', 'adoptive-parent', 'guardian'],
  parent: ['father', 'mother', 'adoptive-parent', 'guardian'],
  custodian: ['custodian'],
  curator: ['curator'],
};

/**
 * Throws (naming the field) on an `actor` the receipt schema does not know, or a `guardian`
 * that is not one `actor` can have: nothing is recorded then.
 */
export function checkActor(actor: Actor | undefined, guardian: GuardianRecord | undefined): void {
  if (actor !== undefined && !Object.hasOwn(ACTORS, actor)) throw failure(`set: actor ${JSON.stringify(actor)} must be one of ${Object.keys(ACTORS).join(', ')}`);
  if (guardian === undefined) return;
  const allowed = ACTORS[actor ?? 'self'];
  if (!allowed.includes(guardian?.relationship)) {
    throw failure(`set: guardian.relationship ${JSON.stringify(guardian?.relationship)} must be one of ${allowed.join(', ')} when actor is ${actor ?? 'self'}`);
  }
  if (guardian.name !== undefined && (typeof guardian.name !== 'string' || !guardian.name.trim() || guardian.name.length > 200)) {
    throw failure('set: guardian.name must be a text of 1 to 200 characters');
  }
}

/**
 * The choices after `update`: value in, value out. Throws (naming the id) on an id the config
 * does not have, a value that is not a boolean, or a required category denied: nothing is
 * recorded or applied then.
 *
 * A decision about cookies records every optional category explicitly: one not decided
 * before and not in this update is denied. An update of purposes alone (an inline form)
 * settles no category, so the banner still asks. Ids the config no longer has are dropped.
 */
export function mergeChoices(config: ResolvedConfig, current: Choices | undefined, update: Choices): Choices {
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
