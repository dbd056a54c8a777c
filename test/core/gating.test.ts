import { expect, oneEvent } from '@open-wc/testing';
import { encodeDecision } from '../../src/core/decision-cookie.js';
import { cleanup, createTestConsent, nextTask, testConfig } from './helpers.js';

type Log = string[];
const log = () => ((window as unknown as { gateLog: Log }).gateLog ??= []);

/** Adds gated markup to the body, marked for cleanup. */
function page(html: string): HTMLElement {
  const holder = document.createElement('div');
  holder.setAttribute('data-test', '');
  // Test markup written by the test itself, standing in for the host page's own HTML.
  holder.innerHTML = html;
  document.body.append(holder);
  return holder;
}

/** Blob URL of a script that appends `entry` to the log (a script with src, served same-origin). */
const scriptUrl = (code: string) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));

/** Resolvers of the barriers still waiting, by label: a barrier script calls `gateBarrier(label)`. */
const waiting = new Map<string, () => void>();
(window as unknown as { gateBarrier: (label: string) => void }).gateBarrier = (label) => waiting.get(label)?.();
let barriers = 0;

/**
 * Resolves once the gate has worked through everything it had to do: appends a script gated
 * on the required category, which the gate runs after every gated script queued before it
 * (one at a time, in order; a `src` script is awaited until it loads or fails). No timer.
 */
function settle(): Promise<void> {
  const label = `barrier-${++barriers}`;
  const reached = barrier(label);
  page(`<script type="text/plain" data-yinyom="necessary">gateBarrier('${label}')</script>`);
  return reached;
}

/** Resolves when a page script calls `gateBarrier(label)`. */
const barrier = (label: string) => new Promise<void>((resolve) => waiting.set(label, resolve)).finally(() => waiting.delete(label));

/** Resolves with the next line printed at `level`, which it keeps off the console. */
function nextConsole(level: 'error' | 'warn'): Promise<string> {
  const original = console[level];
  return new Promise<string>((resolve) => {
    console[level] = (...args: unknown[]) => resolve(args.map(String).join(' '));
  }).finally(() => (console[level] = original));
}

