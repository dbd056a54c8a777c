// A web-test-runner plugin that gives browser tests a real Yinyom collector (SQLite in a temp
// folder) behind a fault-injecting proxy on loopback. Tests drive it with
// `executeServerCommand('collector-…', payload)`; see test/support/collector.ts.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Database from 'better-sqlite3';
import { createCollector } from '../../collector/src/index.js';

const schemaFile = new URL('../../collector/schema/receipt.schema.json', import.meta.url);
let validate;
function validator() {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  }
  return validate;
}

const json = (buffer) => {
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    return undefined;
  }
};

/**
 * A proxy in front of `upstream` that applies queued faults to `POST` requests in order and
 * logs every `POST`: when it came, its size in bytes, the receipt ids it carried, and what was answered.
 * Faults: `{status, retryAfter?}` answers that status itself; `{hang: true}` never answers;
 * (`closedAt` in the log says when the client gave up); `{tamper: true}` flips a choice of the first receipt so the collector's hash check fails;
 * `{poison: id}` answers 400 to every request carrying that id (and is not used up).
 * Each applies `times` times (default 1).
 */
function faultProxy(target) {
  let upstream = target;
  const faults = [];
  const log = [];
  const sockets = new Set();
  let port = 0;
  let poison = new Set();

  const server = http.createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    let body = Buffer.concat(chunks);
    const cors = request.headers.origin
      ? { 'access-control-allow-origin': request.headers.origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' }
      : {};
    const answer = (status, headers, payload) => {
      response.writeHead(status, { ...cors, 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    let entry;
    if (request.method === 'POST') {
      const ids = (json(body)?.receipts ?? []).map((receipt) => receipt?.id);
      entry = { at: Date.now(), ids, bytes: body.length };
      log.push(entry);
      if (ids.some((id) => poison.has(id))) {
        entry.status = 400;
        return answer(400, {}, { error: 'body.receipts: a receipt this test refuses' });
      }
      const fault = faults[0];
      if (fault && --fault.times <= 0) faults.shift();
      if (fault?.hang) {
        entry.status = 'hang';
        // The socket stays open until the client gives up (noted) or the proxy stops.
        response.on('close', () => (entry.closedAt = Date.now()));
        return;
      }
      if (fault?.status) {
        entry.status = fault.status;
        return answer(fault.status, fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }, {
          error: `injected ${fault.status}`,
        });
      }
      if (fault?.tamper) {
        const parsed = json(body);
        const choices = parsed.receipts[0].choices;
        const key = Object.keys(choices)[0];
        choices[key] = !choices[key];
        body = Buffer.from(JSON.stringify(parsed));
        entry.tampered = parsed.receipts[0].id;
      }
    }
    const headers = { ...request.headers, host: upstream.host, 'content-length': String(body.length) };
    const forward = http.request(new URL(request.url, upstream), { method: request.method, headers }, (reply) => {
      const parts = [];
      reply.on('data', (part) => parts.push(part));
      reply.on('end', () => {
        const text = Buffer.concat(parts);
        if (entry) {
          entry.status = reply.statusCode;
          entry.response = json(text);
        }
        response.writeHead(reply.statusCode, reply.headers);
        response.end(text);
      });
    });
    forward.on('error', () => response.destroy());
    forward.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** Listens on `at` (0: any free port); rejects with the listen error. */
  const listenOn = (at) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        server.off('error', reject);
        resolve(server.address().port);
      });
    });
  // The first listen takes a port below Linux's ephemeral range (32768 and up): when the proxy
  // goes down and comes back on the same port, no outgoing connection of the machine can have
  // been given it meanwhile (EADDRINUSE). A port some other server holds is skipped.
  const listen = async () => {
    for (let tries = 0; !port; tries++) {
      const candidate = 20000 + Math.floor(Math.random() * 12000);
      port = await listenOn(candidate).catch((error) => {
        if (error.code !== 'EADDRINUSE' || tries > 50) throw error;
        return 0;
      });
    }
    if (!server.listening) await listenOn(port);
    return `http://127.0.0.1:${port}`;
  };
  // Refuse connections: stop listening and cut the browser's kept-alive sockets too.
  const down = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  return {
    listen,
    down,
    up: listen,
    retarget: (url) => (upstream = url),
    fault(list) {
      for (const fault of list) {
        if (fault.poison) poison.add(fault.poison);
        else faults.push({ times: 1, ...fault });
      }
    },
    clear() {
      faults.length = 0;
      poison = new Set();
    },
    log,
    close: () => (server.listening ? down() : Promise.resolve()),
  };
}

