/**
 * The public types of Yinyom's headless core: configuration, notice, decision state,
 * receipts and the API that `createConsent` returns. See DESIGN.md sections 3 to 7.
 */

/** A text in Thai and English. A plain string counts as Thai. */
export type LocalizedText = string | { th: string; en?: string };

/** A supported UI language. Thai is the default. */
export type Language = 'th' | 'en';

/** Who made a decision: the person, or a guardian deciding for them (PDPA s.20). */
export type Actor = 'self' | 'parent' | 'custodian' | 'curator';

/**
 * How a guardian is related to the person (PDPA s.20): a minor's father, mother, adoptive
 * parent or court-appointed guardian (ผู้ปกครอง); an incompetent person's custodian
 * (ผู้อนุบาล); a quasi-incompetent person's curator (ผู้พิทักษ์).
 */
export type Relationship = 'father' | 'mother' | 'adoptive-parent' | 'guardian' | 'custodian' | 'curator';

/**
 * The guardian who took part in a decision (PDPA s.20). With `actor` `self` the person and the
 * guardian consented together (a minor of 10 to 19); otherwise the guardian decided alone.
 */
export interface GuardianRecord {
  relationship: Relationship;
  /** Only where the site asks for it; never counted in the collector's statistics. */
  name?: string;
}

/** How a decision was made; recorded in the receipt. */
export type Method =
  | 'banner.accept-all'
  | 'banner.reject-all'
  | 'preferences.save'
  | 'form'
  | 'api'
  | 'withdraw';

export interface CookieInfo {
  /** Display name of the cookie, e.g. `_ga`. */
  name: string;
  /** Regular expression (source) matching the cookie names to delete on withdrawal. Defaults to the exact name. */
  match?: string;
  provider?: LocalizedText;
  duration?: LocalizedText;
  description?: LocalizedText;
}

/** A cookie or storage category shown by the banner. */
export interface Category {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Always granted, shown switched on and disabled. */
  required?: boolean;
  cookies?: CookieInfo[];
  /** Google Consent Mode v2 types this category grants, e.g. `analytics_storage`. */
  consentMode?: string[];
  /** Denied by default when the browser sends Global Privacy Control. */
  gpc?: boolean;
}

/** A processing purpose that needs consent and is not a cookie (e.g. photos in publicity). */
export interface Purpose {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** PDPA s.26 sensitive data (e.g. health, food allergies): explicit wording, never bundled. */
  sensitive?: boolean;
  /** Also asked in the banner's preferences and covered by accept/reject all. Never for sensitive purposes. */
  banner?: boolean;
  data?: LocalizedText[];
  retention?: LocalizedText;
  recipients?: LocalizedText[];
}

export interface Controller {
  name: LocalizedText;
  email?: string;
  phone?: string;
  address?: LocalizedText;
  url?: string;
}

/** A span of text, optionally bold or a link (http, https, mailto, tel only). */
export interface Span {
  text: LocalizedText;
  strong?: boolean;
  href?: string;
}

/** Text inside a notice: a string, a `{th, en}` object, or spans. */
export type NoticeText = LocalizedText | Span[];

export interface ListItem {
  text: NoticeText;
  items?: Array<NoticeText | ListItem>;
}

/**
 * A block of a notice. `source: "site"` marks text the site added to the agency's notice (a
 * translation note, a demo table): it is shown as the site's addition, apart from the agency's text.
 */
export type Block = (
  | { type: 'paragraph'; text: NoticeText }
  /** `start`: the number of the first item of an ordered list (default 1), to continue a list a table interrupted. */
  | { type: 'list'; ordered?: boolean; start?: number; items: Array<NoticeText | ListItem> }
  | { type: 'table'; caption?: NoticeText; head: NoticeText[]; rows: NoticeText[][] }
) & { source?: 'site' };

export type SectionKind =
  | 'legal-basis'
  | 'purposes'
  | 'data'
  | 'disclosure'
  | 'cookies'
  | 'minors'
  | 'rights'
  | 'transfer'
  | 'retention'
  | 'processors'
  | 'security'
  | 'participation'
  | 'accountability'
  | 'changes'
  | 'contact'
  | 'other';

