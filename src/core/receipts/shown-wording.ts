import type { Category, Language, LocalizedText, Purpose, ResolvedConfig, Shown, ShownView } from '../types.js';
import { canonicalHash } from './canonical-hash.js';

/**
 * What Yinyom displays about one category or purpose, in one language: the receipt's `shown`
 * hashes this (DESIGN.md section 6). Labels and buttons around it are the product's, the same
 * for every site; this is the site's wording, plus the consent sentence the element put beside
 * the box when there was one.
 */
export interface Wording {
  title: string;
  description?: string;
  /** The consent sentence displayed with the choice (`<yinyom-consent>`, the banner's text). */
  consent?: string;
  /** A category's providers, as a banner's first layer names them. */
  providers?: string[];
  /** A category's cookies, as the preferences dialog lists them. */
  cookies?: Array<{ name: string; provider?: string; duration?: string; description?: string }>;
  /** A purpose's details, as `<yinyom-consent>` shows them (not the banner or the dialog). */
  data?: string[];
  retention?: string;
  recipients?: string[];
}

// The same rule as the elements' `loc` (src/ui/internal/text.ts). It is not imported from
// there: the decision chunk and the UI chunk must not share a chunk (test/e2e/lazy-chunks).
const localize = (value: LocalizedText | undefined, language: Language): string | undefined =>
  value == null ? undefined : typeof value === 'string' ? value : (language === 'en' && value.en) || value.th || value.en;

const localizeAll = (values: LocalizedText[] | undefined, language: Language) => values?.map((value) => localize(value, language)!);

/** How a choice was displayed: where, and the sentence beside it. */
export interface WordingOptions {
  /** The consent sentence displayed with the choice. */
  consent?: string;
  /** Where it was displayed; see {@link ShownView}. Default `form`. */
  view?: ShownView;
}

/** The distinct providers of a category's cookies, in order, in `language`. */
function providersOf(category: Category, language: Language): string[] {
  return [...new Set((category.cookies ?? []).map((cookie) => localize(cookie.provider, language)).filter((name): name is string => !!name))];
}

/**
 * The wording of `entry` (a category or purpose of the config) in `language` as Yinyom
 * displays it in `view`. Absent parts are left out.
 */
export function wordingOf(entry: Category | Purpose, language: Language, { consent, view = 'form' }: WordingOptions = {}): Wording {
  const title = localize(entry.title, language)!;
  let wording: Wording;
  if (view === 'banner') {
    const providers = providersOf(entry as Category, language);
    wording = { title, consent, providers: providers.length ? providers : undefined };
  } else {
    const cookies = (entry as Category).cookies?.map((cookie) => ({
      name: cookie.name,
      provider: localize(cookie.provider, language),
      duration: localize(cookie.duration, language),
      description: localize(cookie.description, language),
    }));
    wording = { title, description: localize(entry.description, language), consent, cookies };
    if (view === 'form') {
      const purpose = entry as Purpose;
      Object.assign(wording, { data: localizeAll(purpose.data, language), retention: localize(purpose.retention, language), recipients: localizeAll(purpose.recipients, language) });
    }
  }
  // Canonical JSON has no `undefined`: a part that was not displayed is not in the object.
  return JSON.parse(JSON.stringify(wording)) as Wording;
}

/**
 * `sha256-<hex>` of the wording of category or purpose `id` of `config` in `language`, as
 * `options` say it was displayed: the value a receipt's `shown[id]` holds. A site recomputes it from the config a receipt was made under to show which wording
 * the person agreed to. Rejects for an id the config does not have.
 *
 * @example
 * const { shownHash } = await import('yinyom/server');
 * (await shownHash(config, 'dietary', 'th', { consent: sentence })) === receipt.shown.dietary; // true
 */
export async function shownHash(
  config: Pick<ResolvedConfig, 'categories'> & { purposes?: Purpose[] },
  id: string,
  language: Language,
  options?: WordingOptions,
): Promise<string> {
  const entry = [...config.categories, ...(config.purposes ?? [])].find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`[yinyom] shownHash: "${id}" is not a category or purpose of the config`);
  return canonicalHash(wordingOf(entry, language, options));
}

/** The `shown` hashes of a decision about `ids`, displayed as `shown` says (no sentence, in full, when it says nothing). */
export async function shownHashes(config: ResolvedConfig, ids: string[], language: Language, { sentences = {}, sentence, view }: Shown = {}): Promise<Record<string, string>> {
  const hashes = await Promise.all(ids.map((id) => shownHash(config, id, language, { consent: sentences[id] ?? sentence, view })));
  return Object.fromEntries(ids.map((id, i) => [id, hashes[i]]));
}
