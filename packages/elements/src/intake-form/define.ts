import '../intake-field/define.js';
import { IntakeForm } from './intake-form.js';

if (!customElements.get('intake-form')) customElements.define('intake-form', IntakeForm);

declare global {
  interface HTMLElementTagNameMap {
    'intake-form': IntakeForm;
  }
}
