// End-to-end: no layout shift while a page with an <intake-form> loads. Lighthouse scored the demo
// page's Cumulative Layout Shift at 0.2–0.45: the form appeared after the page was painted, the
// page grew, a scrollbar appeared and everything moved.
//
// Each page (the demo, examples/website-embed, examples/qr-landing, served as their own tests
// serve them) is loaded in a fresh browser context on a throttled connection (so the page is
// painted before intake.js and the schema arrive, as on a phone), at 360 and 1280 px, with
// overlay scrollbars (headless Chromium's default) and with classic scrollbars that take width.
// Every layout-shift entry without recent input is summed from the first frame until the form is
// rendered and settled (fonts and images loaded, no request for 500 ms); the total must stay
// ≤ 0.01 (Lighthouse calls ≤ 0.1 good). docs/BENCHMARKS.md keeps the figures.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { serveStaticSite, type StaticSite } from './support/static-site.js';
import { waitFor } from './support/wait-for.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'examples');
const csp = "default-src 'self'; script-src 'self'; style-src 'self'";
/** The most the layout may shift while a page loads. */
const budget = 0.01;
const widths = [360, 1280] as const;
const height = 800;
/** Lighthouse's mobile throttling: 150 ms round trip, 1.6 Mbit/s down. */
const network = { latency: 150, download: (1.6 * 1000 * 1000) / 8, upload: (750 * 1000) / 8 };

/** One layout-shift entry, with what moved. */
interface Shift {
  readonly value: number;
  readonly time: number;
  readonly sources: string[];
}

/** One measured load. */
interface Measure {
  readonly page: string;
  readonly width: number;
  readonly scrollbars: 'overlay' | 'classic';
  /** Width taken by the vertical scrollbar once settled (0 with overlay scrollbars or none). */
  readonly scrollbarWidth: number;
  readonly cls: number;
  readonly shifts: Shift[];
}
const measures: Measure[] = [];

// ---------------------------------------------------------------------------------------------
// The three sites.

const sites: { name: string; url: string }[] = [];
let demo: ChildProcess | undefined;
let demoOutput = '';
let dataDir: string | undefined;
const built: string[] = [];
const served: StaticSite[] = [];

/** Builds an example with its own build script and serves it as examples-embed.test.ts does. */
async function serveExample(name: string, hookPath: string, schemaFile: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `intake-cls-${name}-`));
  built.push(dir);
  await promisify(execFile)(process.execPath, [join(examples, name, 'build.mjs'), '--out', dir]);
  const site = await serveStaticSite({
    root: dir,
    headers: { 'content-security-policy': csp },
    hookPath,
    schema: JSON.parse(await readFile(join(dir, schemaFile), 'utf8')),
  });
  served.push(site);
  return `${site.origin}/`;
}

