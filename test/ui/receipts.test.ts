import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ConsentApi, ReceiptEntry } from '../../src/core/types.js';
import '../../src/elements.js';
import type { YinyomReceipts } from '../../src/ui/receipts/yinyom-receipts.js';
import { collector } from '../support/receipts-harness.js';
import { deepFocus, drawnIn, emulate, freshConsent, pageScheme, resetPage, shadow, until } from './helpers.js';

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ').trim();

describe('<yinyom-receipts>', () => {
  let api: ConsentApi;
  let element: YinyomReceipts;
  const root = () => shadow(element);
  const current = () => [...root().querySelectorAll('.current li')].map(text);
  const history = () => [...root().querySelectorAll('.history > li')];
  const statuses = () => history().map((item) => text(item.querySelector('.status')));

  beforeEach(async () => {
    api = await freshConsent();
    await api.rejectAll({ method: 'banner.reject-all' });
    await api.set({ 'photo-publicity': true, analytics: true }, { method: 'form', actor: 'parent' });
    element = await fixture<YinyomReceipts>(html`<yinyom-receipts></yinyom-receipts>`);
    await until(() => history().length === 2);
  });
  afterEach(async () => {
    resetPage();
    await emulate({ colorScheme: 'light' });
  });

  it('lists the current choices, a Withdraw button beside each granted one', () => {
    expect(current()).to.deep.equal([
      'คุกกี้เพื่อการวิเคราะห์ ยินยอม ถอนความยินยอม: คุกกี้เพื่อการวิเคราะห์',
      'คุกกี้เพื่อการตลาด ไม่ยินยอม',
      'ภาพถ่ายในสื่อประชาสัมพันธ์ ยินยอม ถอนความยินยอม: ภาพถ่ายในสื่อประชาสัมพันธ์',
      'จดหมายข่าว ไม่ยินยอม',
    ]);
  });

  it('lists the receipts on this device, newest first, with method, actor, choices and state', () => {
    const [newest, oldest] = history();
    expect(text(newest.querySelector('p'))).to.match(/^\d{1,2} \S+ 25\d\d เวลา \d\d:\d\d น\. · แบบฟอร์ม · ผู้ใช้อำนาจปกครอง$/);
    expect(text(newest.querySelector('.choices'))).to.contain('ภาพถ่ายในสื่อประชาสัมพันธ์: ยินยอม');
    expect(text(newest.querySelector('.status'))).to.equal('รอส่ง');
    expect(text(oldest.querySelector('p'))).to.contain('ปฏิเสธทั้งหมด');
    expect(newest.querySelector('code')!.textContent).to.match(/^[0-9a-f-]{36}$/);
  });

  it('withdraws with one click, announces it and keeps focus on the list', async () => {
    const button = root().querySelector<HTMLButtonElement>('.current button')!;
    button.focus();
    setTimeout(() => button.click());
    const { detail } = await oneEvent(element, 'yinyom-decision');
    expect(detail.receipt.method).to.equal('withdraw');
    expect(detail.receipt.choices.analytics).to.equal(false);
    expect(api.get('analytics')).to.equal(false);
    await until(() => history().length === 3);
    expect(current()[0]).to.equal('คุกกี้เพื่อการวิเคราะห์ ไม่ยินยอม');
    expect(text(root().querySelector('[role=status]'))).to.equal('ถอนความยินยอม “คุกกี้เพื่อการวิเคราะห์” แล้ว');
    expect(deepFocus()).to.equal(root().getElementById('current'));
  });

  it('shows sent, waiting and failed receipts', async () => {
    const [a, b] = (await api.receiptEntries()).map((entry) => entry.receipt);
    const entries: ReceiptEntry[] = [
      { receipt: a, status: 'sent' },
      { receipt: b, status: 'failed', error: 'invalid hash' },
    ];
    element.consent = { ...api, receiptEntries: async () => entries };
    await until(() => text(root().querySelector('.history .status')) === 'ส่งถึงหน่วยงานแล้ว');
    expect(text(history()[1].querySelector('.status'))).to.equal('ส่งไม่สำเร็จ: invalid hash');
    expect(history()[1].querySelector('.status.failed')).to.exist;
  });

  /** Clicks the download button whose label contains `label`; returns the file's name and JSON. */
  async function download(label: string): Promise<{ name: string; json: unknown }> {
    let downloaded: HTMLAnchorElement | undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloaded = this;
    };
    try {
      [...root().querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => b.textContent!.includes(label))!.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    return { name: downloaded!.download, json: JSON.parse(await (await fetch(downloaded!.href)).text()) };
  }

  it('downloads the receipts as JSON, verbatim with their delivery state', async () => {
    const [a, b] = (await api.receiptEntries()).map((entry) => entry.receipt);
    const entries: ReceiptEntry[] = [
      { receipt: a, status: 'sent' },
      { receipt: b, status: 'failed', error: 'invalid hash' },
    ];
    element.consent = { ...api, receiptEntries: async () => entries };
    await until(() => statuses()[0] === 'ส่งถึงหน่วยงานแล้ว');
    const { name, json } = await download('(JSON)');
    expect(name).to.match(/^consent-receipts-\d{4}-\d\d-\d\d\.json$/);
    expect((json as { receipts: ReceiptEntry[] }).receipts).to.deep.equal(entries);
  });

  it('downloads the receipts as Kantara Consent Receipts 1.1', async () => {
    const { name, json } = await download('Kantara');
    expect(name).to.match(/^consent-receipts-kantara-\d{4}-\d\d-\d\d\.json$/);
    const documents = json as Array<{ version: string; jurisdiction: string; consentReceiptID: string }>;
    expect(documents).to.have.length(2);
    expect(documents[0]).to.include({ version: 'KI-CR-v1.1.0', jurisdiction: 'TH' });
    expect(documents.map((d) => d.consentReceiptID)).to.deep.equal((await api.receipts()).map((receipt) => receipt.id));
  });

  it('downloads the receipts as ISO/IEC TS 27560 records on DPV, oldest first', async () => {
    const { name, json } = await download('27560');
    expect(name).to.match(/^consent-receipts-iso27560-\d{4}-\d\d-\d\d\.jsonld$/);
    const document = json as { '@context': Record<string, string>; '@graph': Array<{ 'dct:identifier': string }> };
    expect(Object.values(document['@context'])).to.include('https://w3id.org/dpv#');
    expect(document['@graph'].map((record) => record['dct:identifier'])).to.deep.equal((await api.receipts()).map((receipt) => receipt.id).reverse());
  });

  it('says the agency confirmed a receipt whose countersignature verifies with the collector\'s keys, and no other', async () => {
    const endpoint = await collector.start(true);
    try {
      const [newer, older] = await api.receipts();
      const answer = await (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ receipts: [older, newer] }) })).json();
      const signature = (id: string) => answer.signatures[id] as { kid: string; sig: string };
      // The newer receipt carries the signature of the older one: it must not count as confirmed.
      const entries: ReceiptEntry[] = [
        { receipt: newer!, status: 'sent', signature: signature(older!.id) },
        { receipt: older!, status: 'sent', signature: signature(older!.id) },
      ];
      element.consent = { ...api, config: { ...api.config, endpoint }, receiptEntries: async () => entries };
      await until(() => history()[1]?.querySelector('.confirmed'));
      expect(text(history()[1]!.querySelector('.status'))).to.equal('ส่งถึงหน่วยงานแล้ว · หน่วยงานยืนยันว่าได้รับบันทึกนี้แล้ว');
      expect(!!history()[0]!.querySelector('.confirmed'), 'the newer receipt, signed for another').to.equal(false);
    } finally {
      await collector.stop();
    }
  });

  it('sends waiting receipts to the collector on request and reports the counts', async () => {
    resetPage();
    const endpoint = await collector.start();
    // Another tab is sending (it holds the outbox's Web Lock), so this page's own flushes leave
    // the receipts to it and they wait, until the person presses Send now.
    const lock = 'yinyom:receipts:sync';
    let release!: () => void;
    await new Promise<void>((granted) => void navigator.locks.request(lock, () => (granted(), new Promise<void>((done) => (release = done)))));
    try {
      api = await freshConsent({ endpoint });
      const made = [await api.rejectAll({ method: 'banner.reject-all' }), await api.set({ 'photo-publicity': true }, { method: 'form' })];
      element = await fixture<YinyomReceipts>(html`<yinyom-receipts></yinyom-receipts>`);
      await until(() => history().length === 2);
      expect(statuses()).to.deep.equal(['รอส่ง', 'รอส่ง']);
      [...root().querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => !b.hidden && b.textContent!.includes('ส่งตอนนี้'))!.click();
      // The button's sync waits for the other tab's lock; then the other tab is done.
      for (;;) {
        const { pending = [] } = await navigator.locks.query();
        if (pending.some((request) => request.name === lock)) break;
        await new Promise((resolve) => setTimeout(resolve));
      }
      release();
      await until(() => text(root().querySelector('[role=status]')) === 'ส่งแล้ว 2 รายการ · รอส่ง 0 รายการ · ส่งไม่สำเร็จ 0 รายการ');
      await until(() => statuses().join() === 'ส่งถึงหน่วยงานแล้ว,ส่งถึงหน่วยงานแล้ว');
      expect((await collector.stored()).map((row) => row.id).sort()).to.deep.equal(made.map((receipt) => receipt.id).sort());
    } finally {
      release();
      resetPage();
      await collector.stop();
    }
  });

  it('says when sending failed, fires yinyom-error and leaves no unhandled rejection', async () => {
    element.consent = { ...api, sync: () => Promise.reject(new Error('offline')) } as ConsentApi;
    let unhandled: unknown;
    const rejected = new Promise((resolve) => addEventListener('unhandledrejection', (event) => resolve((unhandled = event.reason)), { once: true }));
    const send = [...root().querySelectorAll<HTMLButtonElement>('.tools button')].find((b) => !b.hidden && b.textContent!.includes('ส่งตอนนี้'))!;
    send.click();
    await Promise.race([oneEvent(element, 'yinyom-error'), rejected]);
    expect(unhandled).to.equal(undefined);
    await until(() => text(root().querySelector('[role=status]')).startsWith('ส่งไม่สำเร็จ'));
  });

  it('says when there is nothing yet', async () => {
    resetPage();
    api = await freshConsent();
    element = await fixture<YinyomReceipts>(html`<yinyom-receipts></yinyom-receipts>`);
    await until(() => root().textContent!.includes('ยังไม่มีบันทึกความยินยอมบนอุปกรณ์นี้'));
    expect(current()).to.deep.equal([]);
  });

  it('is headed “ความยินยอมของฉัน”, its sub-headings one level below', () => {
    expect([...root().querySelectorAll('h2, h3')].map((h) => `${h.localName} ${text(h)}`)).to.deep.equal([
      'h2 ความยินยอมของฉัน',
      'h3 ความยินยอมปัจจุบัน',
      'h3 ประวัติการให้ความยินยอมบนอุปกรณ์นี้',
    ]);
    expect(root().querySelector('section')!.getAttribute('aria-labelledby')).to.equal('title');
  });

  it('takes its heading from the heading slot', async () => {
    const span = Object.assign(document.createElement('span'), { slot: 'heading', textContent: 'ประวัติการให้ความยินยอม' });
    element.append(span);
    const slot = root().querySelector<HTMLSlotElement>('h2 slot[name=heading]')!;
    expect(slot.assignedElements()).to.deep.equal([span]);
    await expect(element).to.be.accessible();
  });

  it('leaves its heading out with no-heading: the section keeps its name, sub-headings become h2', async () => {
    element.setAttribute('no-heading', '');
    await element.updateComplete;
    expect(element.noHeading).to.equal(true);
    expect([...root().querySelectorAll('h2, h3')].map((h) => `${h.localName} ${text(h)}`)).to.deep.equal([
      'h2 ความยินยอมปัจจุบัน',
      'h2 ประวัติการให้ความยินยอมบนอุปกรณ์นี้',
    ]);
    expect(root().querySelector('section')!.getAttribute('aria-label')).to.equal('ความยินยอมของฉัน');
    expect(getComputedStyle(root().querySelector('h2')!).fontSize, 'looks as before').to.equal(getComputedStyle(root().querySelector('li')!).fontSize);
    // Withdrawing still keeps focus on the list's heading.
    setTimeout(() => root().querySelector<HTMLButtonElement>('.current button')!.click());
    await oneEvent(element, 'yinyom-decision');
    await until(() => deepFocus() === root().getElementById('current'));
    const page = await fixture(html`<main data-test><h1>ความยินยอมของฉัน</h1><yinyom-receipts no-heading></yinyom-receipts></main>`);
    await until(() => shadow(page.querySelector('yinyom-receipts')!).querySelector('.history'));
    await expect(page).to.be.accessible();
  });

  it('switches to English with the core, dates in C.E.', async () => {
    api.setLanguage('en');
    await until(() => root().querySelector('section')!.lang === 'en');
    expect(text(history()[0].querySelector('p'))).to.match(/^\d{1,2} \w+ 20\d\d(,| at)? \d\d:\d\d · Form · Parent$/);
    expect(current()[1]).to.equal('Marketing cookies Not granted');
  });

  for (const language of ['th', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${language}, ${scheme}`, async () => {
        // The page's color-scheme decides, in every browser; the device's preference alone does not.
        pageScheme(scheme);
        api.setLanguage(language);
        await until(() => root().querySelector('section')!.lang === language);
        expect(drawnIn(element)).to.equal(scheme);
        await expect(element).to.be.accessible();
      });
    }
  }
});
