/**
 * JSX types for the Intake elements in React 19: `import type {} from '@intake/elements/react'`
 * once (e.g. in main.tsx) and `<intake-form>` and `<intake-field>` are checked like any intrinsic
 * element, with their real property types and typed events. Types only: this module has no code.
 *
 * How React 19 passes props to a custom element (react-dom's `setPropOnCustomElement`):
 * - a prop whose name the element has as a property (`'schema' in element`) is SET AS THE
 *   PROPERTY, so objects, arrays and functions arrive as they are; others become attributes. The
 *   elements must therefore be defined before React renders them (import
 *   '@intake/elements/define.js' first), or `schema` would become the attribute "[object Object]";
 * - a function prop named `on` + an event name listens to that event with the name taken
 *   verbatim (`'onintake-submitted'` → addEventListener('intake-submitted', …)), so the
 *   hyphenated, lower-case names are written out as they are; `onIntakeSubmitted` would listen
 *   to an event named "IntakeSubmitted", which never fires.
 * @packageDocumentation
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { IntakeChangeEvent } from './events/intake-change-event.js';
import type { IntakeErrorEvent } from './events/intake-error-event.js';
import type { IntakeSubmitEvent } from './events/intake-submit-event.js';
import type { IntakeSubmittedEvent } from './events/intake-submitted-event.js';
import type { IntakeField } from './intake-field/intake-field.js';
import type { IntakeForm } from './intake-form/intake-form.js';

/** The properties of `<intake-form>` a React app sets (see the elements README). */
export type IntakeFormProperties = Partial<Pick<IntakeForm, 'schema' | 'schemaUrl' | 'locale' | 'endpoint' | 'kiosk' | 'kioskReset' | 'theme' | 'values' | 'beforeSend' | 'captcha'>>;

/** The events of `<intake-form>`, as React 19 props. */
export interface IntakeFormEventProps {
  /** A person changed a field: `event.detail` is `{ name, value, values }`. */
  'onintake-change'?: (event: IntakeChangeEvent) => void;
  /** Validation passed, the record is about to be sent; `event.preventDefault()` stops the built-in delivery. */
  'onintake-submit'?: (event: IntakeSubmitEvent) => void;
  /** The record was delivered or queued: `event.detail` is `{ record, status }`. */
  'onintake-submitted'?: (event: IntakeSubmittedEvent) => void;
  /** `event.detail` is `{ kind: 'schema' | 'validation' | 'rejected', message, issues? }`. */
  'onintake-error'?: (event: IntakeErrorEvent) => void;
}

/** The properties of a standalone `<intake-field>` (its attributes mirror them in kebab-case). */
export type IntakeFieldProperties = Partial<
  Pick<
    IntakeField,
    | 'type'
    | 'name'
    | 'label'
    | 'help'
    | 'placeholder'
    | 'required'
    | 'disabled'
    | 'defaultCountry'
    | 'countries'
    | 'min'
    | 'max'
    | 'step'
    | 'integer'
    | 'minLength'
    | 'maxLength'
    | 'pattern'
    | 'version'
    | 'autocomplete'
    | 'options'
    | 'defaultValue'
    | 'locale'
    | 'theme'
  >
> & {
  /** The raw value as typed; setting it fires no event (the field fires native `input` and `change`). */
  value?: unknown;
};

/** Everything `<intake-form>` takes in JSX: the common HTML props (`id`, `className`, `ref`, …), its properties and its events. */
export type IntakeFormJsxProps = Omit<DetailedHTMLProps<HTMLAttributes<IntakeForm>, IntakeForm>, keyof IntakeFormProperties> & IntakeFormProperties & IntakeFormEventProps;

/** Everything `<intake-field>` takes in JSX. */
export type IntakeFieldJsxProps = Omit<DetailedHTMLProps<HTMLAttributes<IntakeField>, IntakeField>, keyof IntakeFieldProperties> & IntakeFieldProperties;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'intake-form': IntakeFormJsxProps;
      'intake-field': IntakeFieldJsxProps;
    }
  }
}
