// @ts-check
// The fault-injecting proxy between the browsers and the real collector, on loopback. It
// stands where a site's reverse proxy would: it answers 502 when the collector is gone, and
// it can be told to answer 500/503/429 itself, to hang, to hold a response back, or to refuse
// connections altogether.
import http from 'node:http';

/**
 * @typedef {{ status: number, retryAfter?: number, times: number }} StatusFault
 * @typedef {{ hang: 'before' | 'after', times: number }} HangFault
 * @typedef {StatusFault | HangFault} Fault
 * @typedef {{ at: number, ids: string[], subject?: string, outcome: string | number, answeredAt?: number, accepted?: number, duplicates?: number, rejected?: number }} PostEntry
 * @typedef {{ ids: string[], subject?: string, forwarded: boolean, committed?: boolean }} Held
 */

const parse = (/** @type {Buffer} */ buffer) => {
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return undefined;
  }
};

/**
 * A proxy on `127.0.0.1` (a free port on the first `listen()`, the same port ever after) in
 * front of `upstream` (the collector's URL). Faults apply to `POST`s, in the order queued;
 * preflights pass through untouched.
 *
 * - `fault({status, retryAfter?, times})`: the next `times` POSTs get that status (with CORS
 *   headers, so that the page can read it and `Retry-After`).
 * - `fault({hang: 'before' | 'after', times})`: never answer; `after` forwards first, so the
 *   collector stores the receipts that the browser will never hear about.
 * - `hold({subject?, forward})`: the next POST carrying `subject` is held until `releaseAll()`;
 *   resolves with what it carried, so the caller can close the tab that sent it.
 * - `refuse(ms)`: stop listening and cut open connections for `ms`.
 *
 * @param {{ upstream: string, log: (line: string) => void }} options
 */
