import { describe, expect, it, vi } from 'vitest';

// A page of the script-tag build: the bundled engine is the lite one until the full engine,
// loaded on demand, is swapped in (docs/schema.md, "Phone numbers in the script-tag build").
vi.mock('./phone-engine.js', async () => {
  const { phoneEngine } = await import('./phone-engine-lite.js');
  return { phoneEngine };
});

const { phoneEngine: full } = await vi.importActual<typeof import('./phone-engine.js')>('./phone-engine.js');
const { phoneEngine: lite } = await import('./phone-engine-lite.js');
const { currentPhoneEngine, onPhoneEngineChange, usePhoneEngine } = await import('./current-phone-engine.js');
const { createIntake } = await import('../create-intake.js');
const { parseForm } = await import('../parse-form.js');
const { normalizePhone } = await import('./normalize-phone.js');

const parsed = parseForm({ id: 'lead', fields: [{ type: 'phone', name: 'phone', defaultCountry: 'CN', required: true }, { type: 'text', name: 'company' }] });
if (!parsed.ok) throw new Error('does not parse');

describe('the phone engine in use', () => {
  it('starts as the bundled (here lite) engine, is swapped once for the full one, and never back', async () => {
    expect(currentPhoneEngine()).toBe(lite);
    const intake = createIntake(parsed.form);
    const changes: (readonly string[])[] = [];
    const stop = intake.subscribe((change) => changes.push(change.names));
    // 10 digits after 139: lite reads a number of a plausible length; libphonenumber-js knows better.
    intake.set('phone', '139 1234 567');
    expect(intake.normalized('phone')).toBe('+861391234567');
    expect((await intake.toRecord()).context.phoneCheck).toBe('lite');
    changes.length = 0;

    let heard = 0;
    const stopListening = onPhoneEngineChange(() => heard++);
    usePhoneEngine(full);
    expect(currentPhoneEngine()).toBe(full);
    expect(heard).toBe(1);
    // The controller judged the typed number again and told its subscribers about that field only.
    expect(changes).toEqual([['phone']]);
    expect(intake.normalized('phone')).toBe(undefined);
    expect(intake.errorFor('phone')).toMatch(/valid phone number/);
    expect(normalizePhone('139 1234 567', { defaultCountry: 'CN' }).ok).toBe(false);

    intake.set('phone', '139 1234 5678');
    const record = await intake.toRecord();
    expect(record.data['phone']).toBe('+8613912345678');
    expect('phoneCheck' in record.context).toBe(false);

    usePhoneEngine(lite);
    expect(currentPhoneEngine()).toBe(full);
    expect(heard).toBe(1);
    stopListening();
    stop();
  });
});
