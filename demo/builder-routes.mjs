// The server side of the config builder (/builder): the preview page each iframe loads, and
// the check of the config being typed, by the SDK's own validateConfig (through yinyom check).
import { checkConfig } from '../tools/src/check-config.js';

const VIEWS = new Set(['banner', 'preferences', 'consent']);
const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * The config as the preview runs it: nothing leaves the demo (no endpoint), the cookie stays
 * on the demo's host (no cookieDomain), and the notice is the demo's page, whatever the site's
 * own notice will be.
 */
function previewConfig(config, language) {
  const { endpoint, cookieDomain, ...rest } = config;
  return { ...rest, language, notice: { id: 'builder-preview', version: 'preview', url: '/privacy.html' } };
}

/** The page a preview iframe shows: `?config=<JSON>&lang=th|en&view=banner|preferences|consent`. */
export function builderPreview(params) {
  let config;
  try {
    config = JSON.parse(params.get('config') ?? '{}');
  } catch {
    config = {};
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) config = {};
  const language = params.get('lang') === 'en' ? 'en' : 'th';
  const view = VIEWS.has(params.get('view')) ? params.get('view') : 'banner';
  const purposes = (Array.isArray(config.purposes) ? config.purposes : []).map((purpose) => purpose?.id).filter((id) => typeof id === 'string');
  const inline = view === 'consent'
    ? `<form class="form"><yinyom-consent name="consent" purposes="${escapeHtml(purposes.join(' '))}"></yinyom-consent></form>`
    : '';
  const json = JSON.stringify(previewConfig(config, language), null, 2).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${language === 'th' ? 'ตัวอย่างการแสดงผล' : 'Preview'}</title>
  <link rel="stylesheet" href="/assets/site.css">
  <script type="application/json" id="yinyom-config">${json}</script>
  <script src="/dist/yinyom.js" data-config="#yinyom-config"></script>
  <script src="/assets/builder-preview.js" defer></script>
</head>
<body class="builder-preview" data-view="${view}">
  <main id="main"><div class="container">${inline}</div></main>
</body>
</html>
`;
}

/**
 * `{errors, warnings}` of a config sent as JSON text, worded as the SDK prints them. The page
 * it is for is the site's own, not the builder's: `cookieDomain` is taken as the site's.
 */
export async function checkBuilderConfig(text) {
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    return { errors: [`config: ไม่ใช่ JSON / not JSON: ${error.message}`], warnings: [] };
  }
  return checkConfig(config);
}
