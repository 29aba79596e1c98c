import metadata from 'libphonenumber-js/min/metadata';

/**
 * The libphonenumber-js metadata Intake uses, chosen in this one place.
 * See `docs/phone-metadata.md` for the measurements behind the choice.
 */
export const phoneMetadata = metadata;
