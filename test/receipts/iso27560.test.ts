import { expect } from '@open-wc/testing';
import { ISO27560_CONTEXT, ISO27560_PROFILE, toIso27560, type Iso27560Config, type JsonLdNode } from '../../src/core/receipts/to-iso27560.js';
import type { Receipt } from '../../src/core/types.js';
import { testConfig } from '../support/receipts-harness.js';

// The receipt tests' config, with a controller that gives an address and a notice by URL.
const config: Iso27560Config = testConfig({
  controller: {
    name: { th: 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)', en: 'DGA' },
    email: 'contact@dga.or.th',
    phone: '0-2612-6060',
    url: 'https://www.dga.or.th',
    address: { th: 'ถนนแจ้งวัฒนะ กรุงเทพฯ', en: 'Chaeng Watthana Rd, Bangkok' },
  },
  notice: '/privacy/notice.json',
  expiresDays: 30,
});

const h = (digit: string) => `sha256-${digit.repeat(64)}`;
const base = {
  schema: 'yinyom.receipt/1' as const,
  subject: '5f0c-subject',
  origin: 'https://www.dga.or.th',
  page: '/register',
  controller: 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)',
  notice: { id: 'tdga-privacy', version: '2565-06-01', hash: h('a') },
  signals: { gpc: false },
};
const first: Receipt = {
  ...base,
  id: '019a4b2c-1d2e-7f30-8a4b-5c6d7e8f9a01',
  time: '2026-11-22T12:00:00.000Z',
  language: 'th',
  method: 'preferences.save',
  choices: { analytics: true, marketing: false, 'photo-publicity': true, dietary: true },
  prev: null,
  hash: h('1'),
};
const second: Receipt = {
  ...base,
  id: '019a4b2c-1d2e-7f30-8a4b-5c6d7e8f9a02',
  time: '2026-11-23T08:30:00.000Z',
  language: 'en',
  method: 'preferences.save',
  choices: { analytics: false, marketing: false, 'photo-publicity': true, dietary: true },
  prev: first.hash,
  hash: h('2'),
};
const third = {
  ...base,
  id: '019a4b2c-1d2e-7f30-8a4b-5c6d7e8f9a03',
  time: '2026-11-24T08:30:00.000Z',
  language: 'th',
  method: 'withdraw',
  actor: 'custodian',
  choices: { dietary: false },
  shown: { dietary: h('d') },
  prev: second.hash,
  hash: h('3'),
} as Receipt;

const process = (record: JsonLdNode, id: string) => (record['dpv:hasProcess'] as JsonLdNode[]).find((p) => p['dct:identifier'] === id)!;
const statusOf = (record: JsonLdNode) =>
  Object.fromEntries((record['dpv:hasConsentStatus'] as JsonLdNode[]).map((e) => [String((e['dpv:hasProcess'] as JsonLdNode)['@id']).split('#')[1], e['@type']]));

