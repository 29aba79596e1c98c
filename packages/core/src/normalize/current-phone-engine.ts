import type { PhoneEngine } from './phone-engine-api.js';
import { phoneEngine as bundled } from './phone-engine.js';

/**
 * The phone engine in use. It starts as the engine this build bundles (`./phone-engine.js`: the
 * full one from npm, the lite one in the script-tag build) and can be swapped once a page has
 * loaded the full engine on demand (docs/schema.md, "Phone numbers in the script-tag build"; the loading itself is the
 * elements' `data/` room: the core has no DOM and fetches nothing).
 */
let current: PhoneEngine = bundled;
const listeners = new Set<() => void>();

/** The phone engine that judges numbers now. */
export function currentPhoneEngine(): PhoneEngine {
  return current;
}

/**
 * Makes `engine` the one that judges numbers from now on, and tells every listener (controllers
 * then re-judge what was typed). A lite engine never replaces a full one.
 */
export function usePhoneEngine(engine: PhoneEngine): void {
  if (engine === current || (current.name === 'full' && engine.name === 'lite')) return;
  current = engine;
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after the phone engine is swapped. Returns the function that stops it. */
export function onPhoneEngineChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
