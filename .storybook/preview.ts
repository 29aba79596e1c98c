import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { StrictArgTypes, StrictInputType } from 'storybook/internal/types';
// The elements from their TypeScript source (registers <intake-field> and <intake-form>).
import '../packages/elements/src/define.ts';
// What the Controls panel lists for each element (attributes, properties, methods, events, slots,
// CSS parts, custom properties and custom states): the package's custom elements manifest, which
// `pnpm build` regenerates from the doc comments of the element classes.
import customElements from '../packages/elements/custom-elements.json';

setCustomElementsManifest(customElements);

interface ManifestItem {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text: string };
  readonly default?: string;
  readonly kind?: string;
  readonly static?: boolean;
  readonly attribute?: string;
  readonly privacy?: string;
}

interface ManifestElement {
  readonly tagName?: string;
  readonly description?: string;
  readonly summary?: string;
  readonly attributes?: readonly ManifestItem[];
  readonly members?: readonly ManifestItem[];
  readonly events?: readonly ManifestItem[];
  readonly slots?: readonly ManifestItem[];
  readonly cssParts?: readonly ManifestItem[];
  readonly cssProperties?: readonly ManifestItem[];
  readonly cssStates?: readonly ManifestItem[];
}

function manifestElement(tagName: string): ManifestElement | undefined {
  const modules = (customElements as { modules: readonly { declarations?: readonly ManifestElement[] }[] }).modules;
  return modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === tagName);
}

/** `intake-submit` -> `onIntakeSubmit`: the arg name the stories give each event's spy. */
const eventArg = (name: string) => `on${name.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}`;

/** A row without a control (shown as "-", where `control: false` would offer to set controls up). */
const noControl = { disable: true } as const;

/** The Storybook type of a TypeScript type text, so attributes get the right control (`string | undefined` -> text). */
function scalarType(text: string): 'boolean' | 'number' | 'string' | 'other' {
  const match = /^(boolean|number|string)( \| undefined)?$/.exec(text);
  return match ? (match[1] as 'boolean' | 'number' | 'string') : 'other';
}

function row(name: string, category: string, item: ManifestItem, extra: Partial<StrictInputType> = {}): StrictInputType {
  const summary = item.type?.text;
  return {
    name,
    description: item.description ?? '',
    ...(summary ? { type: { name: scalarType(summary), value: summary } as StrictInputType['type'] } : {}),
    table: {
      category,
      ...(summary ? { type: { summary } } : {}),
      ...(item.default === undefined ? {} : { defaultValue: { summary: item.default } }),
    },
    ...extra,
  };
}

/**
 * The argTypes of an element from the manifest, in the categories the stories use ("Attributes",
 * "Properties", "Events"), so a story's own argTypes refine these rows instead of adding a second
 * group: Storybook's built-in mapping files them under lower-case categories, keys CSS parts by
 * bare name (the `label` part would replace the `label` attribute), hides the stories' event
 * spies, and leaves out methods and custom states.
 */
function extractArgTypes(tagName: string): StrictArgTypes | null {
  const element = manifestElement(tagName);
  if (!element) return null;
  const argTypes: StrictArgTypes = {};
  const reflected = new Set((element.attributes ?? []).map((attribute) => attribute.name));
  for (const attribute of element.attributes ?? []) {
    argTypes[attribute.name] = row(attribute.name, 'Attributes', attribute);
  }
  for (const member of element.members ?? []) {
    // Lifecycle callbacks (`formResetCallback`, ...) are the browser's to call, not the page's.
    if (member.static || member.privacy === 'private' || member.privacy === 'protected' || member.name.endsWith('Callback')) continue;
    if (member.kind === 'method') {
      argTypes[`${member.name}()`] = row(`${member.name}()`, 'Methods', member, { control: noControl });
    } else if (!(member.attribute && reflected.has(member.attribute))) {
      argTypes[member.name] = row(member.name, 'Properties', member, { control: noControl });
    }
  }
  for (const event of element.events ?? []) {
    argTypes[eventArg(event.name)] = row(event.name, 'Events', event, { action: event.name, control: noControl });
  }
  for (const slot of element.slots ?? []) {
    argTypes[`slot:${slot.name}`] = row(slot.name ? `slot="${slot.name}"` : '(default)', 'Slots', slot, { control: noControl });
  }
  for (const part of element.cssParts ?? []) {
    argTypes[`::part(${part.name})`] = row(`::part(${part.name})`, 'CSS parts', part, { control: noControl });
  }
  for (const property of element.cssProperties ?? []) {
    argTypes[property.name] = row(property.name, 'CSS custom properties', property, { control: noControl });
  }
  for (const state of element.cssStates ?? []) {
    argTypes[`:state(${state.name})`] = row(`:state(${state.name})`, 'CSS custom states', state, { control: noControl });
  }
  return argTypes;
}

function extractComponentDescription(tagName: string): string | undefined {
  const element = manifestElement(tagName);
  return element && [element.summary, element.description].filter(Boolean).join('\n\n');
}

const preview: Preview = {
  // A docs page per component (its description, stories and API tables from the manifest).
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { extractArgTypes, extractComponentDescription },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#0f1115' },
      },
    },
  },
  initialGlobals: {
    backgrounds: { value: 'light' },
  },
};

export default preview;