describe('toIso27560', () => {
  it('writes one DPV consent record a receipt, with the header fields of ISO/IEC TS 27560', () => {
    const document = toIso27560([first]);
    expect(document['@context']).to.equal(ISO27560_CONTEXT);
    expect(document['@context'].dpv).to.equal('https://w3id.org/dpv#');
    expect(document['@context']['legal-th']).to.equal('https://w3id.org/dpv/legal/th#');
    const [record] = document['@graph'];
    expect(record['@type']).to.equal('dpv:ConsentRecord');
    expect(record['dct:conformsTo']).to.deep.equal({ '@id': ISO27560_PROFILE });
    expect(ISO27560_PROFILE).to.equal('https://w3id.org/dpv/schema/dpv-27560#record');
    expect(record['dct:identifier']).to.equal(first.id);
    expect(record['@id']).to.equal(`urn:uuid:${first.id}`);
    expect(record['dpv:hasDataSubject']).to.deep.equal({ '@type': 'dpv:DataSubject', 'dct:identifier': '5f0c-subject' });
    expect(record['dpv:hasJurisdiction']).to.deep.equal({ '@id': 'loc:TH' });
    expect(record['dpv:hasApplicableLaw']).to.deep.equal({ '@id': 'legal-th:law-PDPA' });
  });

  it('records the notice, language, purposes, controller, personal data, retention and withdrawal method from the config, in the receipt language', () => {
    const [thai, english] = toIso27560([first, second], { config })['@graph'];
    expect(thai['dpv:hasNotice']).to.deep.equal({
      '@type': 'dpv:ConsentNotice',
      'dct:identifier': 'tdga-privacy',
      'schema:version': '2565-06-01',
      'schema:sha256': 'a'.repeat(64),
      'dct:language': 'th',
      'schema:url': { '@id': 'https://www.dga.or.th/privacy/notice.json' },
    });
    expect(thai['dct:language']).to.equal('th');
    expect(english['dct:language']).to.equal('en');
    expect(thai['dpv:hasDataController']).to.deep.equal({
      '@id': 'https://www.dga.or.th',
      '@type': 'dpv:DataController',
      'dpv:hasIdentifier': 'https://www.dga.or.th',
      'dpv:hasName': 'สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)',
      'schema:contactPoint': { '@type': 'schema:ContactPoint', 'schema:url': { '@id': 'https://www.dga.or.th' }, 'schema:email': 'contact@dga.or.th', 'schema:telephone': '0-2612-6060' },
      'schema:address': 'ถนนแจ้งวัฒนะ กรุงเทพฯ',
    });

    const analytics = process(thai, 'analytics');
    expect(analytics['dpv:hasPurpose']).to.deep.equal({ '@type': 'dpv:Purpose', 'dct:identifier': 'analytics', 'dct:title': 'คุกกี้เพื่อการวิเคราะห์' });
    expect(process(english, 'analytics')['dpv:hasPurpose']).to.include({ 'dct:title': 'Analytics' });
    expect(analytics['dpv:hasPersonalData']).to.deep.equal([{ '@type': 'dpv:PersonalData', 'dct:title': '_ga' }, { '@type': 'dpv:PersonalData', 'dct:title': '_gid' }]);
    // Only _ga says how long it lasts.
    expect(analytics['dpv:hasStorageCondition']).to.deep.equal([{ '@type': 'dpv:StorageDuration', 'dct:title': '_ga', 'dpv:hasDuration': { '@type': 'dpv:Duration', 'rdf:value': '2 ปี' } }]);
    expect(analytics['dpv:hasRecipient']).to.deep.equal([{ '@id': 'https://www.dga.or.th' }, { '@type': 'dpv:ThirdParty', 'dpv:hasName': 'Google' }]);
    expect(analytics['dpv:hasDataController']).to.deep.equal({ '@id': 'https://www.dga.or.th' });
    expect(analytics['dpv:hasLegalBasis']).to.deep.equal({ '@id': 'dpv:ExpressedConsent' });
    expect(analytics['dpv:hasConsentControl']).to.deep.include({ '@type': 'dpv:WithdrawConsent', 'dpv:isExercisedAt': { '@id': 'https://www.dga.or.th/register' } });

    const photos = process(english, 'photo-publicity');
    expect(photos['dpv:hasPersonalData']).to.deep.equal([{ '@type': 'dpv:PersonalData', 'dct:title': 'Photographs' }]);
    expect(photos['dpv:hasStorageCondition']).to.deep.equal([{ '@type': 'dpv:StorageDuration', 'dpv:hasDuration': { '@type': 'dpv:Duration', 'rdf:value': '2 years' } }]);
    expect(photos['dpv:hasRecipient']).to.deep.equal([{ '@id': 'https://www.dga.or.th' }, { '@type': 'dpv:ThirdParty', 'dpv:hasName': 'The press' }]);

    // PDPA s.26: sensitive data, explicit consent.
    const dietary = process(thai, 'dietary');
    expect(dietary['dpv:hasPersonalData']).to.deep.equal([{ '@type': 'dpv:SensitivePersonalData', 'dct:title': 'ข้อมูลสุขภาพ (การแพ้อาหาร)' }]);
    expect(dietary['dpv:hasLegalBasis']).to.deep.equal({ '@id': 'dpv:ExplicitlyExpressedConsent' });
  });

  it('without a config, names purposes by id and refers to the notice for data and retention', () => {
    const [record] = toIso27560([first])['@graph'];
    const analytics = process(record, 'analytics');
    expect(analytics['dpv:hasPurpose']).to.deep.equal({ '@type': 'dpv:Purpose', 'dct:identifier': 'analytics' });
    expect(analytics['dpv:hasPersonalData']).to.deep.equal([{ '@type': 'dpv:PersonalData', 'dct:description': 'ข้อมูลส่วนบุคคลตามที่ระบุในประกาศ (tdga-privacy 2565-06-01)' }]);
    expect((analytics['dpv:hasStorageCondition'] as JsonLdNode[])[0]).to.deep.equal({
      '@type': 'dpv:StorageDuration',
      'dpv:hasDuration': { '@type': 'dpv:IndeterminateDuration', 'dct:description': 'ตามระยะเวลาที่ระบุในประกาศ (tdga-privacy 2565-06-01)' },
    });
    expect(record['dpv:hasDataController']).to.deep.include({ '@id': 'https://www.dga.or.th', 'dpv:hasName': first.controller });
  });

  it('records each event given, refused or withdrawn, with its time, method, duration, and who indicated it', () => {
    const [one, two, three] = toIso27560([first, second, third], { config })['@graph'];
    expect(statusOf(one)).to.deep.equal({ analytics: 'dpv:ConsentGiven', marketing: 'dpv:ConsentRefused', 'photo-publicity': 'dpv:ConsentGiven', dietary: 'dpv:ConsentGiven' });
    // Analytics was granted by the receipt before: switching it off withdraws it; marketing stays refused.
    expect(statusOf(two)).to.deep.equal({ analytics: 'dpv:ConsentWithdrawn', marketing: 'dpv:ConsentRefused', 'photo-publicity': 'dpv:ConsentGiven', dietary: 'dpv:ConsentGiven' });
    expect(statusOf(three)).to.deep.equal({ dietary: 'dpv:ConsentWithdrawn' });
    const [event] = two['dpv:hasConsentStatus'] as JsonLdNode[];
    expect(event).to.deep.equal({
      '@type': 'dpv:ConsentWithdrawn',
      'dpv:hasProcess': { '@id': `urn:uuid:${second.id}#analytics` },
      'dpv:isIndicatedAtTime': { '@value': '2026-11-23T08:30:00.000Z', '@type': 'xsd:dateTime' },
      'dpv:isIndicatedBy': { '@id': 'dpv:DataSubject' },
      'dpv:hasIndicationMethod': 'preferences.save',
      'dpv:hasDuration': { '@type': 'dpv:TemporalDuration', 'rdf:value': 'P30D' },
    });
    expect((three['dpv:hasConsentStatus'] as JsonLdNode[])[0]['dpv:isIndicatedBy']).to.deep.equal({ '@type': 'dpv:GuardianOfDataSubject', 'dct:description': 'ผู้อนุบาล' });
    // What the person was shown for the purpose, when the receipt recorded it.
    expect(process(three, 'dietary')['dpv:hasNotice']).to.deep.equal({ '@type': 'dpv:ConsentNotice', 'schema:sha256': 'd'.repeat(64), 'dct:language': 'th' });
    expect(process(one, 'dietary')['dpv:hasNotice']).to.equal(undefined);
  });

  it('finds the receipt before in `earlier`, and takes a withdrawal page', () => {
    const [alone] = toIso27560([second])['@graph'];
    expect(statusOf(alone).analytics).to.equal('dpv:ConsentRefused');
    const [known] = toIso27560([second], { earlier: [first], withdrawUrl: 'https://www.dga.or.th/my-consents' })['@graph'];
    expect(statusOf(known).analytics).to.equal('dpv:ConsentWithdrawn');
    expect(process(known, 'marketing')['dpv:hasConsentControl']).to.deep.include({ 'dpv:isExercisedAt': { '@id': 'https://www.dga.or.th/my-consents' } });
    const [parent] = toIso27560([{ ...first, actor: 'parent' }])['@graph'];
    expect((parent['dpv:hasConsentStatus'] as JsonLdNode[])[0]['dpv:isIndicatedBy']).to.deep.equal({ '@id': 'dpv:ParentOfDataSubject' });
  });

  it('names both a minor of 10 to 19 and the guardian who consented together, and a guardian alone by relationship (s.20)', () => {
    const indicated = (receipt: Receipt) => ((toIso27560([receipt])['@graph'][0]['dpv:hasConsentStatus'] as JsonLdNode[])[0]['dpv:isIndicatedBy']);
    expect(indicated({ ...first, guardian: { relationship: 'mother', name: 'สมใจ' } })).to.deep.equal([
      { '@id': 'dpv:DataSubject' },
      { '@type': 'dpv:ParentOfDataSubject', 'dct:description': 'มารดา' },
    ]);
    expect(indicated({ ...first, actor: 'parent', guardian: { relationship: 'father' } })).to.deep.equal({ '@type': 'dpv:ParentOfDataSubject', 'dct:description': 'บิดา' });
    expect(indicated({ ...first, actor: 'curator', guardian: { relationship: 'curator' } })).to.deep.equal({ '@type': 'dpv:GuardianOfDataSubject', 'dct:description': 'ผู้พิทักษ์' });
    expect(JSON.stringify(toIso27560([{ ...first, guardian: { relationship: 'mother', name: 'สมใจ' } }])), 'the name stays in the receipt').not.to.contain('สมใจ');
  });

  it('is pure: the same records for the same input, which it leaves alone', () => {
    const input = structuredClone([first, second, third]);
    const deepFreeze = (value: unknown): void => {
      if (value && typeof value === 'object') {
        Object.values(value).forEach(deepFreeze);
        Object.freeze(value);
      }
    };
    deepFreeze(input);
    deepFreeze(config);
    const once = JSON.stringify(toIso27560(input, { config }));
    expect(JSON.stringify(toIso27560(input, { config }))).to.equal(once);
    expect(input).to.deep.equal([first, second, third]);
  });
});
