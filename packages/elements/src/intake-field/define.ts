import { IntakeField } from './intake-field.js';

if (!customElements.get('intake-field')) customElements.define('intake-field', IntakeField);

declare global {
  interface HTMLElementTagNameMap {
    'intake-field': IntakeField;
  }
}
