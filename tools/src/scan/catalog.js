// The cookies and hosts the project knows, with their category (DESIGN.md section 3), who
// sets them and, where the provider documents it, how long they last. Kept by hand: add an
// entry when a Thai site's scan finds a well-known cookie that is missing.
const years = (n) => ({ th: `${n} ปี`, en: `${n} year${n > 1 ? 's' : ''}` });
const months = (n) => ({ th: `${n} เดือน`, en: `${n} month${n > 1 ? 's' : ''}` });
const days = (n) => ({ th: `${n} วัน`, en: `${n} day${n > 1 ? 's' : ''}` });
const minutes = (n) => ({ th: `${n} นาที`, en: `${n} minutes` });
const SESSION = { th: 'จนกว่าจะปิดเบราว์เซอร์', en: 'until the browser is closed' };

/** `{name, match, category, provider, duration?}`; `name` as the config lists it, `match` the pattern that covers its variants. */
export const COOKIES = [
  // Google Analytics, Tag Manager, Ads
  { name: '_ga', match: '^_ga$', category: 'analytics', provider: 'Google Analytics', duration: years(2) },
  { name: '_ga_<id>', match: '^_ga_[A-Z0-9]+$', category: 'analytics', provider: 'Google Analytics', duration: years(2) },
  { name: '_gid', match: '^_gid$', category: 'analytics', provider: 'Google Analytics', duration: days(1) },
  { name: '_gat', match: '^_gat', category: 'analytics', provider: 'Google Analytics', duration: minutes(1) },
  { name: '_dc_gtm_<id>', match: '^_dc_gtm_', category: 'analytics', provider: 'Google Tag Manager', duration: minutes(1) },
  { name: '_gcl_au', match: '^_gcl_', category: 'marketing', provider: 'Google Ads', duration: months(3) },
  { name: 'IDE', match: '^IDE$', category: 'marketing', provider: 'Google Ads (DoubleClick)', duration: years(1) },
  { name: 'test_cookie', match: '^test_cookie$', category: 'marketing', provider: 'Google Ads (DoubleClick)', duration: minutes(15) },
  // Meta, YouTube, TikTok, LINE, Clarity, Hotjar, X, LinkedIn
  { name: '_fbp', match: '^_fbp$', category: 'marketing', provider: 'Meta Pixel', duration: months(3) },
  { name: '_fbc', match: '^_fbc$', category: 'marketing', provider: 'Meta Pixel', duration: months(3) },
  { name: 'fr', match: '^fr$', category: 'marketing', provider: 'Meta (Facebook)', duration: months(3) },
  { name: 'VISITOR_INFO1_LIVE', match: '^VISITOR_INFO1_LIVE$', category: 'marketing', provider: 'YouTube', duration: months(6) },
  { name: 'YSC', match: '^YSC$', category: 'marketing', provider: 'YouTube', duration: SESSION },
  { name: 'VISITOR_PRIVACY_METADATA', match: '^VISITOR_PRIVACY_METADATA$', category: 'marketing', provider: 'YouTube', duration: months(6) },
  { name: '_ttp', match: '^_ttp$', category: 'marketing', provider: 'TikTok Pixel', duration: months(13) },
  { name: '_tt_enable_cookie', match: '^_tt_enable_cookie$', category: 'marketing', provider: 'TikTok Pixel', duration: months(13) },
  { name: '__lt__cid', match: '^__lt__(cid|sid)$', category: 'marketing', provider: 'LINE Tag', duration: years(2) },
  { name: '_clck', match: '^_clck$', category: 'analytics', provider: 'Microsoft Clarity', duration: years(1) },
  { name: '_clsk', match: '^_clsk$', category: 'analytics', provider: 'Microsoft Clarity', duration: days(1) },
  { name: 'CLID', match: '^CLID$', category: 'analytics', provider: 'Microsoft Clarity', duration: years(1) },
  { name: 'MUID', match: '^MUID$', category: 'marketing', provider: 'Microsoft', duration: years(1) },
  { name: '_hjSessionUser_<id>', match: '^_hjSessionUser_', category: 'analytics', provider: 'Hotjar', duration: years(1) },
  { name: '_hjSession_<id>', match: '^_hjSession_', category: 'analytics', provider: 'Hotjar', duration: minutes(30) },
  { name: '_hj…', match: '^_hj', category: 'analytics', provider: 'Hotjar' },
  { name: 'personalization_id', match: '^personalization_id$', category: 'marketing', provider: 'X (Twitter)', duration: years(2) },
  { name: 'muc_ads', match: '^muc_ads$', category: 'marketing', provider: 'X (Twitter)', duration: years(2) },
  { name: 'li_sugr', match: '^li_sugr$', category: 'marketing', provider: 'LinkedIn', duration: months(3) },
  { name: 'bcookie', match: '^bcookie$', category: 'marketing', provider: 'LinkedIn', duration: years(1) },
  { name: 'lidc', match: '^lidc$', category: 'marketing', provider: 'LinkedIn', duration: days(1) },
  { name: 'UserMatchHistory', match: '^UserMatchHistory$', category: 'marketing', provider: 'LinkedIn', duration: months(1) },
  // Sessions of common platforms
  { name: 'PHPSESSID', match: '^PHPSESSID$', category: 'necessary', provider: 'PHP', duration: SESSION },
  { name: 'JSESSIONID', match: '^JSESSIONID$', category: 'necessary', provider: 'Java', duration: SESSION },
  { name: 'ASP.NET_SessionId', match: '^ASP\\.NET_SessionId$', category: 'necessary', provider: 'ASP.NET', duration: SESSION },
  { name: '__RequestVerificationToken', match: '^__RequestVerificationToken', category: 'necessary', provider: 'ASP.NET', duration: SESSION },
  { name: 'joomla_user_state', match: '^joomla_user_state$', category: 'necessary', provider: 'Joomla', duration: SESSION },
  { name: '<32 hex> (Joomla)', match: '^[0-9a-f]{32}$', category: 'necessary', provider: 'Joomla', duration: SESSION },
  { name: 'wordpress_logged_in_<hash>', match: '^wordpress_(logged_in_|sec_)?[0-9a-f]{32}$', category: 'necessary', provider: 'WordPress', duration: SESSION },
  { name: 'wordpress_test_cookie', match: '^wordpress_test_cookie$', category: 'necessary', provider: 'WordPress', duration: SESSION },
  { name: 'wp-settings-<n>', match: '^wp-settings-(time-)?\\d+$', category: 'functional', provider: 'WordPress', duration: years(1) },
  { name: 'SESS<hash> (Drupal)', match: '^S?SESS[0-9a-f]{32}$', category: 'necessary', provider: 'Drupal', duration: SESSION },
  { name: 'yinyom', match: '^(__Host-)?yinyom$', category: 'necessary', provider: 'Yinyom', duration: years(1) },
  { name: 'pll_language', match: '^pll_language$', category: 'functional', provider: 'WordPress (Polylang)', duration: years(1) },
];

