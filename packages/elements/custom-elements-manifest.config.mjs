/**
 * The custom elements manifest of @intake/elements (`custom-elements.json`, the format of
 * https://github.com/webcomponents/custom-elements-manifest): what Storybook's docs, editors and
 * other tools read about `<intake-form>` and `<intake-field>`. `pnpm build` writes it with
 * `cem analyze --config custom-elements-manifest.config.mjs`, together with VS Code's custom data
 * (`vscode.html-custom-data.json`, `vscode.css-custom-data.json`), all from the doc comments of the
 * element classes (`@summary @tag @fires @slot @csspart @cssprop @cssstate`) and their
 * `static properties`. The files are committed (Storybook reads the manifest without a build) and
 * `test/node/custom-elements.test.ts` checks they are up to date and match the styles and templates.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fieldTypes } from '@intake/core';
// Built by `tsc` before the analyzer runs (`pnpm build`): the definition attributes of <intake-field>.
import { fieldAttributeProperties } from './dist/intake-field/field-attributes.js';

const packageRoot = new URL('./', import.meta.url);

/** `src/intake-form/intake-form.ts` -> `dist/intake-form/intake-form.js`: the published files. */
const distPath = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/**
 * Cleans the manifest for its readers:
 * - drops private members (`#name`) and Lit's static plumbing, which are no API;
 * - names the events the analyzer found in `this.dispatchEvent(new IntakeErrorEvent(...))` calls
 *   (it records only the class) from the event classes' `super('intake-error', ...)`, and merges
 *   them with the documented `@fires` entries;
 * - drops variables the analyzer picked up inside methods (declared, but not exported);
 * - adds the attributes that `static properties` spreads in from `fieldAttributeProperties`
 *   (field-attributes.ts, derived from the field types of @intake/core), which the analyzer cannot
 *   follow, described by the class fields they set;
 * - spells out `Field['type']` as the list of field types;
 * - points module paths at the published `dist/*.js` files.
 */
function intakeManifestPlugin() {
  /** Event class name -> event name, from `super('name', ...)` in classes extending Event. */
  const eventNames = new Map();
  return {
    name: 'intake-manifest',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const base = node.heritageClauses?.[0]?.types?.[0]?.expression?.getText();
      if (base !== 'Event' && base !== 'CustomEvent') return;
      const visit = (child) => {
        if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword) {
          const [first] = child.arguments;
          if (first && ts.isStringLiteral(first)) eventNames.set(node.name.getText(), first.text);
        }
        ts.forEachChild(child, visit);
      };
      visit(node);
    },
    packageLinkPhase({ customElementsManifest }) {
      // The analyzer lists modules in the order its (asynchronous) glob found the files, which can
      // change from run to run on a busy machine: sorted, the manifest is the same every time.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const module of customElementsManifest.modules) {
        const exported = new Set((module.exports ?? []).map((entry) => entry.declaration?.name));
        module.declarations = (module.declarations ?? []).filter((declaration) => declaration.kind !== 'variable' || exported.has(declaration.name));
        for (const declaration of module.declarations) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter(
            (member) => member.privacy !== 'private' && !member.name.startsWith('#') && !(member.static && ['shadowRootOptions', 'styles', 'properties'].includes(member.name)),
          );
          if (declaration.events) declaration.events = mergeEvents(declaration.events, eventNames);
          if (declaration.tagName === 'intake-field') addSpreadAttributes(declaration, fieldAttributeProperties);
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.type?.text === "Field['type']") item.type.text = fieldTypes.map((type) => `'${type}'`).join(' | ');
          }
        }
      }
      rewritePaths(customElementsManifest);
    },
  };
}

/**
 * Lit `properties` entries (`{ attribute, reflect, type, converter }`) as the analyzer records
 * them: on the class field (`privacy`, `attribute`, `reflects`) and as attributes, first in the
 * list, described by the field.
 */
function addSpreadAttributes(declaration, properties) {
  const attributes = [];
  declaration.members = declaration.members?.map((member) => {
    const options = Object.hasOwn(properties, member.name) && member.kind === 'field' ? properties[member.name] : undefined;
    if (!options) return member;
    const { kind, name, privacy, ...rest } = member;
    const attribute = options.attribute === false ? undefined : (options.attribute ?? name.toLowerCase());
    if (attribute) {
      attributes.push({ name: attribute, ...pick(rest, ['type', 'description', 'default']), fieldName: name });
    }
    return { kind, name, privacy: privacy ?? 'public', ...rest, ...(attribute ? { attribute } : {}), ...(options.reflect ? { reflects: true } : {}) };
  });
  const spread = new Set(attributes.map((attribute) => attribute.name));
  declaration.attributes = [...attributes, ...(declaration.attributes ?? []).filter((attribute) => !spread.has(attribute.name))];
}

