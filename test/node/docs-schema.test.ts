// Keeps docs/schema.md true: every form on the page is checked with parseForm (the broken ones
// must give exactly the errors printed under them), every "raw value → record.data" table and
// every condition table is recomputed with the core, every key of the format is documented, and
// the intake-check session runs for real.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import {
  conditionOperators,
  createIntake,
  evaluateCondition,
  fieldTypes,
  formatSchemaIssues,
  formJsonSchema,
  parseForm,
  type Condition,
  type FieldValue,
  type Form,
} from '@intake/core';
import { useRegionData } from '@intake/core';
import { regionData } from '@intake/core/region-data';
import { describe, expect, it } from 'vitest';
import { brokenLinks, codeBlocks, codeSpans, readDoc, root, tables, type CodeBlock } from './docs-markdown.js';

// The region tables and the codes of `within` conditions are checked against the region data.
useRegionData(regionData);

const page = 'docs/schema.md';
const markdown = readDoc(page);
const blocks = codeBlocks(markdown);
const jsonBlocks = blocks.filter((block) => block.lang === 'json');

/** The block right after `block` on the page. */
function nextBlock(block: CodeBlock): CodeBlock | undefined {
  return blocks[blocks.indexOf(block) + 1];
}

/** The form of the last `json` block before a line. */
function formBefore(line: number): Form {
  const block = jsonBlocks.filter((candidate) => candidate.line < line).at(-1);
  if (!block) throw new Error(`no form before line ${line}`);
  const parsed = parseForm(block.code);
  if (!parsed.ok) throw new Error(`the form at line ${block.line} is invalid`);
  return parsed.form;
}

/** Every key name of a JSON Schema (the `properties` of every object in it) and every `const`. */
function schemaWords(node: unknown, keys = new Set<string>(), consts = new Set<string>()): { keys: Set<string>; consts: Set<string> } {
  if (Array.isArray(node)) node.forEach((item) => schemaWords(item, keys, consts));
  else if (node !== null && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if (object['properties'] && typeof object['properties'] === 'object') {
      for (const key of Object.keys(object['properties'])) keys.add(key);
    }
    if (typeof object['const'] === 'string') consts.add(object['const']);
    if (Array.isArray(object['enum'])) object['enum'].forEach((value) => typeof value === 'string' && consts.add(value));
    Object.values(object).forEach((value) => schemaWords(value, keys, consts));
  }
  return { keys, consts };
}

