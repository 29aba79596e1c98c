// Serves the built site (dist/) the way a company's web server would: with the strict
// Content-Security-Policy, and the webhook on the same origin (`/hooks/contact`, a receiver made
// with @intake/receiver that re-validates each record against contact.json and appends it to
// data/contact.jsonl). For trying the example locally; any static server plus any webhook works.
//
//   node build.mjs && node serve.mjs        then open http://localhost:8080/
//   PORT=3000 node serve.mjs   (PORT unset: 8080, or a free port when 8080 is taken, e.g. by the demo)
import { fileURLToPath } from 'node:url';
// From the Intake workspace (examples/receiver, which brings @intake/receiver).
import { serveSameOriginSite } from '../receiver/same-origin-site.mjs';
import { exitOnPortError, onPort, portFrom } from '../receiver/free-port.mjs';

const root = fileURLToPath(new URL('dist/', import.meta.url));
const server = await onPort(portFrom('PORT', 8080), 'PORT', (port) =>
  serveSameOriginSite({ root, schemaFile: 'contact.json', hookPath: '/hooks/contact', dataFile: 'data/contact.jsonl', port }),
).catch(exitOnPortError);
const { port } = server.address();
console.log(`Northwind Robotics on http://localhost:${port}/ (records: data/contact.jsonl)`);
