import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentApi } from '../../src/core/types.js';
import '../../src/elements.js';
import type { YinyomConsent } from '../../src/ui/consent/yinyom-consent.js';
import { deepFocus, drawnIn, emulate, freshConsent, pageScheme, resetPage, shadow, until } from './helpers.js';

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ').trim();

/** Submits `form` as a person would and resolves with what the page's own submit handler saw. */
function submitted(form: HTMLFormElement, submitter?: HTMLElement): Promise<{ data: FormData; events: number; stored: string[] }> {
  return new Promise((resolve, reject) => {
    let events = 0;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      events++;
      // What a page's handler would post; and whether the receipt it names is already stored.
      const data = new FormData(form, event.submitter);
      const stored = (await api.receiptEntries()).map((entry) => entry.receipt.id);
      setTimeout(() => resolve({ data, events, stored }), 50);
    });
    (submitter ?? form.querySelector<HTMLButtonElement>('button:not([name])'))!.click();
    setTimeout(() => reject(new Error('not submitted')), 4000);
  });
}

let api: ConsentApi;

describe('<yinyom-consent>', () => {
  let form: HTMLFormElement;
  let element: YinyomConsent;
  const root = () => shadow(element);
  const box = (id: string) => root().querySelector<HTMLInputElement>(`input[value="${id}"]`)!;

  beforeEach(async () => {
    api = await freshConsent();
    form = await fixture<HTMLFormElement>(html`<form action="/never">
      <label>ชื่อ <input name="full-name" value="สมชาย ใจดี" /></label>
      <yinyom-consent name="consent" purposes="photo-publicity dietary"></yinyom-consent>
      <button>ลงทะเบียน</button>
      <button name="intent" value="draft">บันทึกร่าง</button>
    </form>`);
    element = form.querySelector('yinyom-consent')!;
    await until(() => root().querySelector('fieldset'));
  });
  afterEach(async () => {
    resetPage();
    await emulate({ colorScheme: 'light' });
  });

  it('asks with one unticked checkbox per purpose, each labelled by its title and statement', () => {
    const boxes = [...root().querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.value, b.checked])).to.deep.equal([
      ['photo-publicity', false],
      ['dietary', false],
    ]);
    const label = text(root().querySelector(`label[for=${boxes[0].id}]`));
    expect(label).to.equal('ภาพถ่ายในสื่อประชาสัมพันธ์ ข้าพเจ้ายินยอมให้ สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล ใช้ข้อมูลส่วนบุคคลของข้าพเจ้าตามวัตถุประสงค์นี้');
    expect(text(root().getElementById(boxes[0].getAttribute('aria-describedby')!))).to.equal('ภาพของท่านระหว่างการอบรมอาจปรากฏในสื่อของสถาบัน');
    expect(text(root().querySelector('legend'))).to.equal('การให้ความยินยอม');
  });

  it('asks for sensitive data explicitly (s.26), in a box of its own', () => {
    const dietary = box('dietary');
    const label = text(root().querySelector(`label[for=${dietary.id}]`));
    expect(label).to.contain('ข้อมูลอ่อนไหว').and.to.contain('ยินยอมโดยชัดแจ้ง').and.to.contain('มาตรา 26');
    expect(dietary.closest('[part=purpose]')).not.to.equal(box('photo-publicity').closest('[part=purpose]'));
    expect(dietary.closest('.sensitive')).to.exist;
  });

  it('gives data, retention and recipients on demand', async () => {
    const details = root().querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await until(() => details.open);
    expect([...details.querySelectorAll('dt')].map(text)).to.deep.equal(['ข้อมูลที่เก็บรวบรวม', 'ระยะเวลาเก็บรักษา', 'ผู้รับข้อมูล']);
    expect([...details.querySelectorAll('dd')].map(text), 'data is a list').to.deep.equal(['ภาพถ่ายวิดีโอ', '5 ปี', 'ผู้ชมเว็บไซต์และสื่อสังคมออนไลน์ของสถาบัน']);
    expect(text(details.querySelector('summary')), 'names its purpose for screen readers').to.equal('รายละเอียด: ภาพถ่ายในสื่อประชาสัมพันธ์');
  });

  it('stores the receipt first, then submits {receipt, choices} under its name', async () => {
    box('photo-publicity').click();
    const { data, events, stored } = await submitted(form);
    const value = JSON.parse(data.get('consent') as string);
    expect(value.choices).to.deep.equal({ 'photo-publicity': true, dietary: false });
    expect(stored, 'the receipt is in IndexedDB when the page sees the value').to.include(value.receipt);
    expect(events, 'the page sees one submission').to.equal(1);
    expect(data.get('full-name')).to.equal('สมชาย ใจดี');
    const [entry] = await api.receiptEntries();
    expect(entry.receipt).to.include({ id: value.receipt, method: 'form' });
    expect(entry.receipt.choices).to.include({ 'photo-publicity': true, dietary: false });
    expect(api.get('photo-publicity')).to.equal(true);
    expect(element.value).to.equal(data.get('consent'));
    expect(Object.keys(value), 'no actor when the person decides for themself').to.deep.equal(['receipt', 'choices']);
  });

  it('gives the unsent ticks as a read-only copy in choices', async () => {
    expect(element.choices).to.deep.equal({ 'photo-publicity': false, dietary: false });
    box('dietary').click();
    expect(element.choices).to.deep.equal({ 'photo-publicity': false, dietary: true });
    element.choices.dietary = false;
    expect(element.choices.dietary, 'a copy').to.equal(true);
    expect(await api.receiptEntries(), 'nothing recorded before submit').to.have.length(0);
  });

  it('fires yinyom-input with the ticks, out to the form, on each tick and on reset', async () => {
    const seen: Array<Record<string, boolean>> = [];
    form.addEventListener('yinyom-input', (event) => {
      expect(event.composed && event.bubbles).to.equal(true);
      expect(event.target).to.equal(element);
      seen.push(event.detail.choices);
    });
    box('dietary').click();
    box('photo-publicity').click();
    box('dietary').click();
    form.reset();
    expect(seen).to.deep.equal([
      { 'photo-publicity': false, dietary: true },
      { 'photo-publicity': true, dietary: true },
      { 'photo-publicity': true, dietary: false },
      { 'photo-publicity': false, dietary: false },
    ]);
    form.reset();
    expect(seen, 'a reset that changes nothing is no input').to.have.length(4);
  });

  it('keeps the button the person pressed', async () => {
    const { data } = await submitted(form, form.querySelector<HTMLButtonElement>('[name=intent]')!);
    expect(data.get('intent')).to.equal('draft');
    expect(JSON.parse(data.get('consent') as string).choices).to.deep.equal({ 'photo-publicity': false, dietary: false });
  });

  it('fires yinyom-decision with the receipt before the form goes', async () => {
    const decision = oneEvent(element, 'yinyom-decision');
    const sent = submitted(form);
    const { detail } = await decision;
    const { data } = await sent;
    expect(JSON.parse(data.get('consent') as string).receipt).to.equal(detail.receipt.id);
  });

  it('records a new receipt only when the choices changed', async () => {
    box('dietary').click();
    const first = JSON.parse((await submitted(form)).data.get('consent') as string).receipt;
    const again = JSON.parse((await submitted(form)).data.get('consent') as string).receipt;
    expect(again).to.equal(first);
    box('dietary').click();
    const changed = JSON.parse((await submitted(form)).data.get('consent') as string);
    expect(changed.receipt).not.to.equal(first);
    expect(changed.choices.dietary).to.equal(false);
    expect(await api.receiptEntries()).to.have.length(2);
  });

  it('ticks with Space from the keyboard', async () => {
    form.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepFocus()).to.equal(box('photo-publicity'));
    await sendKeys({ type: ' ' });
    await until(() => box('photo-publicity').checked);
  });

  it('forgets its value and ticks when the form is reset', async () => {
    box('photo-publicity').click();
    await submitted(form);
    form.reset();
    await element.updateComplete;
    expect(box('photo-publicity').checked).to.equal(false);
    expect(element.value).to.equal('');
    expect(new FormData(form).has('consent')).to.equal(false);
  });

  it('does not submit, and says why, when the receipt cannot be stored', async () => {
    element.consent = { ...api, set: () => Promise.reject(new Error('quota')) } as ConsentApi;
    await until(() => element.consent);
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits++;
    });
    const logged = console.error;
    console.error = () => undefined;
    const failed = oneEvent(element, 'yinyom-error');
    form.querySelector<HTMLButtonElement>('button')!.click();
    await failed;
    console.error = logged;
    await element.updateComplete;
    expect(submits).to.equal(0);
    expect(text(root().querySelector('[role=alert]'))).to.equal('บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง');
  });

  it('submits nothing and records nothing when disabled', async () => {
    const fieldset = document.createElement('fieldset');
    fieldset.append(element);
    form.prepend(fieldset);
    fieldset.disabled = true;
    await until(() => element.disabled);
    const { data } = await submitted(form);
    expect(data.has('consent')).to.equal(false);
    expect(await api.receiptEntries()).to.have.length(0);
  });

  it('switches to English with the core', async () => {
    api.setLanguage('en');
    await until(() => root().querySelector('fieldset')!.lang === 'en');
    expect(text(root().querySelector(`label[for=${box('photo-publicity').id}]`))).to.equal('Photos in publicity I consent to TDGA using my personal data for this purpose.');
  });

  for (const language of ['th', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${language}, ${scheme}`, async () => {
        // The page's color-scheme decides, in every browser; the device's preference alone does not.
        pageScheme(scheme);
        element.guardian = true;
        element.required = true;
        api.setLanguage(language);
        await until(() => root().querySelector('fieldset')!.lang === language);
        root().querySelector('details')!.open = true;
        expect(drawnIn(element)).to.equal(scheme);
        await expect(element).to.be.accessible();
      });
    }
  }
});

describe('<yinyom-consent required>', () => {
  let form: HTMLFormElement;
  let element: YinyomConsent;
  beforeEach(async () => {
    api = await freshConsent();
    form = await fixture<HTMLFormElement>(html`<form>
      <yinyom-consent name="consent" purposes="photo-publicity" required></yinyom-consent>
      <button>ส่ง</button>
    </form>`);
    element = form.querySelector('yinyom-consent')!;
    await until(() => shadow(element).querySelector('input'));
  });
  afterEach(resetPage);

  it('keeps the form invalid until every box is ticked', async () => {
    expect(form.checkValidity()).to.equal(false);
    expect(element.validity.valueMissing).to.equal(true);
    expect(element.validationMessage).to.equal('กรุณาทำเครื่องหมายในช่องนี้เพื่อส่งแบบฟอร์ม');
    shadow(element).querySelector('input')!.click();
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('blocks the submission and focuses the box', async () => {
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits++;
    });
    form.requestSubmit();
    await until(() => deepFocus() === shadow(element).querySelector('input'));
    expect(submits).to.equal(0);
    expect(await api.receiptEntries()).to.have.length(0);
  });

  it('says so in its hint and marks the boxes required', () => {
    expect(text(shadow(element).querySelector('.hint'))).to.contain('ต้องทำเครื่องหมาย');
    expect(shadow(element).querySelector('input')!.getAttribute('aria-required')).to.equal('true');
  });
});

describe('<yinyom-consent guardian>', () => {
  beforeEach(async () => {
    api = await freshConsent();
  });
  afterEach(resetPage);

  const radios = (element: Element) => [...shadow(element).querySelectorAll<HTMLInputElement>('input[type=radio]')];
  const statement = (element: Element) => text(shadow(element).querySelector('.purpose label'));
  async function twoInAForm() {
    const form = await fixture<HTMLFormElement>(html`<form>
      <yinyom-consent name="consent" purposes="photo-publicity" guardian></yinyom-consent>
      <yinyom-consent name="dietary-consent" purposes="dietary" guardian></yinyom-consent>
      <button>ส่ง</button>
    </form>`);
    const [first, second] = form.querySelectorAll('yinyom-consent');
    await until(() => shadow(first).querySelector('.purpose') && shadow(second).querySelector('.purpose'));
    return { form, first, second };
  }

  it('asks who is consenting once per form: the first guardian element asks, the others follow', async () => {
    const { form, first, second } = await twoInAForm();
    expect(radios(first)).to.have.length(4);
    expect(radios(second), 'the second shows no question of its own').to.have.length(0);
    radios(first)[2].click();
    await until(() => statement(second).includes('แทนเจ้าของข้อมูล'));
    expect(statement(second)).to.contain('ยินยอมโดยชัดแจ้งแทนเจ้าของข้อมูล');
    shadow(first).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    shadow(second).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    const { data } = await submitted(form);
    const values = [JSON.parse(data.get('consent') as string), JSON.parse(data.get('dietary-consent') as string)];
    expect(values.map((value) => value.actor)).to.deep.equal(['custodian', 'custodian']);
    const entries = await api.receiptEntries();
    expect(entries.map((entry) => entry.receipt.actor)).to.deep.equal(['custodian', 'custodian']);
    expect(entries.map((entry) => entry.receipt.id).sort()).to.deep.equal(values.map((value) => value.receipt).sort());
  });

  it('records anew when the answer changes after a submit, in every element that follows it', async () => {
    const { form, first, second } = await twoInAForm();
    const before = JSON.parse((await submitted(form)).data.get('dietary-consent') as string);
    expect(before.actor).to.equal(undefined);
    radios(first)[1].click();
    expect(second.value, 'the old receipt no longer describes the decision').to.equal('');
    const after = JSON.parse((await submitted(form)).data.get('dietary-consent') as string);
    expect(after.actor).to.equal('parent');
    expect(after.receipt).not.to.equal(before.receipt);
  });

  it('hands the question to the next guardian element when the first leaves the form', async () => {
    const { first, second } = await twoInAForm();
    radios(first)[1].click();
    first.remove();
    await until(() => radios(second).length === 4);
    expect(radios(second)[0].checked, 'its own answer, from the start').to.equal(true);
    expect(statement(second)).not.to.contain('แทนเจ้าของข้อมูล');
  });

  it('puts every follower back to the person themself when the form is reset', async () => {
    const { form, first, second } = await twoInAForm();
    radios(first)[1].click();
    await until(() => statement(second).includes('แทนเจ้าของข้อมูล'));
    form.reset();
    await until(() => !statement(second).includes('แทนเจ้าของข้อมูล'));
    expect(radios(first)[0].checked).to.equal(true);
  });

  it('asks in each element that is in no form', async () => {
    const page = await fixture(html`<div>
      <yinyom-consent purposes="photo-publicity" guardian></yinyom-consent>
      <yinyom-consent purposes="dietary" guardian></yinyom-consent>
    </div>`);
    const [a, b] = page.querySelectorAll('yinyom-consent');
    await until(() => radios(a).length === 4 && radios(b).length === 4);
  });

  it('has no axe violations with a follower', async () => {
    const { form } = await twoInAForm();
    await expect(form).to.be.accessible();
  });

  it('records who decided when a guardian consents for someone else (s.20)', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <yinyom-consent name="consent" purposes="photo-publicity" guardian></yinyom-consent>
      <button>ส่ง</button>
    </form>`);
    const element = form.querySelector('yinyom-consent')!;
    await until(() => shadow(element).querySelectorAll('input[type=radio]').length === 4);
    const radios = [...shadow(element).querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((radio) => text(radio.parentElement))).to.deep.equal([
      'เจ้าของข้อมูล (ตัวข้าพเจ้าเอง)',
      'ผู้ใช้อำนาจปกครอง แทนผู้เยาว์',
      'ผู้อนุบาล แทนคนไร้ความสามารถ',
      'ผู้พิทักษ์ แทนคนเสมือนไร้ความสามารถ',
    ]);
    expect(radios[0].checked).to.equal(true);
    radios[1].click();
    await element.updateComplete;
    expect(text(shadow(element).querySelector('.purpose label'))).to.contain('แทนเจ้าของข้อมูล');
    shadow(element).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    const { data } = await submitted(form);
    const { receipt, actor } = JSON.parse(data.get('consent') as string);
    expect(actor, 'the form value names the actor too').to.equal('parent');
    const [entry] = await api.receiptEntries();
    expect(entry.receipt.id).to.equal(receipt);
    expect(entry.receipt.actor).to.equal('parent');
  });

  it('warns about and skips purposes the config does not know', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    const element = await fixture<YinyomConsent>(html`<yinyom-consent purposes="photo-publicity nope"></yinyom-consent>`);
    await until(() => shadow(element).querySelector('input'));
    console.warn = warn;
    expect(shadow(element).querySelectorAll('input[type=checkbox]')).to.have.length(1);
    expect(warnings.join()).to.contain('"nope"');
  });
});
