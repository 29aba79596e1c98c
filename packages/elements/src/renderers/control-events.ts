import type { Field, Intake } from '@intake/core';
import type { FieldInput, FieldRenderer } from './field-view.js';
import type { RendererInUse } from './registry.js';

/** The renderer of a field element now, with what its handlers work with. */
export interface ControlContext {
  readonly renderer: FieldRenderer;
  readonly input: FieldInput;
}

/**
 * Passes the events of a field's controls, heard once on its render root (one listener per kind,
 * not one per control per render), to the field's renderer: `input` and `keyup` write what the
 * person did (an `input` writes the control's `value` unless the renderer says otherwise),
 * `focusin` and `pointerdown` tell that a control is about to be used, and `change` (which does
 * not leave a shadow root) is dispatched again from the host.
 */
export function listenToControls(root: Node, host: HTMLElement, context: () => ControlContext | undefined): void {
  const on = (type: string, handle: (found: ControlContext, control: HTMLInputElement, event: Event) => void) =>
    root.addEventListener(type, (event) => {
      const found = event.target === host ? undefined : context();
      if (found) handle(found, event.target as HTMLInputElement, event);
    });
  on('input', (found, control, event) => (found.renderer.input ? found.renderer.input(control, event, found.input) : found.input.set(control.value)));
  on('keyup', (found, control, event) => found.renderer.keyup?.(control, event, found.input));
  on('focusin', (found, control, event) => found.renderer.reach?.(control, event, found.input));
  on('pointerdown', (found, control, event) => found.renderer.reach?.(control, event, found.input));
  on('change', (found, control, event) => found.renderer.change?.(control, event, found.input));
  root.addEventListener('change', (event) => {
    if (event.target !== host) host.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/**
 * The context of the controls' events of field `name` of `controller`, drawn by the renderer in
 * use; `undefined` while nothing of that field is drawn (or the field changed type since).
 */
export function controlContext(
  current: RendererInUse | undefined,
  field: Field,
  controller: Intake,
  name: string,
  bound: boolean,
  renderNow: () => void,
): ControlContext | undefined {
  if (!current?.renderer || current.type !== field.type) return undefined;
  const input: FieldInput = { field, state: current.state, bound, get: () => controller.get(name), set: (value: unknown) => controller.set(name, value), renderNow };
  return { renderer: current.renderer, input };
}
