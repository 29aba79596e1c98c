import { noChange, nothing, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/** One `<option>` of a select: its value and its visible text. */
export interface OptionItem {
  readonly value: string;
  readonly label: string;
}

/**
 * Renders the `<option>` elements of a `<select>` and keeps the one whose value is `selected`
 * selected, as `.selected=${live(...)}` on each option would: an option is changed only when its
 * live selectedness differs, so a choice the person just made is never fought.
 *
 * The options are created with the DOM API rather than one template instance each: a form of 200
 * fields holds hundreds of options, and a template instance per option (its parts, markers and
 * directive) cost a third of the form's first render. Re-rendering with the same values keeps the
 * elements (only changed texts are written); other values replace them.
 */
class OptionListDirective extends Directive {
  #options: HTMLOptionElement[] = [];
  #items: readonly OptionItem[] | undefined;
  #selected: string | undefined;

  render(_items: readonly OptionItem[], _selected: string): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart, [items, selected]: Parameters<this['render']>): unknown {
    const options = this.#options;
    // The same list, the same choice, and the select still showing it: nothing to look at.
    if (items === this.#items && selected === this.#selected && (part.parentNode as HTMLSelectElement).value === selected) return noChange;
    this.#items = items;
    this.#selected = selected;
    const document = (part.parentNode as Node).ownerDocument ?? globalThis.document;
    if (options.length === items.length && items.every((item, i) => options[i]!.value === item.value)) {
      items.forEach((item, i) => {
        const option = options[i]!;
        if (option.textContent !== item.label) option.textContent = item.label;
        const wanted = item.value === selected;
        if (option.selected !== wanted) option.selected = wanted;
      });
      return noChange;
    }
    const fragment = document.createDocumentFragment();
    this.#options = items.map((item) => {
      const option = document.createElement('option');
      option.value = item.value;
      option.textContent = item.label;
      if (item.value === selected) option.selected = true;
      fragment.append(option);
      return option;
    });
    return fragment;
  }
}

/**
 * The `<option>` elements of `items` in a child expression of a `<select>`, with the option of
 * value `selected` selected (see {@link OptionListDirective}).
 *
 * @example
 * html`<select>${optionList([{ value: '', label: 'Choose…' }, { value: 's', label: 'Small' }], value)}</select>`
 */
export const optionList = /*@__PURE__*/ directive(OptionListDirective);
