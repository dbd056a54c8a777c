import type { StoredDecision } from './decision-cookie.js';
import type { Category, Choices, ConsentState, Language, NoticeRef, Purpose, ResolvedConfig } from './types.js';

const DAY = 864e5;

/** The decision in force and what follows from it, without effects: the core applies them. */
export interface DecisionState {
  /** Categories and purposes by id. */
  readonly entries: ReadonlyMap<string, Category | Purpose>;
  /** The categories a person decides on (not `required`). */
  readonly optional: readonly Category[];
  /** Whether Global Privacy Control applies (`respectGPC` and the browser's signal). */
  readonly gpc: boolean;
  get(id: string): boolean | undefined;
  /** The stored decision in force, if any. */
  current(): StoredDecision | undefined;
  replace(next: StoredDecision | undefined): void;
  /** Whether every optional category is decided; a purposes-only decision leaves this false. */
  decided(): boolean;
  /** `stored` if it still holds: same notice version (when known) and not expired. */
  valid(stored: StoredDecision | undefined, noticeVersion: string | undefined): StoredDecision | undefined;
  /** Why nothing optional may run (a bad config or notice); `undefined` while all is well. */
  broken(): string | undefined;
  breakWith(reason: string | undefined): void;
  /** The state page code sees: a frozen copy, built once a change and shared by every listener. */
  snapshot(language: Language, notice: NoticeRef | undefined): ConsentState;
}

/** Creates the decision state for a checked config. */
export function createDecisionState(config: ResolvedConfig, gpcSignal: boolean): DecisionState {
  const entries = new Map<string, Category | Purpose>();
  for (const entry of [...config.categories, ...config.purposes]) entries.set(entry.id, entry);
  const optional = config.categories.filter((category) => !category.required);
  const gpc = config.respectGPC && gpcSignal;
  let decision: StoredDecision | undefined;
  let broken: string | undefined;
  const expiry = (stored: StoredDecision) => +stored.time + config.expiresDays * DAY;

  const get = (id: string): boolean | undefined => {
    const entry = entries.get(id);
    if (!entry || broken) return undefined;
    if ((entry as Category).required) return true;
    return decision && Object.hasOwn(decision.choices, id) ? decision.choices[id] : gpc && (entry as Category).gpc ? false : undefined;
  };
  const decided = () => !!decision && optional.every((category) => Object.hasOwn(decision!.choices, category.id));

  return {
    entries,
    optional,
    gpc,
    get,
    decided,
    current: () => decision,
    replace: (next) => void (decision = next),
    valid: (stored, version) => (stored && (version === undefined || stored.version === version) && expiry(stored) > Date.now() ? stored : undefined),
    broken: () => broken,
    breakWith: (reason) => void (broken = reason),
    snapshot(language, notice) {
      const choices: Choices = {};
      for (const id of entries.keys()) {
        const value = get(id);
        if (value !== undefined) choices[id] = value;
      }
      return Object.freeze({
        decided: decided(),
        choices: Object.freeze(choices),
        notice: notice && Object.freeze({ ...notice }),
        receiptId: decision?.receiptId,
        time: decision?.time.toISOString(),
        expires: decision && new Date(expiry(decision)).toISOString(),
        language,
      });
    },
  };
}
