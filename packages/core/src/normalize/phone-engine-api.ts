/**
 * What a phone engine tells about a typed number: the number parsed with {@link PhoneEngine.parse}.
 * Present only when the text reads as a number at all (a calling code, digits).
 */
export interface PhoneParse {
  /** E.164, `+8613912345678`. */
  readonly number: string;
  /** ISO 3166-1 alpha-2, or `undefined` for a non-geographic number (`+800 …`) or an unknown one. */
  readonly country: string | undefined;
  /** Whether the number is valid by the engine's rules (see the engines' docs for what they know). */
  readonly valid: boolean;
  /** The number as written at home, for a phone input: `139 1234 5678`. */
  readonly national: string;
  /**
   * The kind of number, in libphonenumber's words (`MOBILE`, `FIXED_LINE`, `FIXED_LINE_OR_MOBILE`,
   * `TOLL_FREE`, …), or `undefined` when the engine cannot tell (the lite engine, or a country
   * whose metadata has no number types).
   */
  readonly type?: string;
}

/**
 * The phone functions the core needs, behind one boundary so that a build can choose how much
 * phone knowledge it carries. Two implementations:
 *
 * - `phone-engine.ts`, **full** (the default everywhere, and what the receiver re-validates with):
 *   libphonenumber-js with Intake's mixed metadata. Knows number ranges.
 * - `phone-engine-lite.ts`, **lite** (what `@intake/embed`'s `dist/intake.js` uses): a generated
 *   per-country table of lengths, national prefixes and general patterns, no libphonenumber-js at
 *   runtime. About 20 KB gzip smaller; accepts some numbers the full engine rejects.
 *
 * A bundler picks the lite engine by resolving `./phone-engine.js` (imported from within
 * `@intake/core`) to `./phone-engine-lite.js`; see `packages/embed/README.md`.
 */
export interface PhoneEngine {
  /** `full` or `lite`. */
  readonly name: 'full' | 'lite';
  /**
   * Parses `text` (digits and separators, a leading `+` for an international number, already
   * NFKC-normalized): a national number is read in `defaultCountry`. `undefined` when it cannot
   * be read at all. Never throws, whatever the country.
   */
  parse(text: string, defaultCountry: string | undefined): PhoneParse | undefined;
  /** An E.164 number in international format (`+86 139 1234 5678`), or `undefined` if unreadable. */
  formatInternational(e164: string): string | undefined;
  /** Formats what a person typed so far for `country`; text that is not a number comes back as it is. */
  formatAsYouType(typed: string, country: string | undefined): string;
}
