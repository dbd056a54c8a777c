// Puppeteer drives Debian's Firefox ESR in the tests; it must never try to download a browser
// (CI and developer machines reach only the npm and Debian registries).
module.exports = { skipDownload: true };