function pick(object, keys) {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]));
}

function mergeEvents(events, eventNames) {
  const merged = [];
  // Documented events first, in their order; then those found in the code, merged in by name.
  for (const event of [...events.filter((event) => event.name), ...events.filter((event) => !event.name)]) {
    const name = event.name ?? eventNames.get(event.type?.text);
    if (!name) continue;
    const existing = merged.find((other) => other.name === name);
    if (existing) Object.assign(existing, { ...event, ...existing });
    else merged.push({ ...event, name });
  }
  return merged;
}

function rewritePaths(value) {
  if (Array.isArray(value)) {
    for (const item of value) rewritePaths(item);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof item === 'string') value[key] = distPath(item);
      else rewritePaths(item);
    }
  }
}

/** The custom elements of a manifest, with the path of their module. */
export function customElementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName).map((declaration) => ({ ...declaration, path: module.path })),
  );
}

/** The string literals of a union type text (`'light' | 'dark' | undefined` -> light, dark). */
function literalValues(typeText) {
  const values = [...(typeText ?? '').matchAll(/'([^']*)'|"([^"]*)"/g)].map((match) => match[1] ?? match[2]);
  return values.length > 0 && /^(\s*('[^']*'|"[^"]*"|undefined|null)\s*\|?)+$/.test(typeText) ? values : undefined;
}

function markdown(summary, description) {
  return [summary, description].filter(Boolean).join('\n\n');
}

/**
 * VS Code's custom data (https://github.com/microsoft/vscode-custom-data), made from the
 * manifest: `html` for the elements and their attributes, `css` for the `--intake-*` custom
 * properties and the `::part()` names. Point VS Code at them with the `html.customData` and
 * `css.customData` settings.
 */
export function vscodeCustomData(manifest) {
  const elements = customElementsOf(manifest);
  const html = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: markdown(element.summary, element.description) },
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = literalValues(attribute.type?.text);
        const booleanAttribute = attribute.type?.text === 'boolean';
        return {
          name: attribute.name,
          ...(attribute.description ? { description: { kind: 'markdown', value: attribute.description } } : {}),
          ...(booleanAttribute ? { valueSet: 'v' } : values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
  const properties = new Map();
  const parts = new Map();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      if (!properties.has(property.name)) {
        properties.set(property.name, {
          name: property.name,
          description: `${property.description ?? ''}${property.default ? ` Default: \`${property.default}\`.` : ''}`.trim(),
        });
      }
    }
    for (const part of element.cssParts ?? []) {
      const entry = parts.get(part.name) ?? { name: `::part(${part.name})`, description: '', on: [] };
      entry.on.push(`<${element.tagName}>`);
      if (!entry.description) entry.description = part.description ?? '';
      parts.set(part.name, entry);
    }
  }
  const css = {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: [...properties.values()],
    pseudoElements: [...parts.values()].map(({ name, description, on }) => ({ name, description: `${description} (${on.join(', ')})` })),
  };
  return { html, css };
}

/** Writes the VS Code data beside the manifest; only when run as the `cem` command (not when a test analyzes in memory). */
function vscodeDataPlugin() {
  return {
    name: 'intake-vscode-custom-data',
    packageLinkPhase({ customElementsManifest }) {
      if (!/^(cem|custom-elements-manifest)(\.js)?$/.test(basename(process.argv[1] ?? ''))) return;
      const { html, css } = vscodeCustomData(customElementsManifest);
      writeFileSync(new URL('vscode.html-custom-data.json', packageRoot), `${JSON.stringify(html, null, 2)}\n`);
      writeFileSync(new URL('vscode.css-custom-data.json', packageRoot), `${JSON.stringify(css, null, 2)}\n`);
    },
  };
}

export default {
  // The public modules: the entry points, each element (`src/<name>/<name>.ts`, STYLE.md) and its
  // define file, the event classes, the UI messages and the tokens. Internal helpers (outbox,
  // drafts, field list, ...) are left out, so changing them does not change the manifest.
  globs: ['src/*.ts', 'src/*/define.ts', 'src/*/intake-*.ts', 'src/form-control/form-control.ts', 'src/events/*.ts', 'src/i18n/*.ts', 'src/styles/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'src/**/*.stories.ts', 'src/intake-*/*.styles.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite the file.
  packagejson: false,
  plugins: [intakeManifestPlugin(), vscodeDataPlugin()],
};
