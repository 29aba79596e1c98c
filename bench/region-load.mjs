// What the region data costs a page: its data file's size on the wire, and the time from a
// region field's first render to a usable province list on a throttled connection (1.6 Mbit/s
// down, 750 kbit/s up, 150 ms round trip: Lighthouse's "slow 4G", through CDP
// `Network.emulateNetworkConditions`) in headless Debian Chromium. Each run is a fresh browser
// context (empty cache) that loads the shipped packages/embed/dist/intake.js, then draws
// `<intake-field type="region">` and waits until its province select is enabled. The files are
// served gzip-compressed (level 9), as a web server would.
//
//   node bench/region-load.mjs [--runs 7]
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const runs = Math.max(5, Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 7) || 7);
const dist = fileURLToPath(new URL('../packages/embed/dist/', import.meta.url));
const dataFiles = JSON.parse(await readFile(`${dist}data-files.json`, 'utf8'));
const region = await readFile(`${dist}${dataFiles.region}`);
const script = await readFile(`${dist}intake.js`);
const gz = (body) => gzipSync(body, { level: 9 });
const br = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>region</title><script src="/intake.js"></script></head><body><main id="m"></main></body></html>`;
const files = {
  '/': { type: 'text/html; charset=utf-8', body: Buffer.from(page) },
  '/intake.js': { type: 'text/javascript', body: script },
  [`/${dataFiles.region}`]: { type: 'text/javascript', body: region },
};
const server = createServer((request, response) => {
  const file = files[new URL(request.url ?? '/', 'http://x').pathname];
  if (!file) return void response.writeHead(404).end();
  response.writeHead(200, {
    'content-type': file.type,
    'content-encoding': 'gzip',
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'",
  });
  response.end(gz(file.body));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const times = [];
const loads = [];
for (let run = 0; run < runs; run++) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const cdp = await tab.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 });
  await tab.goto(origin, { waitUntil: 'load' });
  loads.push(loadavg()[0]);
  const ms = await tab.evaluate(async () => {
    await customElements.whenDefined('intake-field');
    const field = document.createElement('intake-field');
    field.setAttribute('type', 'region');
    field.setAttribute('name', 'address');
    field.setAttribute('label', '公司所在地区');
    const start = performance.now();
    document.getElementById('m').append(field);
    await field.updateComplete;
    for (;;) {
      const select = field.shadowRoot.querySelector('select');
      if (select && !select.disabled && select.options.length > 30) return performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
  times.push(ms);
  await context.close();
}
await browser.close();
server.close();

const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const chromium = (await import('node:child_process')).execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(`region data file ${dataFiles.region}: ${region.byteLength} B minified, ${gz(region).length} B gzip -9, ${br(region).length} B brotli -11`);
console.log(`render → usable province list at 1.6 Mbit/s, 150 ms RTT (${runs} runs, fresh cache): median ${median.toFixed(0)} ms; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} during the runs; ${chromium}; Node ${process.version}`);
