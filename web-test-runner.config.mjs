// Browser tests in real Chromium (Debian's /usr/bin/chromium, or CHROME_PATH); no browser is downloaded.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * A stand-in webhook for the delivery tests of `<intake-form>`: `POST /__webhook/<status>`
 * answers with that status (201, 422 with `{ "message": ... }`, or 503). A Koa middleware rather
 * than a plugin's `serve()` hook, because @web/dev-server-core answers every `serve()` result
 * with status 200.
 */
async function testWebhook(context, next) {
  const match = /^\/__webhook\/(201|422|503)$/.exec(context.path);
  if (!match || context.method !== 'POST') return next();
  context.status = Number(match[1]);
  if (context.status === 422) context.body = { message: 'This company is already registered.' };
  if (context.status === 201) context.body = { ok: true };
}

/**
 * A webhook refusing named fields, as the receiver does: `POST /__webhook/422-fields` answers 422
 * with `issues` whose paths are `["data", "<field>"]` (the phone and the email, whatever was sent)
 * and one without a field.
 */
async function refusingWebhook(context, next) {
  if (context.path !== '/__webhook/422-fields' || context.method !== 'POST') return next();
  context.status = 422;
  context.body = {
    message: 'The record is invalid',
    issues: [
      { path: ['data', 'phone'], code: 'invalid_phone', message: 'Enter a valid phone number, like +86 139 1234 5678' },
      { path: ['data', 'email'], code: 'invalid_email', message: 'This email address cannot receive mail' },
      { path: ['data', '__proto__'], code: 'unknown_field', message: 'No such field' },
      { path: ['dedupeKey'], code: 'dedupe_key_mismatch', message: 'The dedupe key does not match the data' },
    ],
  };
}

/**
 * A slow schema, for the tests of `schema-url` loads that supersede each other:
 * `GET /__schema/slow/<ms>/<name>` answers, after `<ms>` ms, a form of one text field `<name>`.
 */
async function slowSchema(context, next) {
  const match = /^\/__schema\/slow\/(\d+)\/(\w+)$/.exec(context.path);
  if (!match || context.method !== 'GET') return next();
  await new Promise((resolve) => setTimeout(resolve, Number(match[1])));
  context.type = 'application/json';
  context.body = JSON.stringify({ id: match[2], fields: [{ type: 'text', name: match[2], label: match[2] }] });
}

export default {
  files: ['packages/elements/src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [testWebhook, refusingWebhook, slowSchema],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./packages/elements/tsconfig.json', import.meta.url).pathname }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
        ],
      },
    }),
  ],
};
