import { checkActor, mergeChoices } from './merge-choices.js';
import { shownHashes } from './receipts/shown-wording.js';
import type { Choices, DecisionOptions, Language, ResolvedConfig } from './types.js';

/**
 * What the receipt book needs of a decision besides its notice and time, in the decision
 * chunk so that the script-tag core carries none of it: who decided (checked), the choices
 * after `update` (merged), and the hashes of what was shown. Throws, naming the problem, on
 * anything `checkActor` or `mergeChoices` refuses: nothing is recorded or applied then.
 */
export async function prepareDecision(
  config: ResolvedConfig,
  current: Choices | undefined,
  update: Choices,
  { method = 'api', actor, guardian, shown }: DecisionOptions,
  language: Language,
) {
  checkActor(actor, guardian);
  const choices = mergeChoices(config, current, update);
  return { choices, method, actor, guardian, language, shown: await shownHashes(config, Object.keys(update), language, shown) };
}
