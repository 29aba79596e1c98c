// Builds the booth site into dist/ (or `--out <dir>`): the landing page and the one script file
// of @intake/embed, plus a printable QR code of the page's address, drawn as SVG by the `qrcode`
// library at build time (no network, no browser; ~50 ms).
//
//   node build.mjs [--url https://expo.example.com/?utm_source=qr&utm_medium=print] [--out dir]
//   QR_URL=https://… node build.mjs
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { defaultUrl, qrOptions } from './qr-options.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, url: { type: 'string' } } });
const out = resolve(here, values.out);
if (here.startsWith(`${out}/`) || `${out}/` === here) throw new Error(`--out ${values.out} would delete the example itself`);

const url = values.url ?? process.env.QR_URL ?? defaultUrl;
let parsed;
try {
  parsed = new URL(url);
} catch {
  console.error(`Not a URL: ${url}`);
  process.exit(1);
}
if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
  console.error(`The QR code must lead to an http(s) page, not ${parsed.protocol}`);
  process.exit(1);
}

const embed = fileURLToPath(import.meta.resolve('@intake/embed/intake.js'));
if (!existsSync(embed)) {
  console.error(`${embed} is missing: build @intake/embed first (pnpm build at the repository root).`);
  process.exit(1);
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const copies = ['index.html', 'booth.css', 'booth.js', 'booth.json', 'logo.svg', 'qr.css', 'qr.js'].map((name) => resolve(here, name));
copies.push(embed);
if (existsSync(`${embed}.map`)) copies.push(`${embed}.map`);
// The data files intake.js loads on demand from beside itself (the full phone check).
const dataFiles = JSON.parse(readFileSync(resolve(dirname(embed), 'data-files.json'), 'utf8'));
for (const file of Object.values(dataFiles)) copies.push(resolve(dirname(embed), file));

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const svg = await QRCode.toString(parsed.href, qrOptions);
const sheet = (await readFile(resolve(here, 'qr.html'), 'utf8')).replaceAll('{{url}}', escapeHtml(parsed.href));
await Promise.all([
  ...copies.map((file) => copyFile(file, resolve(out, basename(file)))),
  writeFile(resolve(out, 'qr.svg'), svg),
  writeFile(resolve(out, 'qr.html'), sheet),
]);
console.log(`qr-landing: ${copies.length + 2} files in ${out}; qr.svg leads to ${parsed.href}`);
