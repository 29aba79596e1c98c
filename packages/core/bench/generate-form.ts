/**
 * Generates a large, realistic form for the benchmarks: a deterministic (seeded) mix of all 12
 * field types with options, `visibleWhen` / `requiredWhen` conditions on earlier fields, tags,
 * steps and `dedupe`, together with valid raw values as a person would type them.
 */
import type { Condition, Field, Form, Option, TagRule } from '@intake/core';

export interface GeneratedForm {
  /** The form JSON; it passes `parseForm` (checked in core.bench.ts at load). */
  readonly json: Form;
  /** Valid raw values as typed (spaces, full-width digits, capitals...); hidden fields left empty. */
  readonly values: Record<string, unknown>;
  /** A visible, filled phone field and two valid raw values to alternate between. */
  readonly alternate: { readonly name: string; readonly values: readonly [string, string] };
}

type Type = Field['type'];
type Json = Record<string, unknown>;

/** How often each type occurs, per 500 fields. */
const weights: Readonly<Record<Type, number>> = {
  text: 110,
  textarea: 25,
  email: 25,
  phone: 25,
  number: 40,
  date: 30,
  select: 75,
  radio: 40,
  checkboxes: 40,
  boolean: 40,
  consent: 15,
  hidden: 35,
  // Not generated: the benchmarks keep measuring the same form as before these types existed.
  cascade: 0,
  region: 0,
};
const types = (Object.keys(weights) as Type[]).filter((type) => weights[type] > 0);

