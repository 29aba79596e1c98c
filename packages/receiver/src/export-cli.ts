#!/usr/bin/env node
/**
 * intake-export: writes the records of one form as CSV (UTF-8 with BOM, CRLF, RFC 4180) to stdout.
 *
 *   intake-export <records.jsonl | postgres://…> --form <form.json> [--locale zh-CN] [--codes] [--mask]
 *                 [--table NAME] [--schema NAME] [--separator "; "]
 *
 * Exit codes: 0 written, 1 the records or the form could not be read, 2 bad usage.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatSchemaIssues, parseForm, type IntakeRecord } from '@intake/core';
import { exportCsv, type CsvExportOptions } from './export-csv.js';
import { postgresStore } from './postgres-store.js';

const usage = `Usage: intake-export <records.jsonl | postgres://user:password@host/database> --form <form.json>
       [--locale <en|zh-CN>] [--codes] [--mask] [--table <name>] [--schema <name>] [--separator <text>]

  --form       the form the records were made with (its labels name the columns)
  --locale     language of labels and yes/no (default: the form's locale, else en)
  --codes      option values and region codes instead of labels and names
  --mask       mask personal data: phones 139****5678, names 张*, emails w***@example.com
  --table      PostgreSQL table (default intake_records); --schema its schema
  --separator  between checkbox values, tags and consents (default "; ")`;

class UsageError extends Error {}

/** The records of a JSON-lines file in file order; lines that are not records are counted, not fatal. */
async function* jsonlRecords(path: string, onBadLine: (line: number) => void): AsyncGenerator<IntakeRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') yield value as IntakeRecord;
      else onBadLine(number);
    } catch {
      onBadLine(number);
    }
  }
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        form: { type: 'string' },
        locale: { type: 'string' },
        codes: { type: 'boolean' },
        mask: { type: 'boolean' },
        table: { type: 'string' },
        schema: { type: 'string' },
        separator: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one source: a records.jsonl file or a postgres:// URL');
  if (!values.form) throw new UsageError('--form <form.json> is required');
  const source = positionals[0]!;
  const isDatabase = /^postgres(ql)?:\/\//i.test(source);
  if (!isDatabase && (values.table !== undefined || values.schema !== undefined)) throw new UsageError('--table and --schema apply to a postgres:// source only');

  const form = parseForm(await readFile(values.form, 'utf8'));
  if (!form.ok) {
    process.stderr.write(`intake-export: ${values.form} is not a valid Intake form:\n${formatSchemaIssues(form.issues)}\n`);
    return 1;
  }
  const options: CsvExportOptions = {
    ...(values.locale ? { locale: values.locale } : {}),
    ...(values.codes ? { codes: true } : {}),
    ...(values.mask ? { mask: true } : {}),
    ...(values.separator !== undefined ? { separator: values.separator } : {}),
  };

  if (isDatabase) {
    const store = postgresStore({
      connectionString: source,
      max: 1,
      ...(values.table ? { table: values.table } : {}),
      ...(values.schema ? { schema: values.schema } : {}),
    });
    try {
      const records = (async function* () {
        for await (const { record } of store.records({ formId: form.form.id })) yield record;
      })();
      for await (const chunk of exportCsv(form.form, records, options)) await write(chunk);
    } finally {
      await store.close();
    }
    return 0;
  }

  const badLines: number[] = [];
  for await (const chunk of exportCsv(form.form, jsonlRecords(source, (line) => badLines.push(line)), options)) await write(chunk);
  if (badLines.length > 0) process.stderr.write(`intake-export: skipped ${badLines.length} line(s) that are not records: ${badLines.slice(0, 10).join(', ')}${badLines.length > 10 ? ', …' : ''}\n`);
  return 0;
}

// A reader that stops early (`| head`) closes the pipe: stop writing, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`intake-export: ${error.message}\n${usage}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`intake-export: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
