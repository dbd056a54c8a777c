import { CATEGORIES } from './classify.js';

const NAMES = {
  necessary: 'จำเป็น / necessary',
  functional: 'การใช้งาน / functional',
  analytics: 'การวิเคราะห์ / analytics',
  marketing: 'การตลาด / marketing',
};
const path = (url) => {
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
};

/** The scan as a report to read, Thai first with the English beside it. */
export function describeScan(result) {
  const lines = [`สแกน / Scanned: ${result.site} (${result.pages.length} หน้า / pages: ${result.pages.map(path).join(', ')})`];
  for (const { url, reason } of result.unreachable ?? []) lines.push(`  เปิดไม่ได้ ข้ามไป / could not load, passed over: ${path(url)} (${reason})`);
  lines.push('');
  lines.push(`คุกกี้ / Cookies: ${result.cookies.length}`);
  const order = [...CATEGORIES, null];
  for (const cookie of [...result.cookies].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category))) {
    const category = cookie.category ? NAMES[cookie.category] : 'ไม่ทราบหมวด: เลือกเอง / unknown: choose its category';
    lines.push(`  ${cookie.name} (${cookie.domain}, ${cookie.party === 'first' ? 'บุคคลที่หนึ่ง / first party' : 'บุคคลที่สาม / third party'})`);
    lines.push(`    หมวด / category: ${category}${cookie.provider ? ` · ผู้ให้บริการ / provider: ${cookie.provider}` : ''} · อายุ / lasts: ${cookie.duration.th} / ${cookie.duration.en}${cookie.httpOnly ? ' · HttpOnly' : ''}`);
    lines.push(`    ${cookie.setBeforeConsent ? 'ตั้งก่อนได้รับความยินยอม / set before consent' : 'ตั้งหลังได้รับความยินยอม / set after consent'} · หน้า / pages: ${cookie.pages.map(path).join(', ')}`);
    if (cookie.blockedInScan) lines.push('    Chromium ที่ใช้สแกนปฏิเสธคุกกี้บุคคลที่สามนี้ แต่เบราว์เซอร์ของผู้เข้าชมอาจรับไว้ / the scan\'s Chromium refused this third-party cookie; a visitor\'s browser may accept it');
    if (cookie.setBy) lines.push(`    ตั้งโดย / set by: ${cookie.setBy.via === 'script' ? 'สคริปต์ / script' : 'การตอบกลับ / response'} ${cookie.setBy.url}`);
  }
  lines.push('', `localStorage: ${result.localStorage.length ? result.localStorage.map(({ key, pages }) => `${key} (${pages.map(path).join(', ')})`).join(', ') : '-'}`);
  lines.push(`โฮสต์ภายนอก / Third parties:${result.thirdParties.length ? '' : ' -'}`);
  for (const { host, provider, category } of result.thirdParties) lines.push(`  ${host}${provider ? `: ${provider} (${NAMES[category]})` : ': ไม่รู้จัก / unknown'}`);
  if (result.yinyom) {
    const { optionalBeforeConsent, withdrawn, leftAfterWithdrawal } = result.yinyom;
    lines.push('', 'เว็บไซต์นี้ใช้ Yinyom / This site runs Yinyom:');
    lines.push(
      optionalBeforeConsent.length
        ? `  ✗ คุกกี้ที่ไม่จำเป็นถูกตั้งก่อนได้รับความยินยอม / optional cookies set before consent: ${optionalBeforeConsent.join(', ')}`
        : '  ✓ ไม่มีคุกกี้ที่ไม่จำเป็นก่อนได้รับความยินยอม / nothing optional before consent',
    );
    lines.push(
      leftAfterWithdrawal.length
        ? `  ✗ ถอนความยินยอม (${withdrawn.join(', ')}) แล้วยังเหลือ / left after withdrawing ${withdrawn.join(', ')}: ${leftAfterWithdrawal.join(', ')}`
        : `  ✓ ถอนความยินยอม (${withdrawn.join(', ')}) แล้วคุกกี้ถูกลบครบ / withdrawing ${withdrawn.join(', ')} cleared its cookies`,
    );
  }
  lines.push('', `config.categories: ${result.config.categories.map((c) => `${c.id} (${c.cookies.length})`).join(', ')} · ใช้ --json หรือ -o เพื่อนำไปใส่ config / use --json or -o to paste them into a config`);
  return lines.join('\n');
}
