/** The pages of the peer benchmark, bundled by browser-bench.mjs for Node. */
export { benchForms, type BenchForm } from './forms.js';
export { intakePage } from './intake-page.js';
export { accessiblePlainCss, accessiblePlainScript, plainFormCss, plainFormScript, plainPage } from './plain-form.js';
export { surveyJsPage } from './surveyjs-page.js';
export { toSurveyJs } from './to-surveyjs.js';
