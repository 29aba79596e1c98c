import { css } from 'lit';

/**
 * The rules of a field's content, without a host selector: used inside the field's own shadow
 * root, and nested under `intake-field` in `<intake-form>`, whose fields render without shadow
 * roots of their own (see `IntakeField.createRenderRoot`).
 */
export const fieldRules = css`
  .field {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  /* Nothing hangs below a field's last line: its spacing is the field's own margin, in a form whose
     fields lay out on their own (contained) as alone. */
  .field > :last-child {
    margin-block-end: 0;
  }
  .field.invalid {
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 4px solid var(--_error);
  }
  label,
  legend {
    display: block;
    padding: 0;
    font-weight: 600;
    margin-block-end: 0.25rem;
    overflow-wrap: anywhere;
  }
  .marker {
    color: var(--_error);
    margin-inline-start: 0.15em;
    font-weight: 600;
  }
  .help {
    display: block;
    color: var(--_muted);
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  .error {
    display: block;
    color: var(--_error);
    font-weight: 600;
    margin: 0 0 0.5rem;
  }
  .error:empty {
    display: none;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    max-width: 100%;
    min-height: var(--_control-height);
    margin: 0;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    appearance: none;
  }
  textarea {
    min-height: calc(var(--_control-height) * 2.5);
    resize: vertical;
  }
  /* The arrow of a select: a chevron drawn by a border on the wrapper (no image, so nothing for a
     strict CSP to block), the same in every browser, scheme and direction. */
  .select {
    position: relative;
    display: block;
  }
  .select::after {
    content: '';
    position: absolute;
    inset-inline-end: 1.1rem;
    top: 50%;
    width: 0.45rem;
    height: 0.45rem;
    border: solid var(--_text);
    border-width: 0 2px 2px 0;
    transform: translateY(-70%) rotate(45deg);
    pointer-events: none;
  }
  select {
    padding-inline-end: 2.75rem;
  }
  input[type='date'] {
    max-width: 14rem;
  }
  .invalid input:not([type='checkbox'], [type='radio']),
  .invalid select,
  .invalid textarea {
    border-color: var(--_error);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_text);
  }
  input:disabled,
  select:disabled,
  textarea:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* The country selector and the number share a row where both fit (12rem + 14rem); on a narrow
     phone each takes a row of its own, so the chosen country ("China +86") is never cut off. The
     widths do not depend on the options, so nothing moves when the full country list arrives. */
  .phone {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .phone .select {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .phone select {
    text-overflow: ellipsis;
  }
  .phone input {
    flex: 999 1 14rem;
    min-width: 0;
  }
  /* Cascade and region: one labelled select per level, stacked (three side by side do not fit 360 px). */
  .level-list {
    display: grid;
    gap: 0.75rem;
  }
  .level > label {
    font-weight: 400;
  }
  /* Rows of 44 px (the touch target), back to back: the box of 1.75rem and 0.5rem above and below. */
  .choices {
    display: grid;
  }
  .choice {
    box-sizing: border-box;
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-height: 44px;
    padding-block: 0.5rem;
    font-weight: 400;
    cursor: pointer;
    margin: 0;
  }
  .choice input {
    flex: 0 0 auto;
    width: 1.75rem;
    height: 1.75rem;
    min-height: 0;
    padding: 0;
    margin: 0;
    border-radius: 4px;
    display: grid;
    place-content: center;
    cursor: pointer;
  }
  .choice input[type='radio'] {
    border-radius: 50%;
  }
  .choice input::before {
    content: '';
    width: 0.9rem;
    height: 0.9rem;
    transform: scale(0);
    background: var(--_text);
    clip-path: polygon(14% 44%, 0 65%, 50% 100%, 100% 16%, 80% 0%, 43% 62%);
  }
  .choice input[type='radio']::before {
    border-radius: 50%;
    clip-path: none;
  }
  .choice input:checked::before {
    transform: scale(1);
  }
  .choice input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 2px var(--_text);
  }
  .choice-text {
    padding-block-start: 0.125rem;
    overflow-wrap: anywhere;
  }
  .single {
    font-weight: 400;
  }
  /* The help of a checkbox sits under its label text, in line with it (box 1.75rem + gap 0.75rem). */
  .single + .help {
    margin-block-start: -0.375rem;
    padding-inline-start: 2.5rem;
  }
  .counter {
    color: var(--_muted);
    margin: 0.25rem 0 0;
  }
  .counter:empty {
    display: none;
  }
  .counter.over {
    color: var(--_error);
    font-weight: 600;
  }
  .definition-error {
    color: var(--_error);
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin: 0;
  }
`;

/** Styles of a standalone `<intake-field>` (its own shadow root). */
export const fieldStyles = css`
  :host {
    display: block;
    margin-block-end: calc(var(--_space) * 1.5);
  }
  ${fieldRules}
`;
