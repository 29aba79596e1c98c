import { createIntake, fieldsByName, IntakeValidationError, type Form, type Intake, type IntakeChange, type IntakeRecord } from '@intake/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CountdownController } from '../controllers/countdown-controller.js';
import { DraftController } from '../controllers/draft-controller.js';
import { FocusController } from '../controllers/focus-controller.js';
import { OutboxController } from '../controllers/outbox-controller.js';
import { SchemaSourceController, type SchemaStatus } from '../controllers/schema-source-controller.js';
import { IntakeChangeEvent } from '../events/intake-change-event.js';
import { IntakeErrorEvent, type IntakeErrorIssue } from '../events/intake-error-event.js';
import { IntakeSubmitEvent } from '../events/intake-submit-event.js';
import { IntakeSubmittedEvent } from '../events/intake-submitted-event.js';
import { uiMessages, type UiMessages } from '../i18n/ui-messages.js';
import { tokens } from '../styles/tokens.styles.js';
import { fieldList, shownFieldNames } from './field-list.js';
import { LoadingState } from './loading-state.js';
import { errorSummary, failureNotice, formActions, formHeader, honeypotTrap, outcomeMessage, schemaErrorBox, stepProgress, submitOnEnter } from './form-sections.js';
import { formStyles } from './intake-form.styles.js';
import { editing, isFinished, stateAfterDelivery, type SubmissionState } from './submission-state.js';
import { SummaryEntries } from './summary-entries.js';

