import {
  createIntake,
  fieldsByName,
  formatPath,
  IntakeValidationError,
  parseForm,
  resolveText,
  type Form,
  type Intake,
  type IntakeChange,
  type IntakeRecord,
  type Path,
} from '@intake/core';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { CountdownController } from '../controllers/countdown-controller.js';
import { DraftController } from '../controllers/draft-controller.js';
import { OutboxController } from '../controllers/outbox-controller.js';
import { IntakeChangeEvent } from '../events/intake-change-event.js';
import { IntakeErrorEvent, type IntakeErrorDetail } from '../events/intake-error-event.js';
import { IntakeSubmitEvent } from '../events/intake-submit-event.js';
import { IntakeSubmittedEvent } from '../events/intake-submitted-event.js';
import { formatUi, uiMessages, type UiMessages } from '../i18n/ui-messages.js';
import { tokens } from '../styles/tokens.styles.js';
import { fieldList } from './field-list.js';
import { formStyles } from './intake-form.styles.js';

type Status = 'editing' | 'sending' | 'delivered' | 'queued' | 'rejected' | 'failed';

interface SchemaProblem {
  readonly path: Path;
  readonly message: string;
}

/** Where the form was last loaded from, to load again only when a source changes. */
interface SchemaSource {
  readonly schema: unknown;
  readonly schemaUrl: string | undefined;
  readonly inline: string | undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}


