import { fieldsByName, formatPath, resolveText, type Form, type Intake, type IntakeSteps, type Step } from '@intake/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SchemaProblem } from '../controllers/schema-source-controller.js';
import { formatUi, type UiMessages } from '../i18n/ui-messages.js';
import { fieldControlId } from '../renderers/field-view.js';
import { rendererFor } from '../renderers/registry.js';
import type { SubmissionState } from './submission-state.js';
import { summaryMessage } from './summary-entries.js';

// The parts of `<intake-form>` around its fields, each drawn from what it shows. A part that takes
// the focus once shown carries `data-focus` (see `IntakeForm.updated`).

/** The title and description of the form, if it has either. */
export function formHeader(form: Form, locale: string): TemplateResult | typeof nothing {
  const title = resolveText(form.title, locale);
  const description = resolveText(form.description, locale);
  return title || description
    ? html`<header part="header">
        ${title ? html`<h2 class="title" part="title">${title}</h2>` : nothing}
        ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
      </header>`
    : nothing;
}

/** The step indicator ("Step 2 of 3" and a bar) and the current step's title and description. */
export function stepProgress(ui: UiMessages, locale: string, step: Step, current: number, total: number): TemplateResult {
  const title = resolveText(step.title, locale);
  const description = resolveText(step.description, locale);
  return html`<div class="progress" part="progress">
      <p class="progress-text">${formatUi(ui.stepProgress, { current: current + 1, total })}</p>
      <ol class="progress-bar" aria-hidden="true">
        ${Array.from({ length: total }, (_, i) => html`<li class=${i < current ? 'done' : i === current ? 'current' : ''}></li>`)}
      </ol>
    </div>
    ${title ? html`<h3 class="step-title" part="step-title" tabindex="-1" data-focus="step">${title}</h3>` : nothing}
    ${description ? html`<p class="step-description">${description}</p>` : nothing}`;
}

/**
 * The error summary of the fields `names` that still have a problem (GOV.UK style, role="alert":
 * announced as it appears). Each problem links to its field's control (`href="#<control id>"`);
 * `follow` takes the person there, across steps. A field without a control (hidden) has nothing
 * to go to: its problem (its value never came) is said, not linked.
 */
export function errorSummary(ui: UiMessages, intake: Intake, names: readonly string[], follow: (event: Event, name: string) => void): TemplateResult | typeof nothing {
  const entries = names.flatMap((name) => {
    const message = summaryMessage(intake, name);
    return message ? [{ name, message }] : [];
  });
  if (entries.length === 0) return nothing;
  const fields = fieldsByName(intake.form);
  return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" data-focus="summary" aria-labelledby="summary-title">
    <h2 id="summary-title">${ui.errorSummaryTitle}</h2>
    <ul>
      ${entries.map((entry) =>
        rendererFor(fields.get(entry.name)!.type)
          ? html`<li><a href="#${fieldControlId(entry.name)}" @click=${(event: Event) => follow(event, entry.name)}>${entry.message}</a></li>`
          : html`<li>${entry.message}</li>`,
      )}
    </ul>
  </div>`;
}

/** Why the record was refused by the webhook, or could not be sent, above the form. */
export function failureNotice(ui: UiMessages, state: SubmissionState): TemplateResult | typeof nothing {
  if (state.kind !== 'rejected' && state.kind !== 'failed') return nothing;
  const rejected = state.kind === 'rejected';
  return html`<div class="notice" part="failure" role="alert" tabindex="-1" data-focus="notice">
    <h2>${rejected ? ui.rejectedTitle : ui.failedTitle}</h2>
    ${state.message ? html`<p>${state.message}</p>` : nothing}
    ${rejected ? nothing : html`<p>${ui.failedBody}</p>`}
  </div>`;
}

/**
 * The outcome of a submission that is over: thanks (the `success` slot can replace them), or the
 * record is saved on this device; then the kiosk countdown or a Start over button.
 */
export function outcomeMessage(
  ui: UiMessages,
  locale: string,
  queued: boolean,
  kiosk: { readonly secondsLeft: number } | undefined,
  startOver: () => void,
): TemplateResult {
  return html`<div class="outcome ${queued ? 'queued' : ''}" part="success" role="status" tabindex="-1" data-focus="outcome" lang=${locale}>
    ${queued
      ? html`<h2>${ui.queuedTitle}</h2>
          <p>${ui.queuedBody}</p>`
      : html`<slot name="success"><h2>${ui.successTitle}</h2><p>${ui.successBody}</p></slot>`}
    ${kiosk
      ? html`<p>${formatUi(ui.nextPersonIn, { seconds: kiosk.secondsLeft })}</p>`
      : html`<button class="secondary" part="button" type="button" @click=${startOver}>${ui.startOver}</button>`}
  </div>`;
}

/** The problems of a broken schema, with their JSON paths, in place of the form. */
export function schemaErrorBox(ui: UiMessages, problems: readonly SchemaProblem[]): TemplateResult {
  return html`<div class="notice schema-error" part="schema-error" role="alert">
    <h2>${ui.schemaErrorTitle}</h2>
    <p>${ui.schemaErrorBody}</p>
    <ul>
      ${problems.map((problem) => html`<li><code>${formatPath(problem.path)}</code>: ${problem.message}</li>`)}
    </ul>
  </div>`;
}

/**
 * The spam trap: an input out of sight and out of the tab order; whatever fills it goes into
 * `record.context.honeypot` (docs/contract.md#the-record).
 */
export function honeypotTrap(value: string, onInput: (event: Event) => void): TemplateResult {
  return html`<div class="honeypot" aria-hidden="true">
    <label>Leave this empty <input type="text" name="intake_hp" tabindex="-1" autocomplete="off" .value=${live(value)} @input=${onInput} /></label>
  </div>`;
}

/** The buttons: Send on the last step (disabled while `sending`), else Continue; Back after the first step; and the sending status. */
export function formActions(ui: UiMessages, steps: IntakeSteps, sending: boolean, back: () => void): TemplateResult {
  return html`<div class="actions" part="actions">
    ${steps.isLast
      ? html`<button class="primary" part="button submit" type="submit" ?disabled=${sending}>${ui.submit}</button>`
      : html`<button class="primary" part="button next" type="submit">${ui.next}</button>`}
    ${steps.current > 0 ? html`<button class="secondary" part="button back" type="button" @click=${back}>${ui.back}</button>` : nothing}
    <p class="status" part="status" role="status">${sending ? ui.sending : nothing}</p>
  </div>`;
}

/**
 * Enter in a one-line input submits the form (continues, on a step), as in a native form; not in
 * a check box, a radio button or a button, nor while an IME composes.
 */
export function submitOnEnter(event: KeyboardEvent, root: ParentNode): void {
  if (event.key !== 'Enter' || event.isComposing || event.shiftKey) return;
  const origin = event.composedPath()[0];
  if (origin instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(origin.type)) {
    event.preventDefault();
    root.querySelector('form')?.requestSubmit();
  }
}
