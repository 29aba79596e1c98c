/**
 * The string patterns of the form format, shared by the zod schema (`form-schema.ts`), the
 * reader (`read-form.ts`) and the checks (`../check-form.ts`). A file of their own so that
 * the reader, which runs in browsers, does not import zod.
 */

/** `[A-Za-z0-9][A-Za-z0-9_-]*` */
export const formIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** `[A-Za-z_][A-Za-z0-9_]*` */
export const fieldNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A BCP 47-like locale tag: `en`, `zh-CN`, `zh-Hant-TW`. */
export const localePattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** `YYYY-MM-DD` */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 3166-1 alpha-2, upper case. */
export const countryPattern = /^[A-Z]{2}$/;
