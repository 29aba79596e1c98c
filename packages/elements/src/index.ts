/**
 * @intake/elements: the Intake web components. This entry has no side effects; import
 * `@intake/elements/define.js` to register `<intake-form>` and `<intake-field>`.
 * @packageDocumentation
 */
export { IntakeField } from './intake-field/intake-field.js';
export { IntakeForm } from './intake-form/intake-form.js';
export { IntakeChangeEvent } from './events/intake-change-event.js';
export type { IntakeChangeDetail } from './events/intake-change-event.js';
export { IntakeSubmitEvent } from './events/intake-submit-event.js';
export type { IntakeSubmitDetail } from './events/intake-submit-event.js';
export { IntakeSubmittedEvent } from './events/intake-submitted-event.js';
export type { IntakeSubmittedDetail } from './events/intake-submitted-event.js';
export { IntakeErrorEvent } from './events/intake-error-event.js';
export type { IntakeErrorDetail, IntakeErrorIssue } from './events/intake-error-event.js';
export { formatPlural, formatUi, registerUiMessages, uiMessages } from './i18n/ui-messages.js';
export type { PluralText, UiMessages } from './i18n/ui-messages.js';
export { tokens } from './styles/tokens.styles.js';
export { OutboxController } from './controllers/outbox-controller.js';
export type { OutboxControllerOptions, OutboxRecordState } from './controllers/outbox-controller.js';
export { DraftController } from './controllers/draft-controller.js';
export type { DraftControllerOptions } from './controllers/draft-controller.js';
export { LangController } from './controllers/lang-controller.js';
export type { LangControllerOptions } from './controllers/lang-controller.js';
