import { currentRegionData, messagesFor, resolveText, type CascadeOption, type Field, type RegionNode } from '@intake/core';
import { cascadeLineages } from '@intake/core/internal';
import { html, nothing, type TemplateResult } from 'lit';
import { loadRegionData } from '../data/load-data.js';
import { optionList, type OptionItem } from '../directives/option-list.js';
import { ariaInvalid, ariaRequired, errorMessage, helpText, requiredMarker, type FieldRenderer, type FieldView } from './field-view.js';

type LevelField = Extract<Field, { type: 'cascade' | 'region' }>;

/** One node of the tree a field chooses along: a cascade's option or a region. */
interface Node {
  readonly value: string;
  readonly label: string;
  readonly children: readonly Node[];
}

const cascadeNodes = (options: readonly CascadeOption[], locale: string): Node[] =>
  options.map((option) => ({ value: option.value, label: resolveText(option.label, locale) || option.value, children: cascadeNodes(option.children ?? [], locale) }));

const regionNodes = (nodes: readonly RegionNode[]): Node[] => nodes as unknown as Node[];

/** The tree, the values chosen from the top, how many levels there are, and the texts of each level. */
function levelsOf(view: FieldView<LevelField>): { top: readonly Node[]; chosen: readonly string[]; depth: number; label: (i: number) => string; choose: (i: number) => string } | undefined {
  const { field, locale, raw, ui } = view;
  const core = messagesFor(locale);
  const value = typeof raw === 'string' ? raw : '';
  if (field.type === 'cascade') {
    return {
      top: cascadeNodes(field.options, locale),
      chosen: cascadeLineages(field.options).get(value) ?? [],
      depth: Infinity,
      label: (i) => resolveText(field.levelLabels?.[i], locale) || core.cascadeLevel.replace('{level}', String(i + 1)),
      choose: () => ui.choose,
    };
  }
  const data = currentRegionData();
  if (!data) return undefined;
  return {
    // Region nodes have the shape of `Node` (`code` read as `value` below).
    top: regionNodes(data.provinces),
    chosen: data.lineage(value)?.map((node) => node.code) ?? [],
    depth: field.levels ?? 3,
    label: (i) => core.regionLevels[i]!,
    choose: (i) => ui.regionChoose[i]!,
  };
}

const valueOf = (node: Node | RegionNode): string => ('code' in node ? node.code : node.value);
const labelOf = (node: Node | RegionNode): string => ('code' in node ? node.name : node.label);

/**
 * Cascade and region fields: a fieldset whose legend is the field's label, and one native
 * `<select>` per level, each with its own label (native selects open the phone's own picker and
 * need no script to be used by keyboard or screen reader). The next level appears once its parent
 * is chosen; the raw value is the value of the deepest option chosen, so choosing a parent again
 * drops its children. The first select still to choose carries the control id (the error
 * summary's link) and `data-next` (what `focus()` reaches). A region field loads the region data
 * on first render and shows a disabled province select until it is there.
 */
export const cascadeRenderer: FieldRenderer<LevelField> = {
  render(view: FieldView<LevelField>): TemplateResult {
    const { ids } = view;
    const levels = levelsOf(view);
    const selects: TemplateResult[] = [];
    if (!levels) {
      void loadRegionData().then(view.requestUpdate);
      const core = messagesFor(view.locale);
      selects.push(html`<span class="level" part="level"><label for=${ids.control} part="level-label">${core.regionLevels[0]}</label
        ><span class="select"><select id=${ids.control} part="input" disabled aria-describedby=${view.describedBy} aria-busy="true"
          >${optionList([{ value: '', label: view.ui.regionLoading }], '')}</select></span></span>`);
    } else {
      let nodes: readonly (Node | RegionNode)[] = levels.top;
      let nextFound = false;
      for (let i = 0; nodes.length > 0 && i < levels.depth; i++) {
        const chosen = levels.chosen[i] ?? '';
        const isNext = !nextFound && chosen === '';
        if (isNext) nextFound = true;
        const id = i === 0 ? ids.control : `${ids.base}-level-${i + 1}`;
        const items: OptionItem[] = [{ value: '', label: levels.choose(i) }, ...nodes.map((node) => ({ value: valueOf(node), label: labelOf(node) }))];
        selects.push(html`<span class="level" part="level"><label for=${id} part="level-label">${levels.label(i)}</label
          ><span class="select"><select id=${id} part="input" data-level=${i} ?data-next=${isNext} name=${i === 0 ? view.field.name : nothing}
            aria-describedby=${view.describedBy} aria-invalid=${ariaInvalid(view)} aria-required=${ariaRequired(view)} ?disabled=${view.disabled}
            >${optionList(items, chosen)}</select></span></span>`);
        if (chosen === '') break;
        nodes = nodes.find((node) => valueOf(node) === chosen)?.children ?? [];
      }
    }
    return html`<fieldset class="field levels ${view.error ? 'invalid' : ''}" part="field"
      ><legend part="label">${view.label}${requiredMarker(view)}</legend
      >${helpText(view)}<span class="error" id=${ids.error} part="error" aria-live="polite">${errorMessage(view)}</span
      ><div class="level-list" part="levels">${selects}</div></fieldset
    >`;
  },
  input(control, _event, input) {
    // A choice at a level is the raw value; "Select …" (empty) goes back to the parent's value.
    if (control.value !== '') return input.set(control.value);
    const level = Number(control.dataset['level'] ?? 0);
    const select = (control.getRootNode() as ParentNode).querySelector<HTMLSelectElement>(`select[data-level="${level - 1}"]`);
    input.set(level > 0 && select ? select.value : '');
  },
};
