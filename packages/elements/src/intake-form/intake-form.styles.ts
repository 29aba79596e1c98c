import { css } from 'lit';
import { fieldRules } from '../intake-field/intake-field.styles.js';

/**
 * Styles of `<intake-form>`, including those of the fields it renders (which have no shadow roots).
 * `.honeypot` is the spam trap (`context.honeypot`, docs/contract.md): out of sight and out of the tab order.
 */
export const formStyles = css`
  intake-field {
    display: block;
    margin-block-end: calc(var(--_space) * 1.5);
    /* Each field lays out on its own: a keystroke lays out and repaints the field typed into, not
       the whole form (docs/BENCHMARKS.md, "Fixing an error"). It clips nothing (no paint
       containment), so focus rings still show around the controls. */
    contain: layout style;
    ${fieldRules}
  }
  intake-field[hidden] {
    display: none !important;
  }
  :host {
    display: block;
    max-width: var(--intake-max-width, 40rem);
    color: var(--_text);
  }
  .base {
    box-sizing: border-box;
    padding: var(--intake-form-padding, 0);
    background: var(--intake-form-background, transparent);
    border-radius: var(--_radius);
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .title {
    font-size: 1.625rem;
  }
  .description {
    color: var(--_muted);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .summary,
  .notice {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .summary:focus,
  .notice:focus,
  .outcome:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The step's heading takes the focus after Continue so a screen reader starts there; it is not a
     control, so no focus box is drawn (as GOV.UK does for headings focused by script). */
  .step-title:focus {
    outline: none;
  }
  .summary h2,
  .notice h2 {
    font-size: 1.25rem;
  }
  .summary ul,
  .notice ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .summary li {
    margin-block: 0.25rem;
  }
  .summary a {
    color: var(--_error);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }
  .summary a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    background: var(--_focus);
    color: var(--_focus-text);
    text-decoration: none;
    box-shadow: 0 4px var(--_text);
  }
  .progress {
    margin-block-end: calc(var(--_space) * 1.25);
  }
  .progress-text {
    color: var(--_muted);
    margin: 0 0 0.375rem;
  }
  .progress-bar {
    display: flex;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .progress-bar li {
    flex: 1;
    height: 0.375rem;
    border-radius: 999px;
    background: var(--_surface);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .progress-bar li.done,
  .progress-bar li.current {
    background: var(--_primary);
    box-shadow: none;
  }
  .step-title {
    font-size: 1.25rem;
    margin-block-end: var(--_space);
  }
  .step-description {
    color: var(--_muted);
    margin: -0.5rem 0 var(--_space);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-block-start: calc(var(--_space) * 2);
  }
  button {
    box-sizing: border-box;
    min-height: 48px;
    min-width: 44px;
    padding: 0.625rem 1.5rem;
    font: inherit;
    font-weight: 600;
    border-radius: var(--_radius);
    border: 2px solid transparent;
    cursor: pointer;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .primary:hover {
    background: var(--_primary-hover);
  }
  .secondary {
    background: transparent;
    color: var(--_text);
    border-color: var(--_border);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .status {
    color: var(--_muted);
    margin: 0;
  }
  /* The thank-you: its text (or the slotted content) and the Start over button, spaced by the gap. */
  .outcome {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    border-inline-start: 6px solid var(--_success);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.25);
  }
  .outcome.queued {
    border-inline-start-color: var(--_warning);
  }
  .outcome h2,
  .outcome p {
    margin: 0;
  }
  .outcome > button {
    margin-block-start: 0.5rem;
  }
  .loading {
    color: var(--_muted);
    margin: 0; /* a margin would collapse through the host, and the page would move when the form replaces it */
  }
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .schema-error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  @media (max-width: 30rem) {
    .actions button {
      flex: 1 1 100%;
    }
    .actions .primary {
      order: -1;
    }
  }
`;