async function startCollector(origin, sign) {
  const dir = mkdtempSync(join(tmpdir(), 'yinyom-wtr-'));
  const db = join(dir, 'receipts.sqlite');
  const adminToken = randomBytes(24).toString('hex');
  // A countersigning collector: one Ed25519 key for the session, kept across down() and up().
  const signingKeys = sign ? [generateKeyPairSync('ed25519').privateKey] : undefined;
  const boot = async () => {
    const collector = createCollector({ db, adminToken, allowOrigins: origin ? [origin] : undefined, rateLimit: false, signingKeys });
    return { collector, url: await collector.listen({ port: 0, host: '127.0.0.1' }) };
  };
  let { collector, url } = await boot();
  const proxy = faultProxy(new URL(url));
  const proxyUrl = await proxy.listen();
  return {
    db,
    adminToken,
    proxy,
    url: () => url,
    endpoint: `${proxyUrl}/v1/receipts`,
    // Down: the collector process is gone (closed) and its address refuses connections.
    async down() {
      await proxy.down();
      await collector?.close();
      collector = undefined;
    },
    // Up: a new collector on the same SQLite file, reached at the same address.
    async up() {
      ({ collector, url } = await boot());
      proxy.retarget(new URL(url));
      await proxy.up();
    },
    async close() {
      await proxy.close();
      await collector?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The plugin. Commands (payload → result):
 * - `collector-start` `{origin, sign?}` → `{endpoint}`: a fresh collector and proxy for this test session; `sign`: it countersigns with a new Ed25519 key
 * - `collector-fault` `{faults: [...]}` → true (see faultProxy), `collector-clear-faults`
 * - `collector-down`: the collector stops and its address refuses connections; `collector-up`:
 *   a new collector on the same SQLite file, at the same address
 * - `collector-log` → the proxy's log of POSTs
 * - `collector-stored` → every row of the SQLite file: `{id, subject, hash, prev, receipt}`, in insertion order
 * - `collector-gaps` `{subject}` → the collector's admin chain report for the subject
 * - `collector-stop`
 * - `receipt-schema-errors` `{receipts}` → ajv errors per receipt against collector/schema/receipt.schema.json
 * - `sha256-hex` `{text}` → hex SHA-256 of the UTF-8 text, computed by Node
 */
export function collectorPlugin() {
  const running = new Map();
  const stop = async (id) => {
    const instance = running.get(id);
    running.delete(id);
    await instance?.close();
  };
  return {
    name: 'yinyom-collector',
    async executeCommand({ command, payload, session }) {
      const instance = running.get(session.id);
      switch (command) {
        case 'collector-start': {
          await stop(session.id);
          const started = await startCollector(payload?.origin, payload?.sign === true);
          running.set(session.id, started);
          return { endpoint: started.endpoint };
        }
        case 'collector-stop':
          await stop(session.id);
          return true;
        case 'receipt-schema-errors':
          return payload.receipts.map((receipt) => (validator()(receipt) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`)));
        case 'sha256-hex':
          return createHash('sha256').update(payload.text, 'utf8').digest('hex');
      }
      if (!command.startsWith('collector-')) return undefined;
      if (!instance) throw new Error(`${command}: no collector running; call collector-start first`);
      switch (command) {
        case 'collector-fault':
          instance.proxy.fault(payload.faults);
          return true;
        case 'collector-clear-faults':
          instance.proxy.clear();
          return true;
        case 'collector-down':
          await instance.down();
          return true;
        case 'collector-up':
          await instance.up();
          return true;
        case 'collector-log':
          return instance.proxy.log;
        case 'collector-stored': {
          const db = new Database(instance.db, { readonly: true, fileMustExist: true });
          try {
            return db
              .prepare('SELECT id, subject, hash, prev, body FROM receipts ORDER BY rowid')
              .all()
              .map(({ body, ...row }) => ({ ...row, receipt: JSON.parse(body) }));
          } finally {
            db.close();
          }
        }
        case 'collector-gaps': {
          const response = await fetch(`${instance.url()}/v1/subjects/${encodeURIComponent(payload.subject)}/gaps`, {
            headers: { authorization: `Bearer ${instance.adminToken}` },
          });
          return { status: response.status, body: await response.json() };
        }
      }
      return undefined;
    },
    async serverStop() {
      await Promise.all([...running.keys()].map(stop));
    },
  };
}
