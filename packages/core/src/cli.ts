#!/usr/bin/env node
/**
 * intake-check: validates Intake form files and prints every problem with its JSON path.
 *
 *   intake-check [--locale zh-CN] [--json] form.json [more.json ...]
 *
 * Exit codes: 0 all forms valid, 1 a form has problems, 2 a file could not be read or bad usage.
 */
import { readFile } from 'node:fs/promises';
import { formatPath, parseForm, useRegionData, type SchemaIssue } from './index.js';
import { regionData } from './region/region-data-module.js';

// The region codes of `within` conditions are checked against the full data set here.
useRegionData(regionData);

const usage = 'Usage: intake-check [--locale <en|zh-CN>] [--json] <form.json> [more.json ...]';

interface FileResult {
  readonly file: string;
  readonly ok: boolean;
  readonly issues: readonly SchemaIssue[];
  readonly error?: string;
}

async function checkFile(file: string, locale: string): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { file, ok: false, issues: [], error: (error as Error).message };
  }
  const parsed = parseForm(text, { locale });
  return parsed.ok ? { file, ok: true, issues: [] } : { file, ok: false, issues: parsed.issues };
}

async function main(argv: readonly string[]): Promise<number> {
  let locale = 'en';
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      return 0;
    } else if (arg === '--json') json = true;
    else if (arg === '--locale') locale = argv[++i] ?? locale;
    else if (arg.startsWith('--locale=')) locale = arg.slice('--locale='.length);
    else if (arg.startsWith('-')) {
      console.error(`intake-check: unknown option ${arg}\n${usage}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    console.error(usage);
    return 2;
  }
  const results = await Promise.all(files.map((file) => checkFile(file, locale)));
  if (json) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    for (const result of results) {
      if (result.error) console.error(`${result.file}: cannot read: ${result.error}`);
      else if (result.ok) console.log(`${result.file}: ok`);
      else {
        for (const issue of result.issues) console.log(`${result.file}: ${formatPath(issue.path)}: ${issue.message}`);
        console.log(`${result.file}: ${result.issues.length} problem(s)`);
      }
    }
  }
  if (results.some((result) => result.error)) return 2;
  return results.every((result) => result.ok) ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
