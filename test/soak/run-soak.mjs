// @ts-check
// The reliability fault suite of GOALS.md: decisions made in several tabs of one or more
// browsers (Chromium, one browser context each = one receipt chain each) while a chaos loop
// kills and restarts the collector, makes it answer 500s and 429s, hangs, refuses
// connections, takes tabs offline and closes tabs in the middle of a sync. Afterwards the
// collector must hold exactly the receipts the pages got back, no duplicate, every chain
// complete. `npm run soak` runs the full form (scripts/soak.mjs), `npm test` a small one
// (test/e2e/soak.test.mjs).
//
// Nothing is built here: the page loads the built dist/yinyom.js by script tag, from a copy
// taken at the start so that a rebuild during the run cannot pull files from under it.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import puppeteer from 'puppeteer-core';
import { chromiumLaunch } from '../support/debian-browsers.mjs';
import { collectorProcess } from './collector-process.mjs';
import { faultProxy } from './fault-proxy.mjs';
import { prng } from './prng.mjs';
import { verify } from './verify.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The faults the chaos loop draws from, each `chaosEach` times. */
export const CHAOS_KINDS = /** @type {const} */ (['kill', '500', '429', 'hang', 'refuse', 'offline', 'close-mid-sync']);
const CHOICE_IDS = ['analytics', 'marketing', 'photo-publicity', 'dietary'];

