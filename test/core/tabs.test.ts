import { expect, oneEvent } from '@open-wc/testing';
import type { ConsentApi, ConsentState } from '../../src/core/types.js';
import { cleanup, createTestConsent, testConfig } from './helpers.js';
import * as checker from '../../src/core/config.js';
import { createConsentCore } from '../../src/core/create-consent-core.js';

/** A second tab of the same site: a same-origin frame with its own core instance. */
async function secondTab(): Promise<{ api: ConsentApi; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.setAttribute('data-test', '');
  frame.src = new URL('./fixtures/tab.html', import.meta.url).href;
  const ready = new Promise<ConsentApi>((resolve) => ((window as unknown as { tabReady: typeof resolve }).tabReady = resolve));
  document.body.append(frame);
  return { api: await ready, frame };
}

describe('cross-tab', () => {
  afterEach(cleanup);

  it('a decision in one tab updates the other at once and fires yinyom-change there', async () => {
    const { api: other, frame } = await secondTab();
    expect(other.state().decided).to.equal(false);
    const api = createTestConsent(testConfig());
    const changed = oneEvent(frame.contentDocument!, 'yinyom-change');
    await api.set({ analytics: true });
    const { detail } = (await changed) as CustomEvent<ConsentState>;
    expect(detail.decided).to.equal(true);
    expect(other.get('analytics')).to.equal(true);
    expect(other.get('marketing')).to.equal(false);
  });

  it('decisions flow both ways', async () => {
    const { api: other } = await secondTab();
    const api = createTestConsent(testConfig());
    const changed = oneEvent(document, 'yinyom-change');
    await other.rejectAll();
    const { detail } = (await changed) as CustomEvent<ConsentState>;
    expect(detail.choices, JSON.stringify(detail)).to.include({ analytics: false });
    expect(api.get('analytics'), JSON.stringify(api.state())).to.equal(false);
  });

  it('an instance that was stopped no longer reacts to other tabs', async () => {
    const controller = new AbortController();
    const stopped = createConsentCore(testConfig(), { checker, signal: controller.signal });
    await stopped.acceptAll().catch(() => undefined);
    controller.abort();
    document.cookie = 'yinyom=;max-age=0;path=/';
    const { api: other } = await secondTab();
    let events = 0;
    document.addEventListener('yinyom-change', () => events++);
    await other.rejectAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).to.equal(0);
  });
});
