/**
 * The parts every benchmark page shares: the head, and the hook that reports when the form is
 * interactive. Each page defines `window.__driver` (its own way to reach the rendered fields, the
 * model and validation); the browser benchmark only talks to that driver, so the three contenders
 * are measured by the same code.
 *
 * "Interactive" is the same for all: every field visible on the empty form has its control in the
 * DOM, the first control takes focus, then one animation frame and one task have passed.
 */

/**
 * What a page exposes as `window.__driver` (the contract between the pages and browser-bench.mjs):
 * - `rendered(): Promise<void>` resolves when the contender says its form is rendered;
 * - `controls(): Element[]` the first focusable control of every visible field, in order;
 * - `textControl(): HTMLInputElement` the input of the keystroke field (BenchForm.textField);
 * - `control(name): HTMLInputElement` the input of a text or email field by name (BenchForm.errorField);
 * - `value(name): unknown` the value the contender's model holds for a field;
 * - `validate(): void` an empty submit: clicks the contender's own submit button, whose handler
 *   validates the whole form, shows every error and moves the focus to the first invalid field;
 * - `errors(): number` how many fields show an error now;
 * - `formRenders(): number` (Intake only) how many times the whole form re-rendered.
 */
export const driverContract = 'window.__driver';

/** The document head, with the stylesheets and scripts of a contender. */
export function head(title: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title>${extra}</head>`;
}

/** The measuring hook; it must follow the page's driver script. */
export const readyHook = `<script type="module">
  const deepActive = () => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; };
  const driver = window.__driver;
  await driver.rendered();
  const controls = driver.controls();
  controls[0]?.focus();
  const focusable = controls.length > 0 && deepActive() === controls[0];
  requestAnimationFrame(() => setTimeout(() => { window.__bench = { ready: performance.now(), fields: controls.length, focusable }; }));
</script>`;

/** JSON for an inline `<script>`: `<` escaped so no text can close the element. */
export const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
