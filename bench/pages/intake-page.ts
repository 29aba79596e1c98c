/**
 * The Intake page: the shipped script-tag file (packages/embed/dist/intake.js) and one
 * `<intake-form>` with an inline schema, as the spec tells a company to embed it.
 */
import type { BenchForm } from './forms.js';
import { head, inlineJson, readyHook } from './page-hook.js';

/** The page of the Intake form; `script` is the URL of dist/intake.js. */
export function intakePage(bench: BenchForm, script: string): string {
  return `${head('Intake form', `<script src="${script}" defer></script>`)}<body>
<intake-form locale="en"><script type="application/json">${inlineJson(bench.form)}</script></intake-form>
<script type="module">
  const form = document.querySelector('intake-form');
  const fields = () => [...form.shadowRoot.querySelectorAll('intake-field')].filter((f) => !f.hidden && f.field?.type !== 'hidden');
  let renders = 0;
  window.__driver = {
    rendered: async () => {
      await customElements.whenDefined('intake-form');
      await form.updateComplete;
      await Promise.all([...form.shadowRoot.querySelectorAll('intake-field')].map((field) => field.updateComplete));
      const render = form.render;
      form.render = function () { renders += 1; return render.call(this); };
    },
    controls: () => fields().map((f) => f.renderRoot.querySelector('input:not([type=hidden]),select,textarea')),
    textControl: () => fields().find((f) => f.field.name === ${JSON.stringify(bench.textField)}).renderRoot.querySelector('input'),
    control: (name) => fields().find((f) => f.field.name === name).renderRoot.querySelector('input'),
    value: (name) => form.values[name],
    // An empty submit, as a person clicks Send: every error, the summary, the focus on the first invalid field.
    validate: () => form.shadowRoot.querySelector('button[type=submit]').click(),
    errors: () => fields().filter((f) => f.renderRoot.querySelector('.field.invalid')).length,
    formRenders: () => renders,
  };
</script>${readyHook}</body></html>`;
}
