import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentApi, Notice } from '../../src/core/types.js';
import '../../src/elements.js';
import type { YinyomNotice } from '../../src/ui/notice/yinyom-notice.js';
import { deepFocus, drawnIn, emulate, freshConsent, notice, pageScheme, resetPage, isWebKit, setViewport, shadow, until } from './helpers.js';

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ').trim();

describe('<yinyom-notice>', () => {
  let api: ConsentApi;
  let element: YinyomNotice;
  beforeEach(async () => {
    api = await freshConsent();
    element = await fixture<YinyomNotice>(html`<yinyom-notice .notice=${notice}></yinyom-notice>`);
    await until(() => shadow(element).querySelector('article'));
  });
  afterEach(async () => {
    resetPage();
    await emulate({ colorScheme: 'light', media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });
  const root = () => shadow(element);

  it('shows title, a version that is a date as a date, and the effective date in the Buddhist era', () => {
    expect(text(root().querySelector('h2'))).to.equal('ประกาศเกี่ยวกับความเป็นส่วนตัว');
    expect(text(root().querySelector('.meta'))).to.equal('ฉบับวันที่ 1 มิถุนายน 2565 · มีผลใช้บังคับตั้งแต่วันที่ 1 มิถุนายน 2565');
    expect(root().querySelector('article')!.lang).to.equal('th');
  });

  it('says "in force" only when the notice gives an effective date, else the date it is dated', async () => {
    element.notice = { ...notice, version: '3', effective: undefined, published: '2024-03-07' };
    await element.updateComplete;
    expect(text(root().querySelector('.meta'))).to.equal('ฉบับ 3 · ประกาศ ณ วันที่ 7 มีนาคม 2567');
    element.notice = { ...notice, version: '2022-06-01', effective: undefined };
    await element.updateComplete;
    expect(text(root().querySelector('.meta')), 'a C.E. date version').to.equal('ฉบับวันที่ 1 มิถุนายน 2565');
  });

  it('shows the effective date in C.E. in English', async () => {
    api.setLanguage('en');
    await until(() => root().querySelector('article')!.lang === 'en');
    expect(text(root().querySelector('.meta'))).to.equal('Version of 1 June 2022 · In force from 1 June 2022');
    expect(text(root().querySelector('h2'))).to.equal('Privacy notice');
  });

  it('writes the numbers it writes itself in Thai digits with numerals="thai", in Thai only, and never the agency’s text', async () => {
    element.numerals = 'thai';
    await element.updateComplete;
    expect(text(root().querySelector('.meta'))).to.equal('ฉบับวันที่ ๑ มิถุนายน ๒๕๖๕ · มีผลใช้บังคับตั้งแต่วันที่ ๑ มิถุนายน ๒๕๖๕');
    expect(text(root().querySelector('section h3'))).to.equal('๑. ฐานในการประมวลผล');
    expect(text(root().querySelector('section ol > li > .num'))).to.equal('๑.๑');
    expect(text(root().querySelector('td:nth-child(2)')), 'a table cell is the agency’s text').to.equal('10 ปี');
    expect(text(root().querySelector('section[data-kind=contact] p')), 'so is a phone number').to.contain('0-2612-6060');
    expect(root().querySelector<HTMLAnchorElement>('a[href^=tel]')!.href, 'links keep their digits').to.equal('tel:026126060');
    api.setLanguage('en');
    await until(() => root().querySelector('article')!.lang === 'en');
    expect(text(root().querySelector('section h3'))).to.equal('1. Legal bases');
    expect(text(root().querySelector('td:nth-child(2)'))).to.equal('10 years');
  });

  it('writes clause numbers as text, so Safari shows them and copied text keeps them', () => {
    const items = [...root().querySelectorAll('section ol > li')];
    expect(items.map((li) => li.querySelector(':scope > .num')!.textContent)).to.deep.equal(['1.1', '1.1.1', '1.1.2', '1.2']);
    expect(text(items[1]), 'the number is part of the clause’s text').to.equal('1.1.1 ภารกิจสาธารณะ');
    for (const li of items) expect(getComputedStyle(li, '::marker').content, 'no CSS marker').to.be.oneOf(['none', 'normal', '']);
    expect(text(root().querySelector('nav li'))).to.equal('1. ฐานในการประมวลผล');
  });

  it('continues an ordered list from its start after a table, and marks the site’s additions as such', async () => {
    element.notice = {
      ...notice,
      intro: [{ type: 'paragraph', text: 'ให้ถือตามฉบับภาษาไทยเป็นสำคัญ', source: 'site' }],
      sections: [
        {
          kind: 'data',
          title: 'ข้อมูล',
          body: [
            { type: 'list', ordered: true, items: ['แหล่งข้อมูล'] },
            { type: 'table', head: ['ก'], rows: [['ข']], source: 'site' },
            { type: 'list', ordered: true, start: 2, items: ['จุดประสงค์'] },
          ],
        },
      ],
    };
    await element.updateComplete;
    expect([...root().querySelectorAll('section ol > li')].map(text)).to.deep.equal(['1.1 แหล่งข้อมูล', '1.2 จุดประสงค์']);
    const added = [...root().querySelectorAll('aside.added')];
    expect(added.map((aside) => text(aside.querySelector('.added-label')))).to.deep.equal([
      'ข้อความเพิ่มเติมโดยเว็บไซต์ ไม่ใช่ส่วนหนึ่งของประกาศ',
      'ข้อความเพิ่มเติมโดยเว็บไซต์ ไม่ใช่ส่วนหนึ่งของประกาศ',
    ]);
    expect(added[0].contains(root().querySelector('p:not(.meta):not(.added-label)')), 'the added sentence is inside its mark').to.equal(true);
    expect(added[1].querySelector('table')).to.exist;
  });

  it('has a table of contents whose links move to the section and focus its heading', async () => {
    const links = [...root().querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['ฐานในการประมวลผล', 'ระยะเวลาเก็บรักษา', 'การติดต่อ']);
    expect(root().querySelector('nav')!.getAttribute('aria-labelledby')).to.equal('toc');
    links[2].click();
    const section = root().getElementById(links[2].getAttribute('href')!.slice(1))!;
    expect(deepFocus() === section.querySelector('h3'), 'focus on the heading of the linked section').to.equal(true);
    expect(location.hash, 'the page URL is left alone').to.equal('');
  });

  it('gives each section the notice’s own id, else its kind, and links to it', async () => {
    element.notice = {
      ...notice,
      sections: [
        { kind: 'purposes', id: 'why', title: 'ก', body: [] },
        { kind: 'rights', title: 'ข', body: [] },
        { kind: 'other', title: 'ค', body: [] },
        { kind: 'other', title: 'ง', body: [] },
        { kind: 'other', id: 'why', title: 'จ', body: [] },
        { kind: 'contact', id: 'title', title: 'ฉ', body: [] },
        { kind: 'data', id: 'ข้อมูล', title: 'ช', body: [] },
      ],
    };
    await element.updateComplete;
    const ids = ['why', 'rights', 'other', 'other-2', 'other-3', 'contact', 'ข้อมูล'];
    expect([...root().querySelectorAll('section')].map((section) => section.id)).to.deep.equal(ids);
    expect([...root().querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).to.deep.equal(ids.map((id) => `#${id}`));
    for (const section of root().querySelectorAll('section')) {
      expect(section.getAttribute('aria-labelledby')).to.equal(section.querySelector('h3')!.id);
    }
  });

  it('lets Ctrl-click open a contents link in a new tab as a link would', () => {
    const link = root().querySelector<HTMLAnchorElement>('nav a')!;
    let prevented: boolean | undefined;
    link.addEventListener('click', (event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ctrlKey: true }));
    expect(prevented).to.equal(false);
  });

  it('renders paragraphs, nested ordered lists, unordered lists and tables', () => {
    expect(text(root().querySelector('p:not(.meta)'))).to.equal('สถาบันให้ความสำคัญกับข้อมูลส่วนบุคคลของท่าน');
    const ordered = root().querySelector('section ol')!;
    expect(ordered.children).to.have.length(2);
    expect([...ordered.querySelectorAll('li > div > ol > li > div')].map(text)).to.deep.equal(['ภารกิจสาธารณะ', 'ความยินยอม']);
    expect([...root().querySelectorAll('section ul li')].map(text)).to.deep.equal(['ข้อหนึ่ง', 'ข้อสอง']);
    const table = root().querySelector('table')!;
    expect(text(table.caption)).to.equal('ระยะเวลาเก็บรักษาข้อมูล');
    expect([...table.querySelectorAll('thead th')].map((th) => [text(th), th.getAttribute('scope')])).to.deep.equal([
      ['ผู้ใช้บริการ', 'col'],
      ['ระยะเวลา', 'col'],
    ]);
    expect([...table.querySelectorAll('tbody tr')].map((tr) => [...(tr as HTMLTableRowElement).cells].map(text))).to.deep.equal([
      ['ผู้เข้าอบรม', '10 ปี'],
      ['วิทยากร', '5 ปี'],
    ]);
    expect([...root().querySelectorAll('section')].map((s) => s.dataset.kind)).to.deep.equal(['legal-basis', 'retention', 'contact']);
  });

  it('renders spans: bold, and links only for http(s), mailto and tel', () => {
    const paragraph = root().querySelector('section[data-kind=contact] p')!;
    expect(text(paragraph.querySelector('strong'))).to.equal('อีเมล');
    expect([...paragraph.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'mailto:contact@dga.or.th',
      'https://tdga.dga.or.th/',
      'tel:026126060',
    ]);
    expect(paragraph.textContent).to.contain('อันตราย').and.to.contain('ข้อมูล');
    expect(paragraph.textContent, 'markup is text').to.contain('<img src=x onerror=alert(3)>');
    expect(root().querySelector('img, script, iframe')).to.equal(null);
  });

  it('lists controller and DPO contacts when the notice has no contact section', async () => {
    element.notice = { ...notice, sections: notice.sections!.slice(0, 2) };
    await element.updateComplete;
    const contacts = root().querySelector('dl')!;
    expect([...contacts.querySelectorAll('dt')].map(text)).to.deep.equal(['ผู้ควบคุมข้อมูลส่วนบุคคล', 'เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล']);
    expect([...contacts.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['mailto:contact@dga.or.th', 'tel:0-2612-6060'.replace(/-/g, ''), 'mailto:dpo@dga.or.th']);
  });

  it('links to the full page when the notice is an HTML policy page', async () => {
    element.notice = { id: 'p', version: '3', url: 'https://example.go.th/privacy' };
    await element.updateComplete;
    expect(root().querySelector<HTMLAnchorElement>('a')!.href).to.equal('https://example.go.th/privacy');
    expect(root().querySelector('nav')).to.equal(null);
  });

  it('loads a notice from its src URL', async () => {
    const loaded = await fixture<YinyomNotice>(html`<yinyom-notice src="/demo/notices/tdga-privacy.json"></yinyom-notice>`);
    await until(() => shadow(loaded).querySelectorAll('section').length === 15);
    expect(text(shadow(loaded).querySelector('.meta'))).to.contain('1 มิถุนายน 2565');
  });

  it('says so when its src cannot be loaded', async () => {
    const logged = console.error;
    console.error = () => undefined;
    const missing = await fixture<YinyomNotice>(html`<yinyom-notice src="/no-such-notice.json"></yinyom-notice>`);
    const alert = await until(() => shadow(missing).querySelector('[role=alert]'));
    console.error = logged;
    expect(text(alert)).to.equal('โหลดประกาศไม่สำเร็จ');
  });

  it('reports a malformed notice by path and shows an error instead of breaking the page', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      element.notice = { id: 'x', version: '1', sections: [{ kind: 'data', title: 'ข้อมูล', body: [{ type: 'table', head: ['ก'] }] }] } as unknown as Notice;
      await element.updateComplete;
    } finally {
      console.error = original;
    }
    expect(root().querySelector('[role=alert]')).to.exist;
    expect(root().querySelector('table')).to.equal(null);
    expect(logged.join()).to.contain('sections[0].body[0].rows: must be an array');
  });

  it('shows the core’s notice when given neither notice nor src', async () => {
    const plain = await fixture<YinyomNotice>(html`<yinyom-notice></yinyom-notice>`);
    await until(() => shadow(plain).querySelectorAll('section').length === 3);
  });

  it('makes a table too wide for the screen a focusable, named region', async function () {
    // WebKitGTK breaks Thai anywhere, so the Thai cells shrink until the table fits (README: WebKit).
    if (isWebKit) this.skip();
    await setViewport({ width: 375, height: 700 });
    const wide: Notice = {
      id: 'w',
      version: '1',
      sections: [{ kind: 'data', title: 'ข้อมูล', body: [{ type: 'table', caption: 'ข้อมูลที่เก็บ', head: Array(8).fill('หัวข้อคอลัมน์ยาวมาก'), rows: [Array(8).fill('ข้อมูลส่วนบุคคลของผู้เข้าอบรม')] }] }],
    };
    element.notice = wide;
    await element.updateComplete;
    const box = await until(() => root().querySelector<HTMLElement>('.table[role=region]'));
    expect(box.tabIndex).to.equal(0);
    expect(box.getAttribute('aria-label')).to.equal('ข้อมูลที่เก็บ');
    await expect(element).to.be.accessible();
    await setViewport({ width: 1280, height: 800 });
    element.requestUpdate();
    await element.updateComplete;
    expect(root().querySelector('.table[role=region]'), 'fits again').to.equal(null);
  });

  it('prints link addresses and hides nothing of the text', async function () {
    if (!(await emulate({ media: 'print' }))) this.skip();
    const link = root().querySelector('a[href^=https]')!;
    expect(getComputedStyle(link, '::after').content).to.contain('https://tdga.dga.or.th/');
    expect(getComputedStyle(root().querySelector('nav')!).display).not.to.equal('none');
  });

  for (const language of ['th', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${language}, ${scheme}, with Thai digits`, async () => {
        // The page's color-scheme decides, in every browser; the device's preference alone does not.
        pageScheme(scheme);
        element.numerals = 'thai';
        api.setLanguage(language);
        await until(() => root().querySelector('article')!.lang === language);
        expect(drawnIn(element)).to.equal(scheme);
        await expect(element).to.be.accessible();
      });
    }
  }

  it('opens as a modal dialog with show(), and closes with hide()', async () => {
    const modal = await fixture<YinyomNotice>(html`<yinyom-notice modal .notice=${notice}></yinyom-notice>`);
    expect(shadow(modal).querySelector('dialog')).to.equal(null);
    await modal.show();
    const dialog = shadow(modal).querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(deepFocus()).to.equal(shadow(modal).getElementById('title'));
    await expect(modal).to.be.accessible();
    await modal.hide();
    expect(shadow(modal).querySelector('dialog')).to.equal(null);
  });
});

describe('<yinyom-notice> and location.hash', () => {
  let page: HTMLElement;
  const element = () => page.querySelector('yinyom-notice')!;
  const heading = (id: string) => shadow(element()).getElementById(id)?.querySelector('h3');
  const arrive = async (hash: string, before = '') => {
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    page = await fixture(html`<div data-test>
      <p style="height: 2000px" .innerHTML=${before}></p>
      <yinyom-notice .notice=${notice}></yinyom-notice>
      <p style="height: 2000px"></p>
    </div>`);
    await until(() => shadow(element()).querySelector('section'));
    await element().updateComplete;
  };
  beforeEach(async () => {
    await freshConsent();
  });
  afterEach(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    resetPage();
    scrollTo(0, 0);
  });

  it('goes to the section that the hash names when it first shows: scrolled to the top, heading focused', async () => {
    await arrive('#retention');
    const target = heading('retention')!;
    expect(deepFocus() === target, 'focus on the heading').to.equal(true);
    expect(target.getBoundingClientRect().top).to.be.within(0, 40);
  });

  it('follows a later change of the hash, as from a link in the page', async () => {
    await arrive('');
    expect(scrollY).to.equal(0);
    location.hash = '#contact';
    await until(() => deepFocus() === heading('contact'));
    expect(heading('contact')!.getBoundingClientRect().top).to.be.within(0, 40);
  });

  it('ignores a hash that names no section', async () => {
    await arrive('#nothing-here');
    expect(scrollY).to.equal(0);
    expect(deepFocus()).to.equal(document.body);
  });

  it('leaves the hash to the page when the page has an element of that id', async () => {
    await arrive('#retention', '<span id="retention">ของหน้าเว็บ</span>');
    expect(deepFocus() === heading('retention')).to.equal(false);
  });

  it('leaves a person who put focus elsewhere before the notice showed where they are', async () => {
    const input = document.createElement('input');
    input.dataset.test = '';
    input.setAttribute('aria-label', 'ค้นหา');
    document.body.prepend(input);
    input.focus();
    await arrive('#contact');
    expect(document.activeElement).to.equal(input);
    expect(scrollY).to.equal(0);
  });

  it('does not move a modal notice to the hash', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#retention`);
    const modal = await fixture<YinyomNotice>(html`<yinyom-notice modal .notice=${notice}></yinyom-notice>`);
    await modal.show();
    expect(deepFocus()).to.equal(shadow(modal).getElementById('title'));
    await modal.hide();
  });
});
