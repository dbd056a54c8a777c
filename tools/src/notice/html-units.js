import { parse } from 'parse5';
import { readMarker } from './markers.js';
import { noiseReason } from './noise.js';
import { plain, squeeze } from './spans.js';

const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'button', 'select', 'input', 'textarea', 'img', 'video', 'audio']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'address', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'hr', 'center']);
// Elements whose text does not run on into the text beside them.
const SPACED = new Set([...BLOCKS, 'br', 'li', 'ul', 'ol', 'table', 'caption', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'nav', 'footer', 'aside', 'form']);
const AROUND = {
  nav: 'เมนูนำทาง / navigation',
  footer: 'ท้ายเว็บไซต์ / site footer',
  aside: 'แถบข้าง / sidebar',
  form: 'แบบฟอร์ม (เช่น ค้นหา เข้าสู่ระบบ) / a form (search, log-in)',
};
const ROLES = { navigation: AROUND.nav, contentinfo: AROUND.footer, complementary: AROUND.aside, search: AROUND.form, banner: 'ส่วนหัวของเว็บไซต์ / site header' };
const AROUND_NAMES = /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|share|social|skip-link|login|cookie-banner)($|[\s_-])/i;
const LINK_SCHEMES = /^(https?:|mailto:|tel:)/i;

const attr = (node, name) => node.attrs?.find((a) => a.name === name)?.value;
const textOf = (node) => (node.nodeName === '#text' ? node.value : SKIPPED.has(node.nodeName) ? '' : (node.childNodes ?? []).map(textOf).join(' '));
const find = (node, test) => {
  if (test(node)) return node;
  for (const child of node.childNodes ?? []) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
};

/** The style of the text inside `node`: bold, or a link (http, https, mailto and tel only). */
function styleOf(node, style) {
  const href = node.nodeName === 'a' && attr(node, 'href');
  return {
    ...style,
    ...(['strong', 'b'].includes(node.nodeName) && { strong: true }),
    ...(href && LINK_SCHEMES.test(href) && { href }),
  };
}

/** The spans of a table cell: its paragraphs and line breaks run on, a space apart. */
function collectSpans(node, style, out) {
  if (node.nodeName === '#text') return out.push({ text: node.value, ...style });
  if (SKIPPED.has(node.nodeName)) return undefined;
  if (SPACED.has(node.nodeName)) out.push({ text: ' ' });
  return node.childNodes?.forEach((child) => collectSpans(child, styleOf(node, style), out));
}

/** Why an element is the page around the notice (navigation, header, footer, ...), if it is. */
function aroundReason(node) {
  const role = attr(node, 'role');
  if (role && ROLES[role]) return ROLES[role];
  if (AROUND[node.nodeName]) return AROUND[node.nodeName];
  // A page header with the site's menu or log-in links; a header that holds only the notice's title is kept.
  if (node.nodeName === 'header' && find(node, (n) => n.nodeName === 'nav' || n.nodeName === 'ul' || n.nodeName === 'form')) return ROLES.banner;
  if (AROUND_NAMES.test(`${attr(node, 'id') ?? ''} ${attr(node, 'class') ?? ''}`)) return AROUND.nav;
  return undefined;
}

/**
 * Reads a notice published as HTML (or converted from .docx) into units: headings, paragraphs,
 * clauses, list items and tables, with links and bold text as spans. The page around the
 * notice (navigation, header, footer, forms, sidebars; with a `<main>`, all outside it) is
 * dropped and listed.
 */
export function htmlUnits(html) {
  const document = parse(html);
  const body = find(document, (n) => n.nodeName === 'body') ?? document;
  const main = find(body, (n) => n.nodeName === 'main' || attr(n, 'role') === 'main');
  const units = [];
  const dropped = [];
  const drop = (node, reason) => {
    const text = squeeze(textOf(node)).trim();
    if (text) dropped.push({ text: text.length > 100 ? `${text.slice(0, 99)}…` : text, reason });
  };
  let spans = [];
  let pending = {};
  const flush = () => {
    const text = squeeze(plain(spans)).trim();
    if (text) {
      const reason = pending.heading || pending.item ? undefined : noiseReason(text);
      if (reason) dropped.push({ text, reason });
      else units.push({ text, spans, marker: pending.item ? (readMarker(text) ?? pending.item) : readMarker(text), heading: pending.heading, blankBefore: true });
    }
    spans = [];
    pending = {};
  };
  const inline = (node, style) => {
    if (node.nodeName === '#text') return spans.push({ text: node.value, ...style });
    if (node.nodeName === 'br') return flush();
    if (SKIPPED.has(node.nodeName)) return undefined;
    return node.childNodes.forEach((child) => walk(child, styleOf(node, style)));
  };
  const table = (node) => {
    const rows = [];
    const caption = find(node, (n) => n.nodeName === 'caption');
    const visit = (n) => {
      if (n.nodeName === 'tr') {
        const cells = n.childNodes.filter((c) => c.nodeName === 'td' || c.nodeName === 'th');
        rows.push({ cells: cells.flatMap((c) => cellSpans(c, Number(attr(c, 'colspan')) || 1)) });
      } else if (n.nodeName !== 'caption' && n.nodeName !== 'table') n.childNodes?.forEach(visit);
    };
    node.childNodes.forEach(visit);
    if (!rows.length) return;
    units.push({ table: { caption: caption && [{ text: squeeze(textOf(caption)).trim() }], rows }, text: rows.map((row) => row.cells.map(plain).join(' ')).join(' '), blankBefore: true });
  };
  const cellSpans = (cell, colspan) => {
    const content = [];
    collectSpans(cell, {}, content);
    return [content, ...Array.from({ length: colspan - 1 }, () => [])];
  };
  const list = (node, depth) => {
    flush();
    const ordered = node.nodeName === 'ol';
    for (const li of node.childNodes.filter((c) => c.nodeName === 'li')) {
      for (const child of li.childNodes) {
        if (child.nodeName === 'ol' || child.nodeName === 'ul') list(child, depth + 1);
        else {
          if (!spans.length) pending = { item: { type: 'item', ordered, depth, raw: '' } };
          walk(child, {});
        }
      }
      flush();
    }
  };
  const walk = (node, style) => {
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') return;
    const reason = node.nodeName === '#text' ? undefined : aroundReason(node);
    if (reason) return drop(node, reason);
    if (node.nodeName === 'table') return flush(), table(node);
    if (node.nodeName === 'ol' || node.nodeName === 'ul') return list(node, pending.item ? pending.item.depth + 1 : 1);
    const heading = /^h([1-6])$/.exec(node.nodeName);
    if (heading || BLOCKS.has(node.nodeName)) {
      const item = pending.item;
      // Paragraphs inside one list item are that item's text, a space apart.
      if (item && spans.length) spans.push({ text: ' ' });
      else if (!item || plain(spans).trim()) flush();
      if (heading) pending = { heading: Number(heading[1]) };
      else if (item) pending = { item };
      node.childNodes.forEach((child) => walk(child, style));
      return item ? undefined : flush();
    }
    return inline(node, style);
  };
  const root = main ?? body;
  const dropOutside = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child === main) continue;
      if (find(child, (n) => n === main)) dropOutside(child);
      else drop(child, aroundReason(child) ?? 'นอกเนื้อหาหลัก (<main>) / outside <main>');
    }
  };
  if (main) dropOutside(body);
  walk(root, {});
  flush();
  const source = [];
  collectSpans(body, {}, source);
  return { units, dropped, sourceText: plain(source) };
}
