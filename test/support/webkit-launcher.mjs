// WebKit for web-test-runner: Debian's WebKitGTK MiniBrowser driven over WebDriver by
// WebKitWebDriver (package webkit2gtk-driver). MiniBrowser has no headless mode, so the
// driver runs under a virtual display (xvfb-run, package xvfb) unless one is already set.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const MINIBROWSER = process.env.MINIBROWSER_BIN || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = process.env.WEBKIT_DRIVER_BIN || '/usr/bin/WebKitWebDriver';

/** What WebKit needs on this machine that is missing, as Debian packages. */
export function missingForWebkit() {
  return [
    [DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
    ['/usr/bin/xvfb-run', 'xvfb'],
  ].filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const accepting = (port) =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true)).on('error', () => resolve(false));
  });

/** Starts WebKitWebDriver on a free port (under xvfb-run without a display) and waits until it accepts connections. */
export async function startDriver() {
  const port = await freePort();
  const command = process.env.DISPLAY ? [DRIVER, `--port=${port}`] : ['xvfb-run', '-a', DRIVER, `--port=${port}`];
  // Its own process group, so that stopping it stops xvfb-run, Xvfb and the driver together.
  const child = spawn(command[0], command.slice(1), { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  for (let tries = 0; !(await accepting(port)); tries++) {
    if (tries > 100 || child.exitCode !== null) throw new Error(`WebKitWebDriver did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stop };
}

/** Named "WebKit" in the runner's output (the WebDriver launcher would name it by its capabilities). */
class WebkitLauncher extends WebdriverLauncher {
  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }
}

/** The web-test-runner launcher for WebKit. */
export async function webkitLauncher() {
  const { port } = await startDriver();
  return new WebkitLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
  });
}

/**
 * The server commands WebKit needs that the runner has only for Chromium and Firefox:
 * `webkit-viewport` `{width, height}` sizes the window until the page's viewport has that
 * size, and answers the size it got. MiniBrowser's window is never narrower than its toolbar
 * (447 CSS px here): a narrower viewport is given that width.
 */
export function webkitCommands() {
  return {
    name: 'yinyom-webkit-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'webkit-viewport') return undefined;
      const driver = session.browser.driver;
      if (!driver) throw new Error('webkit-viewport: the session is not a WebKit one');
      const viewport = () => driver.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
      let { width, height } = payload;
      let got;
      for (let tries = 0; tries < 6; tries++) {
        await driver.setWindowSize(width, height);
        got = await viewport();
        if (got.width === payload.width && got.height === payload.height) break;
        // The window's frame and toolbar take their share: grow the window by what is missing,
        // but not below the width the window will not go under.
        if (got.width !== payload.width) width = Math.max(width + payload.width - got.width, 100);
        height += payload.height - got.height;
      }
      if (got.height !== payload.height || got.width < payload.width) {
        throw new Error(`webkit-viewport: could not make the viewport ${payload.width}×${payload.height} (it is ${got.width}×${got.height})`);
      }
      return got;
    },
  };
}
