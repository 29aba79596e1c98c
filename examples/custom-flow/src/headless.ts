// A custom UI in plain DOM driven by the headless core: what a Vue, Svelte or vanilla developer
// would write. The core holds the values and decides everything (visibility, requiredness,
// normalization, localized errors); this file only renders and forwards what people type.
import { createIntake, memoryStorage, Outbox, parseForm, resolveText, webStorage, formatSchemaIssues, type Field, type SubmitOptions } from '@intake/core';
import schema from '../callback-form.json' with { type: 'json' };

const parsed = parseForm(schema);
if (!parsed.ok) throw new Error(`callback-form.json is not a valid form:\n${formatSchemaIssues(parsed.issues)}`);
const form = parsed.form;
const locale = document.documentElement.lang || 'en';
const intake = createIntake(form, { locale });

// The webhook: this example's server mounts a receiver for the form at /hooks/callback.
const submit: SubmitOptions = { url: new URL('hooks/callback', location.href).href };
// Records that cannot be delivered now wait on the device and are sent later (docs/delivery.md).
const outbox = new Outbox({ storage: webStorage() ?? memoryStorage() });
void outbox.flush();
addEventListener('online', () => void outbox.flush());

const root = document.querySelector<HTMLFormElement>('#callback')!;
const fieldsBox = root.querySelector<HTMLElement>('.fields')!;
const status = document.querySelector<HTMLElement>('#status')!;
const receipt = document.querySelector<HTMLElement>('#receipt')!;

/** The DOM of one field: its wrapper, the element that carries aria-invalid/-describedby, and the error line. */
interface FieldView {
  readonly wrapper: HTMLElement;
  readonly described: HTMLElement;
  readonly error: HTMLElement;
  readonly help: HTMLElement | undefined;
  /** The "(required)" marker: shown while the core says the field is required (`required` or `requiredWhen`). */
  readonly required: HTMLElement;
  readonly focusTarget: HTMLElement;
}
const views = new Map<string, FieldView>();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

const text = (value: Field['label']) => resolveText(value, locale);

function renderField(field: Field): FieldView {
  const id = `field-${field.name}`;
  const error = element('p', { id: `${id}-error`, className: 'error' });
  error.setAttribute('aria-live', 'polite');
  const help = field.help ? element('p', { id: `${id}-help`, className: 'help' }, text(field.help)) : undefined;
  const required = element('span', { className: 'required' }, ' (required)');

  if (field.type === 'radio') {
    const choices = field.options.map((option) => {
      const input = element('input', { type: 'radio', name: field.name, value: option.value, id: `${id}-${option.value}` });
      return element('label', { className: 'choice' }, input, ` ${text(option.label) || option.value}`);
    });
    const wrapper = element('fieldset', { className: 'field' }, element('legend', {}, text(field.label) || field.name, required), ...(help ? [help] : []), error, ...choices);
    return { wrapper, described: wrapper, error, help, required, focusTarget: choices[0]!.querySelector('input')! };
  }

  let control: HTMLInputElement | HTMLSelectElement;
  if (field.type === 'select') {
    control = element('select', { id, name: field.name }, element('option', { value: '' }, 'Choose…'), ...field.options.map((option) => element('option', { value: option.value }, text(option.label) || option.value)));
  } else if (field.type === 'consent' || field.type === 'boolean') {
    control = element('input', { id, name: field.name, type: 'checkbox' });
  } else {
    control = element('input', { id, name: field.name, type: field.type === 'phone' ? 'tel' : field.type === 'email' ? 'email' : 'text' });
    if ('autocomplete' in field && field.autocomplete) control.autocomplete = field.autocomplete as AutoFill;
  }
  const label = element('label', { htmlFor: id }, text(field.label) || field.name, required);
  const checkbox = control instanceof HTMLInputElement && control.type === 'checkbox';
  const helpLine = help ? [help] : [];
  const parts = checkbox ? [...helpLine, error, element('div', { className: 'choice' }, control, ' ', label)] : [label, ...helpLine, error, control];
  const wrapper = element('div', { className: 'field' }, ...parts);
  return { wrapper, described: control, error, help, required, focusTarget: control };
}

/** Brings one field's DOM up to date with the core: visibility, error text, ARIA. Values are never written back while people type. */
function update(name: string): void {
  const view = views.get(name)!;
  view.wrapper.hidden = !intake.isVisible(name);
  view.required.hidden = !intake.isRequired(name);
  if (view.described instanceof HTMLInputElement || view.described instanceof HTMLSelectElement) view.described.ariaRequired = String(intake.isRequired(name));
  const error = intake.shownError(name);
  view.error.textContent = error ?? '';
  view.described.setAttribute('aria-invalid', error ? 'true' : 'false');
  const describedBy = [view.help?.id, error ? view.error.id : undefined].filter(Boolean).join(' ');
  if (describedBy) view.described.setAttribute('aria-describedby', describedBy);
  else view.described.removeAttribute('aria-describedby');
}

for (const field of form.fields) {
  if (field.type === 'hidden') continue;
  const view = renderField(field);
  views.set(field.name, view);
  fieldsBox.append(view.wrapper);
  // Forward what people do to the core. It answers through `subscribe`.
  const forward = (event: Event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    intake.set(field.name, target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value);
  };
  view.wrapper.addEventListener('input', forward);
  view.wrapper.addEventListener('change', forward); // a select or radio changed without an input event
  // No error while a person is still typing: the core shows it once they leave the field.
  view.wrapper.addEventListener('focusout', (event) => {
    if (!view.wrapper.contains(event.relatedTarget as Node | null)) intake.touch(field.name);
  });
  update(field.name);
}

// The core says which fields changed (value, visibility, requiredness, error, touched): update only those.
intake.subscribe(({ names }) => {
  for (const name of names) if (views.has(name)) update(name);
});

root.addEventListener('submit', async (event) => {
  event.preventDefault();
  const { valid, errors } = intake.validate();
  if (!valid) {
    const first = Object.keys(errors)[0]!;
    views.get(first)?.focusTarget.focus();
    status.textContent = Object.keys(errors).length === 1 ? 'Please correct the field marked in red.' : `Please correct the ${Object.keys(errors).length} fields marked in red.`;
    return;
  }
  const record = await intake.toRecord();
  status.textContent = 'Sending…';
  const { outcome, queued } = await outbox.send(record, submit);
  if (outcome.kind === 'delivered') {
    status.textContent = 'Thank you: your request was sent.';
    receipt.textContent = JSON.stringify(record, null, 2);
    root.reset();
    intake.reset();
  } else if (outcome.kind === 'rejected') {
    status.textContent = `The server refused the request: ${outcome.message}`;
  } else {
    status.textContent = queued ? 'You seem to be offline: your request is saved on this device and will be sent.' : `Could not send: ${outcome.message}`;
  }
});
