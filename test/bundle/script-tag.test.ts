import { expect } from '@open-wc/testing';
import { encodeDecision } from '../../src/core/decision-cookie.js';
import { RECEIPTS_DATABASE } from '../../src/core/has-receipt-book.js';
import { deleteDatabase } from '../support/delete-database.js';
import type { ConsentApi } from '../../src/core/types.js';

// The built dist/yinyom.js, loaded by a script tag in a same-origin frame, as a CMS page would.
interface FrameWindow extends Window {
  yinyom: ConsentApi | unknown[];
  logs: string[];
  /** What the page's CSP refused (capture-console.js). */
  violations: string[];
  ran: string[];
  /** What the page's first frame held (first-frame.js). */
  firstFrame?: { banner: boolean };
}

async function load(page: string): Promise<FrameWindow> {
  const frame = document.createElement('iframe');
  frame.src = new URL(`./fixtures/${page}`, import.meta.url).href;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as FrameWindow;
}

/** Waits until `condition` holds, checking once a task; the test's own timeout bounds it. */
async function until(condition: () => unknown) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve));
}

/** Resolves with the frame's API once the SDK has started: through the documented pre-load queue. */
const api = (win: FrameWindow) => new Promise<ConsentApi>((resolve) => void (win.yinyom ??= []).push(resolve));

/** Resolves once the frame fires `type` (the fixtures' `fixture-log` and `fixture-last`). */
const fired = (win: FrameWindow, type: string) => new Promise((resolve) => win.addEventListener(type, resolve, { once: true }));

/** The paths under /dist/ that `win` fetched, in the order it asked for them. */
const fetchedFromDist = (win: FrameWindow) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/'));

const isApi = (value: unknown): value is ConsentApi => !!value && !Array.isArray(value);
const returning = () => {
  const decision = { version: '2565-06-01', time: new Date(), choices: { analytics: true }, receiptId: 'r-1' };
  document.cookie = `yinyom=${encodeDecision(decision)};path=/`;
};

