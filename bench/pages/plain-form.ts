/**
 * The baseline of the peer benchmark: the plain HTML form a developer would write by hand for the
 * same fields (labels, native inputs, selects, fieldsets, `required`), with a small hand-written
 * script that validates with the browser's constraint API and renders accessible inline errors.
 * It shows the fields an empty form shows (fields hidden by a condition are left out: a page
 * without a library has no conditions), and marks `required` what an empty form requires.
 */
import { resolveText, type Field } from '@intake/core';
import { regionData } from '@intake/core/region-data';
import type { BenchForm } from './forms.js';
import { head, readyHook } from './page-hook.js';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function control(field: Field, required: boolean, locale: string): string {
  const label = escape(resolveText(field.label, locale) || field.name);
  const req = required ? ' required' : '';
  const id = `f-${field.name}`;
  const box = `class="field" data-name="${field.name}"`;
  switch (field.type) {
    case 'hidden':
      return `<input type="hidden" name="${field.name}">`;
    case 'textarea':
      return `<div ${box}><label for="${id}">${label}</label><textarea id="${id}" name="${field.name}" rows="5"${req}></textarea></div>`;
    case 'select':
      return `<div ${box}><label for="${id}">${label}</label><select id="${id}" name="${field.name}"${req}><option value="">Choose…</option>${field.options
        .map((o) => `<option value="${escape(o.value)}">${escape(resolveText(o.label, locale) || o.value)}</option>`)
        .join('')}</select></div>`;
    case 'cascade':
    case 'region': {
      // The first level of the tree, as an empty form shows it (a hand-written page would fill the
      // next select from a script on change).
      const top = field.type === 'region' ? regionData.provinces.map((p) => ({ value: p.code, label: p.name })) : field.options.map((o) => ({ value: o.value, label: resolveText(o.label, locale) || o.value }));
      return `<div ${box}><label for="${id}">${label}</label><select id="${id}" name="${field.name}"${req}><option value="">Choose…</option>${top
        .map((o) => `<option value="${escape(o.value)}">${escape(o.label)}</option>`)
        .join('')}</select></div>`;
    }
    case 'radio':
    case 'checkboxes': {
      const type = field.type === 'radio' ? 'radio' : 'checkbox';
      return `<fieldset ${box}${required ? ' data-required' : ''}><legend>${label}</legend>${field.options
        .map((o) => `<label class="choice"><input type="${type}" name="${field.name}" value="${escape(o.value)}"> ${escape(resolveText(o.label, locale) || o.value)}</label>`)
        .join('')}</fieldset>`;
    }
    case 'boolean':
    case 'consent':
      return `<div ${box}><label class="choice"><input id="${id}" type="checkbox" name="${field.name}"${req}> ${label}</label></div>`;
    default: {
      const type = { email: 'email', phone: 'tel', number: 'number', date: 'date', text: 'text' }[field.type];
      return `<div ${box}><label for="${id}">${label}</label><input id="${id}" type="${type}" name="${field.name}"${req}></div>`;
    }
  }
}

/** The plain form: its title, the fields an empty form shows, and a submit button. */
export function plainFormHtml(bench: BenchForm, locale = 'en'): string {
  const visible = new Set(bench.visible);
  const required = new Set(bench.required);
  const fields = bench.form.fields.filter((f) => f.type === 'hidden' || visible.has(f.name));
  const title = escape(resolveText(bench.form.title, locale) || '');
  const description = escape(resolveText(bench.form.description, locale) || '');
  return `<form class="plain" action="#" method="post" novalidate><h1>${title}</h1>${description ? `<p>${description}</p>` : ''}${fields.map((f) => control(f, required.has(f.name), locale)).join('\n')}<button type="submit">Send</button></form>`;
}

/** A stylesheet comparable in weight to the elements' default look. */
export const plainFormCss = `
.plain{max-width:40rem;font:16px/1.5 system-ui,sans-serif}.field{margin:0 0 1.5rem;border:0;padding:0}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}input,select,textarea{box-sizing:border-box;width:100%;min-height:3rem;padding:.5rem .75rem;font:inherit;border:2px solid #7d8490;border-radius:6px}
.choice{display:flex;gap:.75rem;font-weight:400;min-height:44px}.choice input{width:1.75rem;min-height:0}
.invalid{border-left:4px solid #b91c1c;padding-left:1rem}.error{color:#b91c1c;font-weight:600;margin:0 0 .25rem}
button{min-height:48px;padding:.625rem 1.5rem;font:inherit;font-weight:600;border:0;border-radius:6px;background:#1d4ed8;color:#fff}`;

/**
 * The hand-written script of the plain form: validates with the constraint API (radio and checkbox
 * groups by hand), shows each message inline, tied with `aria-describedby`, and re-checks a field
 * that shows an error as the person types.
 */
export const plainFormScript = `(() => {
  const form = document.querySelector('form.plain');
  const check = (box) => {
    const inputs = [...box.querySelectorAll('input,select,textarea')];
    let message = '';
    if (box.tagName === 'FIELDSET') {
      if (box.hasAttribute('data-required') && !inputs.some((i) => i.checked)) message = 'Select an option.';
    } else if (!inputs[0].checkValidity()) message = inputs[0].validationMessage;
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

/** The page of the plain form. */
export function plainPage(bench: BenchForm, assets: { script: string; style: string }): string {
  return `${head('Plain HTML form', `<link rel="stylesheet" href="${assets.style}"><script src="${assets.script}" defer></script>`)}<body>
${plainFormHtml(bench)}
<script type="module">
  const form = document.querySelector('form.plain');
  window.__driver = {
    rendered: async () => {},
    controls: () => [...form.querySelectorAll('.field')].map((box) => box.querySelector('input,select,textarea')),
    textControl: () => form.elements.namedItem(${JSON.stringify(bench.textField)}),
    control: (name) => form.elements.namedItem(name),
    value: (name) => new FormData(form).get(name),
    validate: () => window.plainForm.validate(),
    errors: () => form.querySelectorAll('.field.invalid').length,
  };
</script>${readyHook}</body></html>`;
}