export function faultProxy({ upstream, log }) {
  /** @type {Fault[]} */
  const faults = [];
  /** @type {PostEntry[]} */
  const posts = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {Set<http.ServerResponse>} */
  const stuck = new Set();
  /** @type {{ subject?: string, forward: boolean, resolve: (held: Held | undefined) => void } | undefined} */
  let armed;
  /** Every id the collector answered 200 for, as accepted or duplicate. */
  const acknowledged = new Set();
  /** @type {Record<string, number>} */
  const outcomes = {};
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  /** @type {Array<{ id: string, error: string }>} */
  const rejected = [];
  let upstreamInFlight = 0;
  /** Hung or held requests the browser gave up on (its timeout, or the tab closed) before the proxy cut them. */
  let clientGaveUp = 0;
  /** @type {Array<() => void>} */
  let forwardWaiters = [];
  let port = 0;
  let refusing = false;
  const agent = new http.Agent({ keepAlive: false });

  /** @param {PostEntry | undefined} entry @param {string | number} outcome */
  const note = (entry, outcome) => {
    if (!entry) return;
    entry.outcome = outcome;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };

  /**
   * Forwards the request; resolves with the collector's answer, or with the reason it failed.
   * @param {http.IncomingMessage} request @param {Buffer} body
   * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer } | { error: string }>}
   */
  const forward = (request, body) =>
    new Promise((resolve) => {
      upstreamInFlight++;
      const done = (/** @type {any} */ value) => {
        upstreamInFlight--;
        resolve(value);
      };
      const headers = { ...request.headers, host: new URL(upstream).host, 'content-length': String(body.length) };
      const out = http.request(new URL(request.url ?? '/', upstream), { method: request.method, headers, agent }, (reply) => {
        /** @type {Buffer[]} */
        const parts = [];
        reply.on('data', (part) => parts.push(part));
        reply.on('end', () => done({ status: reply.statusCode ?? 0, headers: reply.headers, body: Buffer.concat(parts) }));
        reply.on('error', () => done({ error: 'reset' }));
      });
      out.on('error', (/** @type {NodeJS.ErrnoException} */ error) => done({ error: error.code === 'ECONNREFUSED' ? 'refused' : 'reset' }));
      out.end(body, () => {
        if (request.method !== 'POST') return;
        const waiters = forwardWaiters;
        forwardWaiters = [];
        for (const wake of waiters) wake();
      });
    });

  const server = http.createServer(async (request, response) => {
    /** @type {Buffer[]} */
    const chunks = [];
    try {
      for await (const chunk of request) chunks.push(chunk);
    } catch {
      return;
    }
    const body = Buffer.concat(chunks);
    const cors = request.headers.origin
      ? { 'access-control-allow-origin': request.headers.origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' }
      : {};
    const answer = (/** @type {number} */ status, /** @type {Record<string, string>} */ headers, /** @type {unknown} */ payload) => {
      if (response.destroyed) return;
      response.writeHead(status, { ...cors, 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    const stick = () => {
      stuck.add(response);
      response.on('close', () => {
        if (stuck.delete(response)) clientGaveUp++;
      });
    };

    /** @type {PostEntry | undefined} */
    let entry;
    if (request.method === 'POST') {
      const receipts = parse(body)?.receipts;
      const ids = Array.isArray(receipts) ? receipts.map((receipt) => receipt?.id) : [];
      const subject = Array.isArray(receipts) ? receipts[0]?.subject : undefined;
      entry = { at: Date.now(), ids, subject, outcome: 'pending' };
      posts.push(entry);
      if (armed && (!armed.subject || armed.subject === subject)) {
        const hold = armed;
        armed = undefined;
        if (!hold.forward) {
          note(entry, 'held');
          stick();
          hold.resolve({ ids, subject, forwarded: false });
          return;
        }
        const result = await forward(request, body);
        const committed = 'status' in result && result.status === 200;
        if ('status' in result) acknowledge(result, entry);
        note(entry, 'held-after-forward');
        stick();
        hold.resolve({ ids, subject, forwarded: true, committed });
        return;
      }
      const fault = faults[0];
      if (fault && --fault.times <= 0) faults.shift();
      if (fault && 'hang' in fault) {
        if (fault.hang === 'after') {
          const result = await forward(request, body);
          if ('status' in result) acknowledge(result, entry);
        }
        note(entry, `hang-${fault.hang}`);
        stick();
        return;
      }
      if (fault && 'status' in fault) {
        note(entry, fault.status);
        entry.answeredAt = Date.now();
        return answer(fault.status, fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }, {
          error: `injected ${fault.status}`,
        });
      }
    }
    const result = await forward(request, body);
    if ('error' in result) {
      note(entry, result.error === 'refused' ? 502 : 'reset');
      // Collector gone: a gateway answers 502; a connection that died mid-request is cut.
      if (result.error === 'refused') return answer(502, {}, { error: 'bad gateway: the collector is down' });
      return void response.destroy();
    }
    if (entry) {
      acknowledge(result, entry);
      note(entry, result.status);
    }
    if (response.destroyed) return;
    response.writeHead(result.status, result.headers);
    response.end(result.body);
  });

  /** @param {{ status: number, body: Buffer }} result @param {PostEntry} entry */
  function acknowledge(result, entry) {
    if (result.status !== 200) return;
    const reply = parse(result.body) ?? {};
    const accepted = Array.isArray(reply.accepted) ? reply.accepted : [];
    const duplicates = Array.isArray(reply.duplicates) ? reply.duplicates : [];
    const refused = Array.isArray(reply.rejected) ? reply.rejected : [];
    for (const id of [...accepted, ...duplicates]) acknowledged.add(id);
    totals.accepted += accepted.length;
    totals.duplicates += duplicates.length;
    totals.rejected += refused.length;
    for (const item of refused) {
      rejected.push(item);
      log(`collector REJECTED receipt ${item?.id}: ${item?.error}`);
    }
    Object.assign(entry, { accepted: accepted.length, duplicates: duplicates.length, rejected: refused.length });
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** @returns {Promise<void>} */
  const listen = () =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : port;
        refusing = false;
        resolve();
      });
    });
  /** @returns {Promise<void>} */
  const down = () =>
    new Promise((resolve) => {
      refusing = true;
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  return {
    listen,
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    /** @param {Fault} fault */
    // `first`: ahead of the faults already queued, so that the very next POST meets it.
    fault: ({ first, ...fault }) => void (first ? faults.unshift(fault) : faults.push(fault)),
    /**
     * Holds the next POST carrying `subject` (any, without it); `forward` sends it to the
     * collector first. Resolves with what was held, or `undefined` when cancelled.
     * @param {{ subject?: string, forward: boolean }} options
     */
    hold({ subject, forward: fwd }) {
      /** @type {(held: Held | undefined) => void} */
      let settle = () => {};
      /** @type {Promise<Held | undefined>} */
      const held = new Promise((resolve) => (settle = resolve));
      armed = { subject, forward: fwd, resolve: settle };
      return {
        held,
        cancel() {
          if (armed?.resolve === settle) armed = undefined;
          settle(undefined);
        },
      };
    },
    /** Stops listening and cuts every open connection for `ms`, then listens again. @param {number} ms */
    async refuse(ms) {
      await down();
      await new Promise((resolve) => setTimeout(resolve, ms));
      await listen();
    },
    /** Cuts every hung or held request: the browsers see a network error. */
    releaseAll() {
      const count = stuck.size;
      const cut = [...stuck];
      stuck.clear();
      for (const response of cut) response.destroy();
      return count;
    },
    /** Resolves once the next POST's body has been written to the collector (`false` after `ms`). @param {number} ms */
    nextForward(ms) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          forwardWaiters = forwardWaiters.filter((wake) => wake !== done);
          resolve(false);
        }, ms);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        forwardWaiters.push(done);
      });
    },
    get clientGaveUp() {
      return clientGaveUp;
    },
    /** Forgets queued faults and any armed hold. */
    clear() {
      faults.length = 0;
      armed?.resolve(undefined);
      armed = undefined;
    },
    get queued() {
      return faults.reduce((sum, fault) => sum + fault.times, 0);
    },
    get upstreamInFlight() {
      return upstreamInFlight;
    },
    get refusing() {
      return refusing;
    },
    posts,
    outcomes,
    totals,
    rejected,
    acknowledged,
    async close() {
      this.clear();
      this.releaseAll();
      if (server.listening) await down();
      agent.destroy();
    },
  };
}
