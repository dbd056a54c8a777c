import { expect } from '@open-wc/testing';
import type { ConsentApi, View } from '../../src/core/types.js';
import { freshConsent, notice, resetPage, shadow, until } from './helpers.js';

// The built dist/yinyom-ui.js (run `npm run build` first), whose `html` and `css` templates the
// build strips of their indentation: the text must read word for word as in the source (Thai
// has no spaces between words, so a joined or split word would show) and every sheet must
// still apply. This file never loads the elements from src/.
interface UiModule {
  show(api: ConsentApi, view: View): Promise<void>;
  define(api: ConsentApi, tags: string[]): Promise<void>;
}

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ').trim();
const url = '/dist/yinyom-ui.js';

describe('dist/yinyom-ui.js (the build)', () => {
  let ui: UiModule;
  let api: ConsentApi;
  before(async () => {
    ui = (await import(url)) as UiModule;
  });
  beforeEach(async () => {
    api = await freshConsent();
  });
  afterEach(resetPage);

  it('draws the banner from yinyom-ui.js alone; the preferences fetch their own chunk when opened', async () => {
    const fetched = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/dist/'));
    expect(customElements.get('yinyom-preferences'), 'no other test opened the preferences first').to.equal(undefined);
    await ui.show(api, 'banner');
    expect(shadow(document.querySelector('yinyom-banner')!).querySelector('[role=region]')).to.exist;
    expect(fetched()).to.deep.equal(['/dist/yinyom-ui.js']);
    await ui.show(api, 'preferences');
    expect(shadow(document.querySelector('yinyom-preferences')!).querySelector('dialog[open]')).to.exist;
    const chunks = fetched().slice(1);
    expect(chunks.every((path) => path.startsWith('/dist/chunks/')), chunks.join()).to.equal(true);
    expect(chunks.filter((path) => /\/yinyom-preferences-[\w-]+\.js$/.test(path))).to.have.length(1);
    // Only what the dialog needs: no other element's code.
    expect(chunks.filter((path) => /\/yinyom-(notice|consent|receipts|manage)-/.test(path)), chunks.join()).to.deep.equal([]);
  });

  it('draws the banner word for word, with its styles', async () => {
    await ui.show(api, 'banner');
    const banner = document.querySelector('yinyom-banner')!;
    const region = shadow(banner).querySelector<HTMLElement>('[role=region]')!;
    expect(text(region.querySelector('p'))).to.equal(
      'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล ใช้คุกกี้ที่จำเป็นเพื่อให้เว็บไซต์ทำงานได้ และจะใช้คุกกี้ประเภทอื่นเมื่อท่านยินยอมเท่านั้น ท่านเปลี่ยนการตั้งค่าหรือถอนความยินยอมได้ทุกเมื่อ อ่านประกาศเกี่ยวกับความเป็นส่วนตัว',
    );
    expect([...region.querySelectorAll('button.btn')].map(text)).to.deep.equal(['ยอมรับทั้งหมด', 'ปฏิเสธทั้งหมด', 'ตั้งค่าคุกกี้']);
    expect(getComputedStyle(banner).position).to.equal('fixed');
    expect(getComputedStyle(region).borderTopWidth).to.equal('4px');
    // The font the page sets, unless --yinyom-font-family names another.
    try {
      document.body.style.fontFamily = 'Loma, serif';
      expect(getComputedStyle(region).fontFamily).to.equal('Loma, serif');
      banner.style.setProperty('--yinyom-font-family', 'Garuda, sans-serif');
      expect(getComputedStyle(region).fontFamily).to.equal('Garuda, sans-serif');
    } finally {
      banner.style.removeProperty('--yinyom-font-family');
      document.body.style.removeProperty('font-family');
    }
    expect(getComputedStyle(region.querySelector('.btn')!).minHeight).to.equal('44px');
    await expect(banner).to.be.accessible();
  });

  it('draws the preferences dialog with its switches', async () => {
    await ui.show(api, 'preferences');
    const dialog = shadow(document.querySelector('yinyom-preferences')!).querySelector('dialog')!;
    expect(text(dialog.querySelector('.intro'))).to.equal(
      'โปรดเลือกประเภทคุกกี้ที่ท่านยินยอมให้ใช้ คุกกี้ที่จำเป็นจะเปิดใช้งานตลอดเวลาเนื่องจากจำเป็นต่อการทำงานของเว็บไซต์ ท่านสามารถเปลี่ยนการตั้งค่าหรือถอนความยินยอมได้ทุกเมื่อ',
    );
    const toggle = dialog.querySelector('[role=switch]')!;
    expect(getComputedStyle(toggle).width).to.equal('52px');
    expect(getComputedStyle(toggle, '::after').position).to.equal('absolute');
    expect(getComputedStyle(dialog.querySelector('header')!).display).to.equal('grid');
    await expect(document.querySelector('yinyom-preferences')!).to.be.accessible();
  });

  it('loads a page element whose chunk shares its Lit, quoted CSS intact', async () => {
    await ui.define(api, ['yinyom-notice']);
    const element = document.createElement('yinyom-notice') as HTMLElement & { notice: typeof notice };
    element.notice = notice;
    document.body.append(element);
    await until(() => shadow(element).querySelector('section h3'));
    const rules = (shadow(element) as ShadowRoot).adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(rules, 'the print style’s quoted content').to.match(/content: (["']) <\1 attr\(href\) \1>\1/);
    expect(text(shadow(element).querySelector('.meta'))).to.equal('ฉบับวันที่ 1 มิถุนายน 2565 · มีผลใช้บังคับตั้งแต่วันที่ 1 มิถุนายน 2565');
  });
});
