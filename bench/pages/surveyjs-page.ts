/**
 * The SurveyJS page: survey-core and survey-js-ui (SurveyJS's framework-free UI, Preact inside)
 * from script tags, the default theme stylesheet, and a model made from the converted JSON
 * rendered with `survey.render(element)`, as SurveyJS's HTML/CSS/JavaScript guide does it.
 */
import type { BenchForm } from './forms.js';
import { head, inlineJson, readyHook } from './page-hook.js';
import { toSurveyJs } from './to-surveyjs.js';

/** The URLs of SurveyJS's files on the bench server. */
export interface SurveyJsAssets {
  readonly core: string;
  readonly ui: string;
  readonly style: string;
}

/** The page of the SurveyJS form. */
export function surveyJsPage(bench: BenchForm, assets: SurveyJsAssets): string {
  return `${head('SurveyJS form', `<link rel="stylesheet" href="${assets.style}"><script src="${assets.core}" defer></script><script src="${assets.ui}" defer></script>`)}<body>
<div id="survey"></div>
<script type="application/json" id="survey-json">${inlineJson(toSurveyJs(bench.form))}</script>
<script type="module">
  const survey = new Survey.Model(JSON.parse(document.getElementById('survey-json').textContent));
  survey.render(document.getElementById('survey'));
  const root = document.getElementById('survey');
  const box = (q) => root.querySelector('[data-name="' + q.name + '"]');
  const questions = () => survey.currentPage.questions.filter((q) => q.isVisible);
  const focusable = 'input:not([type=hidden]):not([tabindex="-1"]),select,textarea,[tabindex="0"]';
  window.__survey = survey;
  window.__driver = {
    rendered: async () => {
      // survey.render is synchronous (Preact); wait one task more if it ever is not.
      for (let i = 0; i < 100 && questions().some((q) => !box(q)?.querySelector(focusable)); i++) await new Promise((r) => setTimeout(r));
    },
    controls: () => questions().map((q) => box(q)?.querySelector(focusable)).filter(Boolean),
    textControl: () => document.getElementById(survey.getQuestionByName(${JSON.stringify(bench.textField)}).inputId),
    control: (name) => document.getElementById(survey.getQuestionByName(name).inputId),
    value: (name) => survey.getValue(name),
    // An empty Complete, as a person clicks it: every error shown, the focus on the first (SurveyJS's default).
    validate: () => root.querySelector('.sd-navigation__complete-btn').click(),
    errors: () => questions().filter((q) => q.errors.length > 0 && box(q)?.querySelector('[role=alert], .sd-question__erbox')?.textContent.trim()).length,
  };
</script>${readyHook}</body></html>`;
}
