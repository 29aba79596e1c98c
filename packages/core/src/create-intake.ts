import { affectedBy, evaluateForm, fieldMessage, fieldsByName, stateReader, tagsFor, type FieldState, type StateChange } from './form-model.js';
import { IntakeValidationError } from './intake-validation-error.js';
import { normalizeField, type FieldValue } from './normalize/normalize-field.js';
import { currentPhoneEngine, onPhoneEngineChange } from './normalize/current-phone-engine.js';
import { currentRegionData, onRegionDataChange } from './region/current-region-data.js';
import type { RegionData } from './region/region-data.js';
import type { PhoneEngine } from './normalize/phone-engine-api.js';
import type { NormalizeResult } from './normalize/result.js';
import { initialRawValues } from './raw-values.js';
import { computeDedupeKey } from './record/dedupe-key.js';
import { pageContext, queryOf, utmOf, type PageContext } from './record/page-context.js';
import type { ConsentRecord, IntakeRecord } from './record/record.js';
import { uuidV4 } from './record/uuid.js';
import type { IssueParams, ValueIssueCode } from './issue.js';
import type { Field, Form } from './schema/types.js';
import { createSteps, type IntakeSteps, type StepNavigation } from './steps.js';
import type { TypedForm } from './builders.js';

/** Options of {@link createIntake}. */
export interface IntakeOptions {
  /** The locale of messages and of `record.locale`. Default: the form's `locale`, else `en`. */
  readonly locale?: string;
  /** The page the form is on. In a browser it defaults to `location` and `document.referrer`. */
  readonly context?: Partial<PageContext>;
  /** First raw values, over URL prefill and defaults. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

/** The current problem of a field: its code, parameters and localized message. */
export interface FieldIssue {
  /** The problem's code; `refused` for a webhook's refusal of the value ({@link Intake.showRefusal}). */
  readonly code: ValueIssueCode | 'refused';
  readonly params?: IssueParams;
  readonly message: string;
}

/** The outcome of {@link Intake.validate}: localized messages by field name, in form order. */
export interface ValidationResult {
  readonly valid: boolean;
  readonly errors: Readonly<Record<string, string>>;
}

/** What changed, passed to subscribers: the fields whose value, visibility, requiredness, error or touched state changed. */
export interface IntakeChange {
  readonly names: readonly string[];
  /** The locale changed, so every message did. */
  readonly locale: boolean;
  /** The index of the current step after the change (see {@link Intake.steps}); a step move notifies with no names. */
  readonly step: number;
}

/**
 * The headless form controller of docs/contract.md#the-headless-core: holds the raw values, evaluates visibility and
 * validity through the core's rules, and builds the record. Any UI (the Intake elements, React,
 * Vue, a native web view) drives it.
 */
export interface Intake<D = Readonly<Record<string, FieldValue>>> {
  readonly form: Form;
  /** The locale of messages; setting it re-localizes every message and notifies subscribers. */
  locale: string;
  /** All raw values, by field name (a copy). */
  readonly values: Readonly<Record<string, unknown>>;
  /** The raw value of a field, as typed. */
  get(name: string): unknown;
  /** Sets the raw value of a field, as typed (see docs/contract.md#the-headless-core for the kinds of values). */
  set(name: string, value: unknown): void;
  /** Sets several raw values at once, with one notification. */
  setValues(values: Readonly<Record<string, unknown>>): void;
  /** The normalized value of a field, or `undefined` when empty or invalid. */
  normalized(name: string): FieldValue | undefined;
  /** Whether the field shows (its `visibleWhen` holds). */
  isVisible(name: string): boolean;
  /** Whether the field is required now (`required`, or a `requiredWhen` that holds). */
  isRequired(name: string): boolean;
  /** The localized problem of a visible field now, whether or not it is shown yet. */
  errorFor(name: string): string | undefined;
  /** The problem of a visible field now with its code and parameters (e.g. to map it to native validity flags). */
  issueFor(name: string): FieldIssue | undefined;
  /**
   * The error a UI should show: only once the person has left the field (`touch`) or tried to
   * submit (`validate`), so nobody sees an error while still typing a field the first time.
   */
  shownError(name: string): string | undefined;
  /** The localized problems of all visible fields now. */
  readonly errors: Readonly<Record<string, string>>;
  /** Marks a field as finished by the person (on blur), so its error shows from now on. */
  touch(name: string): void;
  isTouched(name: string): boolean;
  readonly touched: ReadonlySet<string>;
  /**
   * Validates the visible fields (or only `names`, e.g. one step), marks them touched so their
   * errors show, and returns the messages.
   */
  validate(names?: readonly string[]): ValidationResult;
  /** Back to the first values; clears touched state and refusals, and restarts the fill clock. */
  reset(): void;
  /**
   * Shows a webhook's refusal on the fields it names (docs/contract.md#the-elements): each issue
   * `{ path: ["data", "<field>"], message }` of a 422 answer becomes that field's error, shown at
   * once and counted by `validate()`, until the field's value changes or the form is reset.
   * Returns the names marked, in form order; issues of any other shape are left to the caller.
   */
  showRefusal(issues: readonly unknown[]): readonly string[];
  /** The value of the spam honeypot input; a non-empty one goes into `record.context.honeypot`. */
  honeypot: string;
  /** Extra `record.context` entries added by code, e.g. `{ captcha: token }`. */
  readonly extraContext: Record<string, unknown>;
  /**
   * Builds the normalized record of docs/contract.md#the-record. Rejects with an {@link IntakeValidationError}
   * (and shows every error) when the form is invalid.
   */
  toRecord(): Promise<IntakeRecord<D>>;
  /** The step navigation of a multi-step form: the current step, next, back, validate a step. */
  readonly steps: IntakeSteps;
  /** Calls `listener` after any change of values, visibility, errors, touched state or step. Returns the unsubscribe function. */
  subscribe(listener: (change: IntakeChange) => void): () => void;
}

class IntakeController<D> implements Intake<D> {
  honeypot = '';
  readonly extraContext: Record<string, unknown> = {};
  #locale: string;
  #raw: Record<string, unknown>;
  #initial: Readonly<Record<string, unknown>>;
  #cache = new Map<string, { raw: unknown; engine: PhoneEngine; regions: RegionData | undefined; result: NormalizeResult<FieldValue> }>();
  /** The names of the phone fields: judged again when the phone engine is swapped. */
  readonly #phoneFields: readonly string[];
  #stopEngineWatch: (() => void) | undefined;
  readonly #hasRegion: boolean;
  #stopRegionWatch: (() => void) | undefined;
  #states: Map<string, FieldState>;
  #messages = new WeakMap<object, string>();
  #touched = new Set<string>();
  /** A webhook's refusals, by field name, until the value changes ({@link Intake.showRefusal}). */
  #refused = new Map<string, string>();
  #consentTimes = new Map<string, number>();
  #listeners = new Set<(change: IntakeChange) => void>();
  #startedAt: number;
  readonly #now: () => number;
  readonly #page: PageContext;
  readonly #fields: ReadonlyMap<string, Field>;
  readonly #steps: StepNavigation;

