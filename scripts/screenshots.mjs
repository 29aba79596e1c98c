// Takes the README screenshots of the crm-lead preset with headless Debian Chromium:
// 360 px and 1280 px wide, light and dark, into docs/images/. Needs CJK fonts for the Chinese
// texts (Debian: fonts-noto-cjk).
//
//   node scripts/screenshots.mjs
import { build } from 'esbuild';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = new URL('../', import.meta.url);
const out = new URL('docs/images/', root);
const dir = await mkdtemp(join(tmpdir(), 'intake-shots-'));
await build({
  entryPoints: [new URL('packages/elements/src/define.ts', root).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  conditions: ['production'],
  outfile: join(dir, 'intake.js'),
  logLevel: 'warning',
});
const schema = await readFile(new URL('packages/core/presets/crm-lead.json', root), 'utf8');
await writeFile(
  join(dir, 'index.html'),
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; padding: 24px 16px 40px; background: #fff; }
  main { max-width: 40rem; margin: 0 auto; }
  @media (prefers-color-scheme: dark) { body { background: #15171c; } }
</style>
<script type="module" src="./intake.js"></script></head>
<body><main><intake-form><script type="application/json">${schema.replace(/</g, '\\u003c')}</script></intake-form></main></body></html>`,
);
await writeFile(join(dir, 'intake.html'), '');

const server = createServer(async (request, response) => {
  const name = new URL(request.url, 'http://x').pathname.slice(1) || 'index.html';
  try {
    const body = await readFile(join(dir, name));
    response.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--font-render-hinting=none'],
});
await mkdir(out, { recursive: true });
for (const width of [360, 1280]) {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: width === 360 ? 740 : 900, deviceScaleFactor: width === 360 ? 2 : 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(origin, { waitUntil: 'networkidle0' });
    // Show the error state of the first step: press Continue with the company filled in, and the
    // address chosen down to the city only (the district is asked for).
    await page.waitForFunction(() => document.querySelector('intake-form')?.shadowRoot?.querySelector('intake-field[name="region"] select:not([disabled])'));
    await page.evaluate(async () => {
      const form = document.querySelector('intake-form');
      await form.updateComplete;
      form.values = { company: '上海示例机械有限公司', website: 'acme-example', region: '310100' };
      form.shadowRoot.querySelector('button[type="submit"]').click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      window.scrollTo(0, 0);
    });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > width) throw new Error(`horizontal scroll at ${width}px: ${scrollWidth}px wide`);
    const file = new URL(`crm-lead-${width}-${scheme}.png`, out);
    await page.screenshot({ path: file.pathname, fullPage: width === 1280 });
    console.log(`${file.pathname} (${width}px, ${scheme})`);
    await page.close();
  }
}
await browser.close();
server.close();