/** mulberry32: a small seeded PRNG, so every run benchmarks the same form. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const textKinds = [
  { maxLength: 50, values: ['张伟', ' 李娜 ', 'Wang  Fang', 'Chen Jie', '欧阳 明'] },
  { maxLength: 100, values: ['深圳市腾达科技有限公司', 'Acme Trading Co.,  Ltd. ', '上海华信物流有限公司'] },
  { maxLength: 50, values: ['深圳市', 'Shanghai', ' 杭州 '] },
  { pattern: '[0-9]{6}', values: ['518000', '100080', '200120'] },
  { pattern: '[A-Z]{2}-[0-9]{4}', values: ['AB-1234', 'CN-0086'] },
  { values: ['Excel 表格 + 企业微信', 'Salesforce, but too expensive', '无'] },
] as const;

const textareaValues = [
  '希望统一管理展会和官网获取的客户线索，\r\n提升销售跟进效率。',
  'We need a CRM for about 30 sales reps.\r\nPlease call after 2 pm.\r\n',
  '  目前用 Excel 记录客户，数据分散，交接困难。\n希望三个月内上线。  ',
];
const emailValues = ['Zhang.Wei@TengDa-Tech.com', ' Li.Lei＠Example.COM ', 'ANNA.Schmidt@Firma.de', 'sales@Acme-Trading.co.uk'];
const cnPrefixes = ['139', '138', '137', '136', '135', '186', '188', '158', '150'];
const dateValues = ['2026-03-15', '2026/3/5', '2026年3月5日', '２０２６-０３-１５', '2025.12.01'];

export function generateForm(fieldCount = 500, seed = 20260101): GeneratedForm {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const cnMobile = () => `${pick(cnPrefixes)}${digits(8)}`;
  const fullWidth = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

  const fields: Json[] = [];
  const values: Record<string, unknown> = {};
  /** Unconditional, filled fields a condition may read, with their normalized value. */
  const readable: { name: string; type: Type; value: unknown; options?: readonly string[] }[] = [];

  const options = (count: number, prefix: string): Option[] =>
    Array.from({ length: count }, (_, k) => ({
      value: `${prefix}${k + 1}`,
      label: { en: `Option ${k + 1}`, 'zh-CN': `选项 ${k + 1}` },
    }));

  /** A condition on an earlier field that holds (or not) for the generated values. */
  const condition = (holds: boolean): Condition | undefined => {
    if (readable.length === 0) return undefined;
    const target = pick(readable);
    const { name, value } = target;
    switch (target.type) {
      case 'boolean':
      case 'consent':
        return target.type === 'consent' && !holds ? { not: { field: name, equals: true } } : { field: name, equals: holds ? (value as boolean) : !value };
      case 'select':
      case 'radio': {
        const other = target.options!.find((option) => option !== value)!;
        return holds ? { field: name, in: [value as string, other] } : { field: name, equals: other };
      }
      case 'checkboxes': {
        const chosen = value as string[];
        const other = target.options!.find((option) => !chosen.includes(option));
        return holds || other === undefined ? { field: name, contains: chosen[0]! } : { field: name, contains: other };
      }
      case 'number':
        return holds ? { field: name, gte: (value as number) - 1 } : { field: name, lt: value as number };
      case 'date':
        return holds ? { field: name, lte: value as string } : { field: name, gt: value as string };
      default:
        return { field: name, filled: holds };
    }
  };

  for (let i = 0; i < fieldCount; i++) {
    // The first 12 fields cover every type once; then the weighted mix.
    let type: Type;
    if (i < types.length) type = types[i]!;
    else {
      let r = rnd() * 500;
      type = types.find((t) => (r -= weights[t]) < 0) ?? 'text';
    }
    const name = `q${String(i + 1).padStart(3, '0')}_${type}`;
    const field: Json = { type, name, label: { en: `Question ${i + 1}`, 'zh-CN': `问题 ${i + 1}` } };
    if (chance(0.3)) field['help'] = { en: `Help for question ${i + 1}.`, 'zh-CN': `第 ${i + 1} 题的说明。` };

    let visible = true;
    if (i >= 12 && chance(0.15)) {
      visible = chance(0.8);
      const when = condition(visible);
      if (when) field['visibleWhen'] = chance(0.2) ? { all: [when, condition(true)!] } : when;
      else visible = true;
    }
    const conditional = 'visibleWhen' in field;
    if (i >= 12 && type !== 'boolean' && type !== 'hidden' && chance(0.1)) {
      const when = condition(chance(0.5));
      if (when) field['requiredWhen'] = when;
    }
    if (type !== 'boolean' && type !== 'hidden' && chance(0.3)) field['required'] = true;
    if (type === 'consent') field['required'] = chance(0.5);

    // raw: what a person types; value: the normalized value conditions read.
    let raw: unknown;
    let value: unknown;
    let optionValues: string[] | undefined;
    switch (type) {
      case 'text': {
        const kind = pick(textKinds);
        if ('maxLength' in kind) field['maxLength'] = kind.maxLength;
        if ('pattern' in kind) field['pattern'] = kind.pattern;
        raw = pick(kind.values);
        value = (raw as string).replace(/\s+/g, ' ').trim();
        break;
      }
      case 'textarea':
        field['maxLength'] = 2000;
        if (chance(0.5)) field['minLength'] = 10;
        field['rows'] = 4;
        raw = pick(textareaValues);
        value = raw;
        break;
      case 'email':
        field['autocomplete'] = 'email';
        raw = pick(emailValues);
        value = raw;
        break;
      case 'phone': {
        field['autocomplete'] = 'tel';
        const style = rnd();
        if (style < 0.7) {
          field['defaultCountry'] = 'CN';
          field['countries'] = ['CN', 'HK', 'MO', 'TW', 'US', 'GB', 'DE', 'JP', 'SG', 'IN'];
          const n = cnMobile();
          const spaced = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
          raw = chance(0.2) ? fullWidth(spaced) : chance(0.3) ? `+86 ${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}` : spaced;
        } else if (style < 0.85) {
          field['defaultCountry'] = 'US';
          raw = `(201) 555-${digits(4)}`;
        } else {
          raw = `+44 7400 ${digits(6)}`;
        }
        value = raw;
        break;
      }
      case 'number': {
        const kind = rnd();
        if (kind < 0.4) {
          Object.assign(field, { min: 1, max: 100000, integer: true });
          raw = chance(0.5) ? fullWidth(String(1 + Math.floor(rnd() * 900))) : String(1 + Math.floor(rnd() * 900));
        } else if (kind < 0.7) {
          Object.assign(field, { min: 0, step: 1000 });
          raw = `${1 + Math.floor(rnd() * 99)},000`;
        } else {
          Object.assign(field, { min: 0, max: 100, step: 0.5 });
          raw = Math.floor(rnd() * 200) / 2;
        }
        value = typeof raw === 'number' ? raw : Number(String(raw).normalize('NFKC').replace(/,/g, ''));
        break;
      }
      case 'date': {
        field['min'] = '2000-01-01';
        if (chance(0.5)) field['max'] = '2030-12-31';
        raw = pick(dateValues);
        const [, y, m, d] = /^(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec((raw as string).normalize('NFKC'))!;
        value = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
        break;
      }
      case 'select':
      case 'radio':
      case 'checkboxes': {
        const count = type === 'select' ? 3 + Math.floor(rnd() * 18) : type === 'radio' ? 2 + Math.floor(rnd() * 4) : 3 + Math.floor(rnd() * 6);
        const list = options(count, type === 'checkboxes' ? 'c' : 'o');
        field['options'] = list;
        optionValues = list.map((option) => option.value);
        if (type === 'checkboxes') {
          if (chance(0.3)) field['minSelected'] = 1;
          if (chance(0.5)) field['maxSelected'] = 3;
          const chosen = optionValues.filter(() => chance(0.4)).slice(0, 3);
          if (chosen.length === 0) chosen.push(optionValues[0]!);
          raw = chosen;
          value = chosen;
        } else {
          raw = pick(optionValues);
          value = raw;
        }
        break;
      }
      case 'boolean':
        if (chance(0.5)) field['default'] = false;
        raw = chance(0.5);
        value = raw;
        break;
      case 'consent':
        field['version'] = '2026-01';
        raw = field['required'] === true || chance(0.6);
        value = raw === true ? true : undefined;
        break;
      case 'hidden':
        if (chance(0.5)) field['prefill'] = `src${i + 1}`;
        else field['default'] = 'campaign-2026';
        raw = `lead-${digits(4)}`;
        value = raw;
        break;
    }

    // Optional fields are sometimes left empty; hidden-by-condition fields are never typed into.
    const mustFill = field['required'] === true || 'requiredWhen' in field || type === 'consent' || type === 'boolean';
    if (visible && (mustFill || chance(0.85))) {
      values[name] = raw;
      if (!conditional && value !== undefined && type !== 'textarea') readable.push({ name, type, value, ...(optionValues ? { options: optionValues } : {}) });
    }
    fields.push(field);
  }

  const tags: TagRule[] = Array.from({ length: 12 }, (_, k) => ({ tag: `segment-${k + 1}`, when: k % 3 === 0 ? { any: [condition(true)!, condition(false)!] } : condition(chance(0.5))! }));
  const firstOf = (type: Type) => fields.find((field) => field['type'] === type && !('visibleWhen' in field) && (field['name'] as string) in values)!['name'] as string;
  const visibleNames = fields.filter((field) => field['type'] !== 'hidden').map((field) => field['name'] as string);
  const steps = Array.from({ length: Math.ceil(visibleNames.length / 25) }, (_, s) => ({
    id: `step-${s + 1}`,
    title: { en: `Part ${s + 1}`, 'zh-CN': `第 ${s + 1} 部分` },
    fields: visibleNames.slice(s * 25, s * 25 + 25),
  }));
  const phone = firstOf('phone');
  const alternateField = fields.find((field) => field['name'] === phone)!;
  const alternates: [string, string] =
    alternateField['defaultCountry'] === 'CN' ? ['139 1234 5678', '139 1234 5679'] : alternateField['defaultCountry'] === 'US' ? ['(201) 555-0123', '(201) 555-0124'] : ['+44 7400 123456', '+44 7400 123457'];

  const json = {
    id: `generated-${fieldCount}`,
    version: 1,
    locale: 'zh-CN',
    title: { en: `Generated form (${fieldCount} fields)`, 'zh-CN': `生成的表单（${fieldCount} 个字段）` },
    fields,
    steps,
    tags,
    dedupe: [phone, firstOf('email')],
    submit: { url: 'https://example.com/hooks/intake', format: 'json', timeoutMs: 10000 },
  } as unknown as Form;
  return { json, values, alternate: { name: phone, values: alternates } };
}