describe('dist/yinyom.js by script tag', () => {
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    document.cookie = 'yinyom=;max-age=0;path=/';
  });

  it('boots from an inline JSON config, installs window.yinyom and runs the pre-load queue', async () => {
    const win = await load('inline.html');
    expect(isApi(win.yinyom)).to.equal(true);
    expect(win.ran).to.deep.equal(['queued:function']);
    const api = win.yinyom as ConsentApi;
    // A first visit checks the config (yinyom-config.js) before anything runs.
    await api.whenGranted('necessary');
    expect(api.get('necessary')).to.equal(true);
    expect(api.get('analytics')).to.equal(undefined);
    let called: unknown;
    api.push((a) => (called = a));
    expect(called).to.equal(api);
    expect(win.logs).to.deep.equal([]);
  });

  it('a returning visitor gets gated scripts run at once and fetches no other file', async () => {
    const first = await load('inline.html');
    await (first.yinyom as ConsentApi).set({ analytics: true });
    document.querySelector('iframe')!.remove();
    const win = await load('inline.html');
    // Run while the page was parsed: the config was not checked again, so no checker was fetched.
    expect(win.ran).to.deep.equal(['queued:function', 'analytics']);
    const returning = win.yinyom as ConsentApi;
    // Every file the SDK loads is asked for at start or in the boot that follows the notice;
    // once the notice is known here, the boot has made those choices: decided (no UI), nothing
    // waiting to be sent (no receipt book).
    await returning.notice();
    expect(returning.state().decided).to.equal(true);
    expect(document.cookie).not.to.match(/yinyom=[^;]*\|p(\||;|$)/);
    expect(fetchedFromDist(win)).to.deep.equal(['/dist/yinyom.js']);
  });

  it('a first visit starts fetching the UI and the config checker at once, under the nonce of its own script', async () => {
    // 'strict-dynamic': a module script without the page's nonce would be refused and never fetched.
    const win = await load('strict-dynamic.html');
    // The checker has run once this resolves; the UI, asked for at the same time, may still be on its way.
    await (await api(win)).whenGranted('necessary');
    await until(() => fetchedFromDist(win).includes('/dist/yinyom-ui.js'));
    const modules = [...win.document.querySelectorAll<HTMLScriptElement>('script[type=module][src*="/dist/"]')];
    expect(modules.map((module) => [new URL(module.src).pathname, module.nonce, module.getAttribute('blocking')])).to.deep.equal([
      ['/dist/yinyom-config.js', 'r4nd0m', 'render'],
      ['/dist/yinyom-ui.js', 'r4nd0m', 'render'],
    ]);
    // Each fetched once: the core's import() takes the module the script element loaded.
    expect(fetchedFromDist(win).filter((path) => /^\/dist\/yinyom-(ui|config)\.js$/.test(path)).sort()).to.deep.equal(['/dist/yinyom-config.js', '/dist/yinyom-ui.js']);
    // (The test server's own injected script is refused too; it is not ours.)
    expect(win.violations.filter((violation) => violation.includes('/dist/'))).to.deep.equal([]);
  });

  it("a first visit's first frame already holds the banner, where the browser can block rendering", async function () {
    // Firefox has no blocking="render" (https://bugzil.la/1751383): its banner comes a frame later.
    if (!('blocking' in HTMLScriptElement.prototype)) this.skip();
    // A first visit indeed: no receipt book left by an earlier test, whose decision would be restored.
    await deleteDatabase(RECEIPTS_DATABASE);
    // The UI and the checker answer 500 ms late there: long after the page was parsed.
    const win = await load('first-frame.html');
    await until(() => win.firstFrame);
    expect(win.firstFrame).to.deep.equal({ banner: true });
  });

  it('a returning visit loads no module ahead, with an inline config or a config URL, and the decision holds', async () => {
    for (const page of ['strict-dynamic.html', 'url-strict-dynamic.html']) {
      returning();
      const win = await load(page);
      const consent = await api(win);
      expect(win.document.querySelectorAll('script[type=module][src*="/dist/"]').length, page).to.equal(0);
      // The config URL's core reads the cookie itself, once its config has arrived.
      await consent.whenGranted('analytics');
    }
  });

  it('boots from a config URL', async () => {
    const win = await load('url.html');
    await (await api(win)).whenGranted('necessary');
    expect(win.ran).to.deep.equal(['queued:function']);
  });

  it('an unreadable config is reported and runs the safe default', async () => {
    returning();
    const win = await load('bad-json.html');
    if (!win.logs.length) await fired(win, 'fixture-log');
    expect(win.logs[0]).to.match(/^error: \[yinyom\] 1 config problem\(s\); nothing optional will run:\n {2}config: data-config could not be read: .*JSON/);
    const api = win.yinyom as ConsentApi;
    expect(api.get('analytics')).to.equal(undefined);
    expect(win.ran).to.deep.equal([]);
  });

  it('a second copy of the script on the page does nothing but warn', async () => {
    const win = await load('twice.html');
    expect(isApi(win.yinyom)).to.equal(true);
    expect(win.yinyom).to.equal((win as unknown as { firstApi: unknown }).firstApi);
    expect(win.logs).to.deep.equal(['warn: [yinyom] the script is on this page twice; the second copy does nothing']);
  });

  it('works under a strict CSP with Trusted Types: nonce kept, the yinyom policy used', async () => {
    const win = await load('csp.html');
    const last = fired(win, 'fixture-last');
    await (await api(win)).set({ analytics: true }).catch(() => undefined);
    await last;
    // The script without the page's nonce stays inert, as the page's own CSP would have it.
    expect(win.ran).to.deep.equal(['inline with nonce', 'src', 'last']);
    expect(win.logs.join()).not.to.contain('yinyom] gating');
  });

  it("under 'strict-dynamic' activates only gated scripts that carry the page's nonce, injected ones included", async () => {
    const win = await load('strict-dynamic.html');
    await (win.yinyom as ConsentApi).whenGranted('necessary');
    const inject = (label: string, nonce?: string) => {
      const gated = win.document.createElement('script');
      gated.type = 'text/plain';
      gated.dataset.yinyom = 'necessary';
      if (nonce) gated.nonce = nonce;
      gated.text = `window.ran.push('${label}')`;
      win.document.body.append(gated);
    };
    inject('injected without nonce');
    inject('injected with nonce', 'r4nd0m');
    // Gated scripts run one at a time in document order: once the last has run, the others had their turn.
    await until(() => win.ran.includes('injected with nonce'));
    expect(win.ran).to.deep.equal(['necessary with nonce', 'injected with nonce']);
  });
});
