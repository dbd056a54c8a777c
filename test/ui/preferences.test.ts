import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentApi } from '../../src/core/types.js';
import '../../src/elements.js';
import { show } from '../../src/ui/index.js';
import { deepFocus, drawnIn, emulate, freshConsent, gpcConsent, pageScheme, resetPage, shadow, uiConfig, until } from './helpers.js';

const preferences = () => document.querySelector('yinyom-preferences')!;
const root = () => shadow(preferences());
const dialog = () => root().querySelector('dialog')!;
const switches = () => [...root().querySelectorAll<HTMLButtonElement>('[role=switch]')];
const switchFor = (name: string) => switches().find((s) => root().getElementById(s.getAttribute('aria-labelledby')!)!.textContent!.trim() === name)!;
const footer = (part: string) => root().querySelector<HTMLButtonElement>(`footer [part~=${part}]`)!;

describe('<yinyom-preferences>', () => {
  let api: ConsentApi;
  let opener: HTMLButtonElement;
  beforeEach(async () => {
    api = await freshConsent();
    opener = document.createElement('button');
    opener.textContent = 'เปิด';
    opener.dataset.test = '';
    document.body.append(opener);
    opener.focus();
    await show(api, 'preferences');
  });
  afterEach(async () => {
    resetPage();
    await emulate({ colorScheme: 'light' });
  });

  it('opens a modal <dialog> named by its heading, which has focus', () => {
    expect(dialog().open).to.equal(true);
    expect(dialog().matches(':modal')).to.equal(true);
    expect(dialog().getAttribute('aria-labelledby')).to.equal('title');
    expect(deepFocus()).to.equal(root().getElementById('title'));
    expect(root().getElementById('title')!.textContent).to.equal('ตั้งค่าคุกกี้');
  });

  it('has a switch per category and banner purpose, nothing on but the required one', () => {
    const names = switches().map((s) => root().getElementById(s.getAttribute('aria-labelledby')!)!.textContent!.trim());
    expect(names).to.deep.equal(['คุกกี้ที่จำเป็น', 'คุกกี้เพื่อการวิเคราะห์', 'คุกกี้เพื่อการตลาด', 'จดหมายข่าว']);
    expect(switches().map((s) => s.getAttribute('aria-checked'))).to.deep.equal(['true', 'false', 'false', 'false']);
    expect(switchFor('คุกกี้ที่จำเป็น').disabled).to.equal(true);
    expect(switches().filter((s) => s.disabled)).to.have.length(1);
    expect(root().textContent, 'purposes not marked banner stay out: a sensitive one').not.to.contain('ข้อมูลการแพ้อาหาร');
    expect(root().textContent, 'and one asked inline').not.to.contain('ภาพถ่ายในสื่อประชาสัมพันธ์');
    expect(switchFor('คุกกี้เพื่อการวิเคราะห์').getAttribute('aria-describedby')).to.be.a('string');
  });

  it('never lists a sensitive purpose, even where the config marks it banner (a config the core refuses)', async () => {
    resetPage();
    const purposes = uiConfig().purposes!.map((purpose) => (purpose.sensitive ? { ...purpose, banner: true } : purpose));
    // The core reports the problem on the console; a page's manage button still opens the
    // dialog, which can store nothing under a refused config.
    api = await freshConsent({ purposes });
    await show(api, 'preferences');
    expect(dialog().open).to.equal(true);
    const names = switches().map((s) => root().getElementById(s.getAttribute('aria-labelledby')!)!.textContent!.trim());
    expect(names).to.deep.equal(['คุกกี้ที่จำเป็น', 'คุกกี้เพื่อการวิเคราะห์', 'คุกกี้เพื่อการตลาด', 'จดหมายข่าว']);
    expect(root().textContent).not.to.contain('ข้อมูลการแพ้อาหาร');
  });

  it('toggles a switch with Space and with Enter', async () => {
    const analytics = switchFor('คุกกี้เพื่อการวิเคราะห์');
    analytics.focus();
    await sendKeys({ type: ' ' });
    await until(() => analytics.getAttribute('aria-checked') === 'true');
    await sendKeys({ press: 'Enter' });
    await until(() => analytics.getAttribute('aria-checked') === 'false');
    expect(deepFocus()).to.equal(analytics);
  });

  it('saves the switches as set, as preferences.save, and closes', async () => {
    switchFor('คุกกี้เพื่อการวิเคราะห์').click();
    switchFor('จดหมายข่าว').click();
    await preferences().updateComplete;
    setTimeout(() => footer('save').click());
    const { detail } = await oneEvent(preferences(), 'yinyom-decision');
    expect(detail.receipt.method).to.equal('preferences.save');
    expect(detail.receipt.choices).to.include({ analytics: true, marketing: false, newsletter: true });
    expect(api.get('analytics')).to.equal(true);
    expect(api.get('marketing')).to.equal(false);
    await until(() => !preferences().open);
  });

  it('under Global Privacy Control shows a gpc category off; switched on and saved, it is granted with the signal recorded', async () => {
    resetPage();
    api = await gpcConsent();
    await show(api, 'preferences');
    const analytics = () => switchFor('คุกกี้เพื่อการวิเคราะห์');
    expect(switches().map((s) => s.getAttribute('aria-checked'))).to.deep.equal(['true', 'false', 'false', 'false']);
    analytics().click();
    await preferences().updateComplete;
    setTimeout(() => footer('save').click());
    const { detail } = await oneEvent(preferences(), 'yinyom-decision');
    expect(detail.receipt).to.deep.include({ method: 'preferences.save', signals: { gpc: true } });
    expect(detail.receipt.choices).to.deep.equal({ analytics: true, marketing: false, newsletter: false });
    expect(api.get('analytics'), 'the person’s choice wins over the signal').to.equal(true);
    await until(() => !preferences().open);
    await preferences().show();
    expect(analytics().getAttribute('aria-checked')).to.equal('true');
  });

  it('shows the current decision when opened again', async () => {
    await api.set({ marketing: true });
    await preferences().hide();
    await preferences().show();
    expect(switchFor('คุกกี้เพื่อการตลาด').getAttribute('aria-checked')).to.equal('true');
    expect(switchFor('คุกกี้เพื่อการวิเคราะห์').getAttribute('aria-checked')).to.equal('false');
  });

  it('accepts all and rejects all from the dialog too', async () => {
    setTimeout(() => footer('accept').click());
    expect((await oneEvent(preferences(), 'yinyom-decision')).detail.receipt.method).to.equal('banner.accept-all');
    await until(() => !preferences().open);
    await preferences().show();
    setTimeout(() => footer('reject').click());
    expect((await oneEvent(preferences(), 'yinyom-decision')).detail.receipt.method).to.equal('banner.reject-all');
    expect(api.get('newsletter')).to.equal(false);
  });

  it('closes with Escape, records nothing, and returns focus to the opener', async () => {
    switchFor('คุกกี้เพื่อการวิเคราะห์').click();
    await sendKeys({ press: 'Escape' });
    await until(() => document.activeElement === opener);
    expect(preferences().open).to.equal(false);
    expect(api.state().decided).to.equal(false);
  });

  it('closes with its close button, focus back to the opener', async () => {
    root().querySelector<HTMLButtonElement>('.close')!.click();
    await until(() => document.activeElement === opener);
  });

  it('is reached by Tab in order: language, close, switches and cookie lists, then the buttons', async () => {
    const seen: string[] = [];
    while (seen.length < 9) {
      await sendKeys({ press: 'Tab' });
      const focused = deepFocus() as HTMLElement;
      // Firefox also stops on a scrolling container, as keyboard users need to scroll it.
      if (focused.classList.contains('body')) continue;
      seen.push(focused.getAttribute('role') === 'switch' ? `switch` : focused.getAttribute('aria-label') ?? focused.textContent!.trim());
    }
    expect(seen).to.deep.equal(['English', 'ปิด', 'switch', 'รายการคุกกี้ (2 รายการ)', 'switch', 'switch', 'ยอมรับทั้งหมด', 'ปฏิเสธทั้งหมด', 'บันทึกการตั้งค่า']);
  });

  it('keeps Tab inside: the page behind is inert', async () => {
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).not.to.equal(opener);
    }
    expect(opener.matches(':focus')).to.equal(false);
  });

  it('shows a category’s cookies on demand in a table', async () => {
    const details = root().querySelector('details')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    await until(() => details.open);
    const headers = [...details.querySelectorAll('th')].map((th) => [th.textContent, th.getAttribute('scope')]);
    expect(headers).to.deep.equal([['ชื่อ', 'col'], ['ผู้ให้บริการ', 'col'], ['ระยะเวลา', 'col']]);
    expect([...details.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['_ga Google 2 ปี', '_gid Google 1 วัน']);
  });

  it('switches language live from its own switch', async () => {
    root().querySelector<HTMLButtonElement>('button[lang=en]')!.click();
    await until(() => root().getElementById('title')!.textContent === 'Cookie settings');
    expect(dialog().lang).to.equal('en');
    expect(switchFor('Analytics cookies')).to.exist;
    expect(footer('save').textContent!.trim()).to.equal('Save settings');
  });

  it('marks a Thai-only text inside English as Thai', async () => {
    resetPage();
    api = await freshConsent({ categories: [{ id: 'stats', title: 'สถิติ' }] });
    api.setLanguage('en');
    await show(api, 'preferences');
    const title = await until(() => root().querySelector('h3 [lang=th]'));
    expect(title.textContent).to.equal('สถิติ');
  });

  for (const language of ['th', 'en'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no axe violations in ${language}, ${scheme}`, async () => {
        // The page's color-scheme decides, in every browser; the device's preference alone does not.
        pageScheme(scheme);
        api.setLanguage(language);
        await until(() => dialog().lang === language);
        root().querySelector('details')!.open = true;
        expect(drawnIn(preferences())).to.equal(scheme);
        await expect(preferences()).to.be.accessible();
      });
    }
  }
});

describe('<yinyom-manage>', () => {
  let api: ConsentApi;
  beforeEach(async () => {
    api = await freshConsent();
    await show(api, 'banner');
    await api.rejectAll();
  });
  afterEach(resetPage);

  it('reopens the preferences dialog, and gets focus back after Escape', async () => {
    const manage = document.createElement('yinyom-manage');
    document.body.append(manage);
    const button = await until(() => shadow(manage).querySelector('button'));
    expect(button.textContent!.trim()).to.equal('ตั้งค่าคุกกี้');
    button.focus();
    button.click();
    const dialog = await until(() => document.querySelector('yinyom-preferences')?.shadowRoot?.querySelector('dialog[open]'));
    expect(dialog.querySelector('[aria-checked=true]:not(:disabled)')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await until(() => deepFocus() === button);
  });

  it('takes focus when a dialog opened from the (now closed) banner is saved', async () => {
    resetPage();
    api = await freshConsent();
    const manage = document.createElement('yinyom-manage');
    document.body.append(manage);
    await show(api, 'banner');
    const banner = document.querySelector('yinyom-banner')!;
    const settings = shadow(banner).querySelector<HTMLButtonElement>('[part~=settings]')!;
    settings.focus();
    settings.click();
    const prefs = await until(() => document.querySelector('yinyom-preferences'));
    await until(() => shadow(prefs).querySelector('dialog[open]'));
    shadow(prefs).querySelector<HTMLButtonElement>('footer [part~=save]')!.click();
    await until(() => deepFocus() === shadow(manage).querySelector('button'));
    expect(banner.open).to.equal(false);
  });

  it('links to the person’s consents beside the button with consents-href, only over http(s)', async () => {
    const manage = document.createElement('yinyom-manage');
    manage.setAttribute('consents-href', '/my-consents.html');
    document.body.append(manage);
    const link = await until(() => shadow(manage).querySelector<HTMLAnchorElement>('a[part=consents]'));
    expect([link.textContent, link.getAttribute('href')]).to.deep.equal(['ความยินยอมของฉัน', new URL('/my-consents.html', location.href).href]);
    manage.setAttribute('consents-href', 'javascript:alert(1)');
    await until(() => !shadow(manage).querySelector('a'));
  });

  it('floats in the corner with the floating attribute', async () => {
    const manage = document.createElement('yinyom-manage');
    manage.setAttribute('floating', '');
    document.body.append(manage);
    await manage.updateComplete;
    expect(getComputedStyle(manage).position).to.equal('fixed');
  });

  for (const language of ['th', 'en'] as const) {
    it(`has no axe violations in ${language}`, async () => {
      api.setLanguage(language);
      const manage = document.createElement('yinyom-manage');
      document.body.append(manage);
      await until(() => shadow(manage).querySelector(`button[lang=${language}]`));
      await expect(manage).to.be.accessible();
    });
  }
});
