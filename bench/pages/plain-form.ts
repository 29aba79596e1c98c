/**
 * The baseline of the peer benchmark: the plain HTML form a developer would write by hand for the
 * same fields (labels, native inputs, selects, fieldsets, `required`), with a small hand-written
 * script that validates with the browser's constraint API and renders accessible inline errors.
 * It shows the fields an empty form shows (fields hidden by a condition are left out: a page
 * without a library has no conditions), and marks `required` what an empty form requires.
 *
 * The accessible variant (`--accessible-plain` in browser-bench.mjs, a reference, not the target's
 * baseline) is the same form written by hand with what Intake draws for accessibility: the `*`
 * and a visually hidden "(required)" in each required label, the help text linked with
 * `aria-describedby`, an always-present polite live region for each error with a visually hidden
 * "Error:" before the message, and on submit an error summary (role="alert") linking to each
 * invalid field, kept up to date as the person fixes them.
 */
import { resolveText, type Field } from '@intake/core';
import { regionData } from '@intake/core/region-data';
import type { BenchForm } from './forms.js';
import { head, readyHook } from './page-hook.js';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function control(field: Field, required: boolean, locale: string, accessible = false): string {
  const text = escape(resolveText(field.label, locale) || field.name);
  const help = accessible && 'help' in field ? escape(resolveText(field.help, locale) || '') : '';
  // The accessible variant: required text, help and an empty live error region after the label.
  const label = accessible && required ? `${text}<span class="marker" aria-hidden="true">*</span><span class="vh"> (required)</span>` : text;
  const extra = accessible ? `${help ? `<span class="help" id="h-${field.name}">${help}</span>` : ''}<span class="error" id="e-${field.name}" aria-live="polite"></span>` : '';
  const req = (required ? ' required' : '') + (help ? ` aria-describedby="h-${field.name}"` : '');
  const id = `f-${field.name}`;
  const box = `class="field" data-name="${field.name}"`;
  switch (field.type) {
    case 'hidden':
      return `<input type="hidden" name="${field.name}">`;
    case 'textarea':
      return `<div ${box}><label for="${id}">${label}</label>${extra}<textarea id="${id}" name="${field.name}" rows="5"${req}></textarea></div>`;
    case 'select':
      return `<div ${box}><label for="${id}">${label}</label>${extra}<select id="${id}" name="${field.name}"${req}><option value="">Choose…</option>${field.options
        .map((o) => `<option value="${escape(o.value)}">${escape(resolveText(o.label, locale) || o.value)}</option>`)
        .join('')}</select></div>`;
    case 'cascade':
    case 'region': {
      // The first level of the tree, as an empty form shows it (a hand-written page would fill the
      // next select from a script on change).
      const top = field.type === 'region' ? regionData.provinces.map((p) => ({ value: p.code, label: p.name })) : field.options.map((o) => ({ value: o.value, label: resolveText(o.label, locale) || o.value }));
      return `<div ${box}><label for="${id}">${label}</label>${extra}<select id="${id}" name="${field.name}"${req}><option value="">Choose…</option>${top
        .map((o) => `<option value="${escape(o.value)}">${escape(o.label)}</option>`)
        .join('')}</select></div>`;
    }
    case 'radio':
    case 'checkboxes': {
      const type = field.type === 'radio' ? 'radio' : 'checkbox';
      return `<fieldset ${box}${required ? ' data-required' : ''}><legend>${label}</legend>${extra}${field.options
        .map((o) => `<label class="choice"><input type="${type}" name="${field.name}" value="${escape(o.value)}"> ${escape(resolveText(o.label, locale) || o.value)}</label>`)
        .join('')}</fieldset>`;
    }
    case 'boolean':
    case 'consent':
      return `<div ${box}><label class="choice"><input id="${id}" type="checkbox" name="${field.name}"${req}> ${label}</label>${extra}</div>`;
    default: {
      const type = { email: 'email', phone: 'tel', number: 'number', date: 'date', text: 'text' }[field.type];
      return `<div ${box}><label for="${id}">${label}</label>${extra}<input id="${id}" type="${type}" name="${field.name}"${req}></div>`;
    }
  }
}