const config = (/** @type {string} */ endpoint) => ({
  controller: { name: { th: 'สถาบันทดสอบความทนทาน', en: 'Soak test academy' } },
  notice: { id: 'soak-privacy', version: '2568-01-01', url: '/privacy' },
  categories: [
    { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary' } },
    { id: 'analytics', title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics' } },
    { id: 'marketing', title: { th: 'คุกกี้เพื่อการตลาด', en: 'Marketing' } },
  ],
  purposes: [
    { id: 'photo-publicity', banner: true, title: { th: 'ภาพถ่ายในสื่อประชาสัมพันธ์', en: 'Photos in publicity' } },
    { id: 'dietary', sensitive: true, title: { th: 'ข้อมูลการแพ้อาหาร', en: 'Food allergies' } },
  ],
  endpoint,
});

const html = (/** @type {object} */ cfg) => `<!doctype html><meta charset="utf-8"><title>ยินยอม soak</title>
<script type="application/json" id="yinyom-config">${JSON.stringify(cfg).replace(/</g, '\\u003c')}</script>
<script src="/dist/yinyom.js" data-config="#yinyom-config"></script>
<p>soak</p>`;

/**
 * @typedef {{ kind: 'set', choices: Record<string, boolean> } | { kind: 'withdraw', ids: string[] } | { kind: 'acceptAll' | 'rejectAll' }} Decision
 * @typedef {{ kind: typeof CHAOS_KINDS[number], gapMs: number, [key: string]: any }} ChaosEvent
 * @typedef {{ browser: number, tab: number, name: string, page?: import('puppeteer-core').Page, ready: Promise<void>, generation: number, busy: boolean, inflight: number }} Slot
 * @typedef {{ ok: boolean, problems: string[], seed: number, figures: Record<string, any>, dir?: string }} SoakResult
 */

/** The seeded plan: what each decision is, and the chaos events in order with their parameters. */
export function plan({ decisions = 1000, chaosEach = 8, slots = 6, seed = 1, longOutages = true, outageMs = 0 }) {
  const rng = prng(seed);
  /** @type {Decision[]} */
  const list = [];
  for (let i = 0; i < decisions; i++) {
    const roll = rng.next();
    if (roll < 0.7) {
      /** @type {Record<string, boolean>} */
      const choices = {};
      for (const id of rng.shuffle(CHOICE_IDS).slice(0, rng.int(1, CHOICE_IDS.length))) choices[id] = rng.chance(0.5);
      list.push({ kind: 'set', choices });
    } else if (roll < 0.8) list.push({ kind: 'withdraw', ids: [rng.pick(CHOICE_IDS)] });
    else list.push({ kind: rng.chance(0.5) ? 'acceptAll' : 'rejectAll' });
  }
  const chaosRng = prng(seed ^ 0x5eed);
  /** @type {ChaosEvent[]} */
  const events = chaosRng.shuffle(CHAOS_KINDS.flatMap((kind) => Array(chaosEach).fill(kind))).map((kind) => {
    const gapMs = chaosRng.int(150, 900);
    switch (kind) {
      case 'kill':
        // One kill in five is a longer outage, so that the outboxes fill past a batch of 100.
        return {
          kind,
          gapMs,
          downMs: longOutages && chaosRng.chance(0.2) ? chaosRng.int(5000, 12_000) : chaosRng.int(200, 1500),
          waitForRequest: chaosRng.chance(0.7),
          delayMs: chaosRng.chance(0.5) ? 0 : chaosRng.int(1, 8),
        };
      case '500':
        return { kind, gapMs, status: chaosRng.pick([500, 500, 503]), times: chaosRng.int(1, 4) };
      case '429':
        return { kind, gapMs, times: chaosRng.int(1, 3), retryAfter: 1 };
      case 'hang':
        return { kind, gapMs, when: chaosRng.pick(['before', 'after']) };
      case 'refuse':
        return { kind, gapMs, ms: chaosRng.int(300, 1500) };
      case 'offline':
        return { kind, gapMs, slot: chaosRng.int(0, slots - 1), ms: chaosRng.int(300, 2500) };
      case 'close-mid-sync':
        return { kind, gapMs, slot: chaosRng.int(0, slots - 1), forward: chaosRng.chance(0.6) };
    }
    throw new Error(kind);
  });
  // One outage that outlasts several events: the collector stays down while decisions and
  // other faults go on, so that outboxes fill past a batch of 100 and closing tabs hold more
  // than a keepalive request may carry.
  const outage = outageMs ? events.findIndex((event, i) => event.kind === 'kill' && i >= events.length / 3) : -1;
  if (outage >= 0) Object.assign(events[outage], { downMs: outageMs, background: true });
  return { decisions: list, events };
}

/** A free loopback port (for the collector, which must come back on the same one). */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs the soak. Resolves to `{ok, problems, seed, figures}`; `ok` is false on any lost,
 * duplicated or extra receipt, a broken chain, or a flush that never finished. Throws only when
 * it cannot start (no dist/, no Chromium) or is aborted.
 *
 * @example
 * const result = await runSoak({ decisions: 60, tabs: 3, browsers: 2, seed: 7, log: console.log });
 * if (!result.ok) console.error(result.problems.join('\n'));
 *
 * @param {{
 *   decisions?: number, tabs?: number, browsers?: number, seed?: number, chaosEach?: number,
 *   log?: (line: string) => void, progressMs?: number, eventWindowMs?: number, longOutages?: boolean, outageMs?: number, passiveMs?: number, flushTimeoutMs?: number,
 *   signal?: AbortSignal, keep?: boolean, chromium?: string,
 * }} options
 * `tabs` is tabs per browser; `chaosEach` how many events of each kind; `eventWindowMs` about how
 * long each event's share of the decisions is spread over (sets the pace); `longOutages` makes one
 * kill in five keep the collector down 5–12 s instead of under 1.5 s; `outageMs` adds one outage
 * that long, during which the chaos and the decisions go on; `passiveMs` how long to
 * wait, after the chaos, for a fresh page load alone to deliver what is left; `flushTimeoutMs`
 * the bound on the `sync()` loop after that; `keep` keeps the temp folder (SQLite file) even
 * when the run passes (it is always kept on failure).
 * @returns {Promise<SoakResult>}
 */
export async function runSoak({
  decisions = 1000,
  tabs = 3,
  browsers = 2,
  seed = randomBytes(4).readUInt32BE(0),
  chaosEach = 8,
  log = console.log,
  progressMs = 5000,
  eventWindowMs = 1500,
  longOutages = true,
  outageMs = 0,
  passiveMs = 10_000,
  flushTimeoutMs = 60_000,
  signal,
  keep = false,
  chromium = process.env.CHROMIUM_BIN || '/usr/bin/chromium',
} = {}) {
  for (const file of ['yinyom.js', 'yinyom-receipts.js', 'yinyom-ui.js']) {
    if (!existsSync(join(DIST, file))) throw new Error(`dist/${file} is missing: run \`npm run build\` first`);
  }
  if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium} (sudo apt-get install -y chromium, or set CHROMIUM_BIN)`);

  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  const say = (/** @type {string} */ line) => log(`[soak ${at()}] ${line}`);
  const slotCount = tabs * browsers;
  const { decisions: planned, events } = plan({ decisions, chaosEach, slots: slotCount, seed, longOutages, outageMs });
  say(`seed ${seed}: ${decisions} decisions in ${tabs} tab(s) x ${browsers} browser(s), ${events.length} chaos events (${chaosEach} of each: ${CHAOS_KINDS.join(', ')})`);

  const dir = mkdtempSync(join(tmpdir(), 'yinyom-soak-'));
  const assets = join(dir, 'dist');
  cpSync(DIST, assets, { recursive: true });
  const db = join(dir, 'receipts.sqlite');
  const tokenFile = join(dir, 'admin-token');
  const adminToken = randomBytes(24).toString('hex');
  writeFileSync(tokenFile, adminToken, { mode: 0o600 });

  /** @type {string[]} */
  const problems = [];
  /** @type {import('./verify.mjs').Decided[]} */
  const decided = [];
  /** @type {Array<{ index: number, slot: string, error: string }>} */
  const setErrors = [];
  /** @type {Record<string, number>} */
  const chaosCount = Object.fromEntries(CHAOS_KINDS.map((kind) => [kind, 0]));
  const closes = { midSync: 0, committed: 0, withoutSync: 0 };
  const kills = { total: 0, withRequestInFlight: 0 };
  /** Requests to the endpoint that failed in a browser, by the browser's reason (net::ERR_…). @type {Record<string, number>} */
  const failures = {};
  /** Offline events during which a send failed offline or a receipt was seen waiting. */
  let offlineMet = 0;
  /** @type {string[]} */
  const pageMessages = [];
  let pageMessageCount = 0;
  /** @type {Slot[]} */
  const slots = [];
  /** @type {(string | undefined)[]} */
  const subjects = Array(browsers).fill(undefined);
  /** When tabs were closed, for telling a closing tab's keepalive sends apart. @type {Array<{ browser: number, at: number }>} */
  const closedAt = [];

  /**
   * What the finally block must stop.
   * @type {{ pageServer?: import('node:http').Server, collector?: ReturnType<typeof collectorProcess>,
   *   proxy?: ReturnType<typeof faultProxy>, browser?: import('puppeteer-core').Browser }}
   */
  const own = {};
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let ticker;
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    say('aborted');
  };
  signal?.addEventListener('abort', onAbort);
  const check = () => {
    if (aborted || signal?.aborted) throw new Error('soak aborted');
  };

  let ok = false;
  /** @type {Record<string, any>} */
  const figures = {};
  try {
    // The page, on 127.0.0.1 (a secure context, so crypto.subtle works).
    let page = '';
    const pageServer = (own.pageServer = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/dist/')) {
        const file = normalize(join(dir, path));
        if (!file.startsWith(assets) || !existsSync(file)) return response.writeHead(404).end();
        const type = extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
        return response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(readFileSync(file));
      }
      if (path === '/favicon.ico') return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
    }).listen(0, '127.0.0.1'));
    await new Promise((resolve) => pageServer.once('listening', resolve));
    const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (pageServer.address()).port}`;

    const collectorPort = await freePort();
    const collectorUrl = `http://127.0.0.1:${collectorPort}`;
    const collector = (own.collector = collectorProcess({ port: collectorPort, db, origin, tokenFile, log: say }));
    await collector.start();
    const proxy = (own.proxy = faultProxy({ upstream: collectorUrl, log: say }));
    await proxy.listen();
    const endpoint = `${proxy.url}/v1/receipts`;
    page = html(config(endpoint));
    say(`page ${origin}, collector ${collectorUrl} (SQLite ${db}), fault proxy ${proxy.url}`);

    const browser = (own.browser = await puppeteer.launch({ ...chromiumLaunch(), executablePath: chromium }));
    /** @type {import('puppeteer-core').BrowserContext[]} */
    const contexts = [];
    for (let b = 0; b < browsers; b++) contexts.push(await browser.createBrowserContext());

    /** Opens a tab for `slot` (the next generation of it), waits for the SDK, and opens its receipt book. @param {Slot} slot @param {boolean} [warm] */
    const openTab = async (slot, warm = true) => {
      const tab = await contexts[slot.browser].newPage();
      slot.generation++;
      slot.inflight = 0;
      tab.on('request', (request) => {
        if (request.method() === 'POST' && request.url() === endpoint) slot.inflight++;
      });
      const settled = (/** @type {import('puppeteer-core').HTTPRequest} */ request) => {
        if (request.method() === 'POST' && request.url() === endpoint) slot.inflight = Math.max(0, slot.inflight - 1);
      };
      tab.on('requestfinished', settled);
      tab.on('requestfailed', (request) => {
        settled(request);
        if (request.url() !== endpoint) return;
        const reason = request.failure()?.errorText ?? 'unknown';
        failures[reason] = (failures[reason] ?? 0) + 1;
      });
      tab.on('pageerror', (error) => note(`${slot.name} page error: ${/** @type {Error} */ (error).message}`));
      tab.on('console', (message) => {
        if (/\[yinyom\]/.test(message.text()) && ['error', 'warn', 'warning'].includes(message.type())) note(`${slot.name} console.${message.type()}: ${message.text()}`);
      });
      await tab.goto(`${origin}/b${slot.browser + 1}/t${slot.tab + 1}/g${slot.generation}`);
      await tab.waitForFunction(() => {
        const api = /** @type {any} */ (window).yinyom;
        return api && !Array.isArray(api);
      }, { timeout: 15_000 });
      // Loads the deferred chunk and opens the receipt book (which flushes what is pending), so
      // that a decision made while this tab is offline does not fail for want of the chunk.
      if (warm) await tab.evaluate(() => /** @type {any} */ (window).yinyom.receiptEntries().then(() => true));
      slot.page = tab;
    };
    const note = (/** @type {string} */ message) => {
      pageMessageCount++;
      const short = message.slice(0, 300);
      if (pageMessages.length < 20 && !pageMessages.includes(short)) {
        pageMessages.push(short);
        say(short);
      }
    };

    for (let b = 0; b < browsers; b++) {
      for (let t = 0; t < tabs; t++) {
        /** @type {Slot} */
        const slot = { browser: b, tab: t, name: `b${b + 1}.t${t + 1}`, ready: Promise.resolve(), generation: 0, busy: false, inflight: 0 };
        slots.push(slot);
      }
    }
    for (const slot of slots) {
      slot.ready = openTab(slot);
      await slot.ready;
    }
    say(`${slots.length} tabs open`);

    // Decisions: one worker a tab, each taking the next planned decision. They keep pace with
    // the chaos loop, so that faults fall on traffic from start to end.
    let issued = 0;
    /** @type {number[]} */
    const retry = [];
    let chaosDone = 0;
    let chaosOver = false;
    let paused = false;
    const allowed = () => (chaosOver ? decisions : Math.ceil((decisions * (chaosDone + 2)) / (events.length + 1)));
    // A tab's pause between decisions, so that each event's share of decisions is spread over
    // about `eventWindowMs`, the length of an event and its gap: faults that last (a kill, refused
    // connections, offline) then meet traffic.
    const meanPauseMs = events.length ? Math.min(3000, (slots.length * eventWindowMs * events.length) / decisions) : 0;

    /** Makes decision `index` in `slot`; the receipt is recorded, a rejection is kept to retry. @param {Slot} slot @param {number} index */
    const decide = async (slot, index) => {
      slot.busy = true;
      try {
        const receipt = await /** @type {import('puppeteer-core').Page} */ (slot.page).evaluate(async (decision) => {
          const api = /** @type {any} */ (window).yinyom;
          const r =
            decision.kind === 'set' ? await api.set(decision.choices) : decision.kind === 'withdraw' ? await api.withdraw(decision.ids) : await api[decision.kind]();
          return { id: r.id, hash: r.hash, prev: r.prev, subject: r.subject };
        }, planned[index]);
        decided.push({ ...receipt, browser: slot.browser });
        subjects[slot.browser] ??= receipt.subject;
      } catch (error) {
        const message = /** @type {Error} */ (error).message.split('\n')[0];
        setErrors.push({ index, slot: slot.name, error: message });
        say(`decision ${index} in ${slot.name} failed: ${message}`);
        retry.push(index);
      } finally {
        slot.busy = false;
      }
    };
    const claim = () => (retry.length ? retry.shift() : issued < decisions ? issued++ : undefined);
    const pending = () => retry.length + decisions - issued;

    const worker = async (/** @type {Slot} */ slot) => {
      const rng = prng(seed + 1000 + slots.indexOf(slot));
      while (!aborted) {
        if (!pending()) {
          // A failed decision of another tab may still come back to be retried.
          if (!slots.some((other) => other.busy)) break;
          await sleep(50);
          continue;
        }
        if (paused || issued >= allowed()) {
          await sleep(20);
          continue;
        }
        await slot.ready;
        if (paused) continue;
        const index = claim();
        if (index === undefined) continue;
        await decide(slot, index);
        if (!chaosOver) await sleep(rng.int(0, Math.round(2 * meanPauseMs)));
      }
    };

    const status = () => {
      const posts = proxy.posts.length;
      const outcome = Object.entries(proxy.outcomes).map(([key, n]) => `${key}:${n}`).join(' ');
      const chaos = CHAOS_KINDS.map((kind) => `${kind} ${chaosCount[kind]}`).join(', ');
      return `decisions ${decided.length}/${decisions}, acknowledged by the collector ${proxy.acknowledged.size} (duplicates ${proxy.totals.duplicates}); POSTs ${posts} [${outcome}]; chaos ${chaosDone}/${events.length}: ${chaos}`;
    };
    ticker = setInterval(() => say(status()), progressMs);

    /** A restart still to come after a long outage. @type {Promise<void>} */
    let restarting = Promise.resolve();
    const pageOf = (/** @type {Slot} */ slot) => /** @type {import('puppeteer-core').Page} */ (slot.page);
    /** The proxy's outcomes of these kinds so far. @param {Array<string | number>} keys */
    const outcome = (...keys) => keys.reduce((/** @type {number} */ sum, key) => sum + (proxy.outcomes[key] ?? 0), 0);
    /** Requests to the endpoint that failed in a browser for a reason matching `reason`. @param {RegExp} reason */
    const failedWith = (reason) => Object.entries(failures).reduce((sum, [key, n]) => sum + (reason.test(key) ? n : 0), 0);

    /**
     * Makes traffic while a fault lasts, so that it meets a request: in a tab of each of
     * `browserIds`, the next planned decision and a sync(); again, at most 3 times, until
     * `met()`. A Retry-After or a hung request of another tab may hold a browser back a while.
     * @param {() => boolean} met @param {number[]} browserIds
     */
    const provoke = async (met, browserIds) => {
      for (let attempt = 0; attempt < 3 && !met(); attempt++) {
        for (const b of browserIds) {
          const slot = slots.find((candidate) => candidate.browser === b && candidate.page && !candidate.busy);
          if (!slot) continue;
          const index = claim();
          if (index !== undefined) await decide(slot, index);
          await slot.page?.evaluate(() => void (/** @type {any} */ (window).yinyom.sync().catch(() => {}))).catch(() => {});
        }
        for (let i = 0; i < 50 && !met(); i++) await sleep(20);
      }
      return met();
    };
    const allBrowsers = Array.from({ length: browsers }, (_, b) => b);

    /** One chaos event. @param {ChaosEvent} event */
    const chaos = async (event) => {
      switch (event.kind) {
        case 'kill': {
          await restarting;
          // Mostly just as a request reaches the collector: before, during or after its commit.
          const caught = event.waitForRequest && (await proxy.nextForward(3000));
          if (caught && event.delayMs) await sleep(event.delayMs);
          const inFlight = proxy.upstreamInFlight;
          await collector.kill();
          kills.total++;
          if (inFlight) kills.withRequestInFlight++;
          const how = `kill -9 the collector ${caught ? `${event.delayMs} ms after a POST reached it` : event.waitForRequest ? '(no POST came within 3 s)' : 'at a random moment'}, ${inFlight} request(s) in flight to it`;
          if (event.background) {
            restarting = sleep(event.downMs)
              .then(() => collector.start())
              .then(() => say(`the collector is back after an outage of ${event.downMs} ms`));
            return `${how}; it stays down ${event.downMs} ms while the chaos goes on`;
          }
          const gone = outcome(502, 'reset');
          // Down for downMs, and until the traffic made meets the outage (or provoke gives up):
          // a browser may be held back a while by a hung request or a Retry-After, and a kill
          // that no request meets tests nothing.
          const down = Date.now();
          await Promise.all([sleep(event.downMs), provoke(() => outcome(502, 'reset') > gone, allBrowsers)]);
          await collector.start();
          return `${how}; restarted after ${Date.now() - down} ms`;
        }
        case '500': {
          // Ahead of any fault still queued, with traffic made until it is met: a schedule whose
          // requests ran out would otherwise leave it untested.
          const failed = outcome(500, 503);
          proxy.fault({ status: event.status, times: event.times, first: true });
          await provoke(() => outcome(500, 503) > failed, allBrowsers);
          return `the next ${event.times} POST(s) get ${event.status}`;
        }
        case '429': {
          const limited = outcome(429);
          proxy.fault({ status: 429, retryAfter: event.retryAfter, times: event.times, first: true });
          await provoke(() => outcome(429) > limited, allBrowsers);
          return `the next ${event.times} POST(s) get 429, Retry-After: ${event.retryAfter}`;
        }
        case 'hang':
          proxy.fault({ hang: event.when, times: 1 });
          return `the next POST hangs (${event.when === 'after' ? 'after the collector stored it' : 'before reaching the collector'})`;
        case 'refuse': {
          const refused = failedWith(/ERR_CONNECTION_REFUSED/);
          const over = proxy.refuse(event.ms);
          await provoke(() => failedWith(/ERR_CONNECTION_REFUSED/) > refused, allBrowsers);
          await over;
          return `connections refused for ${event.ms} ms`;
        }
        case 'offline': {
          // A device goes offline: every tab of the browser. A decision made meanwhile waits.
          const slot = slots[event.slot];
          await slot.ready;
          const tabs = slots.filter((other) => other.browser === slot.browser && other.page).map(pageOf);
          await Promise.all(tabs.map((tab) => tab.setOfflineMode(true)));
          const disconnected = failedWith(/ERR_INTERNET_DISCONNECTED/);
          const waiting = () =>
            pageOf(slot)
              .evaluate(() => /** @type {any} */ (window).yinyom.receiptEntries().then((/** @type {any[]} */ entries) => entries.filter((entry) => entry.status === 'pending').length))
              .catch(() => 0);
          let pending = 0;
          await provoke(() => failedWith(/ERR_INTERNET_DISCONNECTED/) > disconnected, [slot.browser]);
          if (failedWith(/ERR_INTERNET_DISCONNECTED/) > disconnected || (pending = await waiting()) > 0) offlineMet++;
          await sleep(event.ms);
          await Promise.all(tabs.map((tab) => tab.setOfflineMode(false).catch(() => {})));
          return `browser ${slot.browser + 1} offline for ${event.ms} ms (${failedWith(/ERR_INTERNET_DISCONNECTED/) - disconnected} send(s) failed offline, ${pending} receipt(s) seen waiting)`;
        }
        case 'close-mid-sync':
          return closeMidSync(event);
      }
    };

    /**
     * Closes a tab while a POST it sent is held by the proxy (forwarded to the collector
     * first, or not), then opens a new tab in its place: the next page load must resend.
     * @param {ChaosEvent} event
     */
    const closeMidSync = async (event) => {
      const target = slots[event.slot];
      paused = true;
      try {
        // No decision may be in flight in a tab that closes: its receipt id would be unknown.
        for (let i = 0; i < 1000 && slots.some((slot) => slot.busy); i++) await sleep(10);
        await target.ready;
        const sending = () => slots.find((slot) => slot.browser === target.browser && slot.page && slot.inflight > 0);
        // A tab of that browser already waiting on a POST (a hung one, say) is mid-sync: close it.
        let victim = sending();
        /** @type {import('./fault-proxy.mjs').Held | 'already' | undefined} */
        let held = victim ? 'already' : undefined;
        // Otherwise make the target send, and hold that POST. A Retry-After in force or another
        // tab's request may keep it from sending for a while: try a few times.
        for (let attempt = 0; !held && attempt < 3; attempt++) {
          victim = target;
          const hold = proxy.hold({ subject: subjects[target.browser], forward: event.forward });
          const index = attempt ? undefined : claim();
          if (index !== undefined) await decide(target, index);
          await pageOf(target).evaluate(() => void (/** @type {any} */ (window).yinyom.sync().catch(() => {})));
          held = await Promise.race([hold.held, sleep(3000).then(() => undefined)]);
          hold.cancel();
          if (!held) {
            const busy = sending();
            if (busy) [victim, held] = [busy, 'already'];
            continue;
          }
          // The POST is held; the tab that sent it (it may be another tab holding the lock).
          for (let i = 0; i < 25; i++) {
            const sender = sending();
            if (sender) {
              victim = sender;
              break;
            }
            await sleep(20);
          }
        }
        if (!victim) throw new Error('close-mid-sync: no tab to close');
        const midSync = !!held && victim.inflight > 0;
        const tab = pageOf(victim);
        victim.page = undefined;
        closedAt.push({ browser: victim.browser, at: Date.now() });
        await tab.close();
        let ready;
        victim.ready = ready = openTab(victim);
        if (midSync) closes.midSync++;
        else closes.withoutSync++;
        if (midSync && typeof held === 'object' && held.committed) closes.committed++;
        paused = false;
        await ready;
        if (!midSync || !held) return `${victim.name} closed (no sync caught in flight); new tab opened`;
        const how =
          held === 'already'
            ? 'a POST already waiting for its answer'
            : `a POST of ${held.ids.length} receipt(s) ${held.forwarded ? (held.committed ? 'stored by the collector, its answer held back' : 'forwarded but not stored') : 'held before reaching the collector'}`;
        return `${victim.name} closed in the middle of a sync (${how}); new tab opened`;
      } finally {
        paused = false;
      }
    };

    const chaosLoop = async () => {
      for (const [k, event] of events.entries()) {
        check();
        // Keep pace with the decisions (bounded: a slow machine must not stall the run).
        const want = Math.floor(((decisions * k) / events.length) * 0.8);
        for (let i = 0; i < 500 && decided.length < want && !aborted; i++) await sleep(20);
        await sleep(event.gapMs);
        const what = await chaos(event);
        chaosCount[event.kind]++;
        chaosDone++;
        say(`chaos ${chaosDone}/${events.length} ${event.kind}: ${what}`);
      }
      chaosOver = true;
    };

    const chaosRun = chaosLoop().catch((error) => {
      chaosOver = true;
      throw error;
    });
    const workers = slots.map(worker);
    await chaosRun;
    await Promise.all(workers);
    check();
    const decidedAt = Date.now();
    say(`chaos over, ${decided.length} decisions made (${setErrors.length} failed and retried). ${status()}`);

    // Heal: no more faults, collector up, every tab online, hung requests cut.
    await restarting;
    proxy.clear();
    const cut = proxy.releaseAll();
    if (!collector.running) await collector.start();
    if (proxy.refusing) await proxy.listen();
    for (const slot of slots) await slot.page?.setOfflineMode(false).catch(() => {});
    say(`healed: faults cleared, ${cut} hung request(s) cut`);

    // The person leaves: every tab closes (pagehide may still send). Then comes back: a fresh
    // tab per browser, without calling sync(); the page load alone should deliver the rest.
    const missingNow = () => decided.filter((entry) => !proxy.acknowledged.has(entry.id)).length;
    const leftAtHeal = missingNow();
    for (const slot of slots) {
      const tab = slot.page;
      slot.page = undefined;
      closedAt.push({ browser: slot.browser, at: Date.now() });
      await tab?.close().catch(() => {});
    }
    const fresh = [];
    for (let b = 0; b < browsers; b++) {
      /** @type {Slot} */
      const slot = { browser: b, tab: tabs, name: `b${b + 1}.fresh`, ready: Promise.resolve(), generation: 0, busy: false, inflight: 0 };
      await openTab(slot, false);
      fresh.push(slot);
    }
    const passiveStart = Date.now();
    while (missingNow() && Date.now() - passiveStart < passiveMs) await sleep(100);
    const passive = { leftAtHeal, missingAfter: missingNow(), ms: Date.now() - passiveStart };
    say(
      `${leftAtHeal} receipt(s) not yet acknowledged when the chaos stopped; every tab closed and a fresh one opened per browser: ` +
        (passive.missingAfter
          ? `after ${passive.ms} ms, ${passive.missingAfter} still not delivered; calling sync()`
          : `the page loads alone delivered everything in ${passive.ms} ms`),
    );

    // Flush: sync() in each fresh tab until nothing is pending (Retry-After may still hold).
    const flushStart = Date.now();
    /** @type {Array<{ sent: number, pending: number, failed: number } | undefined>} */
    const last = Array(browsers).fill(undefined);
    let rounds = 0;
    while (Date.now() - flushStart < flushTimeoutMs) {
      check();
      rounds++;
      for (const slot of fresh) last[slot.browser] = await pageOf(slot).evaluate(() => /** @type {any} */ (window).yinyom.sync());
      if (last.every((counts) => counts && counts.pending === 0)) break;
      await sleep(300);
    }
    const flushed = last.every((counts) => counts && counts.pending === 0);
    if (!flushed) problems.push(`after ${flushTimeoutMs} ms of sync(), receipts are still pending: ${JSON.stringify(last)}`);
    const failed = last.reduce((sum, counts) => sum + (counts?.failed ?? 0), 0);
    if (failed) problems.push(`${failed} receipt(s) went to dead letters (the collector rejected them): ${JSON.stringify(proxy.rejected.slice(0, 5))}`);
    say(`flush: ${rounds} round(s) of sync() in ${Date.now() - flushStart} ms: ${JSON.stringify(last)}`);

    // Let requests still in flight (other tabs' timers, keepalive) land before reading.
    for (let i = 0; i < 100 && proxy.upstreamInFlight; i++) await sleep(20);
    const local = [];
    for (const slot of fresh) {
      local[slot.browser] = await pageOf(slot).evaluate(() =>
        /** @type {any} */ (window).yinyom.receiptEntries().then((/** @type {any[]} */ entries) =>
          entries.map(({ receipt, status }) => ({ id: receipt.id, hash: receipt.hash, prev: receipt.prev, status })),
        ),
      );
    }

    writeFileSync(join(dir, 'posts.json'), JSON.stringify(proxy.posts));
    writeFileSync(join(dir, 'decided.json'), JSON.stringify(decided));
    const verdict = await verify({ db, decided, browsers, local, collectorUrl, adminToken });
    problems.push(...verdict.problems);
    if (setErrors.length) say(`${setErrors.length} decision(s) failed in the page and were made again: ${JSON.stringify(setErrors.slice(0, 5))}`);

    // Retry-After (1 s) is honoured across tabs: no POST of that browser within the second.
    // Unless the 429 answered a closing tab's last (keepalive) send: nobody is left to read it.
    const limits = proxy.posts.filter((post) => post.outcome === 429);
    const closing = (/** @type {import('./fault-proxy.mjs').PostEntry} */ limit) =>
      closedAt.some((close) => subjects[close.browser] === limit.subject && close.at > limit.at - 2000 && close.at < (limit.answeredAt ?? limit.at) + 50);
    /** @type {import('./fault-proxy.mjs').PostEntry[][]} */
    const early = [[], []];
    for (const post of proxy.posts) {
      const limit = limits.find((l) => l.subject === post.subject && post.at > (l.answeredAt ?? l.at) + 20 && post.at < (l.answeredAt ?? l.at) + 950);
      if (limit) early[closing(limit) ? 1 : 0].push(post);
    }
    if (early[0].length) {
      problems.push(
        `${early[0].length} POST(s) came while their browser's Retry-After was in force (not explained by a closing tab): ` +
          JSON.stringify(early[0].slice(0, 5).map((post) => ({ at: post.at, ids: post.ids.length, outcome: post.outcome }))),
      );
    }

    // What each kind of chaos met: the requests it failed, the receipts it kept waiting, the
    // tabs it closed mid-sync. A kind that met nothing tested nothing.
    const met = {
      kill: outcome(502, 'reset'),
      500: outcome(500, 503),
      429: outcome(429),
      hang: outcome('hang-before', 'hang-after'),
      refuse: failedWith(/ERR_CONNECTION_REFUSED/),
      offline: offlineMet,
      'close-mid-sync': closes.midSync,
    };

    Object.assign(figures, {
      postsDuringRetryAfter: early[0].length,
      postsDuringRetryAfterOfClosedTab: early[1].length,
      seed,
      decisions: decided.length,
      perBrowser: Array.from({ length: browsers }, (_, b) => decided.filter((entry) => entry.browser === b).length),
      tabs,
      browsers,
      chaos: { ...chaosCount },
      met,
      failures: { ...failures },
      kills,
      closes,
      collectorStarts: collector.starts,
      hungGivenUpByBrowser: proxy.clientGaveUp,
      posts: proxy.posts.length,
      largestBatch: Math.max(0, ...proxy.posts.map((post) => post.ids.length)),
      outcomes: { ...proxy.outcomes },
      collector: { ...proxy.totals },
      setErrors: setErrors.length,
      pageMessages: pageMessageCount,
      passive,
      flushRounds: rounds,
      seconds: { decisions: (decidedAt - started) / 1000, total: (Date.now() - started) / 1000 },
      ...verdict.figures,
    });
    ok = problems.length === 0;
  } catch (error) {
    problems.push(`the run stopped: ${/** @type {Error} */ (error).stack ?? error}`);
  } finally {
    clearInterval(ticker);
    signal?.removeEventListener('abort', onAbort);
    await own.browser?.close().catch(() => {});
    await own.proxy?.close().catch(() => {});
    await own.collector?.stop().catch(() => {});
    const { pageServer } = own;
    pageServer?.closeAllConnections();
    await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
    if (ok && !keep) rmSync(dir, { recursive: true, force: true });
  }
  figures.seconds ??= { total: (Date.now() - started) / 1000 };
  const result = { ok, problems, seed, figures, dir: ok && !keep ? undefined : dir };
  say(summary(result));
  return result;
}

