import { conditionFields, evaluateCondition, type ValueReader } from './condition/evaluate-condition.js';
import type { IssueParams, ValueIssueCode } from './issue.js';
import { fillTemplate, messagesFor } from './locale/format-message.js';
import type { CoreMessages } from './locale/messages.js';
import { fillValueMessage, labelInSentence } from './locale/value-message.js';
import type { FieldValue } from './normalize/normalize-field.js';
import type { NormalizeResult } from './normalize/result.js';
import { currentRegionData } from './region/current-region-data.js';
import type { Field, Form } from './schema/types.js';
import { resolveText } from './text.js';

/** The evaluated state of one field: its normalized value, whether it shows, and its problem. */
export interface FieldState {
  readonly value: FieldValue | undefined;
  readonly visible: boolean;
  readonly required: boolean;
  /** The problem of a visible field, if any: a normalization error or a missing required value. */
  readonly issue?: { readonly code: ValueIssueCode; readonly params?: IssueParams };
}

const fieldMaps = new WeakMap<Form, ReadonlyMap<string, Field>>();

/**
 * The fields of a form by name, made once per form object and shared by every caller (a form's
 * hundreds of fields each look their definition up here instead of scanning the list).
 *
 * @example
 * fieldsByName(form).get('email')?.type; // 'email'
 */
export function fieldsByName(form: Form): ReadonlyMap<string, Field> {
  let map = fieldMaps.get(form);
  if (!map) {
    map = new Map(form.fields.map((field) => [field.name, field]));
    fieldMaps.set(form, map);
  }
  return map;
}

function requiredCode(field: Field): ValueIssueCode {
  if (field.type === 'consent') return 'consent_required';
  // Nobody can type into a hidden field: its value was to come from the page (default, prefill, code).
  if (field.type === 'hidden') return 'hidden_missing';
  // Without the region data nobody can choose a region (its select waits for the list), so
  // "choose one" would ask the impossible: say the list has not loaded (docs/schema.md, "Region").
  if (field.type === 'region' && !currentRegionData()) return 'region_unavailable';
  return ['select', 'radio', 'checkboxes', 'cascade', 'region'].includes(field.type) ? 'required_choice' : 'required';
}

const readerMaps = new WeakMap<Form, ReadonlyMap<string, readonly string[]>>();

/**
 * For each field, the fields whose `visibleWhen` or `requiredWhen` reads it, made once per form
 * object (docs/contract.md#the-headless-core: what a change re-checks).
 */
function conditionReaders(form: Form): ReadonlyMap<string, readonly string[]> {
  let map = readerMaps.get(form);
  if (!map) {
    const readers = new Map<string, string[]>();
    for (const field of form.fields) {
      const read = new Set<string>();
      if (field.visibleWhen) conditionFields(field.visibleWhen, read);
      if (field.requiredWhen) conditionFields(field.requiredWhen, read);
      for (const name of read) {
        const list = readers.get(name);
        if (list) list.push(field.name);
        else readers.set(name, [field.name]);
      }
    }
    map = readers;
    readerMaps.set(form, map);
  }
  return map;
}

/**
 * The fields whose state a change of the fields `changed` can alter: those fields, and every
 * field whose conditions read one of them, and so on (a field shown or hidden changes what the
 * conditions reading it see).
 *
 * @example
 * affectedBy(form, ['isDecisionMaker']); // Set { 'isDecisionMaker', 'budget', 'timeline' }
 */
export function affectedBy(form: Form, changed: Iterable<string>): Set<string> {
  const readers = conditionReaders(form);
  const affected = new Set<string>();
  const pending = [...changed];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (affected.has(name)) continue;
    affected.add(name);
    for (const reader of readers.get(name) ?? []) if (!affected.has(reader)) pending.push(reader);
  }
  return affected;
}

/** A change to re-check: the states before it and the fields it can alter ({@link affectedBy}). */
export interface StateChange {
  readonly before: ReadonlyMap<string, FieldState>;
  readonly affected: ReadonlySet<string>;
}

/**
 * Evaluates every field of a form from the normalization results of their raw values: which
 * fields show (conditions read normalized values; a hidden or invalid field reads as empty), which
 * are required, and each visible field's problem. Hidden fields never have problems.
 *
 * With `change`, only the fields it can alter are evaluated, reading the others' states from
 * `change.before`, and only their states are returned (a keystroke in one field of a 200-field
 * form re-checks that field and the fields whose conditions read it, not all 200).
 */