/**
 * A whole Intake form, rendered from a JSON schema (docs/schema.md): every field type, conditional
 * fields, steps with progress, GOV.UK-style errors (inline messages and a summary that links to
 * each field), both built-in locales, and delivery of the normalized record to `submit.url`.
 *
 * The schema comes from the `schema` property, the `schema-url` attribute, or an inline
 * `<script type="application/json">` child, in that order; the form loads again when any of them
 * changes (an inline script may arrive after the element, as an HTML parser streams a page). A
 * broken schema renders a readable list of its problems (with JSON paths) in place of the form.
 *
 * A honeypot input, out of sight, out of the tab order and hidden from assistive technology,
 * catches bots: whatever fills it goes into `record.context.honeypot` (docs/contract.md#the-record).
 *
 * The fields render inside the form's shadow root without shadow roots of their own: page CSS
 * reaches them through `intake-form::part(...)` (the form's parts and every field part) and the
 * `--intake-*` custom properties. The theming reference is docs/theming.md.
 *
 * @summary An accessible, localized intake form that emits one normalized record.
 * @tag intake-form
 *
 * @cssstate loading - The schema is still loading: neither the form nor its schema error is drawn yet. With `intake-form:not(:defined)`, page CSS can keep the form's place until it appears (no layout shift).
 *
 * @slot success - Replaces the built-in "Thank you" message shown after a delivered submission (not the "saved on this device" message).
 *
 * @fires {IntakeChangeEvent} intake-change - A person changed a field (not code setting values). Detail `{ name, value, values }` (`IntakeChangeDetail`).
 * @fires {IntakeSubmitEvent} intake-submit - Cancelable; validation passed and the record is about to be sent. Detail `{ record }` (`IntakeSubmitDetail`); `preventDefault()` stops the built-in delivery.
 * @fires {IntakeSubmittedEvent} intake-submitted - The record was delivered or queued in the on-device outbox. Detail `{ record, status: 'delivered' | 'queued' }` (`IntakeSubmittedDetail`).
 * @fires {IntakeErrorEvent} intake-error - Detail `{ kind: 'schema' | 'validation' | 'rejected', message, issues? }` (`IntakeErrorDetail`). A schema error fires once per load, after the error is rendered.
 *
 * @csspart base - The `<form>` element.
 * @csspart header - The title and description.
 * @csspart title - The form title (`h2`).
 * @csspart description - The form description.
 * @csspart error-summary - The list of problems shown after a failed submit, linking to each field.
 * @csspart progress - The step indicator of a multi-step form.
 * @csspart step-title - The heading of the current step (`h3`).
 * @csspart fields - The container of the fields.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button (also the Start over button).
 * @csspart submit - The Send button.
 * @csspart next - The Continue button of a multi-step form.
 * @csspart back - The Back button.
 * @csspart status - The live status line (loading, sending).
 * @csspart success - The message after a delivered or queued submission.
 * @csspart failure - The message when the record was rejected or could not be sent.
 * @csspart schema-error - The list of problems of a broken schema.
 * @csspart field - Each field's wrapper (see `<intake-field>`).
 * @csspart label - Each field's label or legend.
 * @csspart required-marker - The `*` of a required field.
 * @csspart help - A field's help text.
 * @csspart error - A field's inline error message.
 * @csspart input - A field's text-like input, textarea or select.
 * @csspart country-select - The country calling code selector of a phone field.
 * @csspart choices - The list of radio buttons or checkboxes of a field.
 * @csspart choice - One radio button or checkbox with its text.
 * @csspart choice-input - The radio button or checkbox itself.
 * @csspart levels - The list of selects of a cascade or region field.
 * @csspart level - One level of a cascade or region field: its label and select.
 * @csspart level-label - The label of one level's select.
 * @csspart counter - The characters-left counter of a textarea.
 *
 * @cssprop [--intake-max-width=40rem] - Maximum width of the form.
 * @cssprop [--intake-form-padding=0] - Padding inside the form.
 * @cssprop [--intake-form-background=transparent] - Background of the form.
 * @cssprop [--intake-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif] - Font of every text: the system UI font, with fonts for Chinese.
 * @cssprop [--intake-font-size=1rem] - Base font size; keep it at 16px or more, or phones zoom into a focused input.
 * @cssprop [--intake-color-text=#1a1c20] - Text colour, the inner ring of focus indicators, the underline of a focused summary link (dark: `#eceef2`).
 * @cssprop [--intake-color-muted=#555b66] - Description, help texts, progress text, status line (dark: `#a9afba`).
 * @cssprop [--intake-color-background=#ffffff] - Background of controls (dark: `#15171c`).
 * @cssprop [--intake-color-surface=#f4f6f9] - Background of the success message and of steps to come in the progress bar (dark: `#1f232b`).
 * @cssprop [--intake-color-border=#7d8490] - Border of controls and of the secondary buttons (dark: `#8a91a0`).
 * @cssprop [--intake-color-primary=#1d4ed8] - The primary button and the progress bar (dark: `#8fb1ff`).
 * @cssprop [--intake-color-primary-hover=#1e40af] - The primary button under the pointer (dark: `#b3cbff`).
 * @cssprop [--intake-color-on-primary=#ffffff] - Text on the primary button (dark: `#0c1224`).
 * @cssprop [--intake-color-error=#b42318] - Errors: messages, invalid fields, the error summary and its links, the failure message, required markers (dark: `#ff8a80`).
 * @cssprop [--intake-color-success=#0f7a3d] - Accent bar of the success message (dark: `#6ad99a`).
 * @cssprop [--intake-color-warning=#8a5a00] - Accent bar of the "saved on this device" message (dark: `#f3c063`).
 * @cssprop [--intake-color-focus=#f0b400] - Focus indicator outline, and the highlight of a focused summary link (light and dark).
 * @cssprop [--intake-color-focus-text=#1a1c20] - Text on the focus highlight of a summary link (light and dark).
 * @cssprop [--intake-radius=6px] - Corner radius of controls, buttons and messages.
 * @cssprop [--intake-control-height=3rem] - Minimum height of inputs and selects; textareas are 2.5 times as tall. Keep it at 44px or more.
 * @cssprop [--intake-border-width=2px] - Border width of controls.
 * @cssprop [--intake-spacing=1rem] - Base spacing unit: gaps between fields, around messages and before the buttons.
 */