/**
 * A whole Intake form, rendered from a JSON schema (spec §2): every field type, conditional
 * fields, steps with progress, GOV.UK-style errors (inline messages and a summary that links to
 * each field), both built-in locales, and delivery of the normalized record to `submit.url`.
 *
 * The schema comes from the `schema` property, the `schema-url` attribute, or an inline
 * `<script type="application/json">` child, in that order; the form loads again when any of them
 * changes (an inline script may arrive after the element, as an HTML parser streams a page). A
 * broken schema renders a readable list of its problems (with JSON paths) in place of the form.
 *
 * A honeypot input, out of sight, out of the tab order and hidden from assistive technology,
 * catches bots: whatever fills it goes into `record.context.honeypot` (spec §3).
 *
 * The fields render inside the form's shadow root without shadow roots of their own: page CSS
 * reaches them through `intake-form::part(...)` (the form's parts and every field part) and the
 * `--intake-*` custom properties. The theming reference is docs/theming.md.
 *
 * @summary An accessible, localized intake form that emits one normalized record.
 * @tag intake-form
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
  readonly #draft = new DraftController(this, { values: () => (this.#status === 'editing' ? this.#intake?.values : undefined) });
  /** Kiosk mode: the seconds until the success state gives way to a fresh form. */
  readonly #kioskCountdown = new CountdownController(this, {
    onDone: () => {
      this.reset();
      this.#focusAfterRender = this.#form?.steps ? 'step' : undefined;
    },
  });
  #form: Form | undefined;
  #intake: Intake | undefined;
  #unsubscribe: (() => void) | undefined;
  #schemaProblems: readonly SchemaProblem[] | undefined;
  #loadedFrom: SchemaSource | undefined;
  #pendingEvents: Event[] = [];
  #childObserver: MutationObserver | undefined;
  #loading = false;
  #loadToken = 0;
  #step = 0;
  #summary: readonly string[] = [];
  #status: Status = 'editing';
  #outcomeMessage = '';
  #lastRecord: IntakeRecord | undefined;
  #pendingValues: Record<string, unknown> | undefined;
  /** What takes the focus once rendered: a marked part (`data-focus`), or a field by name. */
  #focusAfterRender: 'summary' | 'step' | 'outcome' | 'notice' | { readonly field: string } | undefined;

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
    this.#childObserver ??= new MutationObserver(() => this.#onChildrenChanged());
    this.#childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    if (this.kiosk && (this.#status === 'delivered' || this.#status === 'queued')) this.#kioskCountdown.start(this.kioskReset);
  }

  /**
   * A record shown as saved on this device has left the outbox, from this tab or another one:
   * say it was sent, or, if the webhook refused it meanwhile, show its reason with the values
   * still in the form for correction.
   */
  #onOutboxChange(): void {
    const id = this.#lastRecord?.id;
    if (this.#status !== 'queued' || !id) return;
    const now = this.#outbox.stateOf(id);
    if (now.state === 'waiting') return;
    if (now.state === 'rejected') {
      this.#showRejection(now.message);
    } else {
      this.#status = 'delivered';
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#childObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const from = this.#loadedFrom;
    if (!from || this.schema !== from.schema || (this.schema === undefined && this.schemaUrl !== from.schemaUrl)) void this.#load();
    // A schema error box is written in the locale of the parse: read the schema again to say it in the new one.
    else if (changed.has('locale') && this.#schemaProblems) void this.#load();
    if (changed.has('locale') && this.#intake) this.#intake.locale = this.#locale;
  }

  protected override updated(): void {
    const target = this.#focusAfterRender;
    this.#focusAfterRender = undefined;
    if (typeof target === 'object') void this.#goToField(target.field);
    else if (target) this.renderRoot.querySelector<HTMLElement>(`[data-focus="${target}"]`)?.focus();
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
    if (!intake || this.#status === 'sending') return;
    const { valid, errors } = intake.validate();
    if (!valid) {
      this.#showSummary(Object.keys(errors));
      const firstStep = this.#stepOf(Object.keys(errors)[0]!);
      if (firstStep !== undefined && firstStep !== this.#step) this.#step = firstStep;
      this.dispatchEvent(
        new IntakeErrorEvent({
          kind: 'validation',
          message: this.#ui.errorSummaryTitle,
          issues: Object.entries(errors).map(([name, message]) => ({ path: [name], message })),
        }),
      );
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
    this.#step = 0;
    this.#summary = [];
    this.#status = 'editing';
    this.#outcomeMessage = '';
    this.#lastRecord = undefined;
    this.requestUpdate();
  }

  /** The text of the inline `<script type="application/json">` child, if any. */
  #inlineSchema(): string | undefined {
    return this.querySelector(':scope > script[type="application/json"]')?.textContent ?? undefined;
  }

  #onChildrenChanged(): void {
    if (this.schema !== undefined || this.schemaUrl || !this.#loadedFrom) return;
    if (this.#inlineSchema() !== this.#loadedFrom.inline) void this.#load();
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    const { schema, schemaUrl } = this;
    const inline = schema === undefined && !schemaUrl ? this.#inlineSchema() : undefined;
    this.#loadedFrom = { schema, schemaUrl, inline };
    // `readyState` first: the text of a whole form is only parsed here while the page is loading.
    if (schema === undefined && !schemaUrl && inline !== undefined && document.readyState === 'loading' && !isJson(inline)) {
      // The parser is still streaming the script: wait for the rest of it (or for the page to end).
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          if (token === this.#loadToken) void this.#load();
        },
        { once: true },
      );
      return;
    }
    this.#loading = true;
    this.requestUpdate();
    let input: unknown = schema ?? inline;
    let problems: SchemaProblem[] | undefined;
    if (schema === undefined && schemaUrl) {
      try {
        const response = await fetch(schemaUrl, { headers: { accept: 'application/json' } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        input = await response.text();
      } catch (error) {
        problems = [{ path: [], message: `${schemaUrl}: ${(error as Error).message}` }];
      }
    }
    if (token !== this.#loadToken) return;
    this.#loading = false;
    if (input === undefined && !problems) {
      this.requestUpdate();
      return;
    }
    const parsed = problems ? undefined : parseForm(input, { locale: this.locale || 'en' });
    this.#unsubscribe?.();
    if (!parsed?.ok) {
      this.#form = undefined;
      this.#intake = undefined;
      this.#schemaProblems = problems ?? (parsed && !parsed.ok ? parsed.issues : []);
      const ui = this.#ui;
      this.#pendingEvents.push(new IntakeErrorEvent({ kind: 'schema', message: ui.schemaErrorTitle, issues: this.#schemaProblems }));
      this.requestUpdate();
      return;
    }
    this.#schemaProblems = undefined;
    this.#form = parsed.form;
    const draft = this.kiosk ? undefined : this.#draft.load(parsed.form.id);
    const known = new Set(parsed.form.fields.map((field) => field.name));
    const restored = Object.fromEntries(Object.entries(draft ?? {}).filter(([name]) => known.has(name)));
    this.#intake = createIntake(parsed.form, { locale: this.#locale, values: { ...restored, ...this.#pendingValues } });
    this.#pendingValues = undefined;
    this.#step = 0;
    this.#summary = [];
    this.#status = 'editing';
    this.#subscribe();
    this.requestUpdate();
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#intake?.subscribe((change: IntakeChange) => {
      if (change.locale || (this.#summary.length > 0 && change.names.some((name) => this.#summary.includes(name)))) this.requestUpdate();
    });
  }

  /** Saves what a person typed shortly after typing pauses (never in kiosk mode). */
  #scheduleDraft(): void {
    if (this.kiosk || !this.#form || this.#status !== 'editing') return;
    this.#draft.schedule(this.#form.id);
  }

  #discardDraft(): void {
    if (this.#form) this.#draft.discard(this.#form.id);
  }

  #stepOf(name: string): number | undefined {
    const index = this.#form?.steps?.findIndex((step) => step.fields.includes(name));
    return index === undefined || index < 0 ? undefined : index;
  }

  /**
   * Shows the error summary of `names` (role="alert": announced as it appears) and moves the focus
   * to the first invalid field a person can reach (spec §5), or to the summary when there is none
   * (a required hidden field the page never filled).
   */
  #showSummary(names: readonly string[]): void {
    this.#summary = names;
    const fields = this.#form ? fieldsByName(this.#form) : undefined;
    const first = names.find((name) => fields?.get(name)?.type !== 'hidden');
    if (first !== undefined) this.#focusAfterRender = { field: first };
    else if (names.length > 0) this.#focusAfterRender = 'summary';
    this.requestUpdate();
  }

  #next(): void {
    const intake = this.#intake;
    const step = this.#form?.steps?.[this.#step];
    if (!intake || !step) return;
    const { valid, errors } = intake.validate(step.fields);
    if (!valid) {
      this.#showSummary(Object.keys(errors));
      return;
    }
    this.#summary = [];
    this.#step += 1;
    this.#focusAfterRender = 'step';
    this.requestUpdate();
  }

  #back(): void {
    if (this.#step === 0) return;
    this.#summary = [];
    this.#step -= 1;
    this.#focusAfterRender = 'step';
    this.requestUpdate();
  }

  async #deliver(record: IntakeRecord): Promise<void> {
    const url = this.endpoint || this.#form?.submit?.url;
    if (!url) {
      this.#finish(record, 'delivered');
      return;
    }
    this.#status = 'sending';
    this.requestUpdate();
    const submit = { ...this.#form?.submit, url };
    const payload = this.beforeSend ? this.beforeSend(record) : undefined;
    const offline = globalThis.navigator?.onLine === false;
    // The outbox keeps the record while it is being sent, so leaving the page meanwhile loses nothing.
    const { outcome, queued } = offline
      ? { outcome: { kind: 'failed', message: 'Offline', attempts: 0 } as const, queued: this.#outbox.queue(record, submit, payload) }
      : await this.#outbox.send(record, submit, payload);
    if (outcome.kind === 'delivered') {
      this.#finish(record, 'delivered');
    } else if (outcome.kind === 'failed' && queued) {
      this.#finish(record, 'queued');
    } else if (outcome.kind === 'rejected') {
      this.#showRejection(outcome.message, outcome.issues);
    } else {
      this.#status = 'failed';
      this.#outcomeMessage = outcome.message;
      this.#focusAfterRender = 'notice';
      this.requestUpdate();
    }
  }

  /** The webhook refused the record: its reason is shown above the form, the values stay for correction. */
  #showRejection(message: string, issues?: IntakeErrorDetail['issues']): void {
    this.#status = 'rejected';
    this.#outcomeMessage = message;
    this.#focusAfterRender = 'notice';
    this.dispatchEvent(new IntakeErrorEvent(issues ? { kind: 'rejected', message, issues } : { kind: 'rejected', message }));
    this.requestUpdate();
  }

  #finish(record: IntakeRecord, status: 'delivered' | 'queued'): void {
    this.#status = status;
    this.#discardDraft();
    this.#focusAfterRender = 'outcome';
    this.dispatchEvent(new IntakeSubmittedEvent({ record, status }));
    if (this.kiosk) this.#kioskCountdown.start(this.kioskReset);
    this.requestUpdate();
  }

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const steps = this.#form?.steps;
    if (steps && this.#step < steps.length - 1) this.#next();
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

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.isComposing || event.shiftKey) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(origin.type)) {
      event.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  };

  /** Follows a link of the error summary to its field. */
  #focusField(event: Event, name: string): void {
    event.preventDefault();
    void this.#goToField(name);
  }

  /** Goes to the step of field `name` if needed, then scrolls it into view and focuses it. */
  async #goToField(name: string): Promise<void> {
    const step = this.#stepOf(name);
    if (step !== undefined && step !== this.#step) {
      this.#step = step;
      this.requestUpdate();
      await this.updateComplete;
    }
    const field = this.renderRoot.querySelector<LitElement>(`intake-field[name="${CSS.escape(name)}"]`);
    if (!field) return;
    await field.updateComplete;
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }

  readonly #onHoneypotInput = (event: Event) => {
    event.stopPropagation();
    if (this.#intake) this.#intake.honeypot = (event.target as HTMLInputElement).value;
  };

  protected override render(): TemplateResult {
    const ui = this.#ui;
    if (this.#schemaProblems) return this.#renderSchemaError(ui, this.#schemaProblems);
    const form = this.#form;
    const intake = this.#intake;
    if (!form || !intake) {
      return html`<p class="loading" part="status" role="status">${this.#loading ? ui.loading : nothing}</p>`;
    }
    if (this.#status === 'delivered' || this.#status === 'queued') return this.#renderOutcome(ui);
    const locale = this.#locale;
    const steps = form.steps;
    const step = steps?.[this.#step];
    const names = step ? step.fields : form.fields.filter((field) => field.type !== 'hidden').map((field) => field.name);
    const last = !steps || this.#step === steps.length - 1;
    const title = resolveText(form.title, locale);
    const description = resolveText(form.description, locale);
    return html`<form class="base" part="base" novalidate lang=${locale} @submit=${this.#onSubmit} @keydown=${this.#onKeyDown}>
      ${title || description
        ? html`<header part="header">
            ${title ? html`<h2 class="title" part="title">${title}</h2>` : nothing}
            ${description ? html`<p class="description" part="description">${description}</p>` : nothing}
          </header>`
        : nothing}
      ${this.#renderNotice(ui)} ${this.#renderSummary(ui, intake)} ${steps && step ? this.#renderProgress(ui, steps.length, locale, step) : nothing}
      <div part="fields" @input=${this.#onFieldInput}>
        ${fieldList(intake, names, this.theme)}
      </div>
      <div class="honeypot" aria-hidden="true">
        <label>Leave this empty <input type="text" name="intake_hp" tabindex="-1" autocomplete="off" .value=${live(intake.honeypot)} @input=${this.#onHoneypotInput} /></label>
      </div>
      <div class="actions" part="actions">
        ${last
          ? html`<button class="primary" part="button submit" type="submit" ?disabled=${this.#status === 'sending'}>${ui.submit}</button>`
          : html`<button class="primary" part="button next" type="submit">${ui.next}</button>`}
        ${steps && this.#step > 0
          ? html`<button class="secondary" part="button back" type="button" @click=${this.#back}>${ui.back}</button>`
          : nothing}
        <p class="status" part="status" role="status">${this.#status === 'sending' ? ui.sending : nothing}</p>
      </div>
    </form>`;
  }

  #renderProgress(ui: UiMessages, total: number, locale: string, step: NonNullable<Form['steps']>[number]): TemplateResult {
    const title = resolveText(step.title, locale);
    const description = resolveText(step.description, locale);
    return html`<div class="progress" part="progress">
        <p class="progress-text">${formatUi(ui.stepProgress, { current: this.#step + 1, total })}</p>
        <ol class="progress-bar" aria-hidden="true">
          ${Array.from({ length: total }, (_, i) => html`<li class=${i < this.#step ? 'done' : i === this.#step ? 'current' : ''}></li>`)}
        </ol>
      </div>
      ${title ? html`<h3 class="step-title" part="step-title" tabindex="-1" data-focus="step">${title}</h3>` : nothing}
      ${description ? html`<p class="step-description">${description}</p>` : nothing}`;
  }

  #renderSummary(ui: UiMessages, intake: Intake): TemplateResult | typeof nothing {
    const entries = this.#summary.flatMap((name) => {
      const message = intake.isVisible(name) ? intake.errorFor(name) : undefined;
      return message ? [{ name, message }] : [];
    });
    if (entries.length === 0) return nothing;
    // A hidden field has nothing to go to: its problem (its value never came) is said, not linked.
    const fields = fieldsByName(intake.form);
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" data-focus="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">${ui.errorSummaryTitle}</h2>
      <ul>
        ${entries.map((entry) =>
          fields.get(entry.name)?.type === 'hidden'
            ? html`<li>${entry.message}</li>`
            : html`<li><a href="#${entry.name}" @click=${(event: Event) => this.#focusField(event, entry.name)}>${entry.message}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  #renderNotice(ui: UiMessages): TemplateResult | typeof nothing {
    if (this.#status !== 'rejected' && this.#status !== 'failed') return nothing;
    const rejected = this.#status === 'rejected';
    return html`<div class="notice" part="failure" role="alert" tabindex="-1" data-focus="notice">
      <h2>${rejected ? ui.rejectedTitle : ui.failedTitle}</h2>
      ${this.#outcomeMessage ? html`<p>${this.#outcomeMessage}</p>` : nothing}
      ${rejected ? nothing : html`<p>${ui.failedBody}</p>`}
    </div>`;
  }

  #renderOutcome(ui: UiMessages): TemplateResult {
    const queued = this.#status === 'queued';
    return html`<div class="outcome ${queued ? 'queued' : ''}" part="success" role="status" tabindex="-1" data-focus="outcome" lang=${this.#locale}>
      ${queued
        ? html`<h2>${ui.queuedTitle}</h2>
            <p>${ui.queuedBody}</p>`
        : html`<slot name="success"><h2>${ui.successTitle}</h2><p>${ui.successBody}</p></slot>`}
      ${this.kiosk
        ? html`<p>${formatUi(ui.nextPersonIn, { seconds: this.#kioskCountdown.secondsLeft })}</p>`
        : html`<button class="secondary" part="button" type="button" @click=${() => this.reset()}>${ui.startOver}</button>`}
    </div>`;
  }

  #renderSchemaError(ui: UiMessages, problems: readonly SchemaProblem[]): TemplateResult {
    return html`<div class="notice schema-error" part="schema-error" role="alert">
      <h2>${ui.schemaErrorTitle}</h2>
      <p>${ui.schemaErrorBody}</p>
      <ul>
        ${problems.map((problem) => html`<li><code>${formatPath(problem.path)}</code>: ${problem.message}</li>`)}
      </ul>
    </div>`;
  }

  /** The record of the last successful validation and submission, if any (for pages that show a receipt). */
  get lastRecord(): IntakeRecord | undefined {
    return this.#lastRecord;
  }
}
