// A receiver for the preset forms of @intake/core, on node:http (the command line of receiver.mjs).
//
//   POST /hooks/crm-lead   stores to ./data/crm-lead.jsonl
//   POST /hooks/contact    stores to ./data/contact.jsonl
//
// Environment: PORT (default 8787, or a free port when 8787 is taken, e.g. by the demo), ALLOWED_ORIGINS (comma-separated origins such as
// "https://www.example.com,http://localhost:5173", or "*"; default "*" for local development),
// DATA_DIR (default ./data, relative to the working directory).
import { parseAllowedOrigins, startReceiver } from './receiver.mjs';
import { exitOnPortError, onPort, portFrom } from './free-port.mjs';

const allowedOrigins = parseAllowedOrigins(process.env.ALLOWED_ORIGINS ?? '*');
const receiver = await onPort(portFrom('PORT', 8787), 'PORT', (port) =>
  startReceiver({ port, dataDir: process.env.DATA_DIR ?? 'data', allowedOrigins }),
).catch(exitOnPortError);
console.log(`Intake receiver on ${receiver.url} (allowed origins: ${JSON.stringify(allowedOrigins)})`);

// Stop taking requests, let the writes under way finish, then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    receiver.close().then(() => process.exit(0));
  });
}
