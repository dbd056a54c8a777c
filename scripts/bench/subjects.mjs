// The pages the bench measures: one article with 3 cookie categories (necessary, analytics,
// marketing) and one script gated on analytics, once bare and once with each consent manager,
// configured alike, in English (Yinyom in Thai too). Each subject names only the selector of
// its banner, how its decision is stored, and where it stands in the comparison: the
// visibility check and the accept click are shared code (probe.mjs), so every subject is
// measured the same way.
//
// Each peer's configuration is inline in the page, like Yinyom's JSON config: it is the
// site's, not the library's, so it is in the HTML, whose bytes no subject is billed for.

const article = `<header><h1>สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล</h1></header><main>${'<p>หลักสูตรการพัฒนาทักษะดิจิทัลสำหรับข้าราชการและบุคลากรภาครัฐ เปิดรับสมัครตลอดปี</p>'.repeat(12)}</main>`;

/** The one script every page gates on analytics (the bare page runs it ungated). */
export const GATED = '/bench/gated.js';

/** The floor stand-in's script (floor.js), served beside the gated one. */
export const FLOOR = '/bench/floor.js';

const yinyomConfig = {
  controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' } },
  notice: { id: 'bench', version: '1', url: '/privacy' },
  categories: [
    { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Necessary' } },
    { id: 'analytics', title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics' } },
    { id: 'marketing', title: { th: 'คุกกี้เพื่อการตลาด', en: 'Marketing' } },
  ],
};

/** The collector endpoint the bench server answers (serve.mjs). */
export const ENDPOINT = '/collector';

const yinyom = (config) => ({
  yinyom: true,
  head: `<script type="application/json" id="yinyom-config">${JSON.stringify(config)}</script><script src="/dist/yinyom.js" data-config="#yinyom-config"></script>`,
  body: `<script type="text/plain" data-yinyom="analytics" src="${GATED}"></script>`,
  // The region inside the element's shadow root, by role as well as part, so that a rewrite
  // of the element's markup keeps one of them.
  banner: 'yinyom-banner >>> [part~=base], [role=region]',
  stored: { cookie: 'yinyom' },
});

const vanillaInit = `CookieConsent.run({
  // Headless Chromium reports navigator.webdriver: the banner must show to be measured.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: { default: 'en', translations: { en: {
    consentModal: { title: 'We use cookies', description: 'Analytics and marketing cookies need your consent.', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', showPreferencesBtn: 'Settings' },
    preferencesModal: { title: 'Cookie settings', acceptAllBtn: 'Accept all', acceptNecessaryBtn: 'Reject all', savePreferencesBtn: 'Save', sections: [
      { title: 'Necessary', linkedCategory: 'necessary' }, { title: 'Analytics', linkedCategory: 'analytics' }, { title: 'Marketing', linkedCategory: 'marketing' } ] } } } } });`;

const orejimeConfig = `window.orejimeConfig = { privacyPolicyUrl: '/privacy', purposes: [
  { id: 'necessary', title: 'Necessary', isMandatory: true },
  { id: 'analytics', title: 'Analytics', cookies: ['_ga'] },
  { id: 'marketing', title: 'Marketing', cookies: ['mkt'] } ] };`;

// Silktide has no declarative gating: its README runs a category's scripts from onAccept.
const silktideInit = `silktideCookieBannerManager.updateCookieBannerConfig({
  cookieTypes: [
    { id: 'necessary', name: 'Necessary', description: '<p>Needed for the site to work.</p>', required: true, defaultValue: true },
    { id: 'analytics', name: 'Analytics', description: '<p>How visitors use the site.</p>', defaultValue: false,
      onAccept: function () { silktideCookieBannerManager.injectScript('${GATED}'); } },
    { id: 'marketing', name: 'Marketing', description: '<p>Personalised advertising.</p>', defaultValue: false },
  ],
  text: {
    banner: { description: '<p>We use cookies. Analytics and marketing cookies need your consent.</p>', acceptAllButtonText: 'Accept all', rejectNonEssentialButtonText: 'Reject all', preferencesButtonText: 'Settings' },
    preferences: { title: 'Cookie settings', description: '<p>Choose which cookies we may use.</p>' },
  },
  position: { banner: 'bottomRight', cookieIcon: 'bottomLeft' },
});`;

const klaroConfig = `window.klaroConfig = {
  storageMethod: 'cookie', cookieName: 'klaro', cookieExpiresAfterDays: 365, privacyPolicy: '/privacy',
  lang: 'en', default: false, mustConsent: false, acceptAll: true, hideDeclineAll: false,
  translations: { en: {
    // Its notice button accepts every service (acceptAll); labelled as the other banners'.
    ok: 'Accept all',
    consentNotice: { description: 'We use cookies. Analytics and marketing cookies need your consent.' },
    purposes: { necessary: 'Necessary', analytics: 'Analytics', marketing: 'Marketing' } } },
  services: [
    { name: 'necessary', title: 'Necessary', purposes: ['necessary'], required: true },
    { name: 'analytics', title: 'Analytics', purposes: ['analytics'], cookies: [/^_ga/] },
    { name: 'marketing', title: 'Marketing', purposes: ['marketing'] } ] };`;

/**
 * Every page, by name. `banner` is a selector path (` >>> ` steps into the shadow root of
 * what the step before matched); `stored` says where the decision lands, to wait for after
 * the accept click. `peer` subjects count in "below every peer"; `reference` ones (klaro, the
 * heavy reference, and the floor stand-in) are shown beside them but do not count;
 * `firstVisit: false` measures only the returning visit.
 */
export const subjects = {
  bare: { head: '', body: `<script src="${GATED}"></script>`, banner: null },
  'yinyom (en)': yinyom({ ...yinyomConfig, language: 'en' }),
  'yinyom (th)': yinyom(yinyomConfig),
  'yinyom (en, endpoint)': { ...yinyom({ ...yinyomConfig, language: 'en', endpoint: ENDPOINT }), firstVisit: false },
  'vanilla-cookieconsent 3.1': {
    peer: true,
    // As its documentation places it: run() needs document.body.
    head: '<link rel="stylesheet" href="/peers/vanilla-cookieconsent/dist/cookieconsent.css"><script src="/peers/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>',
    body: `<script type="text/plain" data-category="analytics" src="${GATED}"></script><script>${vanillaInit}</script>`,
    banner: '#cc-main .cm',
    stored: { cookie: 'cc_cookie' },
  },
  'orejime 3.2': {
    peer: true,
    head: `<link rel="stylesheet" href="/peers/orejime/dist/orejime-standard.css"><script>${orejimeConfig}</script><script src="/peers/orejime/dist/orejime-standard-en.js"></script>`,
    body: `<template data-purpose="analytics"><script src="${GATED}"></script></template>`,
    banner: '.orejime-Banner',
    stored: { cookie: 'eu-consent' },
  },
  'silktide (minified)': {
    peer: true,
    // As its README places it; the files are minified at startup (serve.mjs).
    head: '<link rel="stylesheet" href="/peers/silktide/silktide-consent-manager.min.css">',
    body: `<script src="/peers/silktide/silktide-consent-manager.min.js"></script><script>${silktideInit}</script>`,
    banner: '#silktide-banner',
    stored: { localStorage: 'silktideCookieBanner_InitialChoice' },
  },
  // Not a consent manager: the least work a returning visit can cost (floor.js), for target 3.
  'floor (reference)': {
    reference: true,
    firstVisit: false,
    head: `<script src="${FLOOR}"></script>`,
    body: '',
    banner: null,
    stored: { cookie: 'floor' },
  },
  'klaro 0.7 (reference)': {
    reference: true,
    // As its README places it: config first, both deferred.
    head: `<script>${klaroConfig}</script><script defer src="/peers/klaro/dist/klaro.js"></script>`,
    body: `<script type="text/plain" data-type="text/javascript" data-name="analytics" data-src="${GATED}"></script>`,
    banner: '.klaro .cookie-notice',
    stored: { cookie: 'klaro' },
  },
};

/** The HTML of subject `name`'s page; its empty icon spares a favicon request that is nobody's bytes. */
export function subjectPage(name) {
  const { head, body } = subjects[name];
  return `<!doctype html><html lang="th"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,"><title>bench</title>${head}<body>${article}${body}</body></html>`;
}
