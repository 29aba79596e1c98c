// The pnpm patch of libphonenumber-js (patches/libphonenumber-js@1.13.16.patch, docs/BENCHMARKS.md)
// only compiles patterns once: it must not change a verdict. Checked here on every pattern of the
// `max` metadata against what the unpatched code did, on seeded random digit strings.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const metadata = require('libphonenumber-js/metadata.max.json') as { countries: Record<string, unknown[]> };

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the libphonenumber-js patch', () => {
  it('is applied (the installed files hold it)', () => {
    const file = readFileSync(require.resolve('libphonenumber-js/package.json').replace('package.json', 'es6/helpers/getCountryByNationalNumber.js'), 'utf8');
    expect(file).toContain("Intake's patch");
  });

  it('reads every leading-digits pattern as `search(pattern) === 0` did, and every number pattern as before', () => {
    const next = random(20261206);
    const leading = new Set<string>();
    const whole = new Set<string>();
    for (const entry of Object.values(metadata.countries)) {
      // Metadata v4 (metadata.js): slot 10 holds the leading digits of a country sharing its
      // calling code, slot 2 the national number pattern, slot 11 the pattern of each type.
      if (typeof entry[10] === 'string') leading.add(entry[10]);
      if (typeof entry[2] === 'string') whole.add(entry[2]);
      for (const type of Array.isArray(entry[11]) ? entry[11] : []) if (Array.isArray(type) && typeof type[0] === 'string') whole.add(type[0]);
    }
    expect(leading.size).toBeGreaterThan(20);
    let checked = 0;
    for (const pattern of leading) {
      const patched = new RegExp(`^(?:${pattern})`);
      for (let i = 0; i < 200; i++) {
        let digits = '';
        for (let n = 4 + Math.floor(next() * 9); n > 0; n--) digits += String(Math.floor(next() * 10));
        expect(patched.test(digits), `${pattern} ${digits}`).toBe(digits.search(pattern) === 0);
        checked++;
      }
    }
    for (const pattern of whole) {
      const compiled = new RegExp(`^(?:${pattern})$`);
      for (let i = 0; i < 20; i++) {
        let digits = '';
        for (let n = 6 + Math.floor(next() * 7); n > 0; n--) digits += String(Math.floor(next() * 10));
        expect(compiled.test(digits)).toBe(new RegExp(`^(?:${pattern})$`).test(digits));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
