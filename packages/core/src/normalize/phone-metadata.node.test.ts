import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCountries, getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/core';
import { normalizePhone } from './normalize-phone.js';
import { phoneCallingCodes, phoneMetadata } from './phone-metadata.js';

describe('phone metadata', () => {
  it('the generated data file is up to date with the installed libphonenumber-js', async () => {
    const script = fileURLToPath(new URL('../../scripts/build-phone-metadata.mjs', import.meta.url));
    const result = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [script, '--check'], (error, stdout, stderr) => resolve({ code: error ? 1 : 0, output: stdout + stderr })),
    );
    expect(result.code, result.output).toBe(0);
  });

  it('validates CN, DE, JP and IN numbers precisely (what min metadata would accept)', () => {
    const rejected = [
      ['139 1234 567', 'CN'],
      ['139 1234 56789', 'CN'],
      ['12345678901', 'CN'],
      ['0151 1234', 'DE'],
      ['090-1234-567', 'JP'],
      ['55555 55555', 'IN'],
    ] as const;
    for (const [number, country] of rejected) {
      expect(normalizePhone(number, { defaultCountry: country }).ok, `${number} (${country})`).toBe(false);
    }
    expect(normalizePhone('139 1234 5678', { defaultCountry: 'CN' })).toEqual({ ok: true, value: '+8613912345678' });
    expect(normalizePhone('030 12345678', { defaultCountry: 'DE' })).toEqual({ ok: true, value: '+493012345678' });
  });

  it('has the calling code of every country of the metadata, in its order, without parsing it', () => {
    const metadata = phoneMetadata();
    expect([...phoneCallingCodes().keys()]).toEqual(getCountries(metadata));
    for (const [country, callingCode] of phoneCallingCodes()) {
      expect(isSupportedCountry(country as CountryCode, metadata)).toBe(true);
      expect(callingCode).toBe(getCountryCallingCode(country as CountryCode, metadata));
    }
  });
});
