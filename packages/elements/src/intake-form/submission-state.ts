import type { DeliverOutcome, IntakeRecord } from '@intake/core';

/**
 * Where a submission of `<intake-form>` stands: being edited, the record on its way, delivered,
 * queued in the on-device outbox, refused by the webhook (with its reason), or failed to be sent
 * (with the error; without a record when the record itself could not be made, as when a page
 * without WebCrypto cannot load the SHA-256 for its dedupe key). Each state carries what it needs, so no state can hold another's leftovers.
 * The delivery rules are in docs/delivery.md.
 */
export type SubmissionState =
  | { readonly kind: 'editing' }
  | { readonly kind: 'sending'; readonly record: IntakeRecord }
  | { readonly kind: 'delivered'; readonly record: IntakeRecord }
  | { readonly kind: 'queued'; readonly record: IntakeRecord }
  | { readonly kind: 'rejected'; readonly record: IntakeRecord; readonly message: string }
  | { readonly kind: 'failed'; readonly record?: IntakeRecord; readonly message: string };

/** The states a delivery attempt ends in. */
export type DeliveryState = Extract<SubmissionState, { kind: 'delivered' | 'queued' | 'rejected' | 'failed' }>;

/** The state of a form being filled in. */
export const editing: SubmissionState = { kind: 'editing' };

/** Whether the submission is over (delivered, or queued to be): the form gives way to its outcome. */
export function isFinished(state: SubmissionState): state is Extract<SubmissionState, { kind: 'delivered' | 'queued' }> {
  return state.kind === 'delivered' || state.kind === 'queued';
}

/**
 * The state after a delivery attempt of `record`: delivered; queued when it failed but waits in
 * the outbox (`queued`); refused by the webhook; or failed, with the error.
 */
export function stateAfterDelivery(record: IntakeRecord, outcome: DeliverOutcome, queued: boolean): DeliveryState {
  if (outcome.kind === 'delivered') return { kind: 'delivered', record };
  if (outcome.kind === 'failed' && queued) return { kind: 'queued', record };
  return { kind: outcome.kind, record, message: outcome.message };
}

/** Whether the webhook refused the record or it could not be sent: a notice above the form says why. */
export function isFailed(state: SubmissionState): state is Extract<SubmissionState, { kind: 'rejected' | 'failed' }> {
  return state.kind === 'rejected' || state.kind === 'failed';
}