describe('docs/schema.md', () => {
  it('has forms to check (valid and broken)', () => {
    expect(jsonBlocks.filter((block) => block.marker !== 'invalid').length).toBeGreaterThanOrEqual(15);
    expect(jsonBlocks.filter((block) => block.marker === 'invalid').length).toBeGreaterThanOrEqual(5);
  });

  for (const block of jsonBlocks.filter((candidate) => candidate.marker !== 'invalid')) {
    it(`the form at line ${block.line} is valid`, () => {
      const parsed = parseForm(block.code);
      expect(parsed.ok ? [] : formatSchemaIssues(parsed.issues).split('\n')).toEqual([]);
    });
  }

  for (const block of jsonBlocks.filter((candidate) => candidate.marker === 'invalid')) {
    it(`the broken form at line ${block.line} gets exactly the errors shown under it`, () => {
      const shown = nextBlock(block);
      expect(shown?.lang, 'a ```text block of the errors follows the broken form').toBe('text');
      const parsed = parseForm(block.code);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? '' : formatSchemaIssues(parsed.issues)).toBe(shown!.code);
    });
  }

  const valueTables = tables(markdown).filter((table) => table.header[0] === 'raw value' && /^record\.data\.\w+$/.test(table.header[1] ?? ''));

  it('has a raw value → record table for every field type', () => {
    const covered = new Set(valueTables.map((table) => formBefore(table.line).fields.find((field) => field.name === table.header[1]!.slice(12))?.type));
    expect([...fieldTypes].filter((type) => !covered.has(type))).toEqual([]);
  });

  for (const table of valueTables) {
    const name = table.header[1]!.slice('record.data.'.length);
    it(`the ${name} table at line ${table.line} is what the core normalizes`, () => {
      const form = formBefore(table.line);
      expect(form.fields.some((field) => field.name === name), `the form before line ${table.line} has a field "${name}"`).toBe(true);
      for (const [rawCell = '', expectedCell = ''] of table.rows) {
        const intake = createIntake(form, { context: { url: '', referrer: '' } });
        const raw: unknown = JSON.parse(codeSpans(rawCell)[0]!);
        intake.set(name, raw);
        const issue = intake.issueFor(name);
        const row = `${rawCell} → ${expectedCell}`;
        if (expectedCell === 'left out') {
          expect({ row, value: intake.normalized(name), issue: issue?.code }).toEqual({ row, value: undefined, issue: undefined });
        } else if (expectedCell.startsWith('error')) {
          expect({ row, issue: issue?.code }).toEqual({ row, issue: codeSpans(expectedCell)[0] });
        } else {
          const expected = JSON.parse(codeSpans(expectedCell)[0]!) as FieldValue;
          expect({ row, value: intake.normalized(name), issue: issue?.code }).toEqual({ row, value: expected, issue: undefined });
        }
      }
    });
  }

  it('the condition table is what evaluateCondition gives, and shows every operator', () => {
    const table = tables(markdown).find((candidate) => candidate.header.join('|') === 'condition|values|holds');
    expect(table).toBeDefined();
    const used = new Set<string>();
    for (const [conditionCell = '', valuesCell = '', holdsCell = ''] of table!.rows) {
      const condition = JSON.parse(codeSpans(conditionCell)[0]!) as Condition;
      const values = JSON.parse(codeSpans(valuesCell)[0]!) as Record<string, FieldValue>;
      const holds = JSON.parse(codeSpans(holdsCell)[0]!) as boolean;
      expect({ conditionCell, valuesCell, holds: evaluateCondition(condition, (field) => values[field]) }).toEqual({ conditionCell, valuesCell, holds });
      JSON.stringify(condition, (key, value: unknown) => (used.add(key), value));
    }
    expect([...conditionOperators, 'all', 'any', 'not'].filter((operator) => !used.has(operator))).toEqual([]);
  });

  it('the example form using every operator uses every operator', () => {
    const form = jsonBlocks.find((block) => block.marker !== 'invalid' && JSON.parse(block.code).id === 'conditions');
    expect(form).toBeDefined();
    const used = new Set<string>();
    JSON.stringify(JSON.parse(form!.code), (key, value: unknown) => (used.add(key), value));
    expect([...conditionOperators, 'all', 'any', 'not'].filter((operator) => !used.has(operator))).toEqual([]);
  });

  it('documents every key and every field type of the format (read from formJsonSchema)', () => {
    // The phone countries (`$defs.country`) are libphonenumber's list, not words of the format.
    const { country: _countries, ...defs } = formJsonSchema['$defs'] as Record<string, unknown>;
    const { keys, consts } = schemaWords({ ...formJsonSchema, $defs: defs });
    expect(keys.size).toBeGreaterThan(40);
    const missingKeys = [...keys].filter((key) => !markdown.includes(`\`${key}\``));
    expect(missingKeys).toEqual([]);
    const missingConsts = [...consts].filter((value) => !markdown.includes(`\`${value}\``) && !markdown.includes(`"${value}"`));
    expect(missingConsts).toEqual([]);
    for (const type of fieldTypes) expect(markdown, `a section for ${type}`).toMatch(new RegExp(`^### .*\`${type}\``, 'm'));
  });

  it('points $schema at the file @intake/core ships', () => {
    const path = /"\$schema": "\.\/(node_modules\/@intake\/core\/form\.schema\.json)"/.exec(markdown)?.[1];
    expect(path).toBeDefined();
    expect(existsSync(resolve(root, path!))).toBe(true);
  });

  it('shows a real intake-check session', async () => {
    const session = blocks.find((block) => block.lang === 'console' && block.code.startsWith('$ intake-check form.json'));
    expect(session).toBeDefined();
    const form = jsonBlocks.find((block) => block.marker === 'invalid')!;
    const dir = await mkdtemp(join(tmpdir(), 'intake-docs-'));
    try {
      await writeFile(join(dir, 'form.json'), form.code);
      const run = promisify(execFile)(process.execPath, [resolve(root, 'packages/core/dist/cli.js'), 'form.json'], { cwd: dir });
      const failure = await run.then(() => undefined, (error: { code: number; stdout: string }) => error);
      expect(failure?.code).toBe(1);
      expect(failure?.stdout.trimEnd()).toBe(session!.code.split('\n').slice(1).join('\n'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has no broken links', () => {
    expect(brokenLinks(page)).toEqual([]);
  });
});