/** The plain form: its title, the fields an empty form shows, and a submit button. */
export function plainFormHtml(bench: BenchForm, locale = 'en', accessible = false): string {
  const visible = new Set(bench.visible);
  const required = new Set(bench.required);
  const fields = bench.form.fields.filter((f) => f.type === 'hidden' || visible.has(f.name));
  const title = escape(resolveText(bench.form.title, locale) || '');
  const description = escape(resolveText(bench.form.description, locale) || '');
  return `<form class="plain" action="#" method="post" novalidate><h1>${title}</h1>${description ? `<p>${description}</p>` : ''}${fields.map((f) => control(f, required.has(f.name), locale, accessible)).join('\n')}<button type="submit">Send</button></form>`;
}

/** A stylesheet comparable in weight to the elements' default look. */
export const plainFormCss = `
.plain{max-width:40rem;font:16px/1.5 system-ui,sans-serif}.field{margin:0 0 1.5rem;border:0;padding:0}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}input,select,textarea{box-sizing:border-box;width:100%;min-height:3rem;padding:.5rem .75rem;font:inherit;border:2px solid #7d8490;border-radius:6px}
.choice{display:flex;gap:.75rem;font-weight:400;min-height:44px}.choice input{width:1.75rem;min-height:0}
.invalid{border-left:4px solid #b91c1c;padding-left:1rem}.error{color:#b91c1c;font-weight:600;margin:0 0 .25rem}
button{min-height:48px;padding:.625rem 1.5rem;font:inherit;font-weight:600;border:0;border-radius:6px;background:#1d4ed8;color:#fff}`;

/**
 * The check both plain scripts share, the start of their `check(box)`: the field's inputs and its
 * message (the constraint API's, or one for a required group with nothing chosen), `''` if valid.
 */
const checkMessage = `    const inputs = [...box.querySelectorAll('input,select,textarea')];
    let message = '';
    if (box.tagName === 'FIELDSET') {
      if (box.hasAttribute('data-required') && !inputs.some((i) => i.checked)) message = 'Select an option.';
    } else if (!inputs[0].checkValidity()) message = inputs[0].validationMessage;`;

/**
 * The hand-written script of the plain form: validates with the constraint API (radio and checkbox
 * groups by hand), shows each message inline, tied with `aria-describedby`, and re-checks a field
 * that shows an error as the person types.
 */
export const plainFormScript = `(() => {
  const form = document.querySelector('form.plain');
  const check = (box) => {
${checkMessage}
    let error = box.querySelector('.error');
    if (message) {
      if (!error) {
        error = document.createElement('p');
        error.className = 'error';
        error.id = 'e-' + box.dataset.name;
        box.querySelector('label,legend').after(error);
      }
      error.textContent = message;
      for (const i of inputs) { i.setAttribute('aria-invalid', 'true'); i.setAttribute('aria-describedby', error.id); }
    } else if (error) {
      error.remove();
      for (const i of inputs) { i.removeAttribute('aria-invalid'); i.removeAttribute('aria-describedby'); }
    }
    box.classList.toggle('invalid', !!message);
    return !message;
  };
  const validate = () => [...form.querySelectorAll('.field')].map(check).every(Boolean);
  form.addEventListener('input', (event) => {
    const box = event.target.closest('.field');
    if (box && box.classList.contains('invalid')) check(box);
  });
  form.addEventListener('submit', (event) => {
    if (!validate()) { event.preventDefault(); form.querySelector('[aria-invalid=true]').focus(); }
  });
  window.plainForm = { form, validate };
})();`;

/** What the accessible variant adds to the stylesheet: required marker, visually hidden text, help, errors, summary. */
export const accessiblePlainCss = `${plainFormCss}
.marker{color:#b91c1c;margin-left:.15em}.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.help{display:block;color:#555b66;margin:0 0 .5rem}.error{display:block}.error:empty{display:none}
.summary{border:4px solid #b91c1c;padding:1rem 1.25rem;margin:0 0 1.5rem}.summary h2{margin:0 0 .5rem}.summary a{color:#b91c1c;font-weight:600}`;

