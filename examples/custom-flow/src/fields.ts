// <intake-field> elements inside a developer's own native <form>: the page keeps its own layout,
// its own buttons and its own backend. The fields are form-associated, so the platform does the
// rest: constraint validation, FormData with the normalized values, reset.
import '@intake/elements/define.js';

const form = document.querySelector<HTMLFormElement>('#signup')!;
const result = document.querySelector<HTMLElement>('#result')!;
const status = document.querySelector<HTMLElement>('#status')!;
const problems = document.querySelector<HTMLElement>('#problems')!;
/** Fields that may contribute several entries to FormData (checkboxes: one entry per ticked value). */
const multiValued = new Set(['interests']);

/** FormData as a JSON object: one value per key, an array for multi-valued fields. */
function formDataToJson(data: FormData): Record<string, string | string[]> {
  const json: Record<string, string | string[]> = {};
  for (const key of new Set(data.keys())) {
    const values = data.getAll(key).map(String);
    json[key] = multiValued.has(key) ? values : values[0]!;
  }
  return json;
}

/**
 * Every invalid control of the form, in order, with its own message (each <intake-field> also
 * shows it under its label): a GOV.UK-style error summary whose links move to the field. The
 * browser's reportValidity() only speaks of the first.
 */
function showProblems(): void {
  const invalid = [...form.elements].filter(
    (control): control is HTMLElement & { validationMessage: string; validity: ValidityState; labels: NodeListOf<HTMLLabelElement> | null } =>
      'validity' in control && !(control as HTMLInputElement).validity.valid,
  );
  const list = problems.querySelector('ul')!;
  list.replaceChildren(
    ...invalid.map((control) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      control.id ||= `field-${(control as HTMLInputElement).name}`;
      link.href = `#${control.id}`;
      link.textContent = control.validationMessage;
      link.addEventListener('click', (click) => {
        click.preventDefault();
        control.focus();
      });
      item.append(link);
      return item;
    }),
  );
  problems.querySelector('h2')!.textContent = invalid.length === 1 ? 'There is a problem' : `There are ${invalid.length} problems`;
  problems.hidden = false;
  status.textContent = '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  // The form has `novalidate` so this page decides when to validate: reportValidity() runs the
  // native constraint validation over the Intake fields and the plain <input> alike, shows the
  // messages and focuses the first invalid field.
  if (!form.reportValidity()) {
    showProblems();
    return;
  }
  problems.hidden = true;
  // E.164 phone, lower-cased email, option values: the fields put their normalized values in FormData.
  const body = formDataToJson(new FormData(form));
  status.textContent = 'Sending…';
  try {
    const response = await fetch(form.action, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    status.textContent = response.ok ? 'Account created.' : `The server answered ${response.status}.`;
    result.textContent = JSON.stringify(answer, null, 2);
  } catch (error) {
    status.textContent = `Could not reach the server: ${(error as Error).message}`;
  }
});

form.addEventListener('reset', () => {
  problems.hidden = true;
  status.textContent = '';
  result.textContent = '';
});
