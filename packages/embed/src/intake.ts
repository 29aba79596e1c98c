/**
 * The script-tag entry: registers `<intake-form>` and `<intake-field>`. Elements already in the
 * page are upgraded by `customElements.define`, so the script may load before or after them.
 */
import '@intake/elements/define.js';

export { IntakeField, IntakeForm } from '@intake/elements';
