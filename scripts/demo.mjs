// The main job (`pnpm demo`, which builds first): the crm-lead form in a browser, posting to the
// example receiver on this machine, and an inbox page listing what the receiver stored.
//
// Starts two node:http servers on 127.0.0.1 (or DEMO_HOST):
//   - the demo site (examples/demo/public, /intake.js from packages/embed/dist, the preset at
//     /schemas/crm-lead.json, GET /api/records for the inbox and /api/records.csv for its
//     download), port DEMO_PORT (default 8080);
//   - the receiver of examples/receiver (JSON-lines files in DEMO_DATA_DIR, default .demo-data/),
//     port RECEIVER_PORT (default 8787), accepting posts only from the demo site's origin.
// A default port that is taken is replaced by a free one; a port set in the environment is not
// (0 asks for a free one). Ctrl-C stops both. Started directly, it does not build anything.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseForm } from '@intake/core';
import { exportCsv } from '@intake/receiver';
import { readRecords } from '../examples/demo/read-records.mjs';
import { createSiteServer } from '../examples/demo/site-server.mjs';
import { presetForms, recordsFile, startReceiver } from '../examples/receiver/receiver.mjs';

const fromRoot = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const bundle = fromRoot('packages/embed/dist/intake.js');
if (!existsSync(bundle)) {
  console.error(`${bundle} is missing: run \`pnpm build\` first (\`pnpm demo\` does both).`);
  process.exit(1);
}

/** A route for each data file beside the bundle, named in `dist/data-files.json` by the build. */
function dataFileRoutes() {
  const names = JSON.parse(readFileSync(fromRoot('packages/embed/dist/data-files.json'), 'utf8'));
  return Object.fromEntries(Object.values(names).map((file) => [`/${file}`, fromRoot(`packages/embed/dist/${file}`)]));
}

/** A port from the environment, or the default one (which may be swapped for a free one). */
function portFrom(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return { port: fallback, fixed: false };
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}=${text} is not a port number (0 to 65535; 0 picks a free port).`);
    process.exit(1);
  }
  return { port, fixed: true };
}

/** Runs `start(port)`; when the default port is taken, runs it again on a free port. */
async function onPort({ port, fixed }, name, start) {
  try {
    return await start(port);
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    if (fixed) {
      console.error(`${name}=${port}: the port is in use. Pick another one, or 0 for any free port.`);
      process.exit(1);
    }
    console.log(`Port ${port} is in use; using a free port instead.`);
    return start(0);
  }
}

const host = process.env.DEMO_HOST ?? '127.0.0.1';
const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? fromRoot('.demo-data'));
const files = Object.fromEntries(presetForms.map((form) => [form, recordsFile(dataDir, form)]));

let receiverOrigin = '';
const site = createSiteServer({
  publicDir: fromRoot('examples/demo/public'),
  routes: {
    '/intake.js': bundle,
    '/intake.js.map': `${bundle}.map`,
    // The data files intake.js loads on demand from beside itself (the full phone engine).
    ...dataFileRoutes(),
    '/schemas/crm-lead.json': fromRoot('packages/core/presets/crm-lead.json'),
  },
  receiverOrigin: () => receiverOrigin,
  records: () => readRecords(files),
  csv: exportRecords,
});

/**
 * The CSV download of the inbox: one form's records, oldest first, as `intake-export` writes
 * them (masked unless asked otherwise).
 * @param {import('../examples/demo/site-server.mjs').CsvQuery} query
 */
async function exportRecords({ form, locale, mask }) {
  if (!Object.hasOwn(files, form)) return undefined;
  const parsed = parseForm(await readFile(fromRoot(`packages/core/presets/${form}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`The ${form} preset is invalid`);
  const { entries } = await readRecords({ [form]: files[form] }, { limit: Infinity });
  let body = '';
  for await (const chunk of exportCsv(parsed.form, entries.map((entry) => entry.record).reverse(), { locale, mask })) body += chunk;
  return { filename: `${form}-records${mask ? '' : '-unmasked'}.csv`, body };
}

const sitePort = await onPort(portFrom('DEMO_PORT', 8080), 'DEMO_PORT', (port) =>
  new Promise((resolveListen, rejectListen) => {
    site.once('error', rejectListen);
    site.listen(port, host, () => {
      site.off('error', rejectListen);
      resolveListen(site.address().port);
    });
  }),
);
const pageHost = loopback ? 'localhost' : host.includes(':') ? `[${host}]` : host;
const pageUrl = `http://${pageHost}:${sitePort}/`;
// The page may be opened as localhost or 127.0.0.1: both spellings of this one site may post.
const pageOrigins = [...new Set([new URL(pageUrl).origin, ...(loopback ? [`http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`] : [])])];
// On this machine only, also the React example's dev server (5173) and preview (4173): its README runs
// it next to the demo, posting to http://localhost:8787/hooks/contact (examples/react/README.md).
const reactOrigins = loopback ? ['localhost', '127.0.0.1'].flatMap((name) => [`http://${name}:5173`, `http://${name}:4173`]) : [];

const receiver = await onPort(portFrom('RECEIVER_PORT', 8787), 'RECEIVER_PORT', (port) =>
  startReceiver({ port, host, dataDir, allowedOrigins: [...pageOrigins, ...reactOrigins], log: () => undefined }),
);
receiverOrigin = receiver.url;

console.log(`Receiver on port ${receiver.port}, taking posts only from the demo page; records go to ${dataDir}${process.platform === 'win32' ? '\\' : '/'}`);
console.log(`The inbox (a link on the page) lists the records received so far. Ctrl-C stops the demo.`);
console.log('');
console.log(`Intake demo: ${pageUrl}`);

let stopping = false;
async function stop(signal) {
  if (stopping) {
    process.exit(130); // a second Ctrl-C: do not wait any longer
  }
  stopping = true;
  const siteClosed = new Promise((resolveClose) => {
    site.close(() => resolveClose(undefined));
    site.closeIdleConnections();
    setTimeout(() => site.closeAllConnections(), 1000).unref();
  });
  await Promise.all([siteClosed, receiver.close()]);
  console.log(`Intake demo stopped (${signal}).`);
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(signal));
