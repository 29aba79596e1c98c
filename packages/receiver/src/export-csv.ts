import { cascadeOption, resolveText, splitPhoneValue, type Field, type Form, type IntakeRecord } from '@intake/core';

/** Options of {@link csvHeader}, {@link csvCells} and {@link exportCsv}. */
export interface CsvExportOptions {
  /** The language of the column labels, option labels and yes/no. Default: the form's `locale`, else `en`. */
  readonly locale?: string;
  /** Option values (`C`, `200-999`) and region codes instead of their labels and names. */
  readonly codes?: boolean;
  /** Mask personal data: phones `139****5678`, names `张*`, emails `w***@example.com` (rules in the README). */
  readonly mask?: boolean;
  /** Between the values of a checkboxes field, tags and consents. Default `; `. */
  readonly separator?: string;
}

/** The byte order mark that makes Excel read a CSV file as UTF-8. */
export const csvBom = '\uFEFF';

interface ExportTexts {
  readonly id: string;
  readonly submittedAt: string;
  readonly tags: string;
  readonly consents: string;
  readonly yes: string;
  readonly no: string;
}

const texts: Readonly<Record<'en' | 'zh', ExportTexts>> = {
  en: { id: 'Record ID', submittedAt: 'Submitted at', tags: 'Tags', consents: 'Consents', yes: 'Yes', no: 'No' },
  zh: { id: '记录编号', submittedAt: '提交时间', tags: '标签', consents: '同意记录', yes: '是', no: '否' },
};

function textsFor(locale: string): ExportTexts {
  return locale.split('-')[0]?.toLowerCase() === 'zh' ? texts.zh : texts.en;
}

/** `autocomplete` tokens that name a person. */
const nameAutocomplete = new Set(['name', 'given-name', 'additional-name', 'family-name', 'nickname', 'honorific-prefix', 'honorific-suffix']);
/** Field names that hold a person's name (compared without case). */
const personNameFields = new Set(['name', 'fullname', 'firstname', 'lastname', 'givenname', 'familyname', 'middlename', 'surname', 'nickname', 'contactname', 'contactperson']);

/**
 * Whether a field holds a person's name, for masking: a text or hidden field whose
 * `autocomplete` names a person (`name`, `given-name`, `family-name`, … — the last token, so
 * `section-x billing name` counts), or whose name is `name`, `fullName`, `firstName`,
 * `lastName`, `contactName` and the like (any case). A company name (`organization`) is not.
 */
export function isPersonNameField(field: Field): boolean {
  if (field.type !== 'text' && field.type !== 'hidden') return false;
  const token = field.autocomplete?.trim().toLowerCase().split(/\s+/).pop();
  if (token !== undefined && token !== '' && token !== 'on' && token !== 'off') return nameAutocomplete.has(token);
  return personNameFields.has(field.name.toLowerCase());
}

const e164 = /^\+[1-9]\d{6,14}$/;
const emailShape = /^[^@\s]+@[^@\s]+$/;

/** First character (code point) and one `*`: `王伟` → `王*`, `Jane Doe` → `J*`. */
function maskName(value: string): string {
  const first = [...value.trim()][0];
  return first === undefined ? '' : `${first}*`;
}

/** `wang.wei@example.com` → `w***@example.com`. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...value.slice(0, at)][0]}***${value.slice(at)}`;
}

/**
 * At most the first 3 and the last 4 digits of the national number, at least 4 hidden:
 * `+8613912345678` → `139****5678`, `+14155552671` → `415****671`.
 */
function maskPhone(value: string): string {
  const national = splitPhoneValue(value, undefined).national.replace(/\D/g, '');
  const digits = national === '' ? value.replace(/\D/g, '') : national;
  const hidden = Math.max(4, digits.length - 7);
  const shown = Math.max(0, digits.length - hidden);
  const head = Math.min(3, Math.floor(shown / 2));
  const tail = shown - head;
  return `${digits.slice(0, head)}${'*'.repeat(digits.length - shown)}${tail > 0 ? digits.slice(-tail) : ''}`;
}

interface RegionValue {
  readonly code?: unknown;
  readonly province?: unknown;
  readonly city?: unknown;
  readonly district?: unknown;
}

function isRegion(value: unknown): value is RegionValue {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && ('code' in value || 'province' in value);
}