/**
 * The script of the accessible variant: the same checks, each error written after a visually
 * hidden "Error:" into the field's live region, and on submit an error summary at the top of the
 * form whose links go to the invalid fields; a keystroke in a field with an error checks it again
 * and updates (or removes) its summary entry.
 */
export const accessiblePlainScript = `(() => {
  const form = document.querySelector('form.plain');
  let summary;
  const entries = new Map();
  const check = (box) => {
${checkMessage}
    const error = box.querySelector('.error');
    const help = box.querySelector('.help');
    if (message) {
      if (error.lastChild?.nodeValue !== ' ' + message) {
        const prefix = document.createElement('span');
        prefix.className = 'vh';
        prefix.textContent = 'Error:';
        error.replaceChildren(prefix, ' ' + message);
      }
      for (const i of inputs) { i.setAttribute('aria-invalid', 'true'); i.setAttribute('aria-describedby', (help ? help.id + ' ' : '') + error.id); }
    } else if (error.firstChild) {
      error.replaceChildren();
      for (const i of inputs) { i.removeAttribute('aria-invalid'); if (help) i.setAttribute('aria-describedby', help.id); else i.removeAttribute('aria-describedby'); }
    }
    box.classList.toggle('invalid', !!message);
    return message;
  };
  const showSummary = (problems) => {
    summary?.remove();
    entries.clear();
    summary = undefined;
    if (problems.length === 0) return;
    summary = document.createElement('div');
    summary.className = 'summary';
    summary.setAttribute('role', 'alert');
    summary.tabIndex = -1;
    const title = document.createElement('h2');
    title.textContent = 'There is a problem';
    const list = document.createElement('ul');
    for (const [box, message] of problems) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#f-' + box.dataset.name;
      link.textContent = message;
      item.append(link);
      list.append(item);
      entries.set(box, link);
    }
    summary.append(title, list);
    form.prepend(summary);
  };
  const validate = () => {
    const problems = [...form.querySelectorAll('.field')].map((box) => [box, check(box)]).filter(([, message]) => message);
    showSummary(problems);
    return problems.length === 0;
  };
  form.addEventListener('input', (event) => {
    const box = event.target.closest('.field');
    if (!box || !box.classList.contains('invalid')) return;
    const message = check(box);
    const link = entries.get(box);
    if (!link) return;
    if (!message) { link.parentElement.remove(); entries.delete(box); }
    else if (link.textContent !== message) link.textContent = message;
  });
  form.addEventListener('submit', (event) => {
    if (!validate()) { event.preventDefault(); form.querySelector('[aria-invalid=true]').focus(); }
  });
  window.plainForm = { form, validate };
})();`;

/** The page of the plain form (`accessible`: the accessible variant; its script and style are the accessible ones). */
export function plainPage(bench: BenchForm, assets: { script: string; style: string }, accessible = false): string {
  return `${head('Plain HTML form', `<link rel="stylesheet" href="${assets.style}"><script src="${assets.script}" defer></script>`)}<body>
${plainFormHtml(bench, 'en', accessible)}
<script type="module">
  const form = document.querySelector('form.plain');
  window.__driver = {
    rendered: async () => {},
    controls: () => [...form.querySelectorAll('.field')].map((box) => box.querySelector('input,select,textarea')),
    textControl: () => form.elements.namedItem(${JSON.stringify(bench.textField)}),
    control: (name) => form.elements.namedItem(name),
    value: (name) => new FormData(form).get(name),
    // An empty submit, as a person clicks Send: the form's submit handler validates, shows each
    // error and focuses the first invalid field.
    validate: () => form.querySelector('button[type=submit]').click(),
    errors: () => form.querySelectorAll('.field.invalid').length,
  };
</script>${readyHook}</body></html>`;
}
