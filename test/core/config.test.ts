import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/validate-config.js';
import * as checker from '../../src/core/config.js';
import { captureConsole, cleanup, createTestConsent, endVisit, nextTask, testConfig } from './helpers.js';

describe('config validation', () => {
  afterEach(cleanup);

  it('accepts a valid config and fills in the defaults', () => {
    const { errors, warnings, config } = validateConfig(testConfig());
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(config.language).to.equal('th');
    expect(config.expiresDays).to.equal(365);
    expect(config.respectGPC).to.equal(true);
    expect(config.googleConsentMode).to.equal(false);
  });

  it('reports every problem at once, each naming its path', () => {
    const bad = testConfig({ language: 'fr' as 'th', expiresDays: -1 });
    (bad.categories[2] as { id: string }).id = 'Marketing!';
    (bad.purposes![0] as { title: unknown }).title = 42;
    bad.purposes![2].banner = true;
    const { errors } = validateConfig(bad);
    expect(errors).to.include.members([
      'config: categories[2].id must be lowercase letters, digits, "-" or "_"',
      'config: purposes[0].title must be a string or {"th": "...", "en": "..."}',
      'config: purposes[2].banner must not be true for a sensitive purpose: PDPA s.26 consent is asked on its own',
      'config: language must be "th" or "en"',
      'config: expiresDays must be a number of days from 1 to 3650',
    ]);
    expect(errors).to.have.length(5);
  });

  it('names missing required fields and duplicate ids', () => {
    const { errors } = validateConfig({
      controller: {},
      categories: [{ id: 'a', title: 'ก' }, { id: 'a', title: 'ข' }],
    });
    expect(errors).to.deep.equal([
      'config: notice is required',
      'config: controller.name is required',
      'config: categories[1].id "a" is used twice',
    ]);
  });

  it('rejects a config that is not an object, an empty category list and bad URLs', () => {
    expect(validateConfig('nope').errors).to.deep.equal(['config: the config must be an object']);
    const { errors } = validateConfig(testConfig({ categories: [], endpoint: 'javascript:alert(1)', notice: 'ftp://x/n.json' }));
    expect(errors).to.deep.equal([
      'config: notice must be an http(s) URL',
      'config: categories must not be empty',
      'config: endpoint must be an http(s) URL',
    ]);
  });

  it('checks cookie patterns, Consent Mode types and the cookie domain', () => {
    const bad = testConfig({ cookieDomain: '.example.org' });
    bad.categories[1].cookies = [{ name: '_ga', match: '(' }];
    bad.categories[1].consentMode = ['analytics'];
    expect(validateConfig(bad).errors).to.deep.equal([
      'config: categories[1].cookies[0].match must be a valid regular expression',
      'config: categories[1].consentMode[0] must be a Consent Mode v2 type, e.g. analytics_storage',
      `config: cookieDomain ".example.org" does not cover this page's host ${location.hostname}`,
    ]);
  });

  it('refuses ids that every object already has, such as "constructor"', () => {
    const bad = testConfig();
    bad.categories[1].id = 'constructor';
    expect(validateConfig(bad).errors).to.deep.equal([
      'config: categories[1].id "constructor" is a name JavaScript objects already have; choose another id',
    ]);
  });

  it('warns about unknown fields without failing', () => {
    const { errors, warnings } = validateConfig({ ...testConfig(), colour: 'blue' });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal(['config: colour is not a known field; ignored']);
  });

  it('runs the safe default on an invalid config: one console error, nothing optional, writes reject', async () => {
    document.cookie = 'yinyom=1|2565-06-01|' + Math.floor(Date.now() / 1000).toString(36) + '|analytics.marketing||r1;path=/';
    const bad = testConfig();
    (bad.categories[1] as { id: unknown }).id = 7;
    (bad.purposes![1] as { id: unknown }).id = '';
    let api!: ReturnType<typeof createTestConsent>;
    const errors = await captureConsole('error', async () => {
      api = createTestConsent(bad);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('2 config problem(s); nothing optional will run');
    expect(errors[0]).to.contain('config: categories[1].id must be lowercase');
    expect(errors[0]).to.contain('config: purposes[1].id must be lowercase');
    expect(api.get('analytics')).to.equal(undefined);
    expect(api.get('marketing')).to.equal(undefined);
    expect(api.state().decided).to.equal(false);
    let rejection: Error | undefined;
    await api.acceptAll().catch((error: Error) => (rejection = error));
    expect(rejection?.message).to.equal('[yinyom] the config has 2 problem(s), listed on the console');
  });

  it('runs the safe default when the checker cannot load, and says so', async () => {
    document.cookie = 'yinyom=1|2565-06-01|' + Math.floor(Date.now() / 1000).toString(36) + '|analytics.marketing||r1;path=/';
    let api!: ReturnType<typeof createTestConsent>;
    let checking!: Promise<unknown>;
    const errors = await captureConsole('error', async () => {
      api = createTestConsent(testConfig(), { checker: () => (checking = Promise.reject(new Error('offline'))) });
      await checking.catch(() => undefined);
      await nextTask();
    });
    expect(errors.join()).to.contain('the config could not be checked; nothing optional will run');
    expect(api.get('analytics')).to.equal(undefined);
    expect(api.get('necessary')).to.equal(undefined);
    expect(await api.acceptAll().catch((error: Error) => error.message)).to.equal('[yinyom] the config could not be checked');
  });

  it('trusts a config the decision cookie was made under, and checks any other before anything optional runs', async () => {
    let checks = 0;
    const counting = () => (checks++, Promise.resolve(checker));
    const first = createTestConsent(testConfig(), { checker: counting });
    await first.acceptAll();
    expect(checks).to.equal(1);
    const value = document.cookie.split('; ').find((pair) => pair.startsWith('yinyom='))!.slice(7);
    endVisit();
    document.cookie = `yinyom=${value};path=/`;
    // The same config on the next page: no check, granted at once.
    const same = createTestConsent(testConfig(), { checker: counting });
    expect(same.get('analytics')).to.equal(true);
    expect(checks).to.equal(1);
    endVisit();
    document.cookie = `yinyom=${value};path=/`;
    // A changed config: nothing optional until it is checked, then the decision holds and the cookie is stamped anew.
    const changed = testConfig({ expiresDays: 200 });
    const next = createTestConsent(changed, { checker: counting });
    expect(next.get('analytics')).to.equal(undefined);
    await next.whenGranted('analytics');
    expect(checks).to.equal(2);
    const restamped = document.cookie.split('; ').find((pair) => pair.startsWith('yinyom='))!.slice(7);
    expect(restamped).not.to.equal(value);
    endVisit();
    document.cookie = `yinyom=${restamped};path=/`;
    expect(createTestConsent(changed, { checker: counting }).get('analytics')).to.equal(true);
    expect(checks).to.equal(2);
  });
});
