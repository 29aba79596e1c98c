/**
 * `@intake/core/internal`: helpers that the packages of this repository share but that are no part
 * of the contract (docs/contract.md). They may change in any release; pages and custom UIs use
 * `@intake/core`.
 * @packageDocumentation
 */
export { emptyRawValue, prefillValue } from './raw-values.js';
export { parseRetryAfter } from './delivery/post-record.js';
export { backoffDelay } from './delivery/deliver-record.js';
export { defaultClaim } from './delivery/outbox.js';
export { baseKeys, fieldTypeTable, keysOf } from './schema/field-types.js';
export { parseDate } from './normalize/normalize-date.js';
export type { FieldTypeSpec, KeySpec, ValueSpec } from './schema/field-types.js';
export { currentPhoneEngine, onPhoneEngineChange, usePhoneEngine } from './normalize/current-phone-engine.js';
export { cascadeLineages } from './normalize/normalize-cascade.js';
export { useSchemaTexts } from './locale/schema-catalogue.js';
export type { SchemaTexts } from './locale/schema-catalogue.js';
export type { PhoneEngine, PhoneParse } from './normalize/phone-engine-api.js';
export type { Sha256 } from './record/sha256-fallback.js';
