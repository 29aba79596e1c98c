/**
 * @intake/core: the headless core of Intake. No DOM; runs in browsers, workers, Node, Deno, Bun.
 * @packageDocumentation
 */
export { parseForm, formatSchemaIssues } from './parse-form.js';
export type { ParseFormOptions, ParseFormResult, SchemaIssue } from './parse-form.js';
export { formJsonSchema } from './json-schema.js';
export { createIntake } from './create-intake.js';
export type { FieldIssue, Intake, IntakeChange, IntakeOptions, ValidationResult } from './create-intake.js';
export { IntakeValidationError } from './intake-validation-error.js';
export { validateRecord } from './validate-record.js';
export type { RecordIssue, ValidateRecordOptions } from './validate-record.js';
export { defineForm, field } from './builders.js';
export type { ChoiceFieldBuilder, FieldBuilder, InferData, TypedForm, ValueOfField } from './builders.js';
export { evaluateCondition, conditionFields } from './condition/evaluate-condition.js';
export type { ValueReader } from './condition/evaluate-condition.js';
export { normalizeField, defaultTextMaxLength, defaultTextareaMaxLength } from './normalize/normalize-field.js';
export type { FieldValue } from './normalize/normalize-field.js';
export { normalizeText, normalizeTextarea } from './normalize/normalize-text.js';
export { normalizeEmail } from './normalize/normalize-email.js';
export { normalizePhone, phoneExample } from './normalize/normalize-phone.js';
export type { PhoneRules } from './normalize/normalize-phone.js';
export { normalizeNumber } from './normalize/normalize-number.js';
export { normalizeDate } from './normalize/normalize-date.js';
export { normalizeChoice, normalizeChoices } from './normalize/normalize-choice.js';
export { normalizeBoolean, normalizeConsent, normalizeHidden } from './normalize/normalize-boolean.js';
export type { NormalizeResult } from './normalize/result.js';
export { phoneMetadata } from './normalize/phone-metadata.js';
export { composePhoneInput, formatPhoneInput, phoneCountryOptions, splitPhoneValue } from './normalize/phone-input.js';
export type { PhoneCountryOption, PhoneParts } from './normalize/phone-input.js';
export { emptyRawValue, prefillValue } from './raw-values.js';
export { computeDedupeKey, dedupeSource } from './record/dedupe-key.js';
export type { ConsentRecord, IntakeRecord, RecordContext } from './record/record.js';
export { encodeRecord } from './delivery/encode-record.js';
export type { EncodedBody } from './delivery/encode-record.js';
export { defaultTimeoutMs, parseRetryAfter, postRecord } from './delivery/post-record.js';
export type { PostOptions, PostOutcome } from './delivery/post-record.js';
export { backoffDelay, defaultAttempts, deliverRecord } from './delivery/deliver-record.js';
export type { DeliverOptions, DeliverOutcome } from './delivery/deliver-record.js';
export { resolveText } from './text.js';
export type { Text } from './text.js';
export { formatPath } from './issue.js';
export type { Issue, IssueParams, Path, RecordIssueCode, SchemaIssueCode, ValueIssueCode } from './issue.js';
export { builtInLocales, fillTemplate, messagesFor, registerMessages } from './locale/format-message.js';
export type { CoreMessages } from './locale/messages.js';
export { en } from './locale/en.js';
export { zhCN } from './locale/zh-cn.js';
export { fieldTypes, conditionOperators } from './schema/types.js';
export type * from './schema/types.js';
