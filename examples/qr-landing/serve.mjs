// Serves the built booth page (dist/) the way a web server would: with the strict
// Content-Security-Policy, and the webhook on the same origin (`/hooks/expo-booth`, a receiver
// made with @intake/receiver that re-validates each record against booth.json and appends it to
// data/expo-booth.jsonl). For trying the example locally; any static server plus any webhook works.
//
//   node build.mjs && node serve.mjs        then open http://localhost:8080/
//   PORT=3000 HOST=0.0.0.0 node serve.mjs  (phones on the booth Wi-Fi)
import { fileURLToPath } from 'node:url';
// From the Intake workspace (examples/receiver, which brings @intake/receiver).
import { serveSameOriginSite } from '../receiver/same-origin-site.mjs';
import { exitOnPortError, onPort, portFrom } from '../receiver/free-port.mjs';

const host = process.env.HOST ?? 'localhost';
const root = fileURLToPath(new URL('dist/', import.meta.url));
// PORT unset: 8080, or a free port when 8080 is taken (e.g. by the demo).
const server = await onPort(portFrom('PORT', 8080), 'PORT', (port) =>
  serveSameOriginSite({ root, schemaFile: 'booth.json', hookPath: '/hooks/expo-booth', dataFile: 'data/expo-booth.jsonl', port, host }),
).catch(exitOnPortError);
const { port } = server.address();
console.log(`The booth page on http://${host}:${port}/, its QR code on /qr.html (records: data/expo-booth.jsonl)`);