function optionLabel(field: Field, value: string, locale: string, codes: boolean): string {
  if (codes || !('options' in field)) return value;
  const option = field.type === 'cascade' ? cascadeOption(field.options, value) : field.options.find((candidate) => candidate.value === value);
  return option?.label === undefined ? value : resolveText(option.label, locale);
}

/** The text of one value in a cell, before CSV quoting. */
function cellText(field: Field, value: unknown, locale: string, options: CsvExportOptions): string {
  if (value === undefined || value === null) return '';
  const separator = options.separator ?? '; ';
  const codes = options.codes === true;
  const mask = options.mask === true;
  if (typeof value === 'boolean') return value ? textsFor(locale).yes : textsFor(locale).no;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? optionLabel(field, item, locale, codes) : cellText(field, item, locale, options))).join(separator);
  if (isRegion(value)) {
    if (codes && typeof value.code === 'string') return value.code;
    const names = [value.province, value.city, value.district].filter((name): name is string => typeof name === 'string' && name !== '');
    return names.length > 0 ? names.join(' ') : typeof value.code === 'string' ? value.code : '';
  }
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field.type === 'select' || field.type === 'radio' || field.type === 'cascade') return optionLabel(field, value, locale, codes);
  if (mask) {
    if (field.type === 'phone') return maskPhone(value);
    if (field.type === 'email') return maskEmail(value);
    if (isPersonNameField(field)) return maskName(value);
    // A hidden field is filled by the page, not typed: mask what looks like an email or a phone.
    if (field.type === 'hidden' && emailShape.test(value)) return maskEmail(value);
    if (field.type === 'hidden' && e164.test(value)) return maskPhone(value);
  }
  return value;
}

/**
 * Guards a cell against CSV (formula) injection: text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it.
 * An E.164 phone number (`+8613912345678`: `+` and 7 to 15 digits) is left as it is: a
 * spreadsheet may read it as a number, never as a formula.
 */
export function guardCell(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text) || e164.test(text)) return text;
  return `'${text}`;
}

/** One CSV line (RFC 4180): every cell quoted when it holds `"`, `,`, CR or LF; ends with CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\r\n`;
}

function localeOf(form: Form, options: CsvExportOptions): string {
  return options.locale ?? form.locale ?? 'en';
}

/** The column labels: record id, submitted at, one per field (its label in the locale, else its name), tags, consents. */
export function csvHeader(form: Form, options: CsvExportOptions = {}): string[] {
  const locale = localeOf(form, options);
  const labels = textsFor(locale);
  return [labels.id, labels.submittedAt, ...form.fields.map((field) => resolveText(field.label, locale) || field.name), labels.tags, labels.consents].map(guardCell);
}

/** The cells of one record, guarded against formula injection, in the order of {@link csvHeader}. */
export function csvCells(form: Form, record: IntakeRecord, options: CsvExportOptions = {}): string[] {
  const locale = localeOf(form, options);
  const separator = options.separator ?? '; ';
  const data = record.data as Readonly<Record<string, unknown>>;
  const byName = new Map(form.fields.map((field) => [field.name, field]));
  const consents = (record.consents ?? []).map((consent) => {
    const field = byName.get(consent.field);
    const label = field ? resolveText(field.label, locale) || consent.field : consent.field;
    return `${label}${consent.version ? ` (${consent.version})` : ''} ${consent.acceptedAt}`;
  });
  return [
    record.id,
    record.submittedAt,
    ...form.fields.map((field) => cellText(field, Object.hasOwn(data, field.name) ? data[field.name] : undefined, locale, options)),
    (record.tags ?? []).join(separator),
    consents.join(separator),
  ].map(guardCell);
}

/**
 * The records of one form as CSV that Excel opens correctly in any language: UTF-8 with a byte
 * order mark, CRLF line ends, RFC 4180 quoting, cells guarded against formula injection. Yields
 * the BOM and header first, then one line per record whose `form.id` is the form's (others are
 * skipped).
 *
 * @example
 * for await (const chunk of exportCsv(form, store.records({ formId: form.id }), { locale: 'zh-CN', mask: true })) process.stdout.write(chunk);
 */
export async function* exportCsv(
  form: Form,
  records: Iterable<IntakeRecord> | AsyncIterable<IntakeRecord>,
  options: CsvExportOptions = {},
): AsyncGenerator<string> {
  yield csvBom + csvLine(csvHeader(form, options));
  for await (const record of records) {
    if (record?.form?.id !== form.id) continue;
    yield csvLine(csvCells(form, record, options));
  }
}
