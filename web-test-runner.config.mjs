import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { CHROMIUM, CHROMIUM_ARGS, FIREFOX } from './test/support/debian-browsers.mjs';

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
  browsers,
  concurrency: 1,
  // Two at a time: three browsers on a two-core machine starve each other into timeouts.
  concurrentBrowsers: 2,
  testFramework: { config: { timeout: 10000 } },
};