export class IntakeForm extends LitElement {
  static override styles = [tokens, formStyles];
  static override properties = {
    schema: { attribute: false },
    schemaUrl: { attribute: 'schema-url' },
    locale: { reflect: true },
    endpoint: {},
    kiosk: { type: Boolean, reflect: true },
    kioskReset: { attribute: 'kiosk-reset', type: Number },
    theme: { reflect: true },
  };

  /** The form schema as an object (or JSON text). Takes precedence over `schema-url` and an inline script. */
  declare schema: unknown;
  /** Where to fetch the schema from (same-origin or CORS-enabled JSON). */
  declare schemaUrl: string | undefined;
  /** `en` or `zh-CN`. Default: the schema's `locale`, else `en`. Can change at any time. */
  declare locale: string | undefined;
  /** Overrides the schema's `submit.url`. */
  declare endpoint: string | undefined;
  /** Shared-device mode: after a submission, show the success state for `kiosk-reset` ms, then a fresh empty form. */
  declare kiosk: boolean;
  /** Milliseconds the success state stays in kiosk mode (default 5000). */
  declare kioskReset: number;
  /** `light` or `dark` to force a colour scheme; by default it follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;

  /**
   * Reshapes the payload for a webhook that expects its own format (e.g. a chat bot):
   * `form.beforeSend = (record) => ({ msgtype: 'text', text: { content: record.data.company } })`.
   * The result is what is sent, now or later from the outbox.
   */
  beforeSend: ((record: IntakeRecord) => unknown) | undefined;
  /**
   * Adds a captcha (or any) token to `record.context.captcha` before the record is built, e.g.
   * `form.captcha = () => grecaptcha.execute(siteKey, { action: 'submit' })`.
   */
  captcha: (() => Promise<string> | string) | undefined;
  /** The origin's outbox: flushed while the form is on the page; tells of records sent from other tabs. */
  readonly #outbox = new OutboxController(this, { onChange: () => this.#onOutboxChange() });
  /** What a person typed, kept on the device until the form is sent (never in kiosk mode). */
  readonly #draft = new DraftController(this, { values: () => (this.#state.kind === 'editing' ? this.#intake?.values : undefined) });
  /** Kiosk mode: the seconds until the success state gives way to a fresh form. */
  readonly #kioskCountdown = new CountdownController(this, {
    onDone: () => {
      this.reset();
      this.#focus.after(this.#form?.steps ? 'step' : undefined);
    },
  });
  /** The schema, from the `schema` property, the `schema-url` or the inline script. */
  readonly #source = new SchemaSourceController(this, {
    sources: () => ({ schema: this.schema, schemaUrl: this.schemaUrl }),
    locale: () => this.locale || 'en',
    onSettled: (status) => this.#useSchema(status),
  });
  /** Where the focus goes once rendered, and the summary's links to their fields. */
  readonly #focus = new FocusController(this, { steps: () => this.#intake?.steps });
  #intake: Intake | undefined;
  #unsubscribe: (() => void) | undefined;
  #pendingEvents: Event[] = [];
  /** The fields whose problems the error summary lists (empty: no summary). */
  #summary: readonly string[] = [];
  readonly #summaryShows = new SummaryEntries(); // what the rendered error summary says (see `#subscribe`)
  #state: SubmissionState = editing;
  #lastRecord: IntakeRecord | undefined;
  #pendingValues: Record<string, unknown> | undefined;
  /** The step of the last render, to render again when code moves the controller's step. */
  #renderedStep = 0;
  readonly #loadingState = new LoadingState(this, () => !this.#intake && this.#source.status.kind !== 'error'); // :state(loading)

  constructor() {
    super();
    this.kiosk = false;
    this.kioskReset = 5000;
  }

  /** The headless controller of the current form (what `createIntake` of the core returns), once loaded. */
  get controller(): Intake | undefined {
    return this.#intake;
  }

  /** The current raw values, by field name. Setting merges them in and fires no event. */
  get values(): Readonly<Record<string, unknown>> {
    return this.#intake?.values ?? { ...this.#pendingValues };
  }

  set values(values: Readonly<Record<string, unknown>>) {
    if (this.#intake) this.#intake.setValues(values);
    else this.#pendingValues = { ...this.#pendingValues, ...values };
  }

  /** The record of the last successful validation and submission, if any (for pages that show a receipt). */
  get lastRecord(): IntakeRecord | undefined {
    return this.#lastRecord;
  }

  get #form(): Form | undefined {
    return this.#intake?.form;
  }

  get #locale(): string {
    return this.locale || this.#form?.locale || 'en';
  }

  get #ui(): UiMessages {
    return uiMessages(this.#locale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first load happens in the first update (always after connection), so a listener added
    // right after inserting the element still hears a schema error.
    if (this.#intake) this.#subscribe();
    if (this.kiosk && isFinished(this.#state)) this.#kioskCountdown.start(this.kioskReset);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#source.sync();
    // A schema error box is written in the locale of the parse: read the schema again to say it in the new one.
    if (changed.has('locale') && this.#source.status.kind === 'error') void this.#source.load();
    if (changed.has('locale') && this.#intake) this.#intake.locale = this.#locale;
  }

  protected override updated(): void {
    // After the focus moved (`FocusController.hostUpdated`): a listener finds the page as rendered.
    const events = this.#pendingEvents;
    this.#pendingEvents = [];
    for (const event of events) this.dispatchEvent(event);
  }

  /**
   * Validates every visible field (of every step), shows the errors inline and in the summary,
   * moves focus to the first invalid field (to the summary when none can take it), and returns whether the form is valid.
   */
  validate(): boolean {
    const intake = this.#intake;
    if (!intake) return false;
    const { valid, errors } = intake.validate();
    this.#showSummary(Object.keys(errors));
    return valid;
  }

  /** Submits as the Send button does: validates, builds the record, fires `intake-submit`, delivers. */
  async submit(): Promise<void> {
    const intake = this.#intake;
    if (!intake || this.#state.kind === 'sending') return;
    const { valid, errors } = intake.validate();
    if (!valid) {
      const names = Object.keys(errors);
      this.#showSummary(names);
      const firstStep = intake.steps.stepOf(names[0]!);
      if (firstStep !== undefined) intake.steps.goTo(firstStep);
      const issues = Object.entries(errors).map(([name, message]) => ({ path: [name], message }));
      this.dispatchEvent(new IntakeErrorEvent({ kind: 'validation', message: this.#ui.errorSummaryTitle, issues }));
      return;
    }
    let record: IntakeRecord;
    try {
      if (this.captcha) {
        try {
          intake.extraContext['captcha'] = await this.captcha();
        } catch {
          delete intake.extraContext['captcha']; // no token: the receiver decides what that means
        }
      }
      record = await intake.toRecord();
    } catch (error) {
      if (error instanceof IntakeValidationError) this.#showSummary(Object.keys(error.errors));
      else this.#showFailure({ kind: 'failed', message: '' }, undefined, error);
      return;
    }
    this.#summary = [];
    this.#lastRecord = record;
    if (!this.dispatchEvent(new IntakeSubmitEvent({ record }))) {
      this.requestUpdate();
      return;
    }
    await this.#deliver(record);
  }

  /** Back to the first values and the first step; clears errors and any outcome. */
  reset(): void {
    this.#kioskCountdown.stop();
    this.#intake?.reset();
    this.#discardDraft();
    this.#summary = [];
    this.#state = editing;
    this.#lastRecord = undefined;
    this.requestUpdate();
  }

  /**
   * A load of the schema settled: a broken schema is said (once per load, after it is rendered);
   * a form gets its controller, with the draft kept on this device and any values set before.
   */
  #useSchema(status: SchemaStatus): void {
    if (status.kind === 'idle' || status.kind === 'loading') return;
    this.#unsubscribe?.();
    if (status.kind === 'error') {
      this.#intake = undefined;
      this.#pendingEvents.push(new IntakeErrorEvent({ kind: 'schema', message: this.#ui.schemaErrorTitle, issues: status.problems as unknown as IntakeErrorIssue[] }));
      return;
    }
    const form = status.form;
    const draft = this.kiosk ? undefined : this.#draft.load(form.id);
    const known = new Set(form.fields.map((field) => field.name));
    const restored = Object.fromEntries(Object.entries(draft ?? {}).filter(([name]) => known.has(name)));
    this.#intake = createIntake(form, { locale: this.locale || form.locale || 'en', values: { ...restored, ...this.#pendingValues } });
    this.#pendingValues = undefined;
    this.#summary = [];
    this.#state = editing;
    this.#subscribe();
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#intake?.subscribe((change: IntakeChange) => {
      // A keystroke re-renders the form only when an entry of its error summary changes (its message, or it goes).
      if (change.locale || change.step !== this.#renderedStep || this.#summaryShows.changedBy(this.#intake!, change.names)) {
        this.requestUpdate();
      }
    });
  }

  /**
   * A record shown as saved on this device has left the outbox, from this tab or another one:
   * say it was sent, or, if the webhook refused it meanwhile, show its reason with the values
   * still in the form for correction.
   */
  #onOutboxChange(): void {
    const state = this.#state;
    if (state.kind !== 'queued') return;
    const now = this.#outbox.stateOf(state.record.id);
    if (now.state === 'waiting') return;
    if (now.state === 'rejected') {
      this.#showFailure({ kind: 'rejected', record: state.record, message: now.message });
    } else {
      this.#state = { kind: 'delivered', record: state.record };
      this.requestUpdate();
    }
  }

  /** Saves what a person typed shortly after typing pauses (never in kiosk mode). */
  #scheduleDraft(): void {
    if (this.kiosk || !this.#form || this.#state.kind !== 'editing') return;
    this.#draft.schedule(this.#form.id);
  }

  #discardDraft(): void {
    if (this.#form) this.#draft.discard(this.#form.id);
  }

  /**
   * Shows the error summary of `names` (role="alert": announced as it appears) and moves the focus
   * to the first invalid field a person can reach (see docs/contract.md), or to the summary when
   * there is none (a required hidden field the page never filled).
   */
  #showSummary(names: readonly string[]): void {
    this.#summary = names;
    const fields = this.#form ? fieldsByName(this.#form) : undefined;
    const first = names.find((name) => fields?.get(name)?.type !== 'hidden');
    if (first !== undefined) this.#focus.after({ field: first });
    else if (names.length > 0) this.#focus.after('summary');
    this.requestUpdate();
  }

  /** Continue: the controller validates the step and moves on, or the step's problems are shown. */
  #next(): void {
    const steps = this.#intake?.steps;
    if (!steps?.step) return;
    const { valid, errors } = steps.next();
    if (!valid) {
      this.#showSummary(Object.keys(errors));
      return;
    }
    this.#summary = [];
    this.#focus.after('step');
    this.requestUpdate();
  }

  #back(): void {
    if (!this.#intake?.steps.back()) return;
    this.#summary = [];
    this.#focus.after('step');
    this.requestUpdate();
  }

  async #deliver(record: IntakeRecord): Promise<void> {
    const url = this.endpoint || this.#form?.submit?.url;
    if (!url) {
      this.#finish({ kind: 'delivered', record });
      return;
    }
    this.#state = { kind: 'sending', record };
    this.requestUpdate();
    const submit = { ...this.#form?.submit, url };
    const payload = this.beforeSend ? this.beforeSend(record) : undefined;
    const offline = globalThis.navigator?.onLine === false;
    // The outbox keeps the record while it is being sent, so leaving the page meanwhile loses nothing.
    const { outcome, queued } = offline
      ? { outcome: { kind: 'failed', message: 'Offline', attempts: 0 } as const, queued: this.#outbox.queue(record, submit, payload) }
      : await this.#outbox.send(record, submit, payload);
    const state = stateAfterDelivery(record, outcome, queued);
    if (isFinished(state)) this.#finish(state);
    else {
      this.#showFailure(state, outcome.kind === 'rejected' ? outcome.issues : undefined);
      if (outcome.kind === 'rejected' && outcome.issues) this.#showRefusal(outcome.issues);
    }
  }

  /**
   * The webhook refused the record (`rejected`: its reason is shown above the form, and the page
   * hears of it), or it could not be sent or made (`failed`, with any `cause` logged); values stay.
   */
  #showFailure(state: Extract<SubmissionState, { kind: 'rejected' | 'failed' }>, issues?: readonly unknown[], cause?: unknown): void {
    if (cause) console.error('Intake: the record could not be made.', cause);
    this.#state = state;
    this.#focus.after('notice');
    const { message } = state;
    if (state.kind === 'rejected') {
      this.dispatchEvent(new IntakeErrorEvent(issues ? { kind: 'rejected', message, issues: issues as IntakeErrorIssue[] } : { kind: 'rejected', message }));
    }
    this.requestUpdate();
  }

  /** A 422 naming fields (docs/contract.md#the-elements): each message on its field and in the summary, on the first one's step. */
  #showRefusal(issues: readonly unknown[]): void {
    const intake = this.#intake;
    const names = intake?.showRefusal(issues) ?? [];
    const step = names[0] === undefined ? undefined : intake?.steps.stepOf(names[0]);
    if (step !== undefined) intake!.steps.goTo(step);
    if (names.length > 0) this.#showSummary(names);
  }

  #finish(state: Extract<SubmissionState, { kind: 'delivered' | 'queued' }>): void {
    this.#state = state;
    this.#discardDraft();
    this.#focus.after('outcome');
    this.dispatchEvent(new IntakeSubmittedEvent({ record: state.record, status: state.kind }));
    if (this.kiosk) this.#kioskCountdown.start(this.kioskReset);
    this.requestUpdate();
  }

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.#intake?.steps.isLast === false) this.#next();
    else void this.submit();
  };

  readonly #onFieldInput = (event: Event) => {
    const field = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.localName === 'intake-field');
    const intake = this.#intake;
    if (!field || !intake) return;
    const name = field.getAttribute('name') ?? '';
    this.#scheduleDraft();
    this.dispatchEvent(new IntakeChangeEvent({ name, value: intake.get(name), values: intake.values }));
  };

  readonly #onKeyDown = (event: KeyboardEvent) => submitOnEnter(event, this.renderRoot);

  readonly #onHoneypotInput = (event: Event) => {
    event.stopPropagation();
    if (this.#intake) this.#intake.honeypot = (event.target as HTMLInputElement).value;
  };

  protected override render(): TemplateResult {
    const ui = this.#ui;
    const status = this.#source.status;
    if (status.kind === 'error') return schemaErrorBox(ui, status.problems);
    const intake = this.#intake;
    if (!intake) return html`<p class="loading" part="status" role="status">${status.kind === 'loading' ? ui.loading : nothing}</p>`;
    const state = this.#state;
    const locale = this.#locale;
    if (isFinished(state)) {
      return outcomeMessage(ui, locale, state.kind === 'queued', this.kiosk ? this.#kioskCountdown : undefined, () => this.reset());
    }
    const form = intake.form;
    const { steps } = intake;
    const step = steps.step;
    this.#renderedStep = steps.current;
    this.#summaryShows.rendered(intake, this.#summary);
    const names = step ? step.fields : shownFieldNames(form);
    return html`<form class="base" part="base" novalidate lang=${locale} @submit=${this.#onSubmit} @keydown=${this.#onKeyDown}>
      ${formHeader(form, locale)}
      ${failureNotice(ui, state)} ${errorSummary(ui, intake, this.#summary, this.#focus.follow)}
      ${step ? stepProgress(ui, locale, step, steps.current, steps.count) : nothing}
      <div part="fields" @input=${this.#onFieldInput}>
        ${fieldList(intake, names, this.theme)}
      </div>
      ${honeypotTrap(intake.honeypot, this.#onHoneypotInput)} ${formActions(ui, steps, state.kind === 'sending', this.#back)}
    </form>`;
  }
}