  constructor(
    readonly form: Form,
    options: IntakeOptions,
  ) {
    this.#fields = fieldsByName(form);
    this.#phoneFields = form.fields.filter((field) => field.type === 'phone').map((field) => field.name);
    this.#hasRegion = form.fields.some((field) => field.type === 'region');
    this.#locale = options.locale ?? form.locale ?? 'en';
    this.#now = options.now ?? Date.now;
    this.#page = pageContext(options.context);
    this.#initial = initialRawValues(form.fields, queryOf(this.#page.url), options.values);
    this.#raw = { ...this.#initial };
    this.#startedAt = this.#now();
    for (const [name, value] of Object.entries(this.#raw)) if (value === true) this.#consentTimes.set(name, this.#startedAt);
    this.#states = this.#evaluate();
    this.#steps = createSteps(form, (names) => this.validate(names), () => this.#emit([]));
  }

  get steps(): IntakeSteps {
    return this.#steps;
  }

  get locale(): string {
    return this.#locale;
  }

  set locale(locale: string) {
    if (locale === this.#locale) return;
    this.#locale = locale;
    this.#messages = new WeakMap();
    this.#emit([], true);
  }

  get values(): Readonly<Record<string, unknown>> {
    return { ...this.#raw };
  }

  get touched(): ReadonlySet<string> {
    return new Set(this.#touched);
  }

  get errors(): Readonly<Record<string, string>> {
    return this.#errorsOf(this.form.fields.map((field) => field.name));
  }

  get(name: string): unknown {
    this.#field(name);
    return this.#raw[name];
  }

  set(name: string, value: unknown): void {
    this.setValues({ [name]: value });
  }

  setValues(values: Readonly<Record<string, unknown>>): void {
    const changed: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      this.#field(name);
      if (Object.is(this.#raw[name], value)) continue;
      this.#raw[name] = value;
      if (value === true) this.#consentTimes.set(name, this.#now());
      else this.#consentTimes.delete(name);
      this.#refused.delete(name);
      changed.push(name);
    }
    if (changed.length > 0) this.#update(changed);
  }

  normalized(name: string): FieldValue | undefined {
    return this.#state(name).value;
  }

  isVisible(name: string): boolean {
    return this.#state(name).visible;
  }

  isRequired(name: string): boolean {
    return this.#state(name).required;
  }

  errorFor(name: string): string | undefined {
    const state = this.#state(name);
    const refused = this.#refused.get(name);
    if (refused !== undefined && state.visible) return refused;
    return state.issue && this.#message(name, state.issue);
  }

  issueFor(name: string): FieldIssue | undefined {
    const refused = this.#refused.get(name);
    if (refused !== undefined && this.#state(name).visible) return { code: 'refused', message: refused };
    const issue = this.#state(name).issue;
    if (!issue) return undefined;
    const message = this.#message(name, issue);
    return issue.params ? { code: issue.code, params: issue.params, message } : { code: issue.code, message };
  }

  shownError(name: string): string | undefined {
    return this.#touched.has(name) ? this.errorFor(name) : undefined;
  }

  touch(name: string): void {
    this.#field(name);
    if (this.#touched.has(name)) return;
    this.#touched.add(name);
    this.#emit([name]);
  }

  isTouched(name: string): boolean {
    return this.#touched.has(name);
  }

  validate(names?: readonly string[]): ValidationResult {
    const checked = (names ?? this.form.fields.map((field) => field.name)).filter((name) => this.#state(name).visible);
    const newlyTouched = checked.filter((name) => !this.#touched.has(name));
    for (const name of newlyTouched) this.#touched.add(name);
    if (newlyTouched.length > 0) this.#emit(newlyTouched);
    const errors = this.#errorsOf(checked);
    return { valid: Object.keys(errors).length === 0, errors };
  }

  reset(): void {
    const names = this.form.fields.map((field) => field.name);
    this.#raw = { ...this.#initial };
    this.#touched.clear();
    this.#refused.clear();
    this.#consentTimes.clear();
    this.honeypot = '';
    this.#startedAt = this.#now();
    this.#states = this.#evaluate();
    this.#steps.reset();
    this.#emit(names);
  }

  async toRecord(): Promise<IntakeRecord<D>> {
    const { valid, errors } = this.validate();
    if (!valid) throw new IntakeValidationError(errors);
    const now = this.#now();
    const submittedAt = new Date(now).toISOString();
    const data: Record<string, FieldValue> = {};
    const consents: ConsentRecord[] = [];
    for (const field of this.form.fields) {
      const state = this.#states.get(field.name)!;
      if (!state.visible || state.value === undefined) continue;
      data[field.name] = state.value;
      if (field.type === 'consent') {
        const acceptedAt = new Date(this.#consentTimes.get(field.name) ?? now).toISOString();
        consents.push(field.version !== undefined ? { field: field.name, version: field.version, acceptedAt } : { field: field.name, acceptedAt });
      }
    }
    const query = queryOf(this.#page.url);
    const context = {
      ...this.extraContext,
      url: this.#page.url,
      referrer: this.#page.referrer,
      utm: utmOf(query),
      fillMs: Math.max(0, Math.round(now - this.#startedAt)),
      ...(this.honeypot ? { honeypot: this.honeypot } : {}),
      // Marks numbers judged only by the fallback check (docs/contract.md#the-record); the receiver always runs the full one.
      ...(this.#phoneFields.length > 0 && currentPhoneEngine().name === 'lite' ? { phoneCheck: 'lite' } : {}),
    };
    const record = {
      id: uuidV4(),
      form: this.form.version !== undefined ? { id: this.form.id, version: this.form.version } : { id: this.form.id },
      submittedAt,
      locale: this.#locale,
      data,
      tags: tagsFor(this.form, stateReader(this.#states)),
      consents,
      dedupeKey: await computeDedupeKey(this.form, data),
      context,
    };
    return record as unknown as IntakeRecord<D>;
  }

  showRefusal(issues: readonly unknown[]): readonly string[] {
    const marked = new Set<string>();
    for (const issue of issues) {
      if (typeof issue !== 'object' || issue === null) continue;
      const { path, message } = issue as { path?: unknown; message?: unknown };
      if (!Array.isArray(path) || path[0] !== 'data' || typeof path[1] !== 'string' || typeof message !== 'string' || message === '') continue;
      const name = path[1];
      // A Map of the form's own fields: a name like `__proto__` finds nothing.
      if (!this.#fields.has(name) || marked.has(name)) continue;
      this.#refused.set(name, message.slice(0, 500));
      marked.add(name);
    }
    const names = this.form.fields.map((field) => field.name).filter((name) => marked.has(name));
    for (const name of names) this.#touched.add(name);
    if (names.length > 0) this.#emit(names);
    return names;
  }

  subscribe(listener: (change: IntakeChange) => void): () => void {
    this.#listeners.add(listener);
    // While someone listens, a phone engine loaded later (docs/schema.md, "Phone numbers in the script-tag build") judges
    // the phone fields again and tells them; without listeners nothing holds this controller.
    if (this.#phoneFields.length > 0) this.#stopEngineWatch ??= onPhoneEngineChange(() => this.#update([]));
    // Region data loaded later (docs/schema.md, "Region") judges the region fields again, as above.
    if (this.#hasRegion) this.#stopRegionWatch ??= onRegionDataChange(() => this.#update([]));
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stopEngineWatch?.();
        this.#stopEngineWatch = undefined;
        this.#stopRegionWatch?.();
        this.#stopRegionWatch = undefined;
      }
    };
  }

  #field(name: string): Field {
    const field = this.#fields.get(name);
    if (!field) {
      throw new Error(`Intake: form "${this.form.id}" has no field "${name}". Its fields are: ${[...this.#fields.keys()].join(', ')}.`);
    }
    return field;
  }

  #state(name: string): FieldState {
    this.#field(name);
    return this.#states.get(name)!;
  }

  /**
   * The localized message of a field's issue, written once per issue and locale: a field, its
   * summary entry and `validate()` all ask for it, and a state's issue object lives until the
   * field is checked again.
   */
  #message(name: string, issue: NonNullable<FieldState['issue']>): string {
    let message = this.#messages.get(issue);
    if (message === undefined) {
      message = fieldMessage(this.#field(name), issue, this.#locale);
      this.#messages.set(issue, message);
    }
    return message;
  }

  #errorsOf(names: readonly string[]): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const name of names) {
      const message = this.errorFor(name);
      if (message !== undefined) errors[name] = message;
    }
    return errors;
  }

  #evaluate(change?: StateChange): Map<string, FieldState> {
    return evaluateForm(this.form, (field) => {
      const raw = this.#raw[field.name];
      const cached = this.#cache.get(field.name);
      const engine = currentPhoneEngine();
      const regions = currentRegionData();
      if (cached && Object.is(cached.raw, raw) && cached.engine === engine && cached.regions === regions) return cached.result;
      const result = normalizeField(field, raw);
      this.#cache.set(field.name, { raw, engine, regions, result });
      return result;
    }, change);
  }

  /**
   * Checks the form again after the values of `changedValues` changed: only those fields and the
   * fields whose conditions read them (`affectedBy`); every field when none is named (a phone
   * engine loaded later judges every phone field again). Tells the listeners which fields changed.
   */
  #update(changedValues: readonly string[]): void {
    const before = this.#states;
    const affected = changedValues.length > 0 ? affectedBy(this.form, changedValues) : undefined;
    const states = this.#evaluate(affected && { before, affected });
    const names = new Set(changedValues);
    for (const [name, state] of states) if (!sameState(before.get(name), state)) names.add(name);
    // A full check replaces the states; a narrow one updates those it checked.
    if (affected) for (const [name, state] of states) before.set(name, state);
    else this.#states = states;
    this.#emit([...names]);
  }

  #emit(names: readonly string[], locale = false): void {
    const change: IntakeChange = { names, locale, step: this.#steps.current };
    for (const listener of [...this.#listeners]) listener(change);
  }
}

function sameState(a: FieldState | undefined, b: FieldState): boolean {
  return (
    a !== undefined &&
    a.visible === b.visible &&
    a.required === b.required &&
    sameValue(a.value, b.value) &&
    a.issue?.code === b.issue?.code &&
    JSON.stringify(a.issue?.params) === JSON.stringify(b.issue?.params)
  );
}

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

/**
 * Creates the headless controller of a parsed form (see {@link Intake}).
 *
 * @example
 * const parsed = parseForm(json);
 * if (parsed.ok) {
 *   const intake = createIntake(parsed.form, { locale: 'zh-CN' });
 *   intake.set('phone', '１３９ 1234-5678');
 *   intake.normalized('phone'); // '+8613912345678'
 *   const record = await intake.toRecord();
 * }
 */
export function createIntake<D = Readonly<Record<string, FieldValue>>>(form: TypedForm<D> | Form, options: IntakeOptions = {}): Intake<D> {
  return new IntakeController<D>(form, options);
}
