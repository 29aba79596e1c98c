import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '../schema/types.js';
import { defaultTextareaMaxLength, defaultTextMaxLength, normalizeField } from './normalize-field.js';
import { compilePattern, normalizeText, normalizeTextarea, type TextRules } from './normalize-text.js';
import { expectWellFormed } from '../test-support/expect-well-formed.js';
import { characterCount } from './result.js';

/** Every character JavaScript's `\s` matches, plus NEL, which Unicode also counts as white space. */
const whiteSpace = [
  ' ', '\t', '\n', '\r', '\u000B', '\u000C', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002',
  '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029',
  '\u202F', '\u205F', '\u3000',
];

/** Any UTF-16 code unit, so lone surrogates too. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) });
/** Strings rich in white space, combining marks and control characters: where normalizing is hard. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...whiteSpace),
    fc.constantFrom('a', 'e', 'I', 'Å', '\u0301', '\u0308', '\u0323', '\u1100', '\u1161', '\u11A8', '你', '👍', '\u0000', '\u0007', '\u007F', '\u009B'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
});
const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), codeUnits, tricky);
const textRules: fc.Arbitrary<TextRules> = fc.record(
  {
    minLength: fc.nat({ max: 20 }),
    maxLength: fc.nat({ max: 40 }),
    pattern: fc.constantFrom(/^(?:.*)$/su, /^(?:[^x]*)$/u, /^(?:\p{L}+(?: \p{L}+)*)$/u),
  },
  { requiredKeys: [] },
);

/** Asserts the shape every normalizer promises: `{ ok: true, value }` or `{ ok: false, code }`. */

