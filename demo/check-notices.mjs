#!/usr/bin/env node
// Checks the demo's structured notices (DESIGN.md section 4) more strictly than the SDK must:
// the demo promises every text in both Thai and English, so a missing `en` is an error here.
// It also checks demo/config.json the same way (every text th and en, the notice it names
// exists) and that the inline copy of the config in a page has not drifted from it.
// Usage: node demo/check-notices.mjs [file.json ...]   (default: demo/notices/*.json and the config)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const KINDS = new Set([
  'legal-basis', 'purposes', 'data', 'disclosure', 'cookies', 'minors', 'rights', 'transfer',
  'retention', 'processors', 'security', 'participation', 'accountability', 'changes', 'contact', 'other',
]);
const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const THAI = /[\u0E00-\u0E7F]/;

/** Returns a list of `path: problem` strings; empty when the notice is well formed. */
export function checkNotice(notice) {
  const errors = [];
  const fail = (path, msg) => errors.push(`${path}: ${msg}`);
  const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const onlyKeys = (v, path, allowed) => {
    for (const k of Object.keys(v)) if (!allowed.includes(k)) fail(`${path}.${k}`, 'unknown field');
  };

  // `edges` allows leading/trailing spaces: spans join into one line, so they carry the gaps.
  const lang = (s, path, which, edges) => {
    if (typeof s !== 'string' || s.length === 0) return fail(`${path}.${which}`, 'missing or empty');
    if (!edges && s !== s.trim()) fail(`${path}.${which}`, 'leading or trailing space');
    if (/\s{2,}/.test(s)) fail(`${path}.${which}`, 'repeated whitespace');
    if (which === 'en' && THAI.test(s)) fail(`${path}.en`, `Thai script in the English text: "${s.slice(0, 40)}"`);
    // A long Thai text with no Thai script is most likely the English pasted twice.
    if (which === 'th' && s.trim().length > 30 && !THAI.test(s)) fail(`${path}.th`, `no Thai script: "${s.slice(0, 40)}"`);
  };
  const localized = (v, path, edges = false) => {
    if (!isObj(v)) return fail(path, 'expected {"th": ..., "en": ...}');
    onlyKeys(v, path, ['th', 'en']);
    lang(v.th, path, 'th', edges);
    lang(v.en, path, 'en', edges);
  };
  const href = (h, path) => {
    let url;
    try { url = new URL(h); } catch { return fail(path, `not an absolute URL: ${h}`); }
    if (!SCHEMES.has(url.protocol)) fail(path, `scheme ${url.protocol} not allowed (http, https, mailto, tel)`);
    if (url.protocol === 'mailto:' && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(url.pathname)) fail(path, `bad e-mail: ${h}`);
    if (url.protocol === 'tel:' && !/^\+?[0-9-]{6,}$/.test(url.pathname)) fail(path, `bad phone number: ${h}`);
  };
  const text = (v, path) => {
    if (!Array.isArray(v)) return localized(v, path);
    if (v.length === 0) return fail(path, 'empty span list');
    v.forEach((span, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(span)) return fail(p, 'expected a span {"text": ...}');
      onlyKeys(span, p, ['text', 'strong', 'href']);
      localized(span.text, `${p}.text`, true);
      if ('strong' in span && span.strong !== true) fail(`${p}.strong`, 'must be true when present');
      if ('href' in span) href(span.href, `${p}.href`);
    });
  };
  const items = (list, path, depth) => {
    if (!Array.isArray(list) || list.length === 0) return fail(path, 'expected a non-empty array of items');
    list.forEach((item, i) => {
      const p = `${path}[${i}]`;
      if (isObj(item) && 'text' in item && !('th' in item)) {
        onlyKeys(item, p, ['text', 'items']);
        text(item.text, `${p}.text`);
        if ('items' in item) {
          if (depth >= 3) fail(`${p}.items`, 'lists nested more than three deep');
          items(item.items, `${p}.items`, depth + 1);
        }
      } else text(item, p);
    });
  };
  const block = (b, path) => {
    if (!isObj(b)) return fail(path, 'expected a block object');
    if ('source' in b && b.source !== 'site') fail(`${path}.source`, 'must be "site" (text the site added to the agency\'s notice)');
    switch (b.type) {
      case 'paragraph':
        onlyKeys(b, path, ['type', 'text', 'source']);
        return text(b.text, `${path}.text`);
      case 'list':
        onlyKeys(b, path, ['type', 'ordered', 'start', 'items', 'source']);
        if ('ordered' in b && typeof b.ordered !== 'boolean') fail(`${path}.ordered`, 'must be a boolean');
        if ('start' in b && !(Number.isInteger(b.start) && b.start >= 1)) fail(`${path}.start`, 'must be a whole number from 1');
        return items(b.items, `${path}.items`, 1);
      case 'table': {
        onlyKeys(b, path, ['type', 'caption', 'head', 'rows', 'source']);
        if ('caption' in b) text(b.caption, `${path}.caption`);
        if (!Array.isArray(b.head) || b.head.length === 0) return fail(`${path}.head`, 'expected a non-empty array');
        b.head.forEach((c, i) => text(c, `${path}.head[${i}]`));
        if (!Array.isArray(b.rows) || b.rows.length === 0) return fail(`${path}.rows`, 'expected a non-empty array');
        b.rows.forEach((row, r) => {
          if (!Array.isArray(row)) return fail(`${path}.rows[${r}]`, 'expected an array of cells');
          if (row.length !== b.head.length) fail(`${path}.rows[${r}]`, `${row.length} cells, head has ${b.head.length}`);
          row.forEach((c, i) => text(c, `${path}.rows[${r}][${i}]`));
        });
        return;
      }
      default:
        return fail(`${path}.type`, `unknown block type ${JSON.stringify(b.type)}`);
    }
  };
  const blocks = (list, path) => {
    if (!Array.isArray(list) || list.length === 0) return fail(path, 'expected a non-empty array of blocks');
    list.forEach((b, i) => block(b, `${path}[${i}]`));
  };
  const contact = (c, path, required) => {
    if (!isObj(c)) return fail(path, 'expected an object');
    onlyKeys(c, path, ['name', 'email', 'phone', 'address', 'url']);
    if ('name' in c || required) localized(c.name, `${path}.name`);
    if ('address' in c) localized(c.address, `${path}.address`);
    if ('email' in c) href(`mailto:${c.email}`, `${path}.email`);
    if ('phone' in c && !/^\+?[0-9][0-9 -]{5,}$/.test(c.phone)) fail(`${path}.phone`, `bad phone number: ${c.phone}`);
    if ('url' in c && !/^https?:\/\//.test(c.url)) fail(`${path}.url`, 'must be an http(s) URL');
  };

  if (!isObj(notice)) return ['notice: expected an object'];
  onlyKeys(notice, 'notice', ['id', 'version', 'effective', 'published', 'title', 'controller', 'dpo', 'intro', 'sections', 'url']);
  if (typeof notice.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(notice.id)) fail('id', 'expected a lowercase slug');
  if (typeof notice.version !== 'string' || notice.version.length === 0) fail('version', 'expected a non-empty string');
  for (const key of ['effective', 'published'].filter((name) => name in notice)) {
    const d = notice[key];
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) fail(key, 'expected an ISO date (C.E.)');
    else if (Number(d.slice(0, 4)) > 2400) fail(key, 'looks like a Buddhist-era year; use C.E. here');
  }
  localized(notice.title, 'title');
  contact(notice.controller, 'controller', true);
  if ('dpo' in notice) contact(notice.dpo, 'dpo', false);
  if ('intro' in notice) blocks(notice.intro, 'intro');
  if (!Array.isArray(notice.sections) || notice.sections.length === 0) fail('sections', 'expected a non-empty array');
  else {
    const ids = new Set();
    notice.sections.forEach((s, i) => {
      const p = `sections[${i}]`;
      if (!isObj(s)) return fail(p, 'expected an object');
      onlyKeys(s, p, ['kind', 'id', 'title', 'body']);
      if (!KINDS.has(s.kind)) fail(`${p}.kind`, `${JSON.stringify(s.kind)} is not one of ${[...KINDS].join(', ')}`);
      if ('id' in s) {
        if (typeof s.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(s.id)) fail(`${p}.id`, 'expected a lowercase slug (it becomes a fragment link)');
        else if (ids.has(s.id)) fail(`${p}.id`, `duplicate id ${s.id}`);
        else ids.add(s.id);
      }
      localized(s.title, `${p}.title`);
      blocks(s.body, `${p}.body`);
    });
  }
  return errors;
}

