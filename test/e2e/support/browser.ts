// Debian's Chromium (never a downloaded browser), headless, for every end-to-end test file.
import puppeteer, { type Browser } from 'puppeteer-core';

/** Arguments for Debian's Chromium running headless as root in a container. */
export const chromeArgs = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];

/** How to launch the browser. */
export interface LaunchOptions {
  /**
   * `true`: classic scrollbars that take width from the page, as on Windows and Linux desktops.
   * By default puppeteer launches headless Chromium with `--hide-scrollbars` (no scrollbar takes
   * any width, as with overlay scrollbars on phones and macOS).
   */
  readonly scrollbars?: boolean;
}

/** Launches Debian's Chromium headless (or CHROME_PATH). */
export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: chromeArgs,
    ...(options.scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
  });
}
