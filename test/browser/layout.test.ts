import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../packages/elements/src/define.js';
import { loadRegionData } from '../../packages/elements/src/data/load-data.js';
import type { IntakeForm } from '../../packages/elements/src/intake-form/intake-form.js';

async function preset(name: string): Promise<unknown> {
  return (await fetch(new URL(`../../packages/core/presets/${name}.json`, import.meta.url))).json();
}

async function showAllSteps(el: IntakeForm): Promise<HTMLElement[]> {
  // Every interactive element a person touches, on every step of the form.
  const targets: HTMLElement[] = [];
  const steps = (el.controller?.form.steps ?? [{}]).length;
  for (let step = 0; step < steps; step++) {
    await el.updateComplete;
    await aTimeout(0);
    const root = el.shadowRoot!;
    targets.push(
      ...root.querySelectorAll<HTMLElement>('input:not([type="checkbox"]):not([type="radio"]):not([tabindex="-1"]), select, textarea, button, label.choice'),
    );
    expect(document.documentElement.scrollWidth, `horizontal scroll on step ${step + 1}`).to.be.at.most(window.innerWidth);
    if (step < steps - 1) {
      // Fill in what the step requires and continue to the next one.
      el.values = requiredValuesFor(el, step);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.progress-text')?.textContent).to.match(new RegExp(`${step + 2}`));
    }
  }
  return targets;
}

function requiredValuesFor(el: IntakeForm, step: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const intake = el.controller!;
  for (const name of intake.form.steps![step]!.fields) {
    const field = intake.form.fields.find((candidate) => candidate.name === name)!;
    if (!intake.isRequired(name)) continue;
    if (field.type === 'select' || field.type === 'radio') values[name] = field.options[0]!.value;
    else if (field.type === 'cascade') values[name] = field.options[0]!.children?.[0]?.value ?? field.options[0]!.value;
    else if (field.type === 'region') values[name] = '440305';
    else if (field.type === 'checkboxes') values[name] = [field.options[0]!.value];
    else if (field.type === 'phone') values[name] = '13912345678';
    else if (field.type === 'consent') values[name] = true;
    else values[name] = 'A sufficiently long answer';
  }
  return values;
}

describe('layout on a 360 px phone', () => {
  before(async () => {
    await setViewport({ width: 360, height: 740 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const name of ['crm-lead', 'contact']) {
    for (const locale of ['zh-CN', 'en']) {
      it(`${name} (${locale}): no horizontal scroll and touch targets of at least 44 px on every step`, async () => {
        const schema = await preset(name);
        const el = await fixture<IntakeForm>(html`<intake-form .schema=${schema} locale=${locale}></intake-form>`);
        // The region data (loaded when the region field is drawn) is there before values are set.
        await loadRegionData();
        const targets = await showAllSteps(el);
        expect(targets.length).to.be.greaterThan(5);
        for (const target of targets) {
          const box = target.getBoundingClientRect();
          if (box.width === 0) continue; // not rendered (e.g. a hidden conditional field)
          expect(box.height, `${target.localName}.${target.className} "${target.textContent?.trim().slice(0, 30)}"`).to.be.at.least(44);
          expect(box.right, `${target.localName} overflows the viewport`).to.be.at.most(window.innerWidth + 0.5);
        }
      });
    }
  }
});
