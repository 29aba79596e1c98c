// Reading the Markdown of docs/*.md for the tests that keep the docs true: fenced code blocks
// (with the HTML comment marking them), tables, links and headings.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The text of a file under the repository root. */
export function readDoc(path: string): string {
  return readFileSync(resolve(root, path), 'utf8');
}

/** A fenced code block of a Markdown page. */
export interface CodeBlock {
  /** The info string: `json`, `text`, `js`… */
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The HTML comment on the last non-blank line before the block (`invalid`, `file: docs/examples/x.js`), if any. */
  readonly marker: string | undefined;
}

/** The fenced code blocks of a page, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '```') end++;
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const comment = before >= 0 ? /^<!--\s*(.*?)\s*-->$/.exec(lines[before]!.trim()) : null;
    blocks.push({ lang: open[1]!, code: lines.slice(i + 1, end).join('\n'), line: i + 1, marker: comment?.[1] });
    i = end;
  }
  return blocks;
}

/** A Markdown table: header cells and rows of cells (trimmed), with the line it starts on. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly line: number;
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/** The tables of a page (outside code blocks), in order. */
export function tables(markdown: string): Table[] {
  const lines = markdown.split('\n');
  const found: Table[] = [];
  let inCode = false;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith('```')) inCode = !inCode;
    if (inCode || !lines[i]!.startsWith('|') || !/^\|[\s:|-]+\|$/.test(lines[i + 1]?.trim() ?? '')) continue;
    const header = cells(lines[i]!);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) rows.push(cells(lines[j]!));
    found.push({ header, rows, line: i + 1 });
    i = j;
  }
  return found;
}

/** The contents of the inline code spans of a table cell. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a page's headings. */
export function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = !inCode && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) out.add(slug(heading[1]!));
  }
  return out;
}

/** Relative links of a page that do not resolve: a missing file, or a missing heading of a Markdown page. */
export function brokenLinks(page: string): string[] {
  const markdown = readDoc(page);
  const broken: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      const [path = '', hash] = target.split('#');
      const file = path ? resolve(root, dirname(page), path) : resolve(root, page);
      if (!existsSync(file)) {
        broken.push(target);
      } else if (hash !== undefined && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(hash)) {
        broken.push(target);
      }
    }
  }
  return broken;
}
