import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentApi } from '../../src/core/types.js';
import '../../src/elements.js';
import type { YinyomConsent } from '../../src/ui/consent/yinyom-consent.js';
import { shownHash } from '../../src/index.js';
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

  it('asks with one unticked checkbox per purpose, labelled by the consent sentence and described by its title and description', () => {
    const boxes = [...root().querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.value, b.checked])).to.deep.equal([
      ['photo-publicity', false],
      ['dietary', false],
    ]);
    const label = text(root().querySelector(`label[for=${boxes[0].id}]`));
    expect(label, 'names collection, use and disclosure').to.equal(
      'ข้าพเจ้ายินยอมให้ สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล เก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลของข้าพเจ้าตามวัตถุประสงค์ข้างต้น',
    );
    const described = boxes[0].getAttribute('aria-describedby')!.split(' ').map((id) => text(root().getElementById(id)));
    expect(described).to.deep.equal(['ภาพถ่ายในสื่อประชาสัมพันธ์', 'ภาพของท่านระหว่างการอบรมอาจปรากฏในสื่อของสถาบัน']);
    expect(text(root().querySelector('legend'))).to.equal('การให้ความยินยอม');
  });

  it('asks for sensitive data explicitly (s.26), in a box of its own', () => {
    const dietary = box('dietary');
    const label = text(root().querySelector(`label[for=${dietary.id}]`));
    expect(label).to.equal(
      'ข้าพเจ้าให้ความยินยอมโดยชัดแจ้งแก่ สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล ในการเก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลที่มีความอ่อนไหวของข้าพเจ้าตามวัตถุประสงค์ข้างต้น ตามมาตรา 26 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562',
    );
    expect(text(dietary.closest('[part=purpose]')!.querySelector('.title'))).to.equal('ข้อมูลการแพ้อาหาร ข้อมูลอ่อนไหว');
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

  it('records in the receipt what it showed: each purpose’s wording with the sentence beside its box', async () => {
    box('photo-publicity').click();
    const { data } = await submitted(form);
    const [entry] = await api.receiptEntries();
    expect(entry.receipt.id).to.equal(JSON.parse(data.get('consent') as string).receipt);
    const sentence = (id: string) => root().querySelector(`label[for=${box(id).id}]`)!.textContent!;
    expect(entry.receipt.shown).to.deep.equal({
      'photo-publicity': await shownHash(api.config, 'photo-publicity', 'th', { consent: sentence('photo-publicity') }),
      dietary: await shownHash(api.config, 'dietary', 'th', { consent: sentence('dietary') }),
    });
    expect(entry.receipt.shown!.dietary, 'another sentence, another hash').not.to.equal(await shownHash(api.config, 'dietary', 'th'));
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

  it('is reached by Tab in reading order (the details, then the box) and ticks with Space', async () => {
    form.querySelector('input')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepFocus() === root().querySelector('summary'), 'the details of the first purpose').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(deepFocus() === box('photo-publicity'), 'then its box').to.equal(true);
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
    expect(text(root().querySelector('[role=alert]'))).to.equal('บันทึกไม่สำเร็จ โปรดลองอีกครั้ง');
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
    expect(text(root().querySelector(`label[for=${box('photo-publicity').id}]`))).to.equal(
      'I consent to TDGA collecting, using and disclosing my personal data for the purpose above.',
    );
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
    expect(element.validationMessage).to.equal('โปรดทำเครื่องหมายในช่องนี้เพื่อส่งแบบฟอร์ม');
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

  it('says in its hint that the service needs it (s.19 para 4), and marks the boxes required', () => {
    expect(text(shadow(element).querySelector('.hint'))).to.equal(
      'ต้องให้ความยินยอมทุกข้อจึงจะรับบริการนี้ได้ เนื่องจากข้อมูลดังกล่าวจำเป็นต่อการให้บริการ ท่านถอนความยินยอมได้ทุกเมื่อ',
    );
    expect(shadow(element).querySelector('input')!.getAttribute('aria-required')).to.equal('true');
  });
});

describe('<yinyom-consent guardian> (PDPA s.20)', () => {
  beforeEach(async () => {
    api = await freshConsent();
  });
  afterEach(resetPage);

  const radios = (element: Element) => [...shadow(element).querySelectorAll<HTMLInputElement>('input[name=status]')];
  const statement = (element: Element) => text(shadow(element).querySelector('.purpose label'));
  const relationship = async (element: Element, value: string) => {
    const select = await until(() => shadow(element).querySelector('select'));
    select.value = value;
    select.dispatchEvent(new Event('change'));
  };
  async function single(extra: Partial<Pick<YinyomConsent, 'guardianName' | 'ageBand'>> = {}) {
    const form = await fixture<HTMLFormElement>(html`<form>
      <yinyom-consent name="consent" purposes="photo-publicity" guardian .guardianName=${!!extra.guardianName} .ageBand=${extra.ageBand}></yinyom-consent>
      <button>ส่ง</button>
    </form>`);
    const element = form.querySelector('yinyom-consent')!;
    await until(() => shadow(element).querySelector('.purpose'));
    return { form, element, tick: () => shadow(element).querySelector<HTMLInputElement>('.purpose input[type=checkbox]')!.click() };
  }
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

  it('asks who the person is, with no answer chosen, and keeps the form from submitting until answered', async () => {
    const { form, element } = await single();
    expect(radios(element).map((radio) => text(radio.parentElement))).to.deep.equal([
      'บุคคลอายุ 20 ปีขึ้นไป หรือบรรลุนิติภาวะแล้ว ให้ความยินยอมด้วยตนเอง',
      'ผู้เยาว์อายุ 10 ถึง 19 ปี ให้ความยินยอมร่วมกับผู้ใช้อำนาจปกครอง',
      'ผู้เยาว์อายุต่ำกว่า 10 ปี ผู้ใช้อำนาจปกครองให้ความยินยอมแทน',
      'คนไร้ความสามารถ ผู้อนุบาลให้ความยินยอมแทน',
      'คนเสมือนไร้ความสามารถ ผู้พิทักษ์ให้ความยินยอมแทน',
    ]);
    expect(radios(element).some((radio) => radio.checked), 'not "self" by default').to.equal(false);
    expect(form.checkValidity()).to.equal(false);
    expect(element.validationMessage).to.equal('โปรดระบุผู้ให้ความยินยอม');
    radios(element)[0].click();
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });

  it('20 or over: the person consents alone', async () => {
    const { form, element, tick } = await single();
    radios(element)[0].click();
    tick();
    const { data } = await submitted(form);
    expect(Object.keys(JSON.parse(data.get('consent') as string))).to.deep.equal(['receipt', 'choices']);
    const [{ receipt }] = await api.receiptEntries();
    expect([receipt.actor, receipt.guardian]).to.deep.equal([undefined, undefined]);
  });

  it('10 to 19: the minor and the parent both consent, and one receipt records both', async () => {
    const { form, element, tick } = await single();
    radios(element)[1].click();
    await relationship(element, 'mother');
    tick();
    await element.updateComplete;
    expect(statement(element), 'the minor says it in the first person').to.contain('ข้าพเจ้ายินยอมให้');
    expect(form.checkValidity(), 'the parent has not consented yet').to.equal(false);
    expect(element.validationMessage).to.equal('ผู้ใช้อำนาจปกครองต้องให้ความยินยอมร่วมกับผู้เยาว์ด้วย');
    const joins = shadow(element).querySelector<HTMLInputElement>('input[name=joins]')!;
    expect(text(shadow(element).querySelector('label[for=joins]'))).to.equal(
      'ข้าพเจ้าในฐานะผู้ใช้อำนาจปกครองของผู้เยาว์ ให้ความยินยอมตามที่ผู้เยาว์ได้ให้ไว้ในแบบฟอร์มนี้ด้วย',
    );
    joins.click();
    const { data } = await submitted(form);
    const value = JSON.parse(data.get('consent') as string);
    expect(value.guardian).to.deep.equal({ relationship: 'mother' });
    expect(value.actor).to.equal(undefined);
    const [{ receipt }] = await api.receiptEntries();
    expect(receipt.id).to.equal(value.receipt);
    expect([receipt.actor, receipt.guardian]).to.deep.equal([undefined, { relationship: 'mother' }]);
  });

  it('10 to 19: a minor who consents to nothing needs no parent to refuse', async () => {
    const { form, element } = await single();
    radios(element)[1].click();
    await relationship(element, 'father');
    await submitted(form);
    const [{ receipt }] = await api.receiptEntries();
    expect([receipt.actor, receipt.guardian, receipt.choices['photo-publicity']]).to.deep.equal([undefined, undefined, false]);
  });

  it('under 10: the parent consents alone, in the parent’s words, and the relationship is recorded', async () => {
    const { form, element, tick } = await single();
    radios(element)[2].click();
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(element.validationMessage).to.equal('โปรดระบุความเกี่ยวข้องกับผู้เยาว์');
    await relationship(element, 'father');
    await element.updateComplete;
    expect(statement(element)).to.contain('ข้าพเจ้าในฐานะผู้มีอำนาจกระทำการแทนเจ้าของข้อมูล ยินยอมให้');
    tick();
    const { data } = await submitted(form);
    expect(JSON.parse(data.get('consent') as string)).to.include({ actor: 'parent' });
    const [{ receipt }] = await api.receiptEntries();
    expect([receipt.actor, receipt.guardian]).to.deep.equal(['parent', { relationship: 'father' }]);
  });

  it('records the guardian’s name only where the site asks for it', async () => {
    const { form, element, tick } = await single({ guardianName: true });
    radios(element)[3].click();
    await element.updateComplete;
    const name = shadow(element).querySelector<HTMLInputElement>('input[name=guardian-name]')!;
    expect(shadow(element).querySelector('select'), 'a custodian is asked no relationship').to.equal(null);
    tick();
    await element.updateComplete;
    expect(element.validationMessage).to.equal('โปรดระบุชื่อและนามสกุลของผู้ให้ความยินยอมแทน');
    name.value = ' นางสาวสมใจ ใจดี ';
    name.dispatchEvent(new Event('input'));
    await submitted(form);
    const [{ receipt }] = await api.receiptEntries();
    expect([receipt.actor, receipt.guardian]).to.deep.equal(['custodian', { relationship: 'custodian', name: 'นางสาวสมใจ ใจดี' }]);
  });

  it('takes the age band from the site instead of asking', async () => {
    const { form, element, tick } = await single({ ageBand: 'under-10' });
    expect(radios(element)).to.have.length(0);
    await relationship(element, 'guardian');
    tick();
    await submitted(form);
    const [{ receipt }] = await api.receiptEntries();
    expect([receipt.actor, receipt.guardian]).to.deep.equal(['parent', { relationship: 'guardian' }]);
  });

  it('asks once per form: the first guardian element asks, the others follow', async () => {
    const { form, first, second } = await twoInAForm();
    expect(radios(first)).to.have.length(5);
    expect(radios(second), 'the second shows no question of its own').to.have.length(0);
    radios(first)[3].click();
    await until(() => statement(second).includes('แทนเจ้าของข้อมูล'));
    expect(statement(second)).to.contain('ให้ความยินยอมโดยชัดแจ้งแก่');
    shadow(first).querySelector<HTMLInputElement>('.purpose input[type=checkbox]')!.click();
    shadow(second).querySelector<HTMLInputElement>('.purpose input[type=checkbox]')!.click();
    const { data } = await submitted(form);
    const values = [JSON.parse(data.get('consent') as string), JSON.parse(data.get('dietary-consent') as string)];
    expect(values.map((value) => value.actor)).to.deep.equal(['custodian', 'custodian']);
    const entries = await api.receiptEntries();
    expect(entries.map((entry) => [entry.receipt.actor, entry.receipt.guardian?.relationship])).to.deep.equal([
      ['custodian', 'custodian'],
      ['custodian', 'custodian'],
    ]);
    expect(entries.map((entry) => entry.receipt.id).sort()).to.deep.equal(values.map((value) => value.receipt).sort());
  });

  it('records anew when the answer changes after a submit, in every element that follows it', async () => {
    const { form, first, second } = await twoInAForm();
    radios(first)[0].click();
    const before = JSON.parse((await submitted(form)).data.get('dietary-consent') as string);
    expect(before.actor).to.equal(undefined);
    radios(first)[4].click();
    expect(second.value, 'the old receipt no longer describes the decision').to.equal('');
    const after = JSON.parse((await submitted(form)).data.get('dietary-consent') as string);
    expect(after.actor).to.equal('curator');
    expect(after.receipt).not.to.equal(before.receipt);
  });

  it('hands the question to the next guardian element when the first leaves the form', async () => {
    const { first, second } = await twoInAForm();
    radios(first)[2].click();
    first.remove();
    await until(() => radios(second).length === 5);
    expect(radios(second).some((radio) => radio.checked), 'its own answer, none yet').to.equal(false);
    expect(statement(second)).not.to.contain('แทนเจ้าของข้อมูล');
  });

  it('clears every answer when the form is reset', async () => {
    const { form, first, second } = await twoInAForm();
    radios(first)[3].click();
    await until(() => statement(second).includes('แทนเจ้าของข้อมูล'));
    form.reset();
    await until(() => !statement(second).includes('แทนเจ้าของข้อมูล'));
    expect(radios(first).some((radio) => radio.checked)).to.equal(false);
  });

  it('asks in each element that is in no form', async () => {
    const page = await fixture(html`<div>
      <yinyom-consent purposes="photo-publicity" guardian></yinyom-consent>
      <yinyom-consent purposes="dietary" guardian></yinyom-consent>
    </div>`);
    const [a, b] = page.querySelectorAll('yinyom-consent');
    await until(() => radios(a).length === 5 && radios(b).length === 5);
  });

  it('has no axe violations with a follower, and with every question shown', async () => {
    const { form, first } = await twoInAForm();
    await expect(form).to.be.accessible();
    (first as YinyomConsent).guardianName = true;
    radios(first)[1].click();
    await until(() => shadow(first).querySelector('select') && shadow(first).querySelector('input[name=joins]'));
    await expect(form).to.be.accessible();
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