export interface NoticeSection {
  kind: SectionKind;
  id?: string;
  title: LocalizedText;
  body: Block[];
}

/** A structured privacy notice (DESIGN.md section 4). */
export interface Notice {
  id: string;
  version: string;
  /** ISO date (C.E.) the notice says it takes effect, e.g. `2022-06-01`: shown as "มีผลใช้บังคับตั้งแต่วันที่". */
  effective?: string;
  /** ISO date (C.E.) the notice is dated, when it states no effective date: shown as "ประกาศ ณ วันที่". */
  published?: string;
  title?: LocalizedText;
  controller?: Controller;
  dpo?: { name?: LocalizedText; email?: string; phone?: string; address?: LocalizedText };
  /** Intro paragraphs before the sections. */
  intro?: Block[];
  sections?: NoticeSection[];
  /** An HTML policy page instead of sections: the banner links to it. */
  url?: string;
}

/** The configuration of DESIGN.md section 3, as JSON. */
export interface Config {
  controller: Controller;
  /** A notice object, or the URL of one. */
  notice: Notice | string;
  categories: Category[];
  purposes?: Purpose[];
  /** Where receipts are POSTed (DESIGN.md section 10). Without it receipts stay on the device. */
  endpoint?: string;
  /** Default `th`. */
  language?: Language;
  /** Days a decision lasts. Default 365. */
  expiresDays?: number;
  /** Domain for the decision cookie, e.g. `.dga.or.th`. Default: the host only. */
  cookieDomain?: string;
  /** Default true. */
  respectGPC?: boolean;
  /** Default false. */
  googleConsentMode?: boolean;
  /** A host-given subject id for receipts; default: random per browser. */
  subject?: string;
}

/** A validated config with defaults filled in. */
export interface ResolvedConfig extends Config {
  purposes: Purpose[];
  language: Language;
  expiresDays: number;
  respectGPC: boolean;
  googleConsentMode: boolean;
}

/** Consent choices by category or purpose id. */
export type Choices = Record<string, boolean>;

/** What identifies the notice a decision was made under. */
export interface NoticeRef {
  id: string;
  version: string;
  /** `sha256-` + 64 hex digits over the RFC 8785 canonical JSON of the notice. */
  hash?: string;
}

/** A copy of the decision state; see `ConsentApi.state()`. */
export interface ConsentState {
  decided: boolean;
  /** Every known id with its value; undecided ids are absent. Required categories are `true`. */
  choices: Choices;
  notice: NoticeRef | undefined;
  receiptId: string | undefined;
  /** When the current decision was made (ISO 8601). */
  time: string | undefined;
  /** When it expires (ISO 8601). */
  expires: string | undefined;
  language: Language;
}

/** A consent receipt (DESIGN.md section 6). */
export interface Receipt {
  schema: 'yinyom.receipt/1';
  id: string;
  subject: string;
  time: string;
  origin: string;
  page: string;
  controller: string;
  notice: Required<NoticeRef>;
  language: Language;
  method: Method;
  actor?: Actor;
  /** The guardian who consented with the person, or for them (PDPA s.20). */
  guardian?: GuardianRecord;
  choices: Choices;
  /**
   * What the person was shown, by the id of each category or purpose the decision covered:
   * `sha256-<hex>` over the canonical JSON of its wording in the language shown (see `shownHash`).
   */
  shown?: Record<string, string>;
  signals: { gpc: boolean };
  prev: string | null;
  hash: string;
}

/** Sync counts: receipts sent in this flush, still waiting, and dead letters. */
export interface SyncResult {
  sent: number;
  pending: number;
  failed: number;
}

/** A receipt with its delivery state, as `<yinyom-receipts>` shows it. */
/** The collector's countersignature of a receipt: Ed25519 over its canonical JSON (its `hash` included). */
export interface ReceiptSignature {
  /** Which of the collector's keys signed: a `kid` of its `GET /v1/keys`. */
  kid: string;
  /** Ed25519 signature, base64url. */
  sig: string;
}

export interface ReceiptEntry {
  receipt: Receipt;
  /** The collector's countersignature, once it has acknowledged the receipt and signs. */
  signature?: ReceiptSignature;
  status: 'sent' | 'pending' | 'failed';
  error?: string;
}

