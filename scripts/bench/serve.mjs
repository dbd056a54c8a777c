// The bench's web server: the subjects' pages, dist/, the peers' packages and a collector
// endpoint, gzipped (level 9) like a production server. Scripts and styles are cacheable for
// an hour and pages are not, as a site serves them, so that a returning visit can reuse its
// HTTP cache and a figure for it means what a real return visit costs.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { ENDPOINT, FLOOR, GATED, subjectPage, subjects } from './subjects.mjs';

const SILKTIDE = new URL('../../../shared/peers/silktide-consent-manager/', import.meta.url);
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.json': 'application/json' };

/**
 * Silktide ships unminified; a site would serve it minified, so it is measured so. Built on
 * first request, so that `npm run size`, which never asks for it, does not need it.
 */
let silktide;
async function silktideFile(path) {
  silktide ??= (async () => {
    const files = new Map();
    for (const [ext, loader] of [['.js', 'js'], ['.css', 'css']]) {
      const source = new URL(`silktide-consent-manager${ext}`, SILKTIDE);
      if (!existsSync(source)) {
        console.error(`Silktide's consent manager is missing: ${source.pathname}`);
        return files;
      }
      const { code } = await transform(readFileSync(source, 'utf8'), { loader, minify: true });
      files.set(`/peers/silktide/silktide-consent-manager.min${ext}`, { body: code, type: types[ext] });
    }
    return files;
  })();
  return (await silktide).get(path);
}

/**
 * Starts the server on a free port. `files` adds in-memory files (path → `{ body, type }`).
 * The collector at `/collector` acknowledges every receipt of a POST `{ receipts }` as
 * `{ accepted, duplicates: [], rejected: [] }`, or answers 503 between a POST to
 * `/collector/pause` and one to `/collector/resume`.
 */
export async function serve({ files: extra = new Map() } = {}) {
  const files = new Map([
    [GATED, { body: 'window.gatedRan = true;', type: types['.js'] }],
    [FLOOR, { body: readFileSync(new URL('./floor.js', import.meta.url)), type: types['.js'] }],
    ...extra,
  ]);
  const collector = { paused: false, received: 0 };

  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path.startsWith(ENDPOINT)) return answerCollector(request, response, path, collector);
    let body;
    let type;
    let cache = 'public, max-age=3600';
    const page = /^\/page\/(.+)$/.exec(path);
    if (page) {
      const name = decodeURIComponent(page[1]);
      if (!subjects[name]) return response.writeHead(404).end();
      [body, type, cache] = [subjectPage(name), types['.html'], 'no-store'];
    } else if (files.has(path) || path.startsWith('/peers/silktide/')) {
      const file = files.get(path) ?? (await silktideFile(path));
      if (!file) return response.writeHead(404).end();
      ({ body, type } = file);
      if (type === types['.html']) cache = 'no-store';
    } else {
      const file = path.startsWith('/peers/') ? join('node_modules', path.slice(7)) : normalize(path.slice(1));
      if (!/^(dist|node_modules)\//.test(file) || !existsSync(file)) return response.writeHead(404).end();
      [body, type] = [readFileSync(file), types[extname(file)] ?? 'application/octet-stream'];
    }
    const gz = gzipSync(body, { level: 9 });
    response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'content-length': gz.length, 'cache-control': cache }).end(gz);
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, collector, close: () => server.close() };
}

async function answerCollector(request, response, path, collector) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const json = (status, value) => response.writeHead(status, { 'content-type': types['.json'], 'cache-control': 'no-store' }).end(JSON.stringify(value));
  if (request.method !== 'POST') return json(405, { error: 'POST only' });
  if (path === `${ENDPOINT}/pause` || path === `${ENDPOINT}/resume`) {
    collector.paused = path.endsWith('pause');
    return json(200, { paused: collector.paused });
  }
  if (collector.paused) return json(503, { error: 'paused by the bench' });
  let receipts;
  try {
    receipts = JSON.parse(Buffer.concat(chunks).toString('utf8')).receipts;
  } catch {
    return json(400, { error: 'body is not JSON' });
  }
  if (!Array.isArray(receipts)) return json(400, { error: 'receipts must be an array' });
  collector.received += receipts.length;
  return json(200, { accepted: receipts.map((receipt) => receipt?.id).filter((id) => typeof id === 'string'), duplicates: [], rejected: [] });
}
