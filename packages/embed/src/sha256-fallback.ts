import type { Sha256 } from '@intake/core/internal';
import { importers } from './data-files.js';

/**
 * The script-tag build's SHA-256 for pages without WebCrypto (it replaces the core's
 * `record/sha256-fallback.ts`): @stablelib/sha256 as a content-hashed data file beside
 * `intake.js`. On such a page the load starts as soon as the script runs, so the file is there
 * long before the first record needs its dedupe key; a failed load is tried again at the next
 * record (docs/schema.md, "Data loaded on demand").
 */
let attempts = 0;
let load: Promise<Sha256> | undefined;

export function loadSha256(): Promise<Sha256> {
  load ??= importers.sha256(attempts++).then(
    (module) => (module as { hash: Sha256 }).hash,
    (error: unknown) => {
      load = undefined;
      throw error;
    },
  );
  return load;
}

if (typeof crypto === 'undefined' || !crypto.subtle) loadSha256().catch(() => undefined);
