/**
 * The baseline of the browser benchmark: the plain HTML form a developer would write by hand
 * for the same fields (labels, native inputs, selects, fieldsets, `required`), with no script.
 */
import { resolveText, type Field, type Form } from '@intake/core';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function control(field: Field, locale: string): string {
  const label = escape(resolveText(field.label, locale) || field.name);
  const required = field.required ? ' required' : '';
  const id = `f-${field.name}`;
  switch (field.type) {
    case 'hidden':
      return `<input type="hidden" name="${field.name}">`;
    case 'textarea':
      return `<div class="field"><label for="${id}">${label}</label><textarea id="${id}" name="${field.name}" rows="5"${required}></textarea></div>`;
    case 'select':
      return `<div class="field"><label for="${id}">${label}</label><select id="${id}" name="${field.name}"${required}><option value="">Choose…</option>${field.options
        .map((o) => `<option value="${escape(o.value)}">${escape(resolveText(o.label, locale) || o.value)}</option>`)
        .join('')}</select></div>`;
    case 'radio':
    case 'checkboxes': {
      const type = field.type === 'radio' ? 'radio' : 'checkbox';
      return `<fieldset class="field"><legend>${label}</legend>${field.options
        .map((o, i) => `<label class="choice"><input type="${type}" name="${field.name}" value="${escape(o.value)}"${i === 0 && type === 'radio' ? required : ''}> ${escape(resolveText(o.label, locale) || o.value)}</label>`)
        .join('')}</fieldset>`;
    }
    case 'boolean':
    case 'consent':
      return `<div class="field"><label class="choice"><input type="checkbox" name="${field.name}"${required}> ${label}</label></div>`;
    default: {
      const type = { email: 'email', phone: 'tel', number: 'number', date: 'date', text: 'text' }[field.type];
      return `<div class="field"><label for="${id}">${label}</label><input id="${id}" type="${type}" name="${field.name}"${required}></div>`;
    }
  }
}

/** The plain HTML page of a form: the fields, a submit button, and a small stylesheet. */
export function plainFormHtml(form: Form, locale = 'en'): string {
  return `<form class="plain" action="#" method="post">${form.fields.map((field) => control(field, locale)).join('\n')}<button type="submit">Send</button></form>`;
}

/** A stylesheet comparable in weight to the elements' default look. */
export const plainFormCss = `
.plain{max-width:40rem;font:16px/1.5 system-ui,sans-serif}.field{margin:0 0 1.5rem;border:0;padding:0}
label,legend{display:block;font-weight:600;margin-bottom:.25rem}input,select,textarea{box-sizing:border-box;width:100%;min-height:3rem;padding:.5rem .75rem;font:inherit;border:2px solid #7d8490;border-radius:6px}
.choice{display:flex;gap:.75rem;font-weight:400;min-height:44px}.choice input{width:1.75rem;min-height:0}
button{min-height:48px;padding:.625rem 1.5rem;font:inherit;font-weight:600;border:0;border-radius:6px;background:#1d4ed8;color:#fff}`;
