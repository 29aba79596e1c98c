import type { RegionData } from '@intake/core';
import type { PhoneEngine, SchemaTexts } from '@intake/core/internal';

/** What each data file on demand holds, by name. */
export interface DataFiles {
  /** The full phone engine: libphonenumber-js with Intake's metadata. */
  readonly phone: { readonly phoneEngine: PhoneEngine };
  /** China's administrative divisions for region fields (`@intake/core/region-data`). */
  readonly region: { readonly regionData: RegionData };
  /** What a developer reads about a broken form: texts of schema problems, "did you mean" (`@intake/core/schema-messages`). */
  readonly schemaMessages: SchemaTexts;
}

/**
 * How each data file is imported: here, as a dynamic `import()` that a bundler turns into a chunk
 * of its own (docs/schema.md, "Phone numbers in the script-tag build, and data loaded on demand"). The script-tag build replaces this module
 * with `packages/embed/src/data-files.ts`, which imports content-hashed files from beside
 * `intake.js`. Names are fixed here; nothing outside chooses what is imported.
 */
export const importers: { readonly [Name in keyof DataFiles]: () => Promise<DataFiles[Name]> } = {
  phone: () => import('@intake/core/phone-engine'),
  region: () => import('@intake/core/region-data'),
  schemaMessages: () => import('@intake/core/schema-messages'),
};
