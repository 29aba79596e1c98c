/**
 * @intake/receiver: the server side of Intake. A Fetch-standard webhook handler that re-validates
 * every record against its form and stores it exactly once (docs/receiving.md); `@intake/receiver/node`
 * serves it on `node:http`.
 * @packageDocumentation
 */
export { createHandler, defaultMaxBodyBytes, defaultMinFillMs } from './create-handler.js';
export type { HandlerAnswer, HandlerOptions, IntakeHandler, ReceiverIssue } from './create-handler.js';
export type { AllowedOrigins } from './cors.js';
export { memoryStore } from './record-store.js';
export type { MemoryStore, PutResult, RecordStore } from './record-store.js';
export { defaultJsonlPath, jsonlStore } from './jsonl-store.js';
export type { JsonlLockedError, JsonlRecovery, JsonlStore, JsonlStoreOptions, TornTail } from './jsonl-store.js';
export { decodeFormRecord } from './decode-form-record.js';
export { bodyFormat } from './media-type.js';
export type { BodyFormat } from './media-type.js';
export type { ReceiverIssueCode } from './messages.js';
export { csvBom, csvCells, csvHeader, csvLine, exportCsv, guardCell, isPersonNameField } from './export-csv.js';
export type { CsvExportOptions } from './export-csv.js';
