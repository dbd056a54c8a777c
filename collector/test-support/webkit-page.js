// @ts-nocheck
// The console's browser suite in WebKit: WebKitGTK's MiniBrowser over WebKitWebDriver (started
// as the SDK's browser tests start it, test/support/webkit-launcher.mjs), behind the few
// methods of a puppeteer page that the suite uses. WebDriver has no console stream: errors
// and CSP or Trusted Types violations are gathered in the page by listeners added after each
// navigation, and reported to `on('pageerror')` at the next command.
import { createRequire } from 'node:module';
import { MINIBROWSER, startDriver } from '../../test/support/webkit-launcher.mjs';

const require = createRequire(import.meta.url);
// webdriverio comes with @web/test-runner-webdriver, which the SDK's browser tests use.
const { remote } = createRequire(require.resolve('@web/test-runner-webdriver'))('webdriverio');

const WATCH = () => {
  if (window.__problems) return;
  window.__problems = [];
  addEventListener('error', (event) => window.__problems.push(String(event.message)));
  addEventListener('unhandledrejection', (event) => window.__problems.push(String(event.reason)));
  document.addEventListener('securitypolicyviolation', (event) => window.__problems.push(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
};
const KEYS = { Enter: '\uE007', Escape: '\uE00C' };

/** A WebKit browser with one page, as `puppeteer.launch()` and `newPage()` would give. */
export async function launchWebKit() {
  const driver = await startDriver();
  const session = await remote({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } });
  const listeners = [];
  let url = 'about:blank';
  const run = (fn, ...args) => session.execute(`return (${fn}).apply(null, arguments)`, ...args);
  /** Reports what the page gathered since the last command, and watches the page it is on now. */
  const drain = async () => {
    const problems = await session.execute(`(${WATCH})(); return window.__problems.splice(0)`);
    for (const problem of problems) for (const fn of listeners) fn(new Error(problem));
  };
  // The click in flight. A WebDriver click that starts a navigation answers once that
  // navigation is done, so a navigation is watched only after its click has answered: once,
  // with the watch's commands sent while the click was waiting, WebKitWebDriver never answered
  // the click (UND_ERR_HEADERS_TIMEOUT).
  let clicking = Promise.resolve();
  const until = (fn, ...args) => session.waitUntil(async () => await run(fn, ...args), { timeout: 10_000, interval: 50 });
  const page = {
    on(type, fn) {
      if (type === 'pageerror') listeners.push(fn);
    },
    url: () => url,
    async goto(to) {
      await session.navigateTo(to);
      url = await session.getUrl();
      await drain();
    },
    async waitForSelector(selector) {
      await until((s) => !!document.querySelector(s), selector);
      await drain();
    },
    async waitForFunction(fn, _options, ...args) {
      await until(fn, ...args);
    },
    async waitForNavigation() {
      const from = url;
      // Called beside click() (Promise.all), before it: let it start, then wait for it.
      await null;
      await clicking.catch(() => undefined);
      await session.waitUntil(async () => (await session.getUrl()) !== from && (await session.execute('return document.readyState')) === 'complete', { timeout: 10_000, interval: 50 });
      url = await session.getUrl();
      await drain();
    },
    async evaluate(fn, ...args) {
      const result = typeof fn === 'string' ? await session.execute(fn) : await run(fn, ...args);
      await drain();
      return result;
    },
    $eval: (selector, fn, ...args) => session.execute(`return (${fn})(document.querySelector(arguments[0]), ...[...arguments].slice(1))`, selector, ...args),
    $$eval: (selector, fn, ...args) => session.execute(`return (${fn})([...document.querySelectorAll(arguments[0])], ...[...arguments].slice(1))`, selector, ...args),
    $: async (selector) => ((await run((s) => !!document.querySelector(s), selector)) ? {} : null),
    click(selector) {
      clicking = session.$(selector).then((element) => element.click());
      return clicking;
    },
    async type(selector, text) {
      await (await session.$(selector)).addValue(text);
    },
    focus: (selector) => run((s) => document.querySelector(s).focus(), selector),
    // As puppeteer does: set the value and fire input and change (the options' values may be properties).
    select: (selector, value) =>
      run(
        (s, v) => {
          const select = document.querySelector(s);
          select.value = v;
          for (const type of ['input', 'change']) select.dispatchEvent(new Event(type, { bubbles: true }));
        },
        selector,
        value,
      ),
    keyboard: {
      press: (key) => session.keys([KEYS[key] ?? key]),
    },
  };
  return {
    page,
    async close() {
      await session.deleteSession().catch(() => undefined);
      driver.stop();
    },
  };
}