/** Checks the demo config's texts and notice reference, and every inline copy of it in demo/*.html. */
export function checkDemoConfig(dir = here) {
  const errors = [];
  const fail = (path, msg) => errors.push(`${path}: ${msg}`);
  const text = (v, path) => {
    if (v === undefined) return;
    if (v === null || typeof v !== 'object' || typeof v.th !== 'string' || !v.th || typeof v.en !== 'string' || !v.en) {
      return fail(path, 'expected {"th": ..., "en": ...} with both filled in');
    }
    if (THAI.test(v.en)) fail(`${path}.en`, 'Thai script in the English text');
  };
  let config;
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  } catch (e) {
    return [`config.json: cannot read: ${e.message}`];
  }
  text(config.controller?.name, 'controller.name');
  text(config.controller?.address, 'controller.address');
  config.categories?.forEach((c, i) => {
    const p = `categories[${i}]`;
    text(c.title, `${p}.title`);
    text(c.description, `${p}.description`);
    c.cookies?.forEach((k, j) => ['provider', 'duration', 'description'].forEach((f) => text(k[f], `${p}.cookies[${j}].${f}`)));
  });
  config.purposes?.forEach((pu, i) => {
    const p = `purposes[${i}]`;
    ['title', 'description', 'retention'].forEach((f) => text(pu[f], `${p}.${f}`));
    ['data', 'recipients'].forEach((f) => pu[f]?.forEach((t, j) => text(t, `${p}.${f}[${j}]`)));
  });
  if (typeof config.notice !== 'string' || !config.notice.startsWith('/notices/')) fail('notice', 'expected a /notices/... URL');
  else if (!existsSync(join(dir, config.notice))) fail('notice', `${config.notice} does not exist in demo/`);

  const canonical = JSON.stringify(config);
  for (const page of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    const m = readFileSync(join(dir, page), 'utf8').match(/<script type="application\/json" id="yinyom-config">([\s\S]*?)<\/script>/);
    if (!m) continue;
    let inline;
    try {
      inline = JSON.stringify(JSON.parse(m[1]));
    } catch (e) {
      fail(page, `inline config is not JSON: ${e.message}`);
      continue;
    }
    if (inline !== canonical) fail(page, 'inline config differs from config.json: copy config.json into it again');
  }
  return errors.map((e) => `config.json: ${e}`.replace('config.json: config.json:', 'config.json:'));
}

function main(argv) {
  const files = argv.length
    ? argv
    : readdirSync(join(here, 'notices')).filter((f) => f.endsWith('.json')).sort().map((f) => join(here, 'notices', f));
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const name = relative(process.cwd(), file) || file;
    let errors;
    try {
      errors = checkNotice(JSON.parse(readFileSync(file, 'utf8')));
    } catch (e) {
      errors = [`cannot read: ${e.message}`];
    }
    if (errors.length) {
      failed++;
      console.error(`✗ ${name}: ${errors.length} problem(s)`);
      for (const e of errors) console.error(`    ${e}`);
    } else {
      passed++;
      console.log(`✓ ${name}`);
    }
  }
  if (!argv.length) {
    const errors = checkDemoConfig();
    if (errors.length) {
      failed++;
      console.error(`✗ demo config: ${errors.length} problem(s)`);
      for (const e of errors) console.error(`    ${e}`);
    } else {
      passed++;
      console.log('✓ demo/config.json (and its inline copy)');
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