/** Options an element passes so the receipt says how the decision was made. */
export interface DecisionOptions {
  method?: Method;
  actor?: Actor;
  /**
   * The guardian who took part (PDPA s.20): with `actor` `self`, a minor of 10 to 19 and the
   * guardian consented together; with `parent`, `custodian` or `curator`, the guardian alone.
   */
  guardian?: GuardianRecord;
  /** How the choices were displayed, for the receipt's `shown`; Yinyom's elements pass theirs. */
  shown?: Shown;
}

/**
 * Where choices were displayed, which decides what of the config's wording the receipt's
 * `shown` covers: `banner`, a banner's first layer (titles and a category's providers);
 * `dialog`, the preferences dialog (titles, descriptions, a category's cookies); `form`, in
 * full (also a purpose's data, retention and recipients), as `<yinyom-consent>` shows them.
 */
export type ShownView = 'banner' | 'dialog' | 'form';

/** How the choices of a decision were displayed: hashed with the config's wording into the receipt's `shown`. */
export interface Shown {
  /** The consent sentence displayed with each choice, by id, where the page showed one. */
  sentences?: Record<string, string>;
  /** The consent sentence displayed with every choice (a banner's text, a dialog's introduction). */
  sentence?: string;
  /** Default `form`. */
  view?: ShownView;
}

export type ChangeListener = (state: ConsentState) => void;
export type SyncListener = (result: SyncResult) => void;

/** What the UI can be asked to show. */
export type View = 'banner' | 'preferences' | 'notice';

/**
 * The category and purpose ids of a config given as a literal (`createConsent({...})`), so
 * that `get('analytics-typo')` does not compile; `string` for a config whose type says
 * nothing of its ids (JSON from `fetch`, a `Config`).
 */
export type ConfigIds<C> = 0 extends 1 & C
  ? string
  : C extends { categories: readonly (infer E)[] }
    ? IdOf<E> | (C extends { purposes: readonly (infer P)[] } ? IdOf<P> : never)
    : string;
type IdOf<E> = E extends { id: infer I extends string } ? (string extends I ? string : I) : never;

/** The API of DESIGN.md section 7, with `Id` the ids of the config (see `ConfigIds`). */
export interface ConsentApi<Id extends string = string> {
  /** `true` granted, `false` denied, `undefined` not decided or unknown. Synchronous, from memory. */
  get(id: Id): boolean | undefined;
  state(): ConsentState;
  /** Resolves when `id` is granted (at once if it is). */
  whenGranted(id: Id): Promise<void>;
  on(type: 'change', fn: ChangeListener): () => void;
  on(type: 'sync', fn: SyncListener): () => void;
  /** Merge `choices` into the decision; resolves to the receipt once stored. Unknown ids reject. */
  set(choices: Partial<Record<Id, boolean>>, options?: DecisionOptions): Promise<Receipt>;
  acceptAll(options?: DecisionOptions): Promise<Receipt>;
  rejectAll(options?: DecisionOptions): Promise<Receipt>;
  withdraw(ids: Id | Id[], options?: DecisionOptions): Promise<Receipt>;
  show(view: View): Promise<void>;
  /** Local receipt history, newest first. */
  receipts(): Promise<Receipt[]>;
  /** Receipts with their delivery state, newest first. */
  receiptEntries(): Promise<ReceiptEntry[]>;
  sync(): Promise<SyncResult>;
  push(fn: (api: ConsentApi) => void): void;
  /** The validated config (a frozen copy). */
  readonly config: Readonly<ResolvedConfig>;
  /** The notice object, fetched when the config gives a URL. */
  notice(): Promise<Notice>;
  /** Current UI language; `setLanguage` changes it for every element. */
  language(): Language;
  setLanguage(language: Language): void;
}

declare global {
  /** The core's events on `document`: typed for every entry that exports these types (`yinyom`, `yinyom/elements`). */
  interface DocumentEventMap {
    /** The decision changed (here, in another tab, or the language): `detail` is the new state. */
    'yinyom-change': CustomEvent<ConsentState>;
    /** The receipt outbox was flushed: `detail` counts what was sent, what waits and what failed. */
    'yinyom-sync': CustomEvent<SyncResult>;
  }
}