describe('gating', () => {
  beforeEach(() => (log().length = 0));
  afterEach(cleanup);

  it('keeps gated scripts and iframes inert until their category is granted', async () => {
    const holder = page(`
      <script type="text/plain" data-yinyom="analytics">gateLog.push('analytics')</script>
      <iframe data-yinyom="marketing" data-src="about:blank#video" title="video"></iframe>`);
    const api = createTestConsent(testConfig());
    await settle();
    expect(log()).to.deep.equal([]);
    expect(holder.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    await api.rejectAll();
    await settle();
    expect(log()).to.deep.equal([]);
    await api.set({ analytics: true, marketing: true });
    await settle();
    expect(log()).to.deep.equal(['analytics']);
    expect(holder.querySelector('iframe')!.getAttribute('src')).to.equal('about:blank#video');
  });

  it('runs inline and src scripts in document order, once, keeping attributes and nonce', async () => {
    const slow = scriptUrl(`gateLog.push('src-1')`);
    const holder = page(`
      <script type="text/plain" data-yinyom="analytics" src="${slow}" id="lib" data-extra="x"></script>
      <script type="text/plain" data-yinyom="analytics" nonce="abc123">gateLog.push('inline-2')</script>
      <script type="text/plain" data-yinyom="analytics" src="${scriptUrl(`gateLog.push('src-3')`)}"></script>
      <script type="text/plain" data-yinyom="analytics">gateLog.push('inline-4')</script>`);
    const api = createTestConsent(testConfig());
    await api.set({ analytics: true });
    await settle();
    expect(log()).to.deep.equal(['src-1', 'inline-2', 'src-3', 'inline-4']);
    const lib = holder.querySelector('#lib') as HTMLScriptElement;
    expect(lib.type).to.equal('');
    expect(lib.dataset.extra).to.equal('x');
    expect((holder.querySelectorAll('script')[1] as HTMLScriptElement).nonce).to.equal('abc123');
    await api.set({ marketing: true });
    await api.set({ analytics: true });
    await settle();
    expect(log()).to.have.length(4);
  });

  it('needs every category of data-yinyom="a b"', async () => {
    page(`<script type="text/plain" data-yinyom="analytics  marketing">gateLog.push('both')</script>`);
    const api = createTestConsent(testConfig());
    await api.set({ analytics: true });
    await settle();
    expect(log()).to.deep.equal([]);
    await api.set({ marketing: true });
    await settle();
    expect(log()).to.deep.equal(['both']);
  });

  it('runs scripts for a returning visitor at boot, and data-type="module" as a module', async () => {
    const decision = { version: '2565-06-01', time: new Date(), choices: { analytics: true, marketing: false }, receiptId: 'r' };
    document.cookie = `yinyom=${encodeDecision(decision)};path=/`;
    page(`<script type="text/plain" data-type="module" data-yinyom="analytics">gateLog.push(typeof import.meta); gateBarrier('module')</script>
      <script type="text/plain" data-yinyom="marketing">gateLog.push('marketing')</script>`);
    // A module script runs in a task of its own, after the classic scripts queued behind it.
    const ranModule = barrier('module');
    createTestConsent(testConfig());
    await Promise.all([ranModule, settle()]);
    expect(log()).to.deep.equal(['object']);
  });

  it('catches gated elements added later (an SPA route)', async () => {
    const api = createTestConsent(testConfig());
    await api.set({ analytics: true });
    page(`<section><script type="text/plain" data-yinyom="analytics">gateLog.push('late')</script></section>`);
    await settle();
    expect(log()).to.deep.equal(['late']);
  });

  it('a gated script that throws affects neither the page nor the other gated scripts', async () => {
    page(`
      <script type="text/plain" data-yinyom="analytics">gateLog.push('before'); throw new Error('vendor bug')</script>
      <script type="text/plain" data-yinyom="analytics" src="${scriptUrl('throw new Error("bad src")')}"></script>
      <script type="text/plain" data-yinyom="analytics" src="/no-such-script.js"></script>
      <script type="text/plain" data-yinyom="analytics">gateLog.push('after')</script>`);
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    // Mocha fails a test on window errors; the vendor errors here are the point of the test.
    const mochaHandler = window.onerror;
    window.onerror = () => true;
    try {
      const api = createTestConsent(testConfig());
      await api.set({ analytics: true });
      await settle();
    } finally {
      window.removeEventListener('error', onError);
      window.onerror = mochaHandler;
    }
    expect(log()).to.deep.equal(['before', 'after']);
    expect(errors.join()).to.contain('vendor bug');
  });

  it('deletes a category\'s matching cookies when it is withdrawn, and keeps the others', async () => {
    const api = createTestConsent(testConfig());
    await api.acceptAll();
    document.cookie = '_ga=GA1.1.1;path=/';
    document.cookie = '_ga_XYZ=GS1;path=/';
    document.cookie = 'mkt=1;path=/';
    document.cookie = 'site_pref=dark;path=/';
    const change = oneEvent(document, 'yinyom-change');
    await api.withdraw('analytics');
    await change;
    const names = document.cookie.split('; ').map((pair) => pair.split('=')[0]);
    expect(names).not.to.include('_ga');
    expect(names).not.to.include('_ga_XYZ');
    expect(names).to.include.members(['mkt', 'site_pref', 'yinyom']);
    await api.withdraw('marketing');
    expect(document.cookie).not.to.contain('mkt=');
  });

  it('does not gate anything while the config is invalid', async () => {
    // Scripts of the required category run on every page with a good config (see settle());
    // an invalid one runs none of them, and no iframe loads.
    const holder = page(`
      <script type="text/plain" data-yinyom="necessary">gateLog.push('necessary')</script>
      <iframe data-yinyom="necessary" data-src="about:blank#required" title="required"></iframe>`);
    const reported = nextConsole('error');
    const api = createTestConsent(testConfig({ endpoint: 'ftp://collector.example/v1/receipts' }));
    expect(await reported).to.contain('config problem(s); nothing optional will run');
    // The gate works synchronously during boot and activates inline scripts in microtasks: by the
    // next task, anything it was going to run has run.
    await nextTask();
    expect(log()).to.deep.equal([]);
    expect(holder.querySelector('iframe')!.hasAttribute('src')).to.equal(false);
    expect(api.get('necessary')).to.equal(undefined);
    // Later markup is not gated either.
    page(`<script type="text/plain" data-yinyom="necessary">gateLog.push('late')</script>`);
    await nextTask();
    expect(log()).to.deep.equal([]);
  });
});
