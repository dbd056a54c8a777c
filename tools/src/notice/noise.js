// Text a web page's navigation, log-in links and footer leave in a copied notice. A line is
// dropped only when all of it is such text: a notice sentence that mentions "เข้าสู่ระบบ" stays.
const NAVIGATION = new RegExp(
  `^(${[
    'หน้าหลัก', 'หน้าแรก', 'home', 'เข้าสู่ระบบ', 'ออกจากระบบ', 'log ?in', 'log ?out', 'sign ?in', 'sign ?up', 'sign ?out',
    'สมัครสมาชิก', 'ค้นหา', 'search', 'menu', 'เมนู', 'เมนูหลัก', 'skip to (main )?content', 'ข้ามไปยังเนื้อหา(หลัก)?',
    'แชร์', 'share', 'print', 'พิมพ์', 'facebook', 'twitter', 'x', 'line', 'youtube', 'instagram', 'tiktok', 'rss',
    'sitemap', 'แผนผังเว็บไซต์', 'english', 'ภาษาไทย', 'ไทย', 'th', 'en', 'กลับด้านบน', 'back to top', 'อ่านต่อ',
    'read more', 'ย้อนกลับ', 'back', 'ปิด', 'close', 'เปิดเมนู', 'ลืมรหัสผ่าน', 'forgot password',
  ].join('|')})( ?[|/] ?(th|en|ไทย|english))?$`,
  'i',
);
const COUNTER = /^(?:(?:ผู้เข้าชม|จำนวนผู้เข้าชม|เข้าชม|views?|อ่าน)\s*:?\s*)?[0-9๐-๙][0-9๐-๙,]{0,8}(?:\s*(?:ครั้ง|views?))?$/i;
const BREADCRUMB = /^(หน้าแรก|หน้าหลัก|home)\s*[>»›/|]/i;
const FOOTER = /^(©|\(c\)|copyright\b|สงวนลิขสิทธิ์)|all rights reserved|สงวนลิขสิทธิ์ (พ\.ศ\.|ตาม)/i;
// "หน้าหลัก | เกี่ยวกับเรา | ข่าวสาร | ติดต่อเรา": short parts between bars.
const isMenu = (line) => {
  const parts = line.split(/\s[|·•]\s/);
  return parts.length >= 3 && parts.every((part) => part.length <= 30);
};

/**
 * Why a line is the page around the notice rather than the notice, in Thai and English
 * (`"เมนูนำทาง / navigation"`), or undefined when it belongs to the notice.
 */
export function noiseReason(line) {
  if (COUNTER.test(line)) return 'ตัวเลขลอย ๆ เช่น ยอดผู้เข้าชม / a bare number, e.g. a view counter';
  if (BREADCRUMB.test(line)) return 'เส้นทางนำทาง / breadcrumb';
  if (NAVIGATION.test(line) || isMenu(line)) return 'เมนูนำทาง / navigation';
  if (FOOTER.test(line) && line.length <= 200) return FOOTER_REASON;
  return undefined;
}

export const FOOTER_REASON = 'ท้ายเว็บไซต์ / site footer';
