import { describe, expect, it } from 'vitest';
import { encodeRecord, validateRecord } from '@intake/core';
import { decodeFormRecord } from '../src/index.js';
import { contact, contactValues, crmLead, crmLeadRecord, makeRecord } from './support.js';

const decode = (form: typeof crmLead, body: string) => decodeFormRecord(form, new URLSearchParams(body));

describe('decodeFormRecord', () => {
  it('inverts encodeRecord, empty arrays and objects included', async () => {
    const record = await makeRecord(contact, { ...contactValues, topic: 'support' }, { url: 'https://www.example.com/contact' });
    expect(record.tags).toEqual([]);
    expect(record.context.utm).toEqual({});
    expect(decode(contact, encodeRecord(record, 'form').body)).toEqual(record);

    const lead = await crmLeadRecord();
    expect(decode(crmLead, encodeRecord(lead, 'form').body)).toEqual(lead);
  });

  it('keeps what does not fit as it came, so validation reports it with its path', async () => {
    const record = await crmLeadRecord({ locale: 'en' });
    const valid = encodeRecord(record, 'form').body;
    const shape = decode(crmLead, `${valid}&id=${record.id}&extra=1&consents.3.field=privacy`);
    expect(shape['id']).toEqual([record.id, record.id]);
    expect(validateRecord(crmLead, shape).map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['id', 'extra', 'consents.2']));

    const values = decode(crmLead, `${valid}&data.expectedUsers=12&data.isDecisionMaker=yes`);
    expect((values['data'] as Record<string, unknown>)['expectedUsers']).toEqual(['50', '12']);
    expect((values['data'] as Record<string, unknown>)['isDecisionMaker']).toEqual(['true', 'yes']);
    expect(validateRecord(crmLead, values).map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['data.expectedUsers', 'data.isDecisionMaker']));
  });

  it('types numbers, booleans and context.fillMs only when they are what they say', () => {
    const decoded = decode(crmLead, 'data.expectedUsers=0x10&data.isDecisionMaker=TRUE&context.fillMs=1e3&form.version=1&context.captcha=abc');
    expect((decoded['data'] as Record<string, unknown>)['expectedUsers']).toBe('0x10');
    expect((decoded['data'] as Record<string, unknown>)['isDecisionMaker']).toBe('TRUE');
    expect(decoded['context']).toEqual({ fillMs: 1000, captcha: 'abc', utm: {} });
    expect(decoded['form']).toEqual({ version: 1 });
  });

  it('cannot reach a prototype through its keys', () => {
    const decoded = decode(crmLead, '__proto__.polluted=1&context.constructor.prototype.polluted=1&form.__proto__=y&data.__proto__=x');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(decoded['data'])).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(decoded['data'], '__proto__')).toBe(true);
  });
});
