import { existsSync } from 'node:fs';
import { InputError } from './input-error.js';

/**
 * Launches Debian's Chromium headless (`CHROMIUM_BIN`, default /usr/bin/chromium) through
 * puppeteer-core, which downloads no browser of its own. `args` are added to Chromium's.
 */
export async function launchBrowser(args = []) {
  const executablePath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new InputError(`ไม่พบ Chromium ที่ ${executablePath}: ติดตั้งด้วย sudo apt-get install -y chromium หรือตั้ง CHROMIUM_BIN / Chromium not found at ${executablePath}: install it with sudo apt-get install -y chromium, or set CHROMIUM_BIN`);
  }
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
  });
}
