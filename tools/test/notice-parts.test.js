// The pieces the importer reads text with: clause numbers, dates, links and heading words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDate, thaiDate } from '../src/notice/dates.js';
import { linkify } from '../src/notice/linkify.js';
import { readMarker } from '../src/notice/markers.js';
import { guessKind } from '../src/notice/section-kinds.js';

describe('readMarker', () => {
  it('reads Thai and Arabic clause numbers at every depth', () => {
    assert.deepEqual(readMarker('๗.๔.๒ ข้อมูล'), { type: 'number', levels: [7, 4, 2], raw: '๗.๔.๒', text: 'ข้อมูล' });
    assert.deepEqual(readMarker('1.1.1. abc').levels, [1, 1, 1]);
    assert.deepEqual(readMarker('(๑) ก').levels, [1]);
    assert.deepEqual(readMarker('12) สิบสอง').levels, [12]);
    assert.deepEqual(readMarker('• คุกกี้'), { type: 'bullet', raw: '•', text: 'คุกกี้' });
  });

  it('does not take a date, an address or a year for a clause', () => {
    for (const line of ['1 June 2565', '108 ถนนรางน้ำ', '2562 มาตรา 10', '-5 องศา', '3.5']) assert.equal(readMarker(line), undefined, line);
  });
});

describe('findDate', () => {
  it('reads Buddhist-era dates in Thai and English month names, with Thai digits', () => {
    assert.deepEqual(findDate('ตั้งแต่วันที่ ๑ กรกฎาคม ๒๕๕๘'), { iso: '2015-07-01', be: '2558-07-01', text: '๑ กรกฎาคม ๒๕๕๘' });
    assert.equal(findDate('1 June 2565').iso, '2022-06-01');
    assert.equal(findDate('ประกาศ ณ 7 มี.ค. 2567').iso, '2024-03-07');
    assert.equal(findDate('Last updated June 1, 2022').iso, '2022-06-01');
    assert.equal(findDate('01/06/2565').iso, '2022-06-01');
  });

  it('rejects dates that do not exist and bare years', () => {
    assert.equal(findDate('31/02/2565'), undefined);
    assert.equal(findDate('พ.ศ. 2562'), undefined);
  });

  it('writes dates the Thai way', () => assert.equal(thaiDate('2022-06-01'), '1 มิถุนายน 2565'));
});

describe('linkify', () => {
  it('links e-mail, URLs, Thai web hosts and Thai phone numbers', () => {
    assert.deepEqual(linkify('อีมล : contact@dga.or.th'), [{ text: 'อีมล : ' }, { text: 'contact@dga.or.th', href: 'mailto:contact@dga.or.th' }]);
    assert.deepEqual(linkify('ที่ www.allaboutcookies.org) รวม')[1], { text: 'www.allaboutcookies.org', href: 'https://www.allaboutcookies.org' });
    assert.deepEqual(linkify('ดู https://x.go.th/a?b=1.')[1], { text: 'https://x.go.th/a?b=1', href: 'https://x.go.th/a?b=1' });
    assert.deepEqual(linkify('โทร ๐๒ ๖๑๒ ๖๐๖๐ หรือ')[1], { text: '๐๒ ๖๑๒ ๖๐๖๐', href: 'tel:026126060' });
    assert.deepEqual(linkify('โทร +66 2 612 6060')[1], { text: '+66 2 612 6060', href: 'tel:+6626126060' });
  });

  it('leaves postcodes, years and abbreviations alone', () => {
    assert.equal(linkify('กรุงเทพฯ 10400 พ.ศ. 2562 สพร. e.g. 1.1'), 'กรุงเทพฯ 10400 พ.ศ. 2562 สพร. e.g. 1.1');
  });
});

describe('guessKind', () => {
  it('guesses the kind of the seeds\u2019 headings, Thai and English', () => {
    const headings = {
      'ฐานในการประมวลผลข้อมูลส่วนบุคคล': 'legal-basis',
      'ข้อมูลส่วนบุคคลของผู้เยาว์ คนไร้ความสามารถและคนเสมือนไร้ความสามารถ': 'minors',
      'การส่งหรือโอนข้อมูลส่วนบุคคลไปยังต่างประเทศ': 'transfer',
      'การให้บริการโดยบุคคลที่สามหรือผู้ให้บริการช่วง': 'processors',
      'การเปลี่ยนแปลงแก้ไขประกาศเกี่ยวกับความเป็นส่วนตัว': 'changes',
      'Your rights': 'rights',
      'How long we keep your data': 'retention',
      'Cookies and similar technologies': 'cookies',
    };
    for (const [heading, kind] of Object.entries(headings)) assert.equal(guessKind(heading), kind, heading);
    assert.equal(guessKind('คำนิยาม'), undefined);
  });
});
