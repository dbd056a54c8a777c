import { expect } from '@open-wc/testing';
import { encodeDecision } from '../../src/core/decision-cookie.js';
import { cleanup, createTestConsent, testConfig } from './helpers.js';

const entries = () => ((window as unknown as { dataLayer: IArguments[] }).dataLayer ?? []).map((entry) => [...entry]);

describe('Google Consent Mode v2', () => {
  afterEach(cleanup);

  it('sets the default all denied with wait_for_update at boot, as arguments objects in the dataLayer', () => {
    createTestConsent(testConfig({ googleConsentMode: true }));
    const layer = (window as unknown as { dataLayer: unknown[] }).dataLayer;
    expect(Object.prototype.toString.call(layer[0])).to.equal('[object Arguments]');
    expect(entries()).to.deep.equal([
      [
        'consent',
        'default',
        { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', wait_for_update: 500 },
      ],
    ]);
  });

  it('sends an update mapped through each category\'s consentMode on every change', async () => {
    const api = createTestConsent(testConfig({ googleConsentMode: true }));
    await api.set({ analytics: true });
    expect(entries()[1]).to.deep.equal([
      'consent',
      'update',
      { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted' },
    ]);
    await api.acceptAll();
    expect(entries()[2][2]).to.deep.equal({ ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted' });
  });

  it('updates at once for a returning visitor, before any gated script runs', () => {
    document.cookie = `yinyom=${encodeDecision({ version: '2565-06-01', time: new Date(), choices: { analytics: true, marketing: false }, receiptId: 'r' })};path=/`;
    createTestConsent(testConfig({ googleConsentMode: true }));
    expect(entries().map((entry) => entry[1])).to.deep.equal(['default', 'update']);
    expect((entries()[1][2] as Record<string, string>).analytics_storage).to.equal('granted');
  });

  it('uses an existing gtag and sets nothing when Consent Mode is off', () => {
    const calls: unknown[][] = [];
    (window as unknown as { gtag: (...args: unknown[]) => void }).gtag = (...args) => calls.push(args);
    createTestConsent(testConfig({ googleConsentMode: true }));
    expect(calls[0].slice(0, 2)).to.deep.equal(['consent', 'default']);
    cleanup();
    createTestConsent(testConfig());
    expect((window as unknown as { dataLayer?: unknown }).dataLayer).to.equal(undefined);
  });
});
