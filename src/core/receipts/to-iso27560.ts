import type { Config, Language, LocalizedText, Receipt } from '../types.js';

/**
 * ISO/IEC TS 27560:2023 consent records as JSON-LD on the W3C Data Privacy Vocabulary (DPV),
 * following the DPVCG's guide "Consent Records and Receipts as per ISO/IEC TS 27560:2023
 * using DPV" (https://w3id.org/dpv/guides/consent-27560). One record a receipt: a receipt is
 * one decision, and its record carries one `dpv:Process` and one consent event a category or
 * purpose it decided. This is the one implementation: the SDK's receipt download and the
 * collector's `format=iso27560` (which loads the compiled module from dist/) both use it.
 */

/** The profile a record conforms to (the guide's `schema_version`). */
export const ISO27560_PROFILE = 'https://w3id.org/dpv/schema/dpv-27560#record';

/** The JSON-LD context of the records: DPV and its Thai legal and location extensions. */
export const ISO27560_CONTEXT = {
  dpv: 'https://w3id.org/dpv#',
  'legal-th': 'https://w3id.org/dpv/legal/th#',
  loc: 'https://w3id.org/dpv/loc#',
  dct: 'http://purl.org/dc/terms/',
  schema: 'https://schema.org/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** A JSON-LD node, as the records are written. */
export type JsonLdNode = { [key: string]: JsonLdValue };
export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[];

/** A document of records: `{"@context", "@graph": [record, ...]}`. */
export interface Iso27560Document {
  '@context': typeof ISO27560_CONTEXT;
  '@graph': JsonLdNode[];
}

/** What the records can say beyond the receipts: the site's config, or the parts of it known. */
export type Iso27560Config = Partial<Pick<Config, 'controller' | 'notice' | 'categories' | 'purposes' | 'expiresDays'>>;

export interface Iso27560Options {
  /**
   * The config the receipts were made under. Without it (the collector has none) the records
   * name purposes by id, and personal data and retention by reference to the notice.
   */
  config?: Iso27560Config;
  /** Where the person withdraws consent. Default: the page where the decision was made. */
  withdrawUrl?: string;
  /**
   * Receipts from before these, to tell a withdrawal from a refusal: a denied id that the
   * receipt's `prev` granted was withdrawn. The receipts given to the function count too.
   */
  earlier?: Iterable<Receipt>;
}

type Texts = Record<Language, string>;
const TEXT = {
  personalData: { th: 'ข้อมูลส่วนบุคคลตามที่ระบุในประกาศ', en: 'the personal data the notice describes' },
  retention: { th: 'ตามระยะเวลาที่ระบุในประกาศ', en: 'as long as the notice states' },
  withdraw: {
    th: 'ถอนความยินยอมได้ทุกเมื่อ ด้วยวิธีที่ง่ายเช่นเดียวกับการให้ความยินยอม',
    en: 'Consent can be withdrawn at any time, as easily as it was given',
  },
  father: { th: 'บิดา', en: 'father' },
  mother: { th: 'มารดา', en: 'mother' },
  'adoptive-parent': { th: 'ผู้รับบุตรบุญธรรม', en: 'adoptive parent' },
  guardian: { th: 'ผู้ปกครอง', en: 'guardian' },
  custodian: { th: 'ผู้อนุบาล', en: 'custodian' },
  curator: { th: 'ผู้พิทักษ์', en: 'curator' },
} satisfies Record<string, Texts>;

const id = (iri: string): JsonLdNode => ({ '@id': iri });
const dateTime = (time: string): JsonLdNode => ({ '@value': time, '@type': 'xsd:dateTime' });

/**
 * Who indicated the decision (PDPA s.20): the person; a guardian for them; or, for a minor of
 * 10 to 19, both (a list). The guardian's name stays in the receipt, out of the record.
 */
function indicatedBy({ actor, guardian }: Receipt, lang: Language): JsonLdNode | JsonLdNode[] {
  const relationship = guardian?.relationship ?? (actor === 'custodian' || actor === 'curator' ? actor : undefined);
  const guardianNode: JsonLdNode | undefined = relationship
    ? { '@type': relationship === 'custodian' || relationship === 'curator' ? 'dpv:GuardianOfDataSubject' : 'dpv:ParentOfDataSubject', 'dct:description': TEXT[relationship][lang] }
    : actor === 'parent'
      ? id('dpv:ParentOfDataSubject')
      : undefined;
  if (!guardianNode) return id('dpv:DataSubject');
  return actor && actor !== 'self' ? guardianNode : [id('dpv:DataSubject'), guardianNode];
}

/**
 * The records of `receipts`, in their order, without the JSON-LD context: for a stream that
 * writes the context once. See {@link toIso27560}.
 */
export function toIso27560Records(receipts: readonly Receipt[], options: Iso27560Options = {}): JsonLdNode[] {
  const byHash = new Map<string, Receipt>();
  for (const receipt of options.earlier ?? []) byHash.set(receipt.hash, receipt);
  for (const receipt of receipts) byHash.set(receipt.hash, receipt);
  return receipts.map((receipt) => record(receipt, options, receipt.prev === null ? undefined : byHash.get(receipt.prev)));
}

/**
 * The receipts as an ISO/IEC TS 27560:2023 JSON-LD document on the W3C DPV: one
 * `dpv:ConsentRecord` a receipt, each with the guide's mandatory fields.
 *
 * - Header: `dct:conformsTo` (schema version), `dct:identifier` (record id = receipt id),
 *   `dpv:hasDataSubject` (the PII principal: the receipt's subject).
 * - Processing: `dpv:hasNotice` (the notice id, version and hash; the notice URL when the
 *   config has one), `dct:language`, and a `dpv:Process` a decided id with its purpose,
 *   personal data, legal basis (explicitly expressed consent for a sensitive purpose, PDPA
 *   s.26), controller, recipients, retention (`dpv:hasStorageCondition`) and withdrawal
 *   method (`dpv:hasConsentControl`). Jurisdiction Thailand under the PDPA (DPV legal/th).
 * - Events: `dpv:hasConsentStatus`, one an id: `dpv:ConsentGiven`, `dpv:ConsentRefused`, or
 *   `dpv:ConsentWithdrawn` (the `withdraw` method, or denied after its `prev` granted it),
 *   with the time, who indicated it (the person or their guardian), the method, and how long
 *   the decision lasts (`expiresDays`, default 365).
 *
 * Pure: no clock, no I/O. Texts from the config are in each receipt's language.
 *
 * @example
 * ```ts
 * const json = JSON.stringify(toIso27560(await consent.receipts(), { config: consent.config }), null, 2);
 * ```
 */
export function toIso27560(receipts: readonly Receipt[], options: Iso27560Options = {}): Iso27560Document {
  return { '@context': ISO27560_CONTEXT, '@graph': toIso27560Records(receipts, options) };
}

function record(receipt: Receipt, options: Iso27560Options, previous: Receipt | undefined): JsonLdNode {
  const { config = {} } = options;
  const lang = receipt.language;
  const text = (value: LocalizedText | undefined) => (value === undefined ? undefined : typeof value === 'string' ? value : (value[lang] ?? value.th));
  const recordId = `urn:uuid:${receipt.id}`;
  const page = receipt.origin + receipt.page;
  const noticeUrl = typeof config.notice === 'string' ? config.notice : config.notice?.url;
  const controller = config.controller;
  const controllerIri = controller?.url ?? receipt.origin;
  const days = config.expiresDays ?? 365;
  const shown = receipt.shown ?? {};

  const controllerNode: JsonLdNode = {
    '@id': controllerIri,
    '@type': 'dpv:DataController',
    'dpv:hasIdentifier': controllerIri,
    // The name the receipt recorded is what the person was shown.
    'dpv:hasName': receipt.controller,
    'schema:contactPoint': {
      '@type': 'schema:ContactPoint',
      'schema:url': id(controllerIri),
      ...(controller?.email ? { 'schema:email': controller.email } : {}),
      ...(controller?.phone ? { 'schema:telephone': controller.phone } : {}),
    },
    ...(controller?.address ? { 'schema:address': text(controller.address)! } : {}),
  };

  const byNotice = (what: Texts): JsonLdNode => ({
    'dct:description': `${what[lang]} (${receipt.notice.id} ${receipt.notice.version})`,
  });

  const processes: JsonLdNode[] = [];
  const events: JsonLdNode[] = [];
  for (const [choiceId, granted] of Object.entries(receipt.choices)) {
    const category = config.categories?.find((c) => c.id === choiceId);
    const purpose = config.purposes?.find((p) => p.id === choiceId);
    const processId = `${recordId}#${choiceId}`;
    const described = category ?? purpose;

    let personalData: JsonLdNode[];
    let storage: JsonLdNode[];
    let thirdParties: string[];
    if (category) {
      const cookies = category.cookies ?? [];
      personalData = cookies.map((cookie) => ({
        '@type': 'dpv:PersonalData',
        'dct:title': cookie.name,
        ...(cookie.description ? { 'dct:description': text(cookie.description)! } : {}),
      }));
      storage = cookies
        .filter((cookie) => cookie.duration !== undefined)
        .map((cookie) => ({ '@type': 'dpv:StorageDuration', 'dct:title': cookie.name, 'dpv:hasDuration': { '@type': 'dpv:Duration', 'rdf:value': text(cookie.duration)! } }));
      thirdParties = cookies.map((cookie) => text(cookie.provider)).filter((name): name is string => !!name);
    } else if (purpose) {
      personalData = (purpose.data ?? []).map((data) => ({
        '@type': purpose.sensitive ? 'dpv:SensitivePersonalData' : 'dpv:PersonalData',
        'dct:title': text(data)!,
      }));
      storage = purpose.retention === undefined ? [] : [{ '@type': 'dpv:StorageDuration', 'dpv:hasDuration': { '@type': 'dpv:Duration', 'rdf:value': text(purpose.retention)! } }];
      thirdParties = (purpose.recipients ?? []).map((recipient) => text(recipient)!);
    } else {
      personalData = [];
      storage = [];
      thirdParties = [];
    }
    if (personalData.length === 0) personalData = [{ '@type': 'dpv:PersonalData', ...byNotice(TEXT.personalData) }];
    if (storage.length === 0) storage = [{ '@type': 'dpv:StorageDuration', 'dpv:hasDuration': { '@type': 'dpv:IndeterminateDuration', ...byNotice(TEXT.retention) } }];

    processes.push({
      '@id': processId,
      '@type': 'dpv:Process',
      'dct:identifier': choiceId,
      'dpv:hasPurpose': {
        '@type': 'dpv:Purpose',
        'dct:identifier': choiceId,
        ...(described ? { 'dct:title': text(described.title)! } : {}),
        ...(described?.description ? { 'dct:description': text(described.description)! } : {}),
      },
      'dpv:hasPersonalData': personalData,
      'dpv:hasLegalBasis': id(purpose?.sensitive ? 'dpv:ExplicitlyExpressedConsent' : 'dpv:ExpressedConsent'),
      'dpv:hasDataController': id(controllerIri),
      'dpv:hasRecipient': [id(controllerIri), ...[...new Set(thirdParties)].map((name): JsonLdNode => ({ '@type': 'dpv:ThirdParty', 'dpv:hasName': name }))],
      'dpv:hasStorageCondition': storage,
      'dpv:hasConsentControl': { '@type': 'dpv:WithdrawConsent', 'dpv:isExercisedAt': id(options.withdrawUrl ?? page), 'dct:description': TEXT.withdraw[lang] },
      // What the person saw for this id, when the receipt recorded it.
      ...(shown[choiceId] ? { 'dpv:hasNotice': { '@type': 'dpv:ConsentNotice', 'schema:sha256': shown[choiceId].slice('sha256-'.length), 'dct:language': lang } } : {}),
    });

    const withdrawn = !granted && (receipt.method === 'withdraw' || previous?.choices[choiceId] === true);
    events.push({
      '@type': granted ? 'dpv:ConsentGiven' : withdrawn ? 'dpv:ConsentWithdrawn' : 'dpv:ConsentRefused',
      'dpv:hasProcess': id(processId),
      'dpv:isIndicatedAtTime': dateTime(receipt.time),
      'dpv:isIndicatedBy': indicatedBy(receipt, lang),
      'dpv:hasIndicationMethod': receipt.method,
      'dpv:hasDuration': { '@type': 'dpv:TemporalDuration', 'rdf:value': `P${days}D` },
    });
  }

  return {
    '@id': recordId,
    '@type': 'dpv:ConsentRecord',
    'dct:conformsTo': id(ISO27560_PROFILE),
    'dct:identifier': receipt.id,
    'dct:created': dateTime(receipt.time),
    'dpv:hasDataSubject': { '@type': 'dpv:DataSubject', 'dct:identifier': receipt.subject },
    'dpv:hasNotice': {
      '@type': 'dpv:ConsentNotice',
      'dct:identifier': receipt.notice.id,
      'schema:version': receipt.notice.version,
      'schema:sha256': receipt.notice.hash.slice('sha256-'.length),
      'dct:language': lang,
      ...(noticeUrl ? { 'schema:url': id(new URL(noticeUrl, page).href) } : {}),
    },
    'dct:language': lang,
    'dpv:hasDataController': controllerNode,
    'dpv:hasJurisdiction': id('loc:TH'),
    'dpv:hasApplicableLaw': id('legal-th:law-PDPA'),
    'dpv:hasAuthority': id('legal-th:DPA-TH'),
    'dpv:hasProcess': processes,
    'dpv:hasConsentStatus': events,
  };
}
