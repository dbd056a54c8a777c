import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX } from './test/support/debian-browsers.mjs';
import { slowDist } from './test/support/slow-dist.mjs';

const only = process.env.BROWSERS?.split(',');

const browsers = [];
const plugins = [];
if (!only || only.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
      },
    }),
  );
}
if (!only || only.includes('firefox')) {
  browsers.push(puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true } }));
}
if (!only || only.includes('webkit')) {
  const { missingForWebkit, webkitLauncher, webkitCommands } = await import('./test/support/webkit-launcher.mjs');
  const missing = missingForWebkit();
  if (missing.length) throw new Error(`WebKit needs ${missing.join(' and ')}. Install with: sudo apt-get install -y ${[...new Set(missing)].join(' ')}`);
  browsers.push(await webkitLauncher());
  plugins.push(webkitCommands());
}
for (const [name, path] of [['chromium', CHROMIUM], ['firefox-esr', FIREFOX]]) {
  if (!existsSync(path)) {
    throw new Error(`${name} is not installed at ${path}. Install it with: sudo apt-get install -y ${name}`);
  }
}

export default {
  files: ['test/**/*.test.ts', '!test/collector/**', '!test/e2e/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), (await import('./test/support/collector-plugin.mjs')).collectorPlugin(), ...plugins],
  middleware: [slowDist(500)],
  browsers,
  concurrency: 1,
  // Two at a time: three browsers on a two-core machine starve each other into timeouts.
  concurrentBrowsers: 2,
  testFramework: { config: { timeout: 10000 } },
  // Every test file starts without the cookies of the file before it. The files of one browser
  // share its cookie jar, and WebKit may still show the next page a cookie that the last one
  // deleted just before it navigated away: the page's cookie writes reach the network process
  // asynchronously, and the next page can run in a new web process.
  testRunnerHtml: (testRunnerImport) => `<!doctype html>
<html>
  <body>
    <script>
      for (const pair of document.cookie.split('; ')) {
        const name = pair.slice(0, pair.indexOf('='));
        if (name) document.cookie = name + '=;max-age=0;path=/';
      }
    </script>
    <script type="module" src="${testRunnerImport}"></script>
  </body>
</html>`,
};