/** Hosts whose requests say who is on the page: `{host, provider, category}`, matched on the host or any subdomain. */
export const HOSTS = [
  { host: 'google-analytics.com', provider: 'Google Analytics', category: 'analytics' },
  { host: 'analytics.google.com', provider: 'Google Analytics', category: 'analytics' },
  { host: 'googletagmanager.com', provider: 'Google Tag Manager', category: 'analytics' },
  { host: 'doubleclick.net', provider: 'Google Ads (DoubleClick)', category: 'marketing' },
  { host: 'googleadservices.com', provider: 'Google Ads', category: 'marketing' },
  { host: 'googlesyndication.com', provider: 'Google Ads', category: 'marketing' },
  { host: 'connect.facebook.net', provider: 'Meta Pixel', category: 'marketing' },
  { host: 'facebook.com', provider: 'Meta (Facebook)', category: 'marketing' },
  { host: 'youtube.com', provider: 'YouTube', category: 'marketing' },
  { host: 'youtube-nocookie.com', provider: 'YouTube (privacy-enhanced)', category: 'marketing' },
  { host: 'ytimg.com', provider: 'YouTube', category: 'marketing' },
  { host: 'analytics.tiktok.com', provider: 'TikTok Pixel', category: 'marketing' },
  { host: 'tiktok.com', provider: 'TikTok', category: 'marketing' },
  { host: 'd.line-scdn.net', provider: 'LINE Tag', category: 'marketing' },
  { host: 'tr.line.me', provider: 'LINE Tag', category: 'marketing' },
  { host: 'clarity.ms', provider: 'Microsoft Clarity', category: 'analytics' },
  { host: 'bat.bing.com', provider: 'Microsoft Advertising', category: 'marketing' },
  { host: 'hotjar.com', provider: 'Hotjar', category: 'analytics' },
  { host: 'hotjar.io', provider: 'Hotjar', category: 'analytics' },
  { host: 'static.ads-twitter.com', provider: 'X (Twitter) Pixel', category: 'marketing' },
  { host: 'ads-twitter.com', provider: 'X (Twitter)', category: 'marketing' },
  { host: 'snap.licdn.com', provider: 'LinkedIn Insight Tag', category: 'marketing' },
  { host: 'linkedin.com', provider: 'LinkedIn', category: 'marketing' },
];

const patterns = COOKIES.map((entry) => ({ entry, test: new RegExp(entry.match) }));

/** The catalog entry of a cookie name, or undefined for a cookie the project does not know. */
export const knownCookie = (name) => patterns.find(({ test }) => test.test(name))?.entry;

/** The catalog entry of a host (or of the domain it belongs to), or undefined. */
export const knownHost = (host) => HOSTS.find((entry) => host === entry.host || host.endsWith(`.${entry.host}`));

export { SESSION };
