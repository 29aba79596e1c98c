// End-to-end: the built script-tag file `packages/embed/dist/intake.js` on its built-in lite phone
// check, loaded with a plain `<script src>` after an `<intake-form>` already in the page, in real
// Chromium against the real receiver (which re-validates with the full phone engine). This site
// does not serve the phone data file, as for a phone that cannot reach it: the form works on the
// lite check (test/e2e/phone-data.test.ts covers the data file being there).
// Needs `pnpm build` first (the embed's build writes dist/).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFormPage, startSite, type FormPage, type Site } from './harness.js';
import { launchBrowser } from './support/browser.js';
import { waitFor } from './support/wait-for.js';

const scriptFile = fileURLToPath(new URL('../../packages/embed/dist/intake.js', import.meta.url));

const schema = (hookUrl: string) => ({
  id: 'embed-lite',
  title: 'Call me back',
  fields: [{ type: 'phone', name: 'phone', label: 'Phone', required: true, defaultCountry: 'CN' }],
  submit: { url: hookUrl, format: 'json' },
});

let site: Site;
let browser: Browser;
let script: string;

beforeAll(async () => {
  const bundle = await readFile(scriptFile).catch(() => {
    throw new Error(`${scriptFile} is missing: run \`pnpm build\` (or \`pnpm --filter @intake/embed build\`) first`);
  });
  script = bundle.toString('utf8');
  site = await startSite(bundle, schema('http://127.0.0.1/hook'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Opens the page with every request the browser makes recorded. */
async function openPage(name: string): Promise<{ form: FormPage; requests: { method: string; url: string }[] }> {
  const url = site.page(name, { schema: schema(site.hookUrl), classicScriptAfterForm: true });
  const form = await openFormPage(browser, url);
  // Recorded from a fresh load of the same page (a reload fetches the page and the script again).
  const requests: { method: string; url: string }[] = [];
  form.page.on('request', (request: HTTPRequest) => requests.push({ method: request.method(), url: request.url() }));
  await form.load();
  return { form, requests };
}

/** The phone field's text input (fields inside `<intake-form>` render in the form's shadow root, without their own). */
const phoneInput = 'intake-field[name="phone"] input[type="tel"]';

async function typePhone(form: FormPage, typed: string): Promise<void> {
  const { page } = form;
  await page.evaluate((selector) => {
    const input = document.querySelector('intake-form')!.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    input.focus();
    input.select();
  }, phoneInput);
  await page.keyboard.press('Backspace');
  await page.keyboard.type(typed);
  await page.keyboard.press('Tab');
}

async function fieldState(form: FormPage): Promise<{ value: string; error: string; invalid: string | null }> {
  return form.page.evaluate((selector) => {
    const root = document.querySelector('intake-form')!.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>(selector)!;
    const error = root.querySelector('intake-field[name="phone"] [part~="error"]');
    return { value: input.value, error: error?.textContent?.trim() ?? '', invalid: input.getAttribute('aria-invalid') };
  }, phoneInput);
}

async function clickSubmit(form: FormPage): Promise<void> {
  await form.page.evaluate(() => document.querySelector('intake-form')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click());
}

describe('dist/intake.js (lite phone engine) in a page', () => {
  it('is one classic script with the lite engine: no module syntax, no libphonenumber-js, one import() per data file', () => {
    // Booleans, not the script itself: a failure would print 120 KB.
    expect(/^\s*import\s|^\s*export\s/m.test(script), 'module syntax').toBe(false);
    // The data files loaded on demand (docs/schema.md): one dynamic import per file of
    // dist/data-files.json (the phone engine, the region data, the texts of schema problems, the
    // SHA-256), each of a file beside the script.
    const dataFiles = Object.keys(JSON.parse(readFileSync(new URL('../../packages/embed/dist/data-files.json', import.meta.url), 'utf8')) as object);
    expect(dataFiles).toEqual(['phone', 'region', 'schemaMessages', 'sha256']);
    expect(script.match(/\bimport\s*\(/g)?.length, 'dynamic imports').toBe(dataFiles.length);
    // V8's compile hint first (packages/embed/vite.config.ts), then the IIFE.
    expect(/^\/\/# allFunctionsCalledOnLoad\nvar Intake=\(?function\(/.test(script), 'the compile hint, then an IIFE assigning the global Intake').toBe(true);
    expect(script.includes('libphonenumber'), 'libphonenumber-js').toBe(false);
    // ASCII only: a page in another encoding (GBK without <meta charset>) reads the same texts and regexes.
    expect(/[^\x00-\x7f]/.test(script), 'non-ASCII characters').toBe(false);
    expect(/name:["`]lite["`]/.test(script), 'the lite phone engine').toBe(true);
    // The lite table is in the file (Hong Kong: no national prefix, its lengths).
    expect(/(\n|\\n)HK {2}[0-9a-z]+ /.test(script), 'the lite phone table').toBe(true);
  });

  it('upgrades a form already in the page, normalizes a phone number to E.164 and delivers it, with no other requests than the data file it could not get', async () => {
    const { form, requests } = await openPage('lite-valid');
    const { page } = form;
    // The form was parsed before the script ran: the script upgraded it.
    expect(await page.evaluate(() => document.querySelector('intake-form')!.nextElementSibling?.getAttribute('src'))).toBe('/intake.js');
    expect(await page.evaluate(() => customElements.get('intake-form') !== undefined && document.querySelector('intake-form') instanceof customElements.get('intake-form')!)).toBe(true);

    // A number of the wrong length: the localized error, tied to the field.
    await typePhone(form, '139 1234 5678 90');
    const wrong = await fieldState(form);
    expect(wrong.error).toBe('Error: Enter a valid phone number, like +86 139 1234 5678');
    expect(wrong.invalid).toBe('true');

    // A valid one, typed without spaces: left as typed (the lite check formats nothing), delivered as E.164.
    await typePhone(form, '13912345678');
    const right = await fieldState(form);
    expect(right.value).toBe('13912345678');
    expect(right.error).toBe('');
    await clickSubmit(form);
    const [submitted] = await form.waitForEvents('intake-submitted', 1);
    expect(submitted!.detail.status).toBe('delivered');
    expect(submitted!.detail.record.data).toEqual({ phone: '+8613912345678' });
    expect(submitted!.detail.record.context.phoneCheck).toBe('lite');
    expect(site.stored(submitted!.detail.record.id)[0]?.data).toEqual({ phone: '+8613912345678' });

    // Only the page, the script, the phone data file (once; not served here) and the webhook (its preflight and its POST).
    const pageUrl = `${site.pageOrigin}/lite-valid.html`;
    const dataFile = `${site.pageOrigin}/${JSON.parse(await readFile(new URL('../../packages/embed/dist/data-files.json', import.meta.url), 'utf8')).phone}`;
    expect(requests.filter((request) => request.url === dataFile)).toHaveLength(1);
    const allowed = new Set([pageUrl, `${site.pageOrigin}/intake.js`, dataFile, site.hookUrl]);
    const others = requests.filter((request) => !allowed.has(request.url));
    expect(others, JSON.stringify(others)).toEqual([]);
    expect(requests.filter((request) => request.url === `${site.pageOrigin}/intake.js`)).toHaveLength(1);
    expect(requests.filter((request) => request.url === site.hookUrl && request.method === 'POST')).toHaveLength(1);
    await page.close();
  });

  it('shows the receiver’s rejection of a number only the full engine knows is unallocated, keeping the value', async () => {
    const { form } = await openPage('lite-rejected');
    // +86 120… has a CN length and shape (the lite engine accepts it) but no such range exists.
    await typePhone(form, '120 1234 5678');
    expect((await fieldState(form)).error).toBe('');
    await clickSubmit(form);
    const [error] = await form.waitForEvents('intake-error', 1);
    expect(error!.detail.kind).toBe('rejected');
    // The receiver's full engine names the field it refused.
    expect(JSON.stringify(error!.detail.issues ?? error!.detail.message)).toContain('phone');
    expect(form.submitted()).toEqual([]);
    expect(site.store.records.filter((record) => record.data.phone === '+8612012345678')).toEqual([]);
    const shown = await waitFor(async () => (await form.formText()).trim(), 5_000, 'the rejection to show');
    expect(shown).toContain(error!.detail.message);
    expect((await fieldState(form)).value).toBe('120 1234 5678');
    await form.page.close();
  });
});
