import type { Field } from '@intake/core';
import { booleanRenderer } from './boolean-renderer.js';
import { cascadeRenderer } from './cascade-renderer.js';
import { choiceRenderer, selectRenderer } from './choice-renderer.js';
import { dateRenderer } from './date-renderer.js';
import type { FieldRenderer } from './field-view.js';
import { phoneRenderer } from './phone-renderer.js';
import { textareaRenderer, textRenderer } from './text-renderer.js';

/**
 * Any renderer: each takes only its own kind of field and state, which the registry guarantees by
 * keying them by type (TypeScript cannot relate the key to the value's parameters).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRenderer = FieldRenderer<any, any>;

/** The renderer of each field type that shows something (a hidden field has none). */
const renderers: Partial<Record<Field['type'], AnyRenderer>> = {
  text: textRenderer,
  email: textRenderer,
  number: textRenderer,
  textarea: textareaRenderer,
  date: dateRenderer,
  phone: phoneRenderer,
  select: selectRenderer,
  radio: choiceRenderer,
  checkboxes: choiceRenderer,
  boolean: booleanRenderer,
  consent: booleanRenderer,
  cascade: cascadeRenderer,
  region: cascadeRenderer,
};

/**
 * The renderer of fields of type `type`, or `undefined` for a type that renders nothing
 * (`hidden`): a field with none has no control to focus or link to. Adding a field type means
 * adding its renderer here (see docs/schema.md for the types).
 */
export function rendererFor<F extends Field>(type: F['type']): FieldRenderer<F, unknown> | undefined {
  // Own keys only: a type is checked by the schema, but `__proto__` or `toString` must never find anything.
  return Object.hasOwn(renderers, type) ? (renderers[type] as FieldRenderer<F, unknown>) : undefined;
}

/** The renderer of a field element's type, with its state of that element. */
export interface RendererInUse {
  readonly type: Field['type'];
  readonly renderer: FieldRenderer | undefined;
  readonly state: unknown;
}

/** The renderer in use for a field of type `type`: `current` while the type stays, else the type's renderer with a new state. */
export function rendererInUse(current: RendererInUse | undefined, type: Field['type']): RendererInUse {
  if (current?.type === type) return current;
  const renderer = rendererFor(type);
  return { type, renderer, state: renderer?.newState?.() };
}
