import type { RecordIssueCode, SchemaIssueCode, ValueIssueCode } from '../issue.js';
import type { PhoneNumberType } from '../schema/field-types.js';

/** The texts of the core, with `{param}` placeholders. One object per locale. */
export interface CoreMessages {
  /**
   * Messages of problems in a value a person typed. Besides the issue's own params they get the
   * field's label twice: `{label}` as written, to start a sentence, and `{labelInSentence}` as it
   * reads inside one (`Company name` → `company name`; acronyms and brand-like words kept).
   */
  readonly value: Readonly<Record<ValueIssueCode, string>>;
  /**
   * Messages of problems in a received record (see `checkRecord`). Optional: the built-in ones
   * live apart (`record-messages.ts`), so pages do not download them; a registered locale may
   * bring its own.
   */
  readonly record?: Readonly<Record<RecordIssueCode, string>>;
  /**
   * Messages of problems in a form schema. Optional: the built-in ones live apart
   * (`schema-messages.ts`, `schemaMessagesFor`), so the script-tag build loads them only for a
   * broken form; a registered locale may bring its own (with `typeNames` and `didYouMean`).
   */
  readonly schema?: Readonly<Record<SchemaIssueCode, string>>;
  /** Names of JSON value kinds used in schema messages (`string`, `number`, `text`, ...). */
  readonly typeNames?: Readonly<Record<string, string>>;
  /** The hint after an unknown key, with `{key}` the likely intended key. */
  readonly didYouMean?: string;
  /** How a list of names is joined in a message, e.g. `", "` or `"、"`. */
  readonly listSeparator: string;
  /**
   * The kinds of phone number (`numberTypes`, docs/schema.md) as a message names them, and the
   * word that joins alternatives (`"mobile or landline"`): `phone_type_not_allowed`'s `{found}` and
   * `{types}` are written with them.
   */
  /**
   * A missing answer when the label is a question (`What can we help with?`): `{label}` is the
   * question as written.
   */
  readonly question: { readonly required: string; readonly required_choice: string };
  readonly phoneTypes: Readonly<Record<PhoneNumberType, string>> & { readonly or: string };
  /**
   * The levels of a region field (province, city, district), as the label of each select and in
   * `incomplete_choice` (`{levelLabel}`).
   */
  readonly regionLevels: readonly [string, string, string];
  /** A cascade level without a `levelLabels` entry, in `incomplete_choice` (`{level}` its number). */
  readonly cascadeLevel: string;
}
