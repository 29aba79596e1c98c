// The custom elements manifest of @intake/elements (packages/elements/custom-elements.json) and the
// theming reference (docs/theming.md) against the code: the committed manifest is what the analyzer
// makes of the sources now, it declares the public API of docs/contract.md#the-elements, and its parts and custom
// properties are exactly those the templates and styles use, so neither the manifest (Storybook,
// editors) nor the docs can drift from the elements.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const elementsDir = fileURLToPath(new URL('../../packages/elements/', import.meta.url));
const read = (path: string) => readFileSync(new URL(path, pathToFileURL(elementsDir)), 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as unknown;

interface Item {
  readonly name: string;
  readonly description?: string;
  readonly default?: string;
  readonly type?: { readonly text: string };
  readonly fieldName?: string;
  readonly kind?: string;
  readonly privacy?: string;
}

interface Element {
  readonly tagName: string;
  readonly name: string;
  readonly summary?: string;
  readonly attributes?: readonly Item[];
  readonly members?: readonly Item[];
  readonly events?: readonly Item[];
  readonly slots?: readonly Item[];
  readonly cssParts?: readonly Item[];
  readonly cssProperties?: readonly Item[];
  readonly cssStates?: readonly Item[];
}

interface Manifest {
  readonly schemaVersion: string;
  readonly modules: readonly { readonly path: string; readonly declarations?: readonly (Element & { customElement?: boolean })[] }[];
}

const committed = readJson('custom-elements.json') as Manifest;

function element(manifest: Manifest, tagName: string): Element {
  const found = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement && declaration.tagName === tagName);
  if (!found) throw new Error(`custom-elements.json declares no <${tagName}>`);
  return found;
}

const names = (items: readonly Item[] | undefined) => (items ?? []).map((item) => item.name);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

// ---------------------------------------------------------------------------------------------
// What the sources use, parsed from them.

/** The part names set in a file's templates: `part="button submit"` gives button and submit (not `[part="input"]` selectors). */
function partsIn(source: string): string[] {
  return [...source.matchAll(/(?<![[\w-])part="([^"$]+)"/g)].flatMap((match) => match[1]!.trim().split(/\s+/));
}

const tokensSource = read('src/styles/tokens.styles.ts');
const fieldStylesSource = read('src/intake-field/intake-field.styles.ts');
const formStylesSource = read('src/intake-form/intake-form.styles.ts');

/** A block of the tokens file: the light `:host` rule or the `dark` set. */
function tokenBlock(start: string, end: string): string {
  const from = tokensSource.indexOf(start);
  const to = tokensSource.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`tokens.styles.ts has no block from ${start} to ${end}`);
  return tokensSource.slice(from, to);
}

/** `--_x: var(--intake-y, default)` definitions: internal alias -> public property and its default. */
function aliases(block: string): Map<string, { property: string; fallback: string }> {
  return new Map([...block.matchAll(/(--_[\w-]+):\s*var\((--intake-[\w-]+),\s*([^;]*)\);/g)].map((match) => [match[1]!, { property: match[2]!, fallback: match[3]!.trim() }]));
}

const lightAliases = aliases(tokenBlock(':host {', 'color-scheme: light'));
const darkAliases = aliases(tokenBlock('const dark = css`', 'color-scheme: dark'));

/** The `--intake-*` properties a set of style sources reads, directly or through the token aliases, with their defaults. */
function customPropertiesUsed(sources: readonly string[]): Map<string, string> {
  const used = new Map<string, string>();
  for (const source of sources) {
    // Alias definitions are not uses: `--_surface` is defined for every element but read only by the form.
    const body = source.replace(/--_[\w-]+:\s*var\(--intake-[\w-]+,[^;]*\);/g, '');
    for (const [, alias] of body.matchAll(/var\((--_[\w-]+)\)/g)) {
      const token = lightAliases.get(alias!);
      if (!token) throw new Error(`${alias} is used but tokens.styles.ts does not define it`);
      used.set(token.property, token.fallback);
    }
    for (const [, property, fallback] of body.matchAll(/var\((--intake-[\w-]+),\s*([^)]*)\)/g)) used.set(property!, fallback!.trim());
  }
  return used;
}

