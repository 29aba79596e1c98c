/**
 * What no text in a record may hold (docs/schema.md, "What text can hold"), removed from every
 * value before it is judged:
 * - lone surrogates: ill-formed UTF-16, which a `form` or `text` encoding would turn into U+FFFD,
 *   so the receiver would store something other than what was sent;
 * - C0 and C1 control characters, but for the white space each normalizer turns into a space or a
 *   line break (tab, line feed, VT, FF, carriage return, NEL);
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text read
 *   other than it is stored (`"\u202Egnp.exe"` shows as `exe.png`);
 * - U+FEFF, a byte-order mark pasted along with text.
 *
 * Directional marks, zero-width joiners and non-joiners stay in free text: scripts and emoji need
 * them. Values that are addresses, numbers or codes lose every invisible format character as well
 * ({@link cleanCode}).
 */
const unsafe = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Unicode format characters (Cf): zero-width space, joiners, soft hyphen, word joiner, marks. */
const invisible = /\p{Cf}/gu;

/** Text with none of the characters a record may not hold (see above). */
export function cleanText(text: string): string {
  return text.replace(unsafe, '');
}

/**
 * A number or a code (a phone number): {@link cleanText}, and no invisible format character
 * either (a zero-width space or a soft hyphen inside `139 1234 5678`).
 */
export function cleanCode(text: string): string {
  return withoutFormatCharacters(cleanText(text));
}

/** Text without invisible format characters (Unicode Cf, bidi controls among them); nothing else changes. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(invisible, '');
}
