// Starts the Chromium that `npm run bench` and `npm run size` measure in: Debian's, headless,
// with the background work that would add noise to the figures (updates, sync) turned off.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { chromiumLaunch } from '../../test/support/debian-browsers.mjs';

/** Launches headless Chromium (`CHROMIUM_BIN`, default /usr/bin/chromium); exits with 2, saying how to install it, when it is missing. */
export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`Chromium is missing (${executablePath}). Install Debian's with a Thai font:
  sudo apt-get install -y chromium fonts-thai-tlwg
or point CHROMIUM_BIN at another Chromium.`);
    process.exit(2);
  }
  return puppeteer.launch({ ...chromiumLaunch(), executablePath });
}
