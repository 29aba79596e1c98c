// Debian's Chromium (never a downloaded browser), headless, for every end-to-end test file.
import puppeteer, { type Browser } from 'puppeteer-core';

/** Arguments for Debian's Chromium running headless as root in a container. */
export const chromeArgs = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];

/** Launches Debian's Chromium headless (or CHROME_PATH). */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: chromeArgs });
}
