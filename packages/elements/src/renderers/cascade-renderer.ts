import { currentRegionData, fillTemplate, messagesFor, resolveText, type CascadeOption, type Field } from '@intake/core';
import { cascadeLineages } from '@intake/core/internal';
import { html, type TemplateResult } from 'lit';
import { loadFailed, loadRegionData } from '../data/load-data.js';
import { optionList } from '../directives/option-list.js';
import { ariaInvalid, ariaRequired, errorMessage, helpText, requiredMarker, type FieldRenderer, type FieldView } from './field-view.js';

type LevelField = Extract<Field, { type: 'cascade' | 'region' }>;

/** One choice of a level: a cascade's option, or a region (`code`, `name`). */
type Choice = { readonly value?: string; readonly code?: string; readonly label?: unknown; readonly name?: string; readonly children?: readonly Choice[] };

/**
 * Cascade and region fields: a fieldset whose legend is the field's label, and one native
 * `<select>` per level, each with its own label (native selects open the phone's own picker and
 * are used by keyboard and screen reader with no script of ours). The next level appears once its
 * parent is chosen; the raw value is the value of the deepest option chosen, so choosing a parent
 * again drops its children. The first select still to choose carries `data-next` (what `focus()`
 * and so the error summary's link reach). A region field loads the region data on first render and
 * shows its province select disabled (`aria-busy`) until the data is there; if the data file
 * cannot load, the select stays disabled and says so (`region_unavailable`: reload the page).
 */
export const cascadeRenderer: FieldRenderer<LevelField> = {
  render(view: FieldView<LevelField>): TemplateResult {
    const { field, locale, raw, ids, ui } = view;
    const core = messagesFor(locale);
    const value = typeof raw === 'string' ? raw : '';
    const region = field.type === 'region';
    const data = currentRegionData();
    // Drawn again once the data is there, or to say it could not load: never a load per render,
    // which would loop (render, settled load, render ...) and freeze the page when it fails.
    const failed = region && loadFailed('region');
    if (region && !data && !failed) void loadRegionData().then(view.requestUpdate);
    const label = (i: number) =>
      region ? core.regionLevels[i]! : resolveText(field.levelLabels?.[i], locale) || fillTemplate(core.cascadeLevel, { level: i + 1 });
    const chosen = region ? (data?.lineage(value)?.map((node) => node.code) ?? []) : (cascadeLineages(field.options).get(value) ?? []);
    let choices: readonly Choice[] = region ? (data?.provinces ?? []) : field.options;
    const selects: TemplateResult[] = [];
    for (let i = 0; i === 0 || (choices.length > 0 && i < (region ? (field.levels ?? 3) : Infinity)); i++) {
      const current = chosen[i] ?? '';
      const first = region && !data ? (failed ? core.value.region_unavailable : ui.loadingChoices) : region ? fillTemplate(ui.chooseLevel, { level: label(i).toLowerCase() }) : ui.choose;
      const items = [{ value: '', label: first }, ...choices.map((c) => ({ value: (c.code ?? c.value)!, label: c.name ?? (resolveText(c.label as never, locale) || c.value!) }))];
      const id = i ? `${ids.base}-level-${i + 1}` : ids.control;
      selects.push(html`<span class="level" part="level"><label for=${id} part="level-label">${label(i)}</label
        ><span class="select"><select id=${id} part="input" data-level=${i} ?data-next=${!current && chosen.length === i} aria-describedby=${view.describedBy}
          aria-invalid=${ariaInvalid(view)} aria-required=${ariaRequired(view)} aria-busy=${region && !data && !failed} ?disabled=${view.disabled || (region && !data)}
          >${optionList(items, current)}</select></span></span>`);
      if (!current) break;
      choices = choices.find((c) => (c.code ?? c.value) === current)?.children ?? [];
    }
    return html`<fieldset class="field ${view.error ? 'invalid' : ''}" part="field"
      ><legend part="label">${view.label}${requiredMarker(view)}</legend
      >${helpText(view)}<span class="error" id=${ids.error} part="error" aria-live="polite">${errorMessage(view)}</span
      ><div class="level-list" part="levels">${selects}</div></fieldset
    >`;
  },
  input(control, _event, input) {
    // A choice at a level is the raw value; "Select …" (empty) goes back to the parent's value.
    const parent = control.value ? control : (control.getRootNode() as ParentNode).querySelector<HTMLSelectElement>(`select[data-level="${Number(control.dataset['level']) - 1}"]`);
    input.set(parent?.value ?? '');
  },
};
