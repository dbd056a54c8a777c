import { expect } from '@open-wc/testing';
import { checkNotice } from '../../src/core/notice.js';

const good = {
  id: 'tdga-privacy',
  version: '2565-06-01',
  title: { th: 'ประกาศ', en: 'Notice' },
  intro: [{ type: 'paragraph', text: [{ text: 'ติดต่อ', href: 'mailto:dpo@dga.or.th' }, { text: { th: 'ตัวหนา', en: 'bold' }, strong: true }] }],
  sections: [
    { kind: 'rights', title: 'สิทธิ', body: [{ type: 'list', ordered: true, items: ['ก', { text: 'ข', items: ['ข.๑'] }] }] },
    { kind: 'data', title: 'ข้อมูล', body: [{ type: 'table', caption: 'ตาราง', head: ['ก', 'ข'], rows: [['1', { th: '2', en: 'two' }]] }] },
  ],
};

describe('checkNotice', () => {
  it('accepts a well-formed notice with every block kind', () => {
    expect(checkNotice(good)).to.deep.equal([]);
    expect(checkNotice({ id: 'x', version: '1', url: 'https://example.go.th/privacy' })).to.deep.equal([]);
  });

  it('names every problem by path', () => {
    const bad = structuredClone(good) as Record<string, any>;
    bad.version = 2565;
    bad.sections[0].kind = 'rules';
    bad.sections[0].body[0].items[1].items = 'ข.๑';
    bad.sections[1].body[0].rows[0] = 'not a row';
    bad.sections[1].body.push({ type: 'html', html: '<script>alert(1)</script>' });
    bad.intro[0].text[0] = { href: 'https://x' };
    expect(checkNotice(bad)).to.deep.equal([
      'version: must be a string',
      'intro[0].text[0]: must be a span {"text": ..., "strong"?, "href"?}',
      'sections[0].kind: must be one of legal-basis, purposes, data, disclosure, cookies, minors, rights, transfer, retention, processors, security, participation, accountability, changes, contact, other',
      'sections[0].body[0].items[1].items: must be an array',
      'sections[1].body[0].rows[0]: must be an array',
      'sections[1].body[1].type: must be "paragraph", "list" or "table"',
    ]);
  });

  it('names a wrong-typed controller or DPO field instead of dropping the block', () => {
    const bad = { ...structuredClone(good), controller: { name: 5, phone: '02 612 6000' }, dpo: { email: 'dpo@dga.or.th', phone: 26126000 } };
    expect(checkNotice(bad)).to.deep.equal(['controller.name: must be a string or {"th", "en"}', 'dpo.phone: must be a string']);
    expect(checkNotice({ ...structuredClone(good), dpo: 'dpo@dga.or.th' })).to.deep.equal(['dpo: must be an object']);
  });

  it('refuses what is not an object', () => {
    expect(checkNotice('<h1>policy</h1>')).to.deep.equal(['notice: must be an object']);
    expect(checkNotice(null)).to.deep.equal(['notice: must be an object']);
  });
});
