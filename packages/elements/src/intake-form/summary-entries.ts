import type { Intake } from '@intake/core';

/** The message the error summary shows for a field: its problem, or none when it is hidden. */
export function summaryMessage(intake: Intake, name: string): string | undefined {
  return intake.isVisible(name) ? intake.errorFor(name) : undefined;
}

/**
 * What the rendered error summary says of each field it lists, so that a keystroke redraws the
 * form only when one of its entries changes (a new message, or the field fixed or hidden), not on
 * every change of a listed field.
 */
export class SummaryEntries {
  #shows = new Map<string, string | undefined>();

  /** Notes what the summary of `names` shows now (when the form renders). */
  rendered(intake: Intake, names: readonly string[]): void {
    this.#shows = new Map(names.map((name) => [name, summaryMessage(intake, name)]));
  }

  /** Whether a change of the fields `names` alters an entry. */
  changedBy(intake: Intake, names: readonly string[]): boolean {
    return names.some((name) => this.#shows.has(name) && this.#shows.get(name) !== summaryMessage(intake, name));
  }
}
