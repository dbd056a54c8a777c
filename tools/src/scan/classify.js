import { SESSION, knownCookie, knownHost } from './catalog.js';

export const CATEGORIES = ['necessary', 'functional', 'analytics', 'marketing'];
const TITLES = {
  necessary: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary cookies' },
  functional: { th: 'คุกกี้เพื่อการใช้งาน', en: 'Functional cookies' },
  analytics: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics cookies' },
  marketing: { th: 'คุกกี้เพื่อการตลาด', en: 'Marketing cookies' },
};
const CONSENT_MODE = { analytics: ['analytics_storage'], marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'] };
const THAI_SECOND_LEVEL = /^(co|go|or|ac|in|mi|net|com|org|edu|gov)$/;

/** The site a host belongs to: example.go.th for www.example.go.th, example.com for a.b.example.com. */
function siteOf(host) {
  if (/^[\d.]+$|:/.test(host)) return host;
  const labels = host.replace(/^\./, '').split('.');
  const keep = labels.length > 2 && labels.at(-1).length === 2 && THAI_SECOND_LEVEL.test(labels.at(-2)) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** How long a cookie lasts, from its expiry as seen at `now` (seconds). */
function lifetime(cookie, now) {
  if (cookie.session || cookie.expires <= 0) return SESSION;
  const days = Math.round((cookie.expires - now) / 86400);
  if (days >= 365) return { th: `${Math.round(days / 365)} ปี`, en: `${Math.round(days / 365)} year(s)` };
  if (days >= 60) return { th: `${Math.round(days / 30)} เดือน`, en: `${Math.round(days / 30)} months` };
  if (days >= 1) return { th: `${days} วัน`, en: `${days} day(s)` };
  return { th: 'ไม่ถึงหนึ่งวัน', en: 'less than a day' };
}

const escape = (name) => `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/**
 * Classifies what a crawl saw (see crawl.js) into the scan's JSON: each cookie with its
 * category (`null` when neither the curated list nor the site's own Yinyom config knows it),
 * provider, party, lifetime, whether it was set before consent and what set it; the
 * third-party hosts; and `config.categories`, ready to paste into a Yinyom config. On a site
 * running Yinyom, `yinyom` says what was set before consent that is optional, and what a
 * withdrawal left behind. A third-party cookie that the scan's Chromium refused is listed
 * with `blockedInScan: true`: a visitor's browser may well accept it.
 */
export function classify(crawled, now = Date.now() / 1000) {
  const site = siteOf(new URL(crawled.site).hostname);
  const siteCategories = crawled.yinyom?.categories ?? [];
  const fromSite = (name) => siteCategories.find((category) => category.matches.some((match) => new RegExp(match).test(name)));
  const cookies = crawled.cookies.map((cookie) => {
    const known = knownCookie(cookie.name);
    const own = fromSite(cookie.name);
    const setter = cookie.setBy && knownHost(new URL(cookie.setBy.url).hostname);
    const category = known?.category ?? (own && (own.required ? 'necessary' : own.id)) ?? setter?.category ?? null;
    return {
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      expires: cookie.session ? null : new Date(cookie.expires * 1000).toISOString(),
      duration: known?.duration ?? lifetime(cookie, now),
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
      party: siteOf(cookie.domain) === site ? 'first' : 'third',
      category,
      provider: known?.provider ?? setter?.provider ?? null,
      ...(cookie.blocked && { blockedInScan: true }),
      ...(category === null && { note: { th: 'ไม่รู้จักคุกกี้นี้: เลือกหมวดเอง', en: 'unknown cookie: choose its category' } }),
      setBeforeConsent: cookie.phase === 'before',
      pages: cookie.pages,
      setBy: cookie.setBy,
      ...(known && { catalog: known }),
    };
  });
  const thirdParties = crawled.hosts.map(({ host, pages }) => {
    const known = knownHost(host.replace(/:\d+$/, ''));
    return { host, provider: known?.provider ?? null, category: known?.category ?? null, pages };
  });

  const categories = CATEGORIES.map((id) => {
    const entries = new Map();
    for (const cookie of cookies.filter((c) => c.category === id)) {
      const key = cookie.catalog?.name ?? cookie.name;
      entries.set(key, {
        name: key,
        match: cookie.catalog?.match ?? escape(cookie.name),
        ...(cookie.provider && { provider: { th: cookie.provider, en: cookie.provider } }),
        duration: cookie.duration,
      });
    }
    const google = [...entries.values()].some((entry) => /Google/.test(entry.provider?.en ?? ''));
    return { id, ...(id === 'necessary' && { required: true }), title: TITLES[id], cookies: [...entries.values()], ...(google && CONSENT_MODE[id] && { consentMode: CONSENT_MODE[id] }) };
  }).filter((category) => category.id === 'necessary' || category.cookies.length);

  const result = {
    site: crawled.site,
    pages: crawled.pages,
    ...(crawled.unreachable.length && { unreachable: crawled.unreachable }),
    config: { categories },
    cookies: cookies.map(({ catalog, ...cookie }) => cookie),
    localStorage: crawled.storage,
    thirdParties,
  };
  if (crawled.yinyom) {
    const optional = (cookie) => cookie.category !== null && cookie.category !== 'necessary';
    const withdrawn = crawled.yinyom.categories.filter((category) => crawled.yinyom.withdrawal.categories.includes(category.id));
    result.yinyom = {
      optionalBeforeConsent: cookies.filter((cookie) => cookie.setBeforeConsent && optional(cookie)).map((cookie) => cookie.name),
      withdrawn: crawled.yinyom.withdrawal.categories,
      leftAfterWithdrawal: crawled.yinyom.withdrawal.left.filter((name) => {
        const cookie = cookies.find((c) => c.name === name);
        return withdrawn.some((category) => category.matches.some((match) => new RegExp(match).test(name))) || (cookie !== undefined && optional(cookie));
      }),
    };
  }
  return result;
}