/** The templates of a folder of `src/`: its sources, without tests and styles. */
const templatesIn = (folder: string) =>
  readdirSync(new URL(`src/${folder}/`, pathToFileURL(elementsDir)))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.styles.ts'))
    .map((name) => read(`src/${folder}/${name}`))
    .join('\n');
// A field's templates are its renderers' (src/renderers/, the phone widget in src/phone-control/).
const fieldSource = [read('src/intake-field/intake-field.ts'), templatesIn('renderers'), templatesIn('phone-control')].join('\n');
const formSource = templatesIn('intake-form');
const fieldParts = sorted(partsIn(fieldSource));
const formParts = sorted([...partsIn(formSource), ...fieldParts]);
// A standalone field: the tokens and its own rules. A form: the tokens, its rules and the fields' rules it nests.
const fieldProperties = customPropertiesUsed([tokensSource, fieldStylesSource]);
const formProperties = customPropertiesUsed([tokensSource, formStylesSource, fieldStylesSource]);

// ---------------------------------------------------------------------------------------------

describe('custom-elements.json', () => {
  let generated: Manifest;

  beforeAll(async () => {
    // The analyzer as `pnpm build` runs it (same config, same plugins), in memory.
    const require = createRequire(new URL('package.json', pathToFileURL(elementsDir)));
    const { cli } = (await import(pathToFileURL(require.resolve('@custom-elements-manifest/analyzer/cli.js')).href)) as {
      cli: (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<Manifest>;
    };
    generated = await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: elementsDir, noWrite: true });
  }, 60_000);

  it('is up to date with the sources (run `pnpm --filter @intake/elements build` after changing them)', () => {
    expect(JSON.parse(JSON.stringify(generated))).toEqual(committed);
  });

  it('comes with VS Code custom data made from it, also up to date', async () => {
    const config = (await import(pathToFileURL(`${elementsDir}custom-elements-manifest.config.mjs`).href)) as {
      vscodeCustomData: (manifest: Manifest) => { html: unknown; css: unknown };
    };
    const { html, css } = config.vscodeCustomData(committed);
    expect(readJson('vscode.html-custom-data.json')).toEqual(html);
    expect(readJson('vscode.css-custom-data.json')).toEqual(css);
    const tags = (html as { tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[] }).tags;
    expect(tags.map((tag) => tag.name).sort()).toEqual(['intake-field', 'intake-form']);
    const type = tags.find((tag) => tag.name === 'intake-field')!.attributes.find((attribute) => attribute.name === 'type');
    expect(type?.values?.map((value) => value.name)).toContain('phone');
  });

  it('is named by the package and published with it', () => {
    const manifest = readJson('package.json') as { customElements?: string; files?: string[] };
    expect(manifest.customElements).toBe('custom-elements.json');
    expect(manifest.files).toEqual(expect.arrayContaining(['dist', 'custom-elements.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json']));
  });

  it('declares <intake-form> with the attributes, members, events and slot of docs/contract.md#the-elements', () => {
    const form = element(committed, 'intake-form');
    expect(form.name).toBe('IntakeForm');
    expect(form.summary).toBeTruthy();
    expect(names(form.attributes)).toEqual(expect.arrayContaining(['schema-url', 'locale', 'endpoint', 'kiosk', 'kiosk-reset', 'theme']));
    expect(form.attributes!.find((attribute) => attribute.name === 'kiosk-reset')).toMatchObject({ fieldName: 'kioskReset', default: '5000' });
    expect(names(form.members)).toEqual(expect.arrayContaining(['schema', 'values', 'submit', 'reset', 'validate']));
    for (const method of ['submit', 'reset', 'validate']) expect(form.members!.find((member) => member.name === method)?.kind).toBe('method');
    expect(form.events!.map((event) => [event.name, event.type?.text])).toEqual([
      ['intake-change', 'IntakeChangeEvent'],
      ['intake-submit', 'IntakeSubmitEvent'],
      ['intake-submitted', 'IntakeSubmittedEvent'],
      ['intake-error', 'IntakeErrorEvent'],
    ]);
    for (const event of form.events!) expect(event.description, event.name).toMatch(/Detail `\{/);
    expect(names(form.slots)).toEqual(['success']);
  });

  it('declares <intake-field> with the kebab-case attributes of docs/contract.md#the-elements and its events and states', () => {
    const field = element(committed, 'intake-field');
    expect(field.name).toBe('IntakeField');
    expect(field.summary).toBeTruthy();
    expect(names(field.attributes)).toEqual(
      expect.arrayContaining(['type', 'name', 'label', 'required', 'placeholder', 'help', 'default-country', 'min', 'max', 'min-length', 'max-length', 'pattern']),
    );
    expect(field.attributes!.find((attribute) => attribute.name === 'default-country')?.fieldName).toBe('defaultCountry');
    expect(field.attributes!.find((attribute) => attribute.name === 'type')?.type?.text).toContain("'checkboxes'");
    expect(names(field.members)).toEqual(expect.arrayContaining(['options', 'value', 'checkValidity', 'reportValidity']));
    expect(names(field.events)).toEqual(['input', 'change', 'invalid']);
    expect(names(field.cssStates)).toEqual(['invalid', 'user-invalid', 'touched', 'filled', 'required']);
  });

  it('lists no private members and no events without a name', () => {
    for (const tagName of ['intake-form', 'intake-field']) {
      const declared = element(committed, tagName);
      expect(declared.members!.filter((member) => member.privacy === 'private' || member.name.startsWith('#')).map((member) => member.name)).toEqual([]);
      expect(declared.events!.every((event) => event.name)).toBe(true);
    }
  });

  it('lists exactly the ::part names the templates set', () => {
    expect(fieldParts).toContain('input');
    expect(formParts).toContain('submit');
    expect(sorted(names(element(committed, 'intake-field').cssParts))).toEqual(fieldParts);
    expect(sorted(names(element(committed, 'intake-form').cssParts))).toEqual(formParts);
  });

  it('lists exactly the --intake-* custom properties the styles read, with their light defaults', () => {
    expect(fieldProperties.size).toBeGreaterThan(5);
    for (const [tagName, used] of [
      ['intake-field', fieldProperties],
      ['intake-form', formProperties],
    ] as const) {
      const declared = element(committed, tagName).cssProperties!;
      expect(sorted(names(declared)), tagName).toEqual(sorted(used.keys()));
      for (const property of declared) expect(property.default, `${tagName} ${property.name}`).toBe(used.get(property.name));
    }
  });

  it('gives the dark default of every colour that has one', () => {
    expect(darkAliases.size).toBeGreaterThan(5);
    for (const { property, fallback } of darkAliases.values()) {
      for (const tagName of ['intake-form', 'intake-field']) {
        const declared = element(committed, tagName).cssProperties!.find((item) => item.name === property);
        if (declared) expect(declared.description, `${tagName} ${property}`).toContain(`dark: \`${fallback}\``);
      }
    }
  });
});

