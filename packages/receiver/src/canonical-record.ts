import type { ConsentRecord, Form, IntakeRecord } from '@intake/core';

/**
 * A valid record with its keys in one fixed order: the order of docs/contract.md#the-record, `data` in the form's
 * field order, the known `context` keys before any added by code. A record stores the same,
 * byte for byte, whichever format (json, text, form) it arrived in.
 */
export function canonicalRecord(form: Form, record: IntakeRecord): IntakeRecord {
  const data: Record<string, unknown> = {};
  for (const field of form.fields) {
    if (Object.prototype.hasOwnProperty.call(record.data, field.name)) data[field.name] = record.data[field.name];
  }
  const consents = record.consents.map(
    (consent): ConsentRecord =>
      consent.version !== undefined
        ? { field: consent.field, version: consent.version, acceptedAt: consent.acceptedAt }
        : { field: consent.field, acceptedAt: consent.acceptedAt },
  );
  const { url, referrer, utm, fillMs, honeypot, ...extra } = record.context;
  return {
    id: record.id,
    form: record.form.version !== undefined ? { id: record.form.id, version: record.form.version } : { id: record.form.id },
    submittedAt: record.submittedAt,
    locale: record.locale,
    data: data as IntakeRecord['data'],
    tags: [...record.tags],
    consents,
    dedupeKey: record.dedupeKey,
    context: { url, referrer, utm: { ...utm }, fillMs, ...(honeypot !== undefined ? { honeypot } : {}), ...extra },
  };
}