describe('normalizeText', () => {
  it('returns the text trimmed and with runs of white space collapsed to one space', () => {
    expect(normalizeText('  Acme \n  Ltd ')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(normalizeText('Acme\t\t\r\nLtd')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(normalizeText('\u3000李\u3000\u3000雷\u3000')).toEqual({ ok: true, value: '李 雷' });
    expect(normalizeText('Acme\u00A0\u2009Ltd\u202F&\u2028Co')).toEqual({ ok: true, value: 'Acme Ltd & Co' });
  });

  it('treats VT, FF and NEL (white space in Unicode; Word pastes VT for a line break) as white space', () => {
    expect(normalizeText('Acme\u000BLtd')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(normalizeText('Acme\u000CLtd')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(normalizeText('Acme\u0085Ltd')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(normalizeText('\u000B Acme \u0085')).toEqual({ ok: true, value: 'Acme' });
  });

  it('collapses every white space character the same way', () => {
    for (const space of whiteSpace) {
      expect(normalizeText(`a${space}b`), JSON.stringify(space)).toEqual({ ok: true, value: 'a b' });
      expect(normalizeText(`${space}a${space}${space}`), JSON.stringify(space)).toEqual({ ok: true, value: 'a' });
    }
  });

  it('composes to NFC but keeps compatibility forms', () => {
    expect(normalizeText('Cafe\u0301')).toEqual({ ok: true, value: 'Caf\u00E9' });
    expect(normalizeText('\u1112\u1161\u11AB')).toEqual({ ok: true, value: '\uD55C' });
    expect(normalizeText('A\u030A')).toEqual({ ok: true, value: '\u00C5' });
    // NFC, not NFKC: full-width letters and ligatures stay as typed.
    expect(normalizeText('ＡＣＭＥ')).toEqual({ ok: true, value: 'ＡＣＭＥ' });
    expect(normalizeText('\uFB01ne')).toEqual({ ok: true, value: '\uFB01ne' });
  });

  it('removes control characters other than white space', () => {
    expect(normalizeText('Ac\u0000me\u0007 Ltd\u007F\u009B')).toEqual({ ok: true, value: 'Acme Ltd' });
    expect(normalizeText('a \u0000 b')).toEqual({ ok: true, value: 'a b' });
    expect(normalizeText('\u0000\u001F')).toEqual({ ok: true, value: undefined });
  });

  it('keeps characters that are neither white space nor controls', () => {
    expect(normalizeText('a\u200Bb')).toEqual({ ok: true, value: 'a\u200Bb' });
    expect(normalizeText('👨‍👩‍👧 家族')).toEqual({ ok: true, value: '👨‍👩‍👧 家族' });
    expect(normalizeText('ﷺ')).toEqual({ ok: true, value: 'ﷺ' });
  });

  it('reads nothing, null and blank text as empty', () => {
    for (const raw of [undefined, null, '', '   ', '\n\t', '\u3000', '\u00A0\uFEFF']) {
      expect(normalizeText(raw), JSON.stringify(raw)).toEqual({ ok: true, value: undefined });
    }
  });

  it('reads blank text as empty even with a minLength (required-ness is checked elsewhere)', () => {
    expect(normalizeText('  ', { minLength: 3 })).toEqual({ ok: true, value: undefined });
  });

  it('refuses values that are not strings', () => {
    for (const raw of [42, 0, true, false, {}, [], ['a'], new Date(0), Symbol('a'), 1n, () => 'a']) {
      expect(normalizeText(raw)).toEqual({ ok: false, code: 'invalid_type' });
    }
  });

  it('refuses text over maxLength with max and length, never cutting it', () => {
    expect(normalizeText('abcd', { maxLength: 3 })).toEqual({ ok: false, code: 'too_long', params: { max: 3, length: 4 } });
    expect(normalizeText('abc', { maxLength: 3 })).toEqual({ ok: true, value: 'abc' });
    expect(normalizeText('x'.repeat(1000), { maxLength: 10 })).toEqual({
      ok: false,
      code: 'too_long',
      params: { max: 10, length: 1000 },
    });
  });

  it('counts code points, not UTF-16 units', () => {
    expect('👍👍👍'.length).toBe(6);
    expect(normalizeText('👍👍👍', { maxLength: 3 })).toEqual({ ok: true, value: '👍👍👍' });
    expect(normalizeText('👍👍👍👍', { maxLength: 3 })).toEqual({ ok: false, code: 'too_long', params: { max: 3, length: 4 } });
    expect(normalizeText('你好吗', { maxLength: 2 })).toEqual({ ok: false, code: 'too_long', params: { max: 2, length: 3 } });
    expect(normalizeText('𠮷野家', { maxLength: 3 })).toEqual({ ok: true, value: '𠮷野家' });
  });

  it('counts the normalized text: trimmed, collapsed and composed', () => {
    expect(normalizeText('   ab   ', { maxLength: 2 })).toEqual({ ok: true, value: 'ab' });
    expect(normalizeText('a \n\n b', { maxLength: 3 })).toEqual({ ok: true, value: 'a b' });
    expect(normalizeText('e\u0301', { maxLength: 1 })).toEqual({ ok: true, value: '\u00E9' });
  });

  it('refuses text under minLength with min and length', () => {
    expect(normalizeText('ab', { minLength: 3 })).toEqual({ ok: false, code: 'too_short', params: { min: 3, length: 2 } });
    expect(normalizeText(' a  b ', { minLength: 4 })).toEqual({ ok: false, code: 'too_short', params: { min: 4, length: 3 } });
    expect(normalizeText('abc', { minLength: 3 })).toEqual({ ok: true, value: 'abc' });
    expect(normalizeText('李雷', { minLength: 2 })).toEqual({ ok: true, value: '李雷' });
  });

  it('matches the pattern against the whole normalized value', () => {
    const postcode = compilePattern('[0-9]{6}');
    expect(normalizeText('100080', { pattern: postcode })).toEqual({ ok: true, value: '100080' });
    expect(normalizeText('  100080 ', { pattern: postcode })).toEqual({ ok: true, value: '100080' });
    expect(normalizeText('1000801', { pattern: postcode })).toEqual({ ok: false, code: 'pattern_mismatch' });
    expect(normalizeText('x100080', { pattern: postcode })).toEqual({ ok: false, code: 'pattern_mismatch' });
    expect(normalizeText('10008', { pattern: postcode })).toEqual({ ok: false, code: 'pattern_mismatch' });
    expect(normalizeText('1000 80', { pattern: postcode })).toEqual({ ok: false, code: 'pattern_mismatch' });
  });

  it('checks the length before the pattern', () => {
    const pattern = compilePattern('a+');
    expect(normalizeText('bbbb', { maxLength: 3, pattern })).toMatchObject({ ok: false, code: 'too_long' });
    expect(normalizeText('bb', { maxLength: 3, pattern })).toEqual({ ok: false, code: 'pattern_mismatch' });
  });
});

describe('compilePattern', () => {
  it('anchors every alternative to the whole value', () => {
    const pattern = compilePattern('cat|dog')!;
    expect(pattern.test('cat')).toBe(true);
    expect(pattern.test('dog')).toBe(true);
    expect(pattern.test('catdog')).toBe(false);
    expect(pattern.test('a dog')).toBe(false);
    expect(pattern.test('cats')).toBe(false);
  });

  it('is Unicode-aware', () => {
    expect(compilePattern('\\p{Script=Han}{2,4}')!.test('李小龙')).toBe(true);
    expect(compilePattern('\\p{Script=Han}{2,4}')!.test('Li')).toBe(false);
    expect(compilePattern('.{2}')!.test('👍👍')).toBe(true);
  });

  it('returns undefined for no pattern or one that does not compile', () => {
    expect(compilePattern(undefined)).toBeUndefined();
    expect(compilePattern('(')).toBeUndefined();
    expect(compilePattern('[z-a]')).toBeUndefined();
    expect(compilePattern('\\k')).toBeUndefined(); // an error only in Unicode mode
  });
});

describe('characterCount', () => {
  it('counts code points', () => {
    expect(characterCount('')).toBe(0);
    expect(characterCount('abc')).toBe(3);
    expect(characterCount('你好')).toBe(2);
    expect(characterCount('👍')).toBe(1);
    expect(characterCount('e\u0301')).toBe(2);
    expect(characterCount('\uD800x')).toBe(2);
  });
});

describe('normalizeTextarea', () => {
  it('turns CRLF, CR and Unicode line separators into \\n', () => {
    expect(normalizeTextarea('one\r\ntwo\rthree\nfour')).toEqual({ ok: true, value: 'one\ntwo\nthree\nfour' });
    expect(normalizeTextarea('one\u2028two\u2029three\u0085four')).toEqual({ ok: true, value: 'one\ntwo\nthree\nfour' });
    expect(normalizeTextarea('one\r\n\r\ntwo')).toEqual({ ok: true, value: 'one\n\ntwo' });
    expect(normalizeTextarea('one\r\r\ntwo')).toEqual({ ok: true, value: 'one\n\ntwo' });
  });

  it('turns VT and FF (line breaks in Unicode; Word pastes VT for one) into \\n', () => {
    expect(normalizeTextarea('one\u000Btwo\u000Cthree')).toEqual({ ok: true, value: 'one\ntwo\nthree' });
  });

  it('keeps the inner spacing of lines and trims the whole text', () => {
    expect(normalizeTextarea('\n\n  Dear  team,\n\n\tline  two  \n\n')).toEqual({
      ok: true,
      value: 'Dear  team,\n\n\tline  two',
    });
  });

  it('composes to NFC and removes control characters other than tab', () => {
    expect(normalizeTextarea('Cafe\u0301\u0000\n\tok\u0007')).toEqual({ ok: true, value: 'Caf\u00E9\n\tok' });
  });

  it('reads nothing and blank text as empty, and refuses non-strings', () => {
    for (const raw of [undefined, null, '', '\r\n\r\n', ' \u3000 ']) {
      expect(normalizeTextarea(raw)).toEqual({ ok: true, value: undefined });
    }
    expect(normalizeTextarea(5)).toEqual({ ok: false, code: 'invalid_type' });
    expect(normalizeTextarea(['a'])).toEqual({ ok: false, code: 'invalid_type' });
  });

  it('checks minLength and maxLength in code points after normalizing, never cutting', () => {
    expect(normalizeTextarea('a\r\nb', { maxLength: 3 })).toEqual({ ok: true, value: 'a\nb' });
    expect(normalizeTextarea('a\r\nbc', { maxLength: 3 })).toEqual({ ok: false, code: 'too_long', params: { max: 3, length: 4 } });
    expect(normalizeTextarea('👍\n👍', { maxLength: 3 })).toEqual({ ok: true, value: '👍\n👍' });
    expect(normalizeTextarea(' a\nb ', { minLength: 4 })).toEqual({ ok: false, code: 'too_short', params: { min: 4, length: 3 } });
  });
});

describe('default maxLength through normalizeField', () => {
  const text: Field = { type: 'text', name: 'company' };
  const textarea: Field = { type: 'textarea', name: 'message' };

  it('is 200 for text and 5000 for textarea', () => {
    expect(defaultTextMaxLength).toBe(200);
    expect(defaultTextareaMaxLength).toBe(5000);
  });

  it('accepts 200 characters of text and refuses 201', () => {
    expect(normalizeField(text, 'a'.repeat(200))).toEqual({ ok: true, value: 'a'.repeat(200) });
    expect(normalizeField(text, '你'.repeat(201))).toEqual({ ok: false, code: 'too_long', params: { max: 200, length: 201 } });
    expect(normalizeField(text, '👍'.repeat(200))).toEqual({ ok: true, value: '👍'.repeat(200) });
  });

  it('accepts 5000 characters of textarea and refuses 5001', () => {
    expect(normalizeField(textarea, 'a'.repeat(5000))).toEqual({ ok: true, value: 'a'.repeat(5000) });
    expect(normalizeField(textarea, 'a'.repeat(5001))).toEqual({ ok: false, code: 'too_long', params: { max: 5000, length: 5001 } });
    // 2500 CRLF lines are 7500 UTF-16 units but 4999 characters once normalized.
    expect(normalizeField(textarea, 'a\r\n'.repeat(2500))).toMatchObject({ ok: true });
  });

  it('lets a field set its own maxLength', () => {
    expect(normalizeField({ ...text, maxLength: 500 }, 'a'.repeat(300))).toMatchObject({ ok: true });
    expect(normalizeField({ ...textarea, maxLength: 10 }, 'a'.repeat(11))).toMatchObject({ ok: false, code: 'too_long' });
  });
});

describe('text properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyText), textRules, (raw, rules) => {
        expectWellFormed(normalizeText(raw, rules));
        expectWellFormed(normalizeTextarea(raw, rules));
      }),
    );
  });

  it('text is idempotent under the same rules', () => {
    fc.assert(
      fc.property(anyText, textRules, (raw, rules) => {
        const first = normalizeText(raw, rules);
        if (first.ok && first.value !== undefined) expect(normalizeText(first.value, rules)).toEqual(first);
      }),
    );
  });

  it('text has no outer white space, no double spaces, no white space but U+0020, no controls, and is NFC', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = normalizeText(raw);
        expect(result.ok).toBe(true);
        if (!result.ok || result.value === undefined) return;
        const value = result.value;
        expect(value).not.toMatch(/^\s|\s$/);
        expect(value).not.toMatch(/ {2}/);
        expect(value).not.toMatch(/[^\S ]/);
        expect(value).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
        expect(value.normalize('NFC')).toBe(value);
      }),
    );
  });

  it('text loses only white space and controls: the other characters stay, in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (raw) => {
        const result = normalizeText(raw);
        const strip = (s: string) => s.replace(/[\s\p{Cc}]/gu, '').normalize('NFC');
        expect(strip(result.ok ? result.value ?? '' : '')).toBe(strip(raw));
      }),
    );
  });

  it('text refuses exactly the values over maxLength, with their length', () => {
    fc.assert(
      fc.property(anyText, fc.nat({ max: 30 }), (raw, maxLength) => {
        const free = normalizeText(raw);
        if (!free.ok || free.value === undefined) return;
        const length = characterCount(free.value);
        const limited = normalizeText(raw, { maxLength });
        if (length > maxLength) expect(limited).toEqual({ ok: false, code: 'too_long', params: { max: maxLength, length } });
        else expect(limited).toEqual(free);
      }),
    );
  });

  it('textarea is idempotent under the same rules', () => {
    fc.assert(
      fc.property(anyText, textRules, (raw, rules) => {
        const first = normalizeTextarea(raw, rules);
        if (first.ok && first.value !== undefined) expect(normalizeTextarea(first.value, rules)).toEqual(first);
      }),
    );
  });

  it('textarea has no outer white space, only \\n line breaks, no controls but tab and \\n, and is NFC', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const result = normalizeTextarea(raw);
        expect(result.ok).toBe(true);
        if (!result.ok || result.value === undefined) return;
        const value = result.value;
        expect(value).not.toMatch(/^\s|\s$/);
        expect(value).not.toMatch(/[\r\u000B\u000C\u0085\u2028\u2029]/);
        expect(value).not.toMatch(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/);
        expect(value.normalize('NFC')).toBe(value);
      }),
    );
  });

  it('textarea keeps the lines of text typed with any line ending', () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '你', '\t'), minLength: 1 }).map((s) => `x${s}x`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r', '\u2028'), (lines, eol) => {
        expect(normalizeTextarea(lines.join(eol))).toEqual({ ok: true, value: lines.join('\n') });
      }),
    );
  });
});
