import { expect, oneEvent } from '@open-wc/testing';
import { decodeDecision, encodeDecision, holdsDecisionCookie } from '../../src/core/decision-cookie.js';
import type { ConsentState } from '../../src/core/types.js';
import { canonicalJson } from '../../src/core/receipts/canonical-json.js';
import { shownHash, wordingOf } from '../../src/core/receipts/shown-wording.js';
import { captureConsole, cleanup, createTestConsent, endVisit, memoryBook, nextTask, testConfig } from './helpers.js';

const noticeV2 = new URL('./fixtures/notice-v2.json', import.meta.url).href;
const cookie = () => document.cookie.split('; ').find((pair) => pair.startsWith('yinyom='))?.slice(7);
const stored = (version: string, choices: Record<string, boolean>, daysAgo = 0) =>
  encodeDecision({ version, time: new Date(Date.now() - daysAgo * 864e5), choices, receiptId: 'r-1' });

/**
 * Records every string written to `document.cookie` while passing it on to the real cookie
 * jar: the attributes of a write (path, SameSite, max-age) cannot be read back through
 * `document.cookie`. `restore()` removes the spy.
 */
function spyCookieWrites() {
  const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  const writes: string[] = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => real.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      real.set!.call(document, value);
    },
  });
  return { writes, restore: () => delete (document as { cookie?: string }).cookie };
}

/** The decision cookie as the browser's cookie jar holds it, attributes included, where the browser tells them (Chromium's Cookie Store API). */
async function storedCookie(name: string): Promise<{ path?: string; sameSite?: string; secure?: boolean; domain?: string | null; expires?: number | null } | undefined> {
  const store = (window as { cookieStore?: { get(name: string): Promise<Record<string, unknown> | null> } }).cookieStore;
  return ((await store?.get(name)) ?? undefined) as never;
}

/** A decision-chunk loader that counts how often the core asks for it. */
function countingLoads() {
  let loads = 0;
  const book = memoryBook();
  return {
    loads: () => loads,
    counting: async () => {
      loads++;
      return book;
    },
  };
}

