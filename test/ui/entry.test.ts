import { expect } from '@open-wc/testing';
import type { ConsentApi } from '../../src/core/types.js';
import { msg, str, useLanguage } from '../../src/i18n/localization.js';
import { define, show } from '../../src/ui/index.js';
import { freshConsent, resetPage, shadow, until } from './helpers.js';

describe('localization', () => {
  afterEach(() => useLanguage('th'));

  it('renders the Thai source, or the English translation of the id', async () => {
    await define(await freshConsent(), []);
    expect(msg('ยอมรับทั้งหมด', { id: 'banner.accept-all' })).to.equal('ยอมรับทั้งหมด');
    useLanguage('en');
    expect(msg('ยอมรับทั้งหมด', { id: 'banner.accept-all' })).to.equal('Accept all');
    expect(msg(str`${'TDGA'} ใช้คุกกี้...`, { id: 'banner.text' })).to.match(/^TDGA uses strictly necessary cookies/);
    expect(msg('ไม่มีคำแปล', { id: 'no.such-id' }), 'falls back to Thai').to.equal('ไม่มีคำแปล');
  });

  it('loads the English of a page element with its chunk', async () => {
    useLanguage('en');
    expect(msg('สารบัญ', { id: 'notice.contents' })).to.equal('สารบัญ');
    await define(await freshConsent(), ['yinyom-notice']);
    expect(msg('สารบัญ', { id: 'notice.contents' })).to.equal('Contents');
  });
});

// This file imports the UI entry only, as the script-tag core does: nothing is registered up front.
describe('the UI entry (yinyom-ui.js)', () => {
  let api: ConsentApi;
  beforeEach(async () => {
    api = await freshConsent();
  });
  afterEach(resetPage);

  it('define() loads and registers the page elements it is given, with the core as their default', async () => {
    expect(customElements.get('yinyom-receipts')).to.equal(undefined);
    const receipts = document.createElement('yinyom-receipts');
    document.body.append(receipts);
    await define(api, ['yinyom-receipts', 'yinyom-manage', 'not-ours', 'yinyom-nope']);
    expect(customElements.get('yinyom-receipts')).to.be.a('function');
    expect(customElements.get('yinyom-manage')).to.be.a('function');
    expect(customElements.get('yinyom-nope')).to.equal(undefined);
    await until(() => receipts.shadowRoot?.querySelector('section'));
  });

  it('skips a tag some other code defined first', async () => {
    class Other extends HTMLElement {}
    customElements.define('yinyom-consent', Other);
    await define(api, ['yinyom-consent']);
    expect(customElements.get('yinyom-consent')).to.equal(Other);
  });

  it('show("banner") creates one banner, first in <body>', async () => {
    await show(api, 'banner');
    await show(api, 'banner');
    expect(document.querySelectorAll('yinyom-banner')).to.have.length(1);
    expect(document.body.firstElementChild!.localName).to.equal('yinyom-banner');
  });

  it('show("notice") opens the notice in a dialog, leaving an inline notice alone', async () => {
    await define(api, ['yinyom-notice']);
    const inline = document.createElement('yinyom-notice');
    document.body.append(inline);
    await show(api, 'notice');
    const modal = document.querySelector('yinyom-notice[modal]')!;
    expect(modal).not.to.equal(inline);
    expect(shadow(modal).querySelector('dialog')!.open).to.equal(true);
    expect(inline.hasAttribute('modal')).to.equal(false);
  });

  it('show("preferences") opens the dialog', async () => {
    await show(api, 'preferences');
    expect(shadow(document.querySelector('yinyom-preferences')!).querySelector('dialog')!.open).to.equal(true);
  });

  it('is what the core loads to show the banner on a first visit', async () => {
    resetPage();
    const withUi = await freshConsent({}, true);
    const banner = await until(() => document.querySelector('yinyom-banner'));
    await until(() => banner.shadowRoot?.querySelector('[role=region]'));
    await withUi.acceptAll({ method: 'banner.accept-all' });
    await until(() => !banner.shadowRoot!.querySelector('[role=region]'));
  });

  it('a stopped instance never takes the elements back: StrictMode makes one, stops it and makes another, 8 times', async () => {
    for (let run = 0; run < 8; run++) {
      resetPage();
      const first = await freshConsent({}, true);
      // The first instance is stopped while its boot still runs, as React's StrictMode does.
      resetPage();
      const second = await freshConsent({}, true);
      // Opened through the live instance: where the device still held an earlier run's receipt
      // (WebKit may not have deleted its database yet), the core restored it and shows no banner by itself.
      await second.show('banner');
      const banner = await until(() => document.querySelector('yinyom-banner')?.shadowRoot?.querySelector<HTMLButtonElement>('[part~=accept]'));
      // Let the first instance's boot run to its end, if it were to.
      await Promise.all([first.notice().catch(() => undefined), second.notice()]);
      const decided = new Promise<string>((resolve) => document.addEventListener('yinyom-decision', (event) => resolve(event.detail.receipt.id), { once: true }));
      banner.click();
      await second.whenGranted('analytics');
      // The banner recorded to the live instance: the receipt is the one its state names.
      expect(await decided, `run ${run}`).to.equal(second.state().receiptId);
      expect(document.querySelectorAll('yinyom-banner').length, 'one banner').to.equal(1);
      const refused = await first.set({ analytics: true }).catch((error: Error) => error.message);
      expect(refused).to.equal('[yinyom] this instance was stopped');
    }
  });
});