beforeAll(async () => {
  // The demo as `pnpm demo` runs it (see demo.test.ts), on ports the system picks.
  dataDir = await mkdtemp(join(tmpdir(), 'intake-cls-demo-'));
  demo = spawn(process.execPath, ['scripts/demo.mjs'], {
    cwd: root,
    env: { ...process.env, DEMO_PORT: '0', RECEIVER_PORT: '0', DEMO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  demo.stdout!.setEncoding('utf8').on('data', (chunk: string) => (demoOutput += chunk));
  demo.stderr!.setEncoding('utf8').on('data', (chunk: string) => (demoOutput += chunk));
  const match = await waitFor(
    () => {
      if (demo!.exitCode !== null) throw new Error(`scripts/demo.mjs exited early:\n${demoOutput}`);
      return /Intake demo: (http:\/\/\S+)/.exec(demoOutput);
    },
    20_000,
    "the demo's URL",
  );
  sites.push({ name: 'demo', url: match[1]! });
  sites.push({ name: 'website-embed', url: await serveExample('website-embed', '/hooks/contact', 'contact.json') });
  sites.push({ name: 'qr-landing', url: await serveExample('qr-landing', '/hooks/expo-booth', 'booth.json') });
}, 60_000);

afterAll(async () => {
  await Promise.all(served.map((site) => site.close()));
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    const exited = new Promise((resolve) => demo!.once('exit', resolve));
    demo.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  await Promise.all([...built, ...(dataDir ? [dataDir] : [])].map((dir) => rm(dir, { recursive: true, force: true })));
  if (measures.length > 0) {
    const rows = measures.map((m) => `${m.page.padEnd(14)} ${String(m.width).padStart(5)} px  ${m.scrollbars.padEnd(8)} scrollbar ${String(m.scrollbarWidth).padStart(2)} px  CLS ${m.cls.toFixed(4)}`);
    console.log(`Cumulative Layout Shift while loading (budget ${budget}):\n${rows.join('\n')}`);
  }
});

// ---------------------------------------------------------------------------------------------

/** Sums the layout shifts of one cold load of `url`, until the form is rendered and settled. */
async function measure(browser: Browser, url: string, width: number): Promise<{ cls: number; shifts: Shift[]; scrollbarWidth: number }> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width, height });
    await page.emulateNetworkConditions(network);
    // Before any of the page's scripts (CDP scripts are not subject to the page's CSP).
    await page.evaluateOnNewDocument(() => {
      const shifts: { value: number; time: number; sources: string[] }[] = [];
      (window as any).__shifts = shifts;
      const name = (node: Node | null | undefined): string => {
        if (!node) return '?';
        if (!(node instanceof Element)) return node.nodeName;
        return `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
      };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as any[]) {
          if (entry.hadRecentInput) continue;
          shifts.push({
            value: entry.value,
            time: Math.round(entry.startTime),
            sources: (entry.sources ?? []).map((source: any) => {
              const [a, b] = [source.previousRect, source.currentRect];
              return `${name(source.node)} (${a.x},${a.y} ${a.width}×${a.height} → ${b.x},${b.y} ${b.width}×${b.height})`;
            }),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // The form is rendered (its <form> in the shadow root), then fonts and images are in, then quiet.
    await page.waitForFunction(() => !!document.querySelector('intake-form')?.shadowRoot?.querySelector('form'), { timeout: 30_000 });
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
    });
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const shifts = (await page.evaluate(() => (window as any).__shifts)) as Shift[];
    const scrollbarWidth = await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
    return { cls: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts, scrollbarWidth };
  } finally {
    await context.close();
  }
}

for (const scrollbars of ['overlay', 'classic'] as const) {
  describe(`with ${scrollbars} scrollbars`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser({ scrollbars: scrollbars === 'classic' });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    for (const name of ['demo', 'website-embed', 'qr-landing']) {
      for (const width of widths) {
        it(`${name} at ${width} px: the layout shifts ≤ ${budget} while the form loads`, { timeout: 90_000 }, async () => {
          const site = sites.find((site) => site.name === name)!;
          const result = await measure(browser, site.url, width);
          measures.push({ page: name, width, scrollbars, ...result });
          const detail = result.shifts.map((shift) => `  ${shift.value.toFixed(4)} at ${shift.time} ms: ${shift.sources.join('; ')}`).join('\n');
          expect(result.cls, `layout shifts of ${name} at ${width} px (${scrollbars} scrollbars):\n${detail}`).toBeLessThanOrEqual(budget);
        });
      }
    }

    // The classic variant is only worth its name if a scrollbar there really takes width: the
    // demo page at 360 px is taller than the viewport once the form is in.
    if (scrollbars === 'classic') {
      it('a scrollbar takes width in this browser (the demo page at 360 px is taller than the viewport)', () => {
        const demoMeasure = measures.find((m) => m.page === 'demo' && m.width === 360 && m.scrollbars === 'classic');
        expect(demoMeasure?.scrollbarWidth).toBeGreaterThan(0);
      });
    }
  });
}