/** The closing lines of a run. @param {SoakResult} result */
export function summary({ ok, problems, seed, figures, dir }) {
  const f = figures;
  const lines = [
    `${ok ? 'PASSED' : 'FAILED'} (seed ${seed}) in ${f.seconds?.total?.toFixed(1)} s`,
  ];
  if (f.decisions !== undefined) {
    lines.push(
      `  decisions: ${f.decisions} (per browser ${f.perBrowser?.join(' + ')}; ${f.tabs} tab(s) each); the collector holds ${f.stored} (missing ${f.missing}, extra ${f.extra})`,
      `  chains: ${f.chains?.map((/** @type {any} */ c) => `browser ${c.browser} ${c.receipts} receipts, walked ${c.walked}, ${c.complete ? 'complete' : 'BROKEN'}`).join('; ')}`,
      `  chaos: ${Object.entries(f.chaos ?? {}).map(([kind, n]) => `${kind} ${n} (met ${f.met?.[kind] ?? '?'})`).join(', ')}`,
      `  kills with a request in flight: ${f.kills?.withRequestInFlight} of ${f.kills?.total}; hung or held requests the browser gave up on itself: ${f.hungGivenUpByBrowser}; tab closes mid-sync ${f.closes?.midSync} (stored by the collector first ${f.closes?.committed}), without a sync in flight ${f.closes?.withoutSync}`,
      `  POSTs: ${f.posts} (largest batch ${f.largestBatch}; sent during a Retry-After: ${f.postsDuringRetryAfter}, and ${f.postsDuringRetryAfterOfClosedTab} after a 429 that answered a closing tab) [${Object.entries(f.outcomes ?? {}).map(([key, n]) => `${key}: ${n}`).join(', ')}]; collector answered accepted ${f.collector?.accepted}, duplicates ${f.collector?.duplicates}, rejected ${f.collector?.rejected}`,
      `  after the chaos: ${f.passive?.leftAtHeal} receipt(s) undelivered; all tabs closed, fresh page loads left ${f.passive?.missingAfter} undelivered after ${f.passive?.ms} ms; sync() rounds ${f.flushRounds}; decisions that failed in the page ${f.setErrors}; [yinyom] console messages ${f.pageMessages}`,
    );
  }
  if (problems.length) lines.push('  problems:', ...problems.map((problem) => `    - ${problem}`));
  if (dir) lines.push(`  kept: ${dir}`);
  return lines.join('\n');
}
