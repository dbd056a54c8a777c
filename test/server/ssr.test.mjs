// Server-side rendering (Next.js, Nuxt, SvelteKit): importing `yinyom` and calling
// createConsent in plain Node gives an inert instance, with no throw and no unhandled rejection.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const script = `
  const { createConsent } = await import(${JSON.stringify(new URL('../../dist/esm/index.js', import.meta.url).href)});
  const consent = createConsent({ controller: { name: 'สถาบัน' }, notice: '/notice.json', categories: [{ id: 'analytics', title: 'วิเคราะห์' }] });
  consent.acceptAll();                  // never awaited: must not end the process
  consent.set({ analytics: true });
  consent.show('banner');
  consent.notice();
  const refused = await consent.set({ analytics: true }).then(() => 'resolved', (error) => error.message);
  let pushed = false;
  consent.push(() => { pushed = true; throw new Error('page code'); });
  const unsubscribe = consent.on('change', () => undefined);
  unsubscribe();
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log(JSON.stringify({ analytics: String(consent.get('analytics')), state: consent.state(), refused, pushed, entries: await consent.receiptEntries(), language: consent.language() }));
`;

test('createConsent in plain Node is inert: undecided, nothing granted, no throw, no unhandled rejection', () => {
  const result = spawnSync(process.execPath, ['--unhandled-rejections=strict', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  assert.deepEqual(JSON.parse(result.stdout), {
    analytics: 'undefined',
    state: { decided: false, choices: {}, language: 'th' },
    refused: '[yinyom] there is no browser here (server-side rendering): decisions are made in the browser',
    pushed: true,
    entries: [],
    language: 'th',
  });
});
