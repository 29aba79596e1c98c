/**
 * Builds the pages of the browser benchmark: each contender renders the same form, and the page
 * reports (through `window.__bench`) when the form is interactive.
 */
import { generateForm } from '../../core/bench/generate-form.js';
import crmLead from '../../core/presets/crm-lead.json' with { type: 'json' };
import type { Form } from '@intake/core';
import { plainFormCss, plainFormHtml } from './plain-form.js';

/** The 30-field preset and a generated 200-field form, without steps so every field renders at once. */
export function benchForms(): Record<string, Form> {
  const { steps: _steps, ...thirty } = crmLead as unknown as Form & { steps?: unknown };
  const { steps: _generatedSteps, ...twoHundred } = generateForm(200).json as Form & { steps?: unknown };
  return { '30': thirty as Form, '200': twoHundred as Form };
}

const readyHook = (condition: string) => `<script type="module">
  const done = () => requestAnimationFrame(() => setTimeout(() => { window.__bench = { ready: performance.now() }; }));
  ${condition}
</script>`;

/** The page of the plain HTML form: no script of its own but the measuring hook. */
export function plainPage(form: Form): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>${plainFormCss}</style></head><body>${plainFormHtml(form)}${readyHook('done();')}</body></html>`;
}

/** The page of the Intake form: one script tag and one element with an inline schema. */
export function intakePage(form: Form, script: string): string {
  const json = JSON.stringify(form).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<script>window.__scriptStart = 0;</script><script type="module" src="${script}"></script></head><body>
<intake-form locale="en"><script type="application/json">${json}</script></intake-form>
${readyHook(`await customElements.whenDefined('intake-form');
  const form = document.querySelector('intake-form');
  await form.updateComplete;
  await Promise.all([...form.shadowRoot.querySelectorAll('intake-field')].map((field) => field.updateComplete));
  done();`)}</body></html>`;
}
