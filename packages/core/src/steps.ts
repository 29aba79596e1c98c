import type { Form, Step } from './schema/types.js';

/** What {@link IntakeSteps.next} and {@link IntakeSteps.validateStep} return: whether the fields were valid, and their messages by name. */
export interface StepValidation {
  readonly valid: boolean;
  readonly errors: Readonly<Record<string, string>>;
}

/**
 * The step navigation of a multi-step form (`steps` of docs/schema.md), on the headless
 * controller (`intake.steps`) so that any UI gets steps, not only `<intake-form>`. A form
 * without steps has one implicit step holding every field: `count` is 0, `isLast` is true and
 * `validateStep()` checks the whole form.
 *
 * @example
 * const { steps } = createIntake(form);
 * if (steps.next().valid) render(steps.step); // moved on, or stayed with the errors shown
 */
export interface IntakeSteps {
  /** The steps of the form, in order (empty for a form without steps). */
  readonly list: readonly Step[];
  /** How many steps there are (0 for a form without steps). */
  readonly count: number;
  /** The index of the current step, from 0. */
  readonly current: number;
  /** The current step, or `undefined` for a form without steps. */
  readonly step: Step | undefined;
  /** Whether the current step is the last one (always true for a form without steps). */
  readonly isLast: boolean;
  /**
   * Validates the current step (marking its fields touched, so their errors show) and, when it
   * is valid and not the last step, moves to the next one. Returns the validation.
   */
  next(): StepValidation;
  /** Moves back one step; false on the first step. Nothing is validated. */
  back(): boolean;
  /** Moves to step `index` (0 ≤ index < count; 0 is accepted by a form without steps). Nothing is validated. */
  goTo(index: number): void;
  /** The index of the step that holds field `name`, or `undefined` when no step holds it. */
  stepOf(name: string): number | undefined;
  /** Validates the fields of the current step (every field of a form without steps), marking them touched. */
  validateStep(): StepValidation;
}

/** The step navigation with its reset, for the controller that owns it. */
export interface StepNavigation extends IntakeSteps {
  /** Back to the first step, without notifying (the controller's reset notifies once). */
  reset(): void;
}

/**
 * Creates the step navigation of `form`. `validate` checks some fields (or all with no argument)
 * as `Intake.validate` does; `moved` is told of every change of the current step.
 */
export function createSteps(
  form: Form,
  validate: (names?: readonly string[]) => StepValidation,
  moved: (index: number) => void,
): StepNavigation {
  const list = form.steps ?? [];
  let current = 0;
  const move = (index: number) => {
    if (index === current) return;
    current = index;
    moved(index);
  };
  const validateStep = () => (list.length > 0 ? validate(list[current]!.fields) : validate());
  return {
    list,
    count: list.length,
    get current() {
      return current;
    },
    get step() {
      return list[current];
    },
    get isLast() {
      return current >= list.length - 1;
    },
    next() {
      const result = validateStep();
      if (result.valid && current < list.length - 1) move(current + 1);
      return result;
    },
    back() {
      if (current === 0) return false;
      move(current - 1);
      return true;
    },
    goTo(index: number) {
      if (!Number.isInteger(index) || index < 0 || index >= Math.max(list.length, 1)) {
        throw new RangeError(`Intake: steps.goTo(${index}): the form has ${list.length || 1} step(s)`);
      }
      move(index);
    },
    stepOf(name: string) {
      const index = list.findIndex((step) => step.fields.includes(name));
      return index < 0 ? undefined : index;
    },
    validateStep,
    reset() {
      current = 0;
    },
  };
}