describe('docs/theming.md', () => {
  const docs = readFileSync(new URL('../../docs/theming.md', import.meta.url), 'utf8');
  const rows = docs.split('\n').filter((line) => line.startsWith('| '));

  it('has a row for every custom property, with its light and dark defaults', () => {
    for (const [property, light] of formProperties) {
      const row = rows.find((line) => line.startsWith(`| \`${property}\` |`));
      expect(row, property).toBeDefined();
      expect(row, property).toContain(`\`${light}\``);
      const dark = [...darkAliases.values()].find((alias) => alias.property === property)?.fallback;
      if (dark) expect(row!.split('|')[4], `${property} dark`).toContain(`\`${dark}\``);
    }
  });

  it('has a row for every part and every custom state', () => {
    for (const part of formParts) expect(rows.some((line) => line.startsWith(`| \`::part(${part})\` |`)), part).toBe(true);
    for (const state of names(element(committed, 'intake-field').cssStates)) {
      expect(rows.some((line) => line.startsWith(`| \`:state(${state})\` |`)), state).toBe(true);
    }
  });

  it('names no custom property or part that does not exist', () => {
    const mentionedProperties = sorted([...docs.matchAll(/--intake-[a-z-]*[a-z]/g)].map((match) => match[0]));
    expect(mentionedProperties.filter((property) => !formProperties.has(property))).toEqual([]);
    const mentionedParts = sorted([...docs.matchAll(/::part\(([a-z-]+)\)/g)].map((match) => match[1]!));
    expect(mentionedParts.filter((part) => !formParts.includes(part))).toEqual([]);
  });
});
