// React 19 in Chromium: test/react/app.tsx, bundled with esbuild as an app would be, served on
// loopback and driven with puppeteer-core in Debian's Chromium. <yinyom-consent name> renders
// (React sets name as a property), the form submits the consent value, and useConsent
// re-renders after the decision, under StrictMode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkConsentForm, openApp } from '../frameworks/run-app.mjs';

let app;
before(async () => {
  app = await openApp('test/react/app.tsx', {
    jsx: 'automatic',
    // Development: StrictMode mounts, unmounts and mounts again only there.
    define: { 'process.env.NODE_ENV': '"development"' },
  });
});
after(() => app?.close());

test('React 19 renders <yinyom-consent name>, submits its value and re-renders useConsent after the decision, under StrictMode', async () => {
  await checkConsentForm(app.page, app.messages);
  assert.equal(await app.page.evaluate(() => window.instances), 2, 'StrictMode made the instance twice');
});
