import { expect } from '@open-wc/testing';
import type { ConsentApi } from '../../src/core/types.js';
import '../../src/elements.js';
import { show } from '../../src/ui/index.js';
import { drawnIn, emulate, freshConsent, pageScheme, resetPage, shadow } from './helpers.js';

// Light or dark follows the page's used color-scheme, never the device's preference alone
// (issue 13, finding 13): most Thai government sites are light-only and theme the elements with
// their accent, and a phone at night prefers dark.

const banner = () => document.querySelector('yinyom-banner')!;
const part = (name: string) => shadow(banner()).querySelector<HTMLElement>(`[part~=${name}]`)!;

interface AxeNode {
  html: string;
  any: Array<{ data?: { contrastRatio?: number } }>;
}
interface AxeResults {
  passes: Array<{ nodes: AxeNode[] }>;
  violations: Array<{ nodes: AxeNode[] }>;
  incomplete: Array<{ nodes: AxeNode[] }>;
}

/** axe's color-contrast rule on the banner: each node's markup with its contrast and verdict. */
async function contrast(): Promise<Array<{ html: string; ratio?: number; verdict: string }>> {
  await import('axe-core/axe.min.js');
  const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;
  const results = await axe.run(banner(), { runOnly: ['color-contrast'] });
  return (['passes', 'violations', 'incomplete'] as const).flatMap((verdict) =>
    results[verdict].flatMap((rule) => rule.nodes.map((node) => ({ html: node.html, ratio: node.any[0]?.data?.contrastRatio, verdict }))),
  );
}

describe('light and dark', () => {
  let api: ConsentApi;
  beforeEach(async () => {
    api = await freshConsent();
  });
  afterEach(async () => {
    resetPage();
    await emulate({ colorScheme: 'light' });
  });

  it('a light-only page keeps the elements light on a device in dark mode', async function () {
    if (!(await emulate({ colorScheme: 'dark' }))) this.skip();
    pageScheme('light');
    await show(api, 'banner');
    expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    expect(drawnIn(banner())).to.equal('light');
    expect(getComputedStyle(part('base')).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('a page that allows dark (color-scheme: light dark) follows the device', async function () {
    pageScheme('light dark');
    if (!(await emulate({ colorScheme: 'dark' }))) this.skip();
    await show(api, 'banner');
    expect(drawnIn(banner())).to.equal('dark');
    expect(getComputedStyle(part('base')).backgroundColor).to.equal('rgb(20, 26, 38)');
    await emulate({ colorScheme: 'light' });
    expect(drawnIn(banner())).to.equal('light');
  });

  it('a dark page (color-scheme: dark) gets dark elements, whatever the device prefers', async () => {
    pageScheme('dark');
    await show(api, 'banner');
    expect(drawnIn(banner())).to.equal('dark');
    await show(api, 'preferences');
    expect(drawnIn(document.querySelector('yinyom-preferences')!)).to.equal('dark');
  });

  // A navy and a green of government sites, a gold, a light blue and a yellow: the text on
  // the accent is black or white, whichever reads, in either scheme.
  for (const scheme of ['light', 'dark'] as const) {
    for (const accent of ['#1a3a6b', '#0a7d33', '#c99a2e', '#9cc3ff', '#ffd400']) {
      it(`a ${scheme} page that sets only --yinyom-accent: ${accent} keeps AA contrast on its buttons`, async () => {
        pageScheme(scheme);
        document.documentElement.style.setProperty('--yinyom-accent', accent);
        await show(api, 'banner');
        await Promise.all(part('base').getAnimations().map((animation) => animation.finished));
        expect(drawnIn(banner())).to.equal(scheme);
        const nodes = await contrast();
        for (const name of ['accept', 'reject']) {
          expect(getComputedStyle(part(name)).backgroundColor, `${name} is drawn in the accent`).to.equal(hex(accent));
          const node = nodes.find((candidate) => candidate.html.includes(`part="button ${name}"`));
          expect(node, `axe checked ${name}`).to.include({ verdict: 'passes' });
          expect(node!.ratio, `${name}'s contrast`).to.be.at.least(4.5);
        }
      });
    }
  }
});

/** `#rrggbb` as the computed value of a colour. */
const hex = (value: string) => `rgb(${[1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)).join(', ')})`;
