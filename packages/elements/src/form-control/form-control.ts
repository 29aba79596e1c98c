import { LitElement } from 'lit';

/**
 * The form-associated base of Intake's controls, after Web Awesome's form-associated element: it
 * owns the `ElementInternals`, the constraint-validation API of a native control (`validity`,
 * `checkValidity()`, `reportValidity()`, `setCustomValidity()`, `labels`), the custom states
 * (`:state(...)`) and the form callbacks (reset, state restore, disabled fieldset or form).
 *
 * A subclass says what its value and validity are (`setFormValue`, `setControlValidity`,
 * `setState`) and what a reset, a restore or a report means for it (`resetValue`,
 * `restoreValue`, `showValidity`); the rest is here. The contract of these controls is in
 * docs/contract.md.
 */
export class FormControl extends LitElement {
  static formAssociated = true;

  readonly #internals: ElementInternals;
  #formDisabled = false;
  /** The message of `setCustomValidity()`: while set, it is the control's error. */
  #customMessage = '';
  /** The control's own validity, kept to come back to when the custom message is cleared. */
  #own: readonly [ValidityStateFlags, string, HTMLElement | undefined] = [{}, '', undefined];

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** The form this control belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /** The `<label>` elements associated with this control (`<label for>` or a wrapping label), like a native control's. */
  get labels(): NodeList {
    return this.#internals.labels;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** Whether the value is valid; fires `invalid` when not, like a native input. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the error (and focuses the field when invalid). */
  reportValidity(): boolean {
    this.showValidity();
    return this.#internals.reportValidity();
  }

  /**
   * Sets a custom error, as on a native input: while `message` is not empty the control is
   * invalid with it (`validity.customError`), whatever its value; `''` clears it.
   */
  setCustomValidity(message: string): void {
    this.#customMessage = message;
    this.#applyValidity();
  }

  /** Whether a disabled `<fieldset>` or form disables the control. */
  protected get formDisabled(): boolean {
    return this.#formDisabled;
  }

  /** Sets what the control submits, and the state the browser restores it from. */
  protected setFormValue(value: string | FormData | null, state?: string): void {
    this.#internals.setFormValue(value, state);
  }

  /** Sets the control's own validity (a custom message of `setCustomValidity()` takes precedence). */
  protected setControlValidity(flags: ValidityStateFlags, message = '', anchor?: HTMLElement): void {
    this.#own = [flags, message, anchor];
    this.#applyValidity();
  }

  /** Turns custom state `state` (`:state(state)`) on or off. */
  protected setState(state: string, on: boolean): void {
    const states = this.#internals.states;
    if (states.has(state) !== on) states[on ? 'add' : 'delete'](state);
  }

  /** Shows the control's error, before `reportValidity()` reports it. */
  protected showValidity(): void {}

  /** Brings the control back to its default value (the form was reset). */
  protected resetValue(): void {}

  /** Restores a value from the state the control gave `setFormValue` (back and forward navigation, autofill). */
  protected restoreValue(_value: unknown): void {}

  #applyValidity(): void {
    const [flags, message, anchor] = this.#own;
    if (this.#customMessage) this.#internals.setValidity({ ...flags, customError: true }, this.#customMessage, anchor);
    else this.#internals.setValidity(flags, message, anchor);
  }

  /** Form-associated callbacks. */
  formResetCallback(): void {
    this.resetValue();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    let value: unknown;
    try {
      value = JSON.parse(state) as unknown;
    } catch {
      return; // not a state this element wrote
    }
    this.restoreValue(value);
  }
}
