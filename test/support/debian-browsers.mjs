// Debian's browsers, as every browser test and measurement here starts them: where they are
// (CHROMIUM_BIN, FIREFOX_BIN override), and Chromium's flags. Root needs --no-sandbox; the
// machine has no network beyond loopback, so background work (updates, sync) only adds noise.
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** puppeteer-core's launch options for Debian's Chromium, with `args` added to the flags. */
export const chromiumLaunch = (args = []) => ({ browser: 'chrome', executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...args] });
/** puppeteer-core's launch options for Debian's Firefox ESR. */
export const firefoxLaunch = (extra = {}) => ({ browser: 'firefox', executablePath: FIREFOX, headless: true, ...extra });