describe('decision state', () => {
  afterEach(cleanup);

  it('is undecided on a first visit: optional ids undefined, required true, unknown undefined', () => {
    const api = createTestConsent(testConfig());
    expect(api.get('necessary')).to.equal(true);
    expect(api.get('analytics')).to.equal(undefined);
    expect(api.get('photo-publicity')).to.equal(undefined);
    expect(api.get('nope')).to.equal(undefined);
    expect(api.state()).to.include({ decided: false, receiptId: undefined, language: 'th' });
    expect(api.state().choices).to.deep.equal({ necessary: true });
  });

  it('acceptAll grants the categories and the purposes marked banner, none other', async () => {
    const api = createTestConsent(testConfig());
    const receipt = await api.acceptAll();
    expect(api.get('analytics')).to.equal(true);
    expect(api.get('marketing')).to.equal(true);
    expect(api.get('newsletter')).to.equal(true);
    expect(api.get('photo-publicity'), 'a purpose asked inline').to.equal(undefined);
    expect(api.get('dietary'), 'a sensitive purpose').to.equal(undefined);
    expect(receipt.choices).to.deep.equal({ analytics: true, marketing: true, newsletter: true });
    expect(receipt.method).to.equal('api');
    expect(api.state()).to.include({ decided: true, receiptId: receipt.id });
  });

  it('a sensitive purpose is never bundled: a config that marks one banner is refused, and Accept all and Reject all decide nothing', async () => {
    const config = testConfig();
    config.purposes![2] = { ...config.purposes![2], banner: true };
    const book = memoryBook();
    const api = createTestConsent(config, { receipts: async () => book });
    const reason = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: Error) => error.message);
    // The problem itself is worded on the console (config.test.ts checks the wording).
    await captureConsole('error', async () => {
      expect(await reason(api.acceptAll())).to.equal('[yinyom] the config has 1 problem(s), listed on the console');
      expect(await reason(api.rejectAll())).to.equal('[yinyom] the config has 1 problem(s), listed on the console');
    });
    expect(book.decisions).to.deep.equal([]);
    expect(api.get('dietary')).to.equal(undefined);
    expect(api.state().choices).to.deep.equal({});
  });

  it('rejectAll denies the same set; withdraw denies one id with method "withdraw"', async () => {
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    await api.rejectAll({ method: 'banner.reject-all' });
    expect(api.state().choices).to.deep.equal({ necessary: true, analytics: false, marketing: false, newsletter: false });
    await api.set({ analytics: true, 'photo-publicity': true }, { method: 'form', actor: 'parent' });
    expect(api.get('analytics')).to.equal(true);
    await api.withdraw('photo-publicity');
    expect(api.get('photo-publicity')).to.equal(false);
    expect(book.decisions.map((d) => d.method)).to.deep.equal(['banner.reject-all', 'form', 'withdraw']);
    expect(book.decisions[1].actor).to.equal('parent');
  });

  it('a first decision about cookies denies every category it does not mention, and later ones merge', async () => {
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    await api.set({ analytics: true });
    expect(book.decisions[0].choices).to.deep.equal({ analytics: true, marketing: false });
    expect(api.state().decided).to.equal(true);
    await api.set({ 'photo-publicity': true });
    expect(book.decisions[1].choices).to.deep.equal({ analytics: true, marketing: false, 'photo-publicity': true });
  });

  it('a decision on purposes alone settles no category: the banner still has to ask', async () => {
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    await api.set({ 'photo-publicity': true }, { method: 'form' });
    expect(book.decisions[0].choices).to.deep.equal({ 'photo-publicity': true });
    expect(api.get('photo-publicity')).to.equal(true);
    expect(api.get('analytics')).to.equal(undefined);
    expect(api.state().decided).to.equal(false);
    const value = cookie()!;
    endVisit();
    document.cookie = `yinyom=${value};path=/`;
    const next = createTestConsent(testConfig(), { receipts: async () => book });
    expect(next.get('photo-publicity')).to.equal(true);
    expect(next.state().decided).to.equal(false);
    await next.rejectAll();
    expect(book.decisions[1].choices).to.deep.equal({ 'photo-publicity': true, analytics: false, marketing: false, newsletter: false });
  });

  it('rejects unknown ids, non-boolean values and denying a required category, naming them', async () => {
    const api = createTestConsent(testConfig());
    const reason = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: Error) => error.message);
    expect(await reason(api.set({ analytcs: true }))).to.equal('[yinyom] set: "analytcs" is not a category or purpose of the config');
    expect(await reason(api.set({ analytics: 'yes' as unknown as boolean }))).to.equal('[yinyom] set: "analytics" must be true or false');
    expect(await reason(api.set({ necessary: false }))).to.equal('[yinyom] set: "necessary" is required and cannot be denied');
    expect(api.state().decided).to.equal(false);
  });

  it('writes the yinyom cookie (SameSite=Lax, path /) and reads it back on the next boot', async () => {
    const first = createTestConsent(testConfig());
    const spy = spyCookieWrites();
    let receipt!: Awaited<ReturnType<typeof first.set>>;
    try {
      receipt = await first.set({ analytics: true });
    } finally {
      spy.restore();
    }
    const value = cookie()!;
    expect(decodeDecision(value)).to.deep.include({ version: '2565-06-01', choices: { analytics: true, marketing: false }, receiptId: receipt.id });
    // Exactly one write, with every attribute: no Domain (host-only), no Secure on http, a year of max-age.
    const written = spy.writes.filter((write) => write.startsWith('yinyom='));
    expect(written).to.have.length(1);
    const [pair, ...attributes] = written[0].split(';');
    expect(pair).to.equal(`yinyom=${value}`);
    const maxAge = attributes.find((attribute) => attribute.startsWith('max-age='));
    expect(attributes.filter((attribute) => attribute !== maxAge)).to.deep.equal(['path=/', 'SameSite=Lax']);
    expect(Number(maxAge!.slice(8))).to.be.within(365 * 86400 - 5, 365 * 86400);
    // And as the browser stored it, where it says (Chromium): path /, SameSite Lax, host-only, a year.
    const jar = await storedCookie('yinyom');
    if (jar?.path !== undefined) {
      expect(jar).to.include({ path: '/', sameSite: 'lax', secure: false, domain: null });
      expect(jar.expires! - Date.now()).to.be.within((365 * 86400 - 60) * 1000, 365 * 86400 * 1000);
    }
    cleanup();
    document.cookie = `yinyom=${value};path=/`;
    const next = createTestConsent(testConfig());
    expect(next.get('analytics')).to.equal(true);
    expect(next.get('marketing')).to.equal(false);
    expect(next.state().receiptId).to.equal(receipt.id);
  });

  it('treats a corrupt or foreign cookie as no decision, with a warning', async () => {
    for (const value of ['garbage', '2|x|y|a||r', '1|v|!!|analytics||r', '1|%E0%A4%A|1|a||r']) {
      document.cookie = `yinyom=${value};path=/`;
      let api!: ReturnType<typeof createTestConsent>;
      const warnings = await captureConsole('warn', () => {
        api = createTestConsent(testConfig());
      });
      expect(api.state().decided, value).to.equal(false);
      expect(warnings.join(), value).to.contain('is not a Yinyom decision');
      cleanup();
    }
  });

  it('tells from the cookies alone, before the config is read, whether a decision cookie is there', () => {
    expect(holdsDecisionCookie('')).to.equal(false);
    expect(holdsDecisionCookie('a=1; yinyom=1|v')).to.equal(true);
    expect(holdsDecisionCookie('__Host-yinyom=1|v; a=1')).to.equal(true);
    // Only the name counts: not a longer name that ends with it, nor a value that holds it.
    expect(holdsDecisionCookie('my-yinyom=1; a=yinyom=1; yinyomx=1')).to.equal(false);
  });

  it('takes the decision from the cookies its caller has just read, without reading them again', () => {
    const real = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    let reads = 0;
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => (reads++, real.get!.call(document)), set: (value: string) => real.set!.call(document, value) });
    let api;
    try {
      api = createTestConsent(testConfig(), { cookies: `a=1; yinyom=${stored('2565-06-01', { analytics: true, marketing: false })}` });
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
    // The jar holds no decision: only the string given can have granted analytics.
    expect(api.get('analytics')).to.equal(true);
    expect(api.get('marketing')).to.equal(false);
    expect(reads).to.equal(0);
  });

  it('asks again when the notice version changed or the decision expired', () => {
    document.cookie = `yinyom=${stored('2564-01-01', { analytics: true, marketing: true })};path=/`;
    expect(createTestConsent(testConfig()).get('analytics')).to.equal(undefined);
    document.cookie = `yinyom=${stored('2565-06-01', { analytics: true, marketing: true }, 30)};path=/`;
    expect(createTestConsent(testConfig({ expiresDays: 10 })).get('analytics')).to.equal(undefined);
    expect(createTestConsent(testConfig({ expiresDays: 60 })).get('analytics')).to.equal(true);
  });

  it('ignores ids the config no longer has, and drops them with the next decision', async () => {
    document.cookie = `yinyom=${stored('2565-06-01', { analytics: true, marketing: false, retired: true })};path=/`;
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    expect(api.state().decided).to.equal(true);
    expect(api.get('retired')).to.equal(undefined);
    expect(api.state().choices).not.to.have.property('retired');
    await api.set({ marketing: true });
    expect(book.decisions[0].choices).to.deep.equal({ analytics: true, marketing: true });
  });

  it('asks again when a category was added since the decision, keeping the choices made', () => {
    document.cookie = `yinyom=${stored('2565-06-01', { analytics: true })};path=/`;
    const api = createTestConsent(testConfig());
    expect(api.state().decided).to.equal(false);
    expect(api.get('analytics')).to.equal(true);
    expect(api.get('marketing')).to.equal(undefined);
  });

  it('works with cookies disabled: the decision holds for the page, with a warning', async () => {
    // A cookie jar that keeps nothing, as with cookies blocked for the site.
    const writes: string[] = [];
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: (value: string) => void writes.push(value) });
    Object.defineProperty(navigator, 'cookieEnabled', { configurable: true, get: () => false });
    try {
      let api!: ReturnType<typeof createTestConsent>;
      const warnings = await captureConsole('warn', () => {
        api = createTestConsent(testConfig());
      });
      expect(warnings.join()).to.contain('cookies are off: a decision lasts for this page only');
      await api.acceptAll();
      expect(api.get('analytics')).to.equal(true);
      expect(api.state().decided).to.equal(true);
      // It tried to store the decision, and nothing was kept: the page's memory is all there is.
      expect(writes.some((write) => write.startsWith('yinyom='))).to.equal(true);
      expect(document.cookie).to.equal('');
    } finally {
      delete (document as { cookie?: string }).cookie;
      delete (navigator as { cookieEnabled?: boolean }).cookieEnabled;
    }
  });

  it('restores the decision from the newest receipt when the cookie is gone', async () => {
    const book = memoryBook();
    const first = createTestConsent(testConfig(), { receipts: async () => book });
    const receipt = await first.set({ analytics: true, 'photo-publicity': true });
    endVisit();
    const next = createTestConsent(testConfig(), { receipts: async () => book });
    expect(next.state().decided).to.equal(false);
    const { detail } = (await oneEvent(document, 'yinyom-change')) as CustomEvent<ConsentState>;
    expect(detail.receiptId).to.equal(receipt.id);
    expect(next.get('analytics')).to.equal(true);
    expect(next.get('photo-publicity')).to.equal(true);
    expect(decodeDecision(cookie()!)?.receiptId).to.equal(receipt.id);
  });

  it('does not restore a receipt made under another notice version', async () => {
    const book = memoryBook();
    await createTestConsent(testConfig(), { receipts: async () => book }).acceptAll();
    endVisit();
    const newer = testConfig({ notice: { id: 'tdga-privacy', version: '2567-01-01' } });
    const next = createTestConsent(newer, { receipts: async () => book });
    await nextTask();
    await nextTask();
    expect(next.state().decided).to.equal(false);
  });

  it('a first visit opens no receipt book; a returning one only while its cookie says receipts are pending', async () => {
    const { counting, loads } = countingLoads();
    const config = testConfig({ endpoint: 'https://collector.example/v1/receipts' });
    const first = createTestConsent(config, { receipts: counting });
    await nextTask();
    await nextTask();
    expect(loads()).to.equal(0);
    await first.acceptAll();
    expect(loads()).to.equal(1);
    const value = cookie()!;
    expect(decodeDecision(value)?.pending).to.equal(true);
    endVisit();
    document.cookie = `yinyom=${value};path=/`;
    createTestConsent(config, { receipts: counting });
    await nextTask();
    expect(loads()).to.equal(2);
    endVisit();
    document.cookie = `yinyom=${encodeDecision({ ...decodeDecision(value)!, pending: false })};path=/`;
    createTestConsent(config, { receipts: counting });
    await nextTask();
    expect(loads()).to.equal(2);
  });

  it('refuses an unknown actor before writing anything: no receipt, no change', async () => {
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    const error = await api.set({ 'photo-publicity': true }, { actor: 'uncle' as 'parent' }).catch((caught: Error) => caught);
    expect((error as Error).message).to.equal('[yinyom] set: actor "uncle" must be one of self, parent, custodian, curator');
    expect(book.decisions).to.deep.equal([]);
    expect(api.get('photo-publicity')).to.equal(undefined);
    await api.set({ 'photo-publicity': true }, { actor: 'parent' });
    expect(book.decisions.map((decision) => decision.actor)).to.deep.equal(['parent']);
  });

  it('records a guardian only as one the actor can have (s.20), naming what is wrong', async () => {
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    const refused = async (options: Parameters<typeof api.set>[1]) => ((await api.set({ 'photo-publicity': true }, options).catch((caught: Error) => caught)) as Error).message;
    expect(await refused({ actor: 'custodian', guardian: { relationship: 'mother' } })).to.equal(
      '[yinyom] set: guardian.relationship "mother" must be one of custodian when actor is custodian',
    );
    expect(await refused({ guardian: { relationship: 'uncle' as 'mother' } })).to.equal(
      '[yinyom] set: guardian.relationship "uncle" must be one of father, mother, adoptive-parent, guardian when actor is self',
    );
    expect(await refused({ actor: 'parent', guardian: { relationship: 'father', name: ' ' } })).to.equal('[yinyom] set: guardian.name must be a text of 1 to 200 characters');
    expect(book.decisions).to.deep.equal([]);
    await api.set({ 'photo-publicity': true }, { guardian: { relationship: 'mother' } });
    await api.set({ 'photo-publicity': true }, { actor: 'curator', guardian: { relationship: 'curator', name: 'สมใจ' } });
    expect(book.decisions.map(({ actor, guardian }) => [actor, guardian])).to.deep.equal([
      [undefined, { relationship: 'mother' }],
      ['curator', { relationship: 'curator', name: 'สมใจ' }],
    ]);
  });

  it('hashes what each decided id showed: the config’s wording where it was shown, with the sentence beside it', async () => {
    const book = memoryBook();
    const config = testConfig();
    const api = createTestConsent(config, { receipts: async () => book });
    await api.set({ 'photo-publicity': true });
    const [plain] = book.decisions;
    expect(Object.keys(plain.shown!), 'only the ids the decision covered').to.deep.equal(['photo-publicity']);
    expect(plain.shown!['photo-publicity']).to.match(/^sha256-[0-9a-f]{64}$/);
    expect(plain.shown!['photo-publicity']).to.equal(await shownHash(config, 'photo-publicity', 'th'));

    await api.set({ 'photo-publicity': true }, { shown: { sentences: { 'photo-publicity': 'ข้าพเจ้ายินยอม' } } });
    expect(book.decisions[1].shown!['photo-publicity'], 'the sentence counts').not.to.equal(plain.shown!['photo-publicity']);

    api.setLanguage('en');
    await api.set({ 'photo-publicity': true });
    expect(book.decisions[2].shown!['photo-publicity'], 'so does the language').to.equal(await shownHash(config, 'photo-publicity', 'en'));
    expect(book.decisions[2].shown!['photo-publicity']).not.to.equal(plain.shown!['photo-publicity']);

    await api.acceptAll({ shown: { view: 'banner' } });
    const banner = book.decisions[3].shown!;
    expect(Object.keys(banner).sort()).to.deep.equal(['analytics', 'marketing', 'newsletter']);
    expect(banner.analytics).to.equal(await shownHash(config, 'analytics', 'en', { view: 'banner' }));
    expect(banner.analytics, 'the banner shows less than the dialog').not.to.equal(await shownHash(config, 'analytics', 'en', { view: 'dialog' }));
  });

  it('gives another hash when a purpose’s wording changes, and the same for the same wording', async () => {
    const config = testConfig();
    const purpose = (of = config) => of.purposes!.find((entry) => entry.id === 'photo-publicity')!;
    const before = await shownHash(config, 'photo-publicity', 'th');
    expect(await shownHash(structuredClone(config), 'photo-publicity', 'th'), 'a copy of the config').to.equal(before);
    const changes: Array<(entry: ReturnType<typeof purpose>) => void> = [
      (entry) => (entry.title = 'ภาพถ่ายและวิดีโอ'),
      (entry) => (entry.description = 'ภาพของท่านจะเผยแพร่ทางสื่อสังคมออนไลน์'),
      (entry) => (entry.retention = '10 ปี'),
      (entry) => (entry.data = ['ภาพถ่าย', 'เสียง']),
      (entry) => (entry.recipients = ['ผู้ชมเว็บไซต์']),
    ];
    for (const change of changes) {
      const changed = structuredClone(config);
      change(purpose(changed));
      expect(await shownHash(changed, 'photo-publicity', 'th'), change.toString()).not.to.equal(before);
    }
    const wording = wordingOf(purpose(), 'th', { consent: 'ข้าพเจ้ายินยอม' });
    expect(wording.consent).to.equal('ข้าพเจ้ายินยอม');
    expect(await shownHash(config, 'photo-publicity', 'th', { consent: 'ข้าพเจ้ายินยอม' })).to.equal(
      'sha256-' + [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(wording))))].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
    );
    await shownHash(config, 'nope', 'th').then(
      () => expect.fail('an unknown id'),
      (error: Error) => expect(error.message).to.equal('[yinyom] shownHash: "nope" is not a category or purpose of the config'),
    );
  });

  it('without an endpoint nothing waits to be sent: the cookie carries no "p" and a returning visit loads nothing', async () => {
    const { counting, loads } = countingLoads();
    await createTestConsent(testConfig(), { receipts: counting }).acceptAll();
    const value = cookie()!;
    expect(value.endsWith('|p'), value).to.equal(false);
    expect(decodeDecision(value)?.pending).to.equal(undefined);
    endVisit();
    document.cookie = `yinyom=${value};path=/`;
    const returning = createTestConsent(testConfig(), { receipts: counting });
    await nextTask();
    await nextTask();
    expect(returning.get('analytics')).to.equal(true);
    expect(loads()).to.equal(1);
  });

  it('fires change to listeners and yinyom-change on document; unsubscribe stops it', async () => {
    const api = createTestConsent(testConfig());
    const seen: boolean[] = [];
    const off = api.on('change', (state) => seen.push(state.choices.analytics));
    const event = oneEvent(document, 'yinyom-change');
    await api.set({ analytics: true });
    expect(((await event) as CustomEvent<ConsentState>).detail.choices.analytics).to.equal(true);
    off();
    await api.set({ analytics: false });
    expect(seen).to.deep.equal([true]);
  });

  it('a listener that throws does not stop the others or the decision', async () => {
    const api = createTestConsent(testConfig());
    let reached = false;
    api.on('change', () => {
      throw new Error('page bug');
    });
    api.on('change', () => (reached = true));
    const errors = await captureConsole('error', () => api.acceptAll());
    expect(reached).to.equal(true);
    expect(errors.join()).to.contain('a change listener threw');
    expect(api.get('analytics')).to.equal(true);
  });

  it('whenGranted resolves at once when granted, later on grant, and rejects unknown ids', async () => {
    const api = createTestConsent(testConfig());
    let granted = false;
    const waiting = api.whenGranted('marketing').then(() => (granted = true));
    await api.set({ analytics: true });
    await nextTask();
    expect(granted).to.equal(false);
    await api.set({ marketing: true });
    await waiting;
    expect(granted).to.equal(true);
    await api.whenGranted('analytics');
    expect(await api.whenGranted('x').catch((error: Error) => error.message)).to.contain('"x" is not a category or purpose of the config');
  });

  it('push calls the function with the API at once and survives a throwing one', async () => {
    const api = createTestConsent(testConfig());
    let got: unknown;
    api.push((a) => (got = a));
    expect(got).to.equal(api);
    const errors = await captureConsole('error', () => api.push(() => { throw new Error('x'); }));
    expect(errors.join()).to.contain('push callback threw');
  });

  it('serializes concurrent decisions so none is lost', async () => {
    const book = memoryBook();
    const api = createTestConsent(testConfig(), { receipts: async () => book });
    await Promise.all([api.set({ analytics: true }), api.set({ marketing: true }), api.set({ 'photo-publicity': true })]);
    expect(api.state().choices).to.include({ analytics: true, marketing: true, 'photo-publicity': true });
    expect(book.decisions).to.have.length(3);
  });

  it('applies the decision for the page even when no receipt can be written, and rejects', async () => {
    // e.g. crypto.subtle missing on an http page; IndexedDB failures are the book's own (kept in memory).
    const book = memoryBook();
    const failing = { ...book, createReceiptBook: (options: never) => ({ ...book.createReceiptBook(options), record: () => Promise.reject(new Error('chunk failed')) }) };
    const api = createTestConsent(testConfig(), { receipts: async () => failing });
    let message = '';
    const errors = await captureConsole('error', () => api.rejectAll().catch((error: Error) => (message = error.message)));
    expect(message).to.equal('chunk failed');
    expect(errors.join()).to.contain('no receipt could be written');
    expect(api.get('analytics')).to.equal(false);
  });

  it('loads a notice given as a URL, and a 404 notice runs the safe default', async () => {
    const api = createTestConsent(testConfig({ notice: noticeV2 }));
    expect((await api.notice()).version).to.equal('2');
    const receipt = await api.acceptAll();
    expect(receipt.notice.version).to.equal('2');
    cleanup();
    const missing = new URL('/no-such-notice.json', location.href).href;
    const broken = createTestConsent(testConfig({ notice: missing }));
    const errors = await captureConsole('error', () => broken.notice().catch(() => undefined));
    expect(errors.join()).to.contain(`notice: ${missing}: HTTP 404; nothing optional will run`);
    expect(await broken.acceptAll().catch((error: Error) => error.message)).to.contain(`${missing}: HTTP 404`);
    expect(broken.get('analytics')).to.equal(undefined);
  });

  it('drops a cookie decision when a notice URL turns out to have a new version', async () => {
    document.cookie = `yinyom=${stored('1', { analytics: true, marketing: true })};path=/`;
    const api = createTestConsent(testConfig({ notice: noticeV2 }));
    expect(api.get('analytics')).to.equal(true);
    await oneEvent(document, 'yinyom-change');
    expect(api.get('analytics')).to.equal(undefined);
    expect(cookie()).to.equal(undefined);
  });

  it('GPC denies gpc categories by default and the receipt records the signal', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, get: () => true });
    try {
      const ignoring = createTestConsent(testConfig({ respectGPC: false }));
      expect(ignoring.get('analytics')).to.equal(undefined);
      const book = memoryBook();
      const api = createTestConsent(testConfig(), { receipts: async () => book });
      expect(api.get('analytics')).to.equal(false);
      expect(api.get('photo-publicity')).to.equal(undefined);
      await api.set({ 'photo-publicity': true });
      expect(book.decisions[0].gpc).to.equal(true);
      expect(book.decisions[0].choices).to.deep.equal({ 'photo-publicity': true });
      expect(api.get('analytics')).to.equal(false);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('setLanguage changes the language and fires change', async () => {
    const api = createTestConsent(testConfig());
    const event = oneEvent(document, 'yinyom-change');
    api.setLanguage('en');
    expect(((await event) as CustomEvent<ConsentState>).detail.language).to.equal('en');
    expect(api.language()).to.equal('en');
  });
});
