// The four real Thai notices of ../shared/seeds: each imports to the JSON committed for the
// demo (demo/imported/), passes the SDK's checkNotice, and keeps every clause: every
// line of the source is in the notice, in the source's order, and every numbered clause is
// either an item of an ordered list or keeps its number in the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkNotice } from 'yinyom';
import { readMarker } from '../src/notice/markers.js';
import { noticeTexts } from '../src/notice/notice-text.js';
import { importNotice } from '../src/notice/import-notice.js';

const seeds = new URL('../../../shared/seeds/', import.meta.url);
const imported = new URL('../../demo/imported/', import.meta.url);
export const SEEDS = [
  // Three are only dated; G-Chat says "มีผลบังคับใช้ ตั้งแต่วันที่": only it is in force from its date.
  { name: 'tdga', file: '002_e096bd5b3f08aa40.txt', dated: { published: '2022-06-01' }, counter: '752', sections: 15 },
  { name: 'mailgothai', file: '001_63d70cd2a1d3919f.txt', dated: { published: '2022-06-01' }, counter: '1950', sections: 11 },
  { name: 'dlg', file: '004_bba0d81d06a94d38.txt', dated: { published: '2024-03-07' }, counter: '7', sections: 11 },
  { name: 'gchat', file: '000_3b805da176e5b7e3.txt', dated: { effective: '2015-07-01' }, sections: 1 },
];

const squeeze = (text) => text.replace(/[\s\u00a0]+/g, ' ').trim();
const isItem = (item) => typeof item === 'object' && !Array.isArray(item) && 'text' in item && !('th' in item);
const countItems = (items) => items.reduce((n, item) => n + 1 + (isItem(item) ? countItems(item.items ?? []) : 0), 0);
const blocksOf = (notice) => [...(notice.intro ?? []), ...notice.sections.flatMap((section) => section.body)];

for (const seed of SEEDS) {
  describe(`seed ${seed.name} (${seed.file})`, () => {
    const source = readFileSync(new URL(seed.file, seeds), 'utf8');
    const result = importNotice(new URL(seed.file, seeds).pathname, { id: `seed-${seed.name}` });

    it('imports to the committed JSON, which passes checkNotice', async () => {
      const { notice } = await result;
      assert.deepEqual(notice, JSON.parse(readFileSync(new URL(`${seed.name}.json`, imported), 'utf8')));
      assert.deepEqual(checkNotice(notice), []);
      assert.deepEqual({ effective: notice.effective, published: notice.published }, { effective: undefined, published: undefined, ...seed.dated });
      assert.equal(notice.sections.length, seed.sections);
    });

    it('keeps every line of the source, in order; drops only the view counter', async () => {
      const { notice, report } = await result;
      const text = noticeTexts(notice).map(squeeze).join('\n');
      let at = 0;
      for (const line of source.split('\n').flatMap((l) => l.trim().split(/[ \u00a0]{3,}/)).map(squeeze).filter(Boolean)) {
        if (line === seed.counter) continue;
        if (/^\d{1,2} \w+ \d{4}$/.test(line)) continue; // the date line, now `published`
        const marker = readMarker(line);
        const words = squeeze(marker && !/^[0-9๐-๙.]+$/.test(marker.text) ? marker.text : line);
        const found = text.indexOf(words, at) >= 0 ? text.indexOf(words, at) : text.indexOf(squeeze(line), at);
        assert.ok(found >= 0, `lost or out of order: ${line.slice(0, 80)}`);
        at = found;
      }
      assert.deepEqual(report.dropped.map((d) => d.text), seed.counter ? [seed.counter] : []);
    });

    it('makes every numbered clause a list item or keeps its number', async () => {
      const { notice } = await result;
      const numbered = source.split('\n').map(squeeze).filter((line) => readMarker(line)?.type === 'number');
      const listed = blocksOf(notice).filter((b) => b.type === 'list' && b.ordered).reduce((n, b) => n + countItems(b.items), 0);
      const inText = blocksOf(notice).filter((b) => b.type === 'paragraph' && typeof b.text === 'string' && readMarker(b.text)?.type === 'number').length;
      const headings = numbered.filter((line) => readMarker(line).levels.length === 1).length;
      assert.equal(listed + inText + headings, numbered.length);
    });

    it('keeps at least 99.9% of the source text', async () => {
      const { report } = await result;
      assert.ok(report.coverage.kept / report.coverage.total >= 0.999, JSON.stringify(report.coverage));
    });
  });
}
