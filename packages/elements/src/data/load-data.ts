import { currentRegionData, schemaMessagesFor, useRegionData } from '@intake/core';
import { currentPhoneEngine, usePhoneEngine, useSchemaTexts } from '@intake/core/internal';
import { importers, type DataFiles } from './data-files.js';

const loads = new Map<keyof DataFiles, Promise<DataFiles[keyof DataFiles] | undefined>>();
const failed = new Set<keyof DataFiles>();

/** Whether the data file `name` could not be loaded in this page (it is not asked for again). */
export const loadFailed = (name: keyof DataFiles): boolean => failed.has(name);

/**
 * Loads the data file `name` once per page (docs/schema.md, "Phone numbers in the script-tag build, and data loaded on demand"): the first
 * call imports it, later calls share that promise. Resolves to `undefined` when it cannot load
 * (offline, blocked): the form goes on without it, and no later call tries again in this page
 * (a browser keeps a failed module import failed).
 *
 * The import starts once the form's first frame is drawn (an animation frame, then a task; in a
 * hidden tab, once it is shown): the data files are large modules whose evaluation, and the redraw
 * of the fields that use them, would otherwise delay the first paint of the form (docs/BENCHMARKS.md,
 * "Data files after the first frame"). Until then the fields work without them: the lite phone
 * check, a region select that says it is loading. (Waiting for an idle moment instead was tried:
 * the loads then fell on the person's first keystrokes.)
 */
export function loadData<Name extends keyof DataFiles>(name: Name): Promise<DataFiles[Name] | undefined> {
  let load = loads.get(name);
  if (!load) {
    load = new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn))).then(importers[name]).catch((error: unknown) => {
      console.warn(`Intake: the ${name} data file could not be loaded; going on without it.`, error);
      failed.add(name);
      return undefined;
    });
    loads.set(name, load);
  }
  return load as Promise<DataFiles[Name] | undefined>;
}

/**
 * Starts loading the full phone engine unless it judges numbers already (npm builds bundle it),
 * and swaps it in when it arrives; every controller with a phone field then judges its numbers
 * again. Resolves to whether the full engine is in use. Never blocks typing: the lite engine
 * judges until then.
 */
export async function loadPhoneEngine(): Promise<boolean> {
  if (currentPhoneEngine().name === 'full') return true;
  const file = await loadData('phone');
  if (file) usePhoneEngine(file.phoneEngine);
  return currentPhoneEngine().name === 'full';
}

/**
 * Loads the region data (docs/schema.md, "Region") once per page, when the first region field is
 * drawn, and makes it the core's: every controller with a region field then judges it again.
 * Resolves to whether the data is in use.
 */
export async function loadRegionData(): Promise<boolean> {
  if (currentRegionData()) return true;
  const file = await loadData('region');
  if (file) useRegionData(file.regionData);
  return currentRegionData() !== undefined;
}

/**
 * Loads the texts of schema problems unless they are there (npm builds import them with
 * `parseForm`; the script-tag build loads them only for a broken form). Resolves to whether they
 * are there now.
 */
export async function loadSchemaMessages(): Promise<boolean> {
  if (schemaMessagesFor('en')) return true;
  const file = await loadData('schemaMessages');
  if (file) useSchemaTexts(file);
  return schemaMessagesFor('en') !== undefined;
}