export function evaluateForm(
  form: Form,
  normalized: (field: Field) => NormalizeResult<FieldValue>,
  change?: StateChange,
): Map<string, FieldState> {
  const fields = fieldsByName(form);
  const kept = (name: string) => (change && !change.affected.has(name) ? change.before.get(name) : undefined);
  const visibility = new Map<string, boolean | 'pending'>();
  const results = new Map<string, NormalizeResult<FieldValue>>();
  const resultOf = (field: Field) => {
    let result = results.get(field.name);
    if (!result) {
      result = normalized(field);
      results.set(field.name, result);
    }
    return result;
  };
  const isVisible = (field: Field): boolean => {
    const known = visibility.get(field.name);
    if (known !== undefined) return known === true; // 'pending' means a cycle: treat as hidden
    const unchanged = kept(field.name);
    if (unchanged) return unchanged.visible;
    if (!field.visibleWhen) return true;
    visibility.set(field.name, 'pending');
    const visible = evaluateCondition(field.visibleWhen, read, fieldOf);
    visibility.set(field.name, visible);
    return visible;
  };
  const fieldOf = (name: string) => fields.get(name);
  const read: ValueReader = (name) => {
    const field = fields.get(name);
    if (!field || !isVisible(field)) return undefined;
    const unchanged = kept(name);
    if (unchanged) return unchanged.value;
    const result = resultOf(field);
    return result.ok ? result.value : undefined;
  };
  const states = new Map<string, FieldState>();
  for (const field of form.fields) {
    if (change && !change.affected.has(field.name)) continue;
    const visible = isVisible(field);
    const result = resultOf(field);
    const required = field.required === true || (field.requiredWhen !== undefined && evaluateCondition(field.requiredWhen, read, fieldOf));
    const value = result.ok ? result.value : undefined;
    let issue: FieldState['issue'];
    if (visible) {
      if (!result.ok) issue = result.params ? { code: result.code, params: result.params } : { code: result.code };
      else if (value === undefined && required) issue = { code: requiredCode(field) };
    }
    states.set(field.name, issue ? { value, visible, required, issue } : { value, visible, required });
  }
  return states;
}

/** The reader conditions use over evaluated states: visible, valid values only. */
export function stateReader(states: ReadonlyMap<string, FieldState>): ValueReader {
  return (name) => {
    const state = states.get(name);
    return state?.visible ? state.value : undefined;
  };
}

/** The tags of the form whose condition holds, in schema order, each once. */
export function tagsFor(form: Form, read: ValueReader): string[] {
  const tags: string[] = [];
  for (const rule of form.tags ?? []) {
    if (!tags.includes(rule.tag) && evaluateCondition(rule.when, read, (name) => fieldsByName(form).get(name))) tags.push(rule.tag);
  }
  return tags;
}

/** The label of a field in a locale, falling back to its name. */
export function fieldLabel(field: Field, locale: string): string {
  return resolveText(field.label, locale) || field.name;
}

/** The codes of a missing value, which a field's own `messages.required` covers. */
const missingCodes: ReadonlySet<string> = new Set(['required', 'required_choice', 'consent_required', 'hidden_missing']);

/**
 * Writes the localized message of a field's problem, e.g. `Enter company name`: the field's own
 * (`messages`, docs/schema.md "Messages") if it has one for the code, else the built-in one.
 */
export function fieldMessage(field: Field, issue: NonNullable<FieldState['issue']>, locale: string): string {
  const own = field.messages;
  const code = own && Object.hasOwn(own, issue.code) ? issue.code : own && missingCodes.has(issue.code) && Object.hasOwn(own, 'required') ? 'required' : undefined;
  const template = code === undefined ? undefined : resolveText(own![code], locale);
  const messages = messagesFor(locale);
  return fillValueMessage(messages, issue.code, levelParams(field, issue.params, messages, locale), fieldLabel(field, locale), template || undefined);
}

/** `incomplete_choice`'s `{level}` as words: the name of the level still to choose (`levelLabel`, and `levelLabelInSentence`). */
function levelParams(field: Field, params: IssueParams | undefined, messages: CoreMessages, locale: string): IssueParams | undefined {
  const level = params?.['level'];
  if (typeof level !== 'number') return params;
  const own = field.type === 'cascade' ? resolveText(field.levelLabels?.[level - 1], locale) : field.type === 'region' ? messages.regionLevels[level - 1] : undefined;
  const levelLabel = own || fillTemplate(messages.cascadeLevel, { level });
  return { ...params, levelLabel, levelLabelInSentence: labelInSentence(levelLabel) };
}
