import { noChange, nothing, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/** One radio button or checkbox of a choice list: its value, its text and whether it is chosen. */
export interface ChoiceItem {
  readonly value: string;
  readonly label: string;
  readonly checked: boolean;
}

/** What every control of a choice list shares in one render. */
export interface ChoiceListOptions {
  readonly type: 'radio' | 'checkbox';
  /** The id of each control, by index (the first is the field's control id). */
  readonly id: (index: number) => string;
  /** The `name` of each control, by index. */
  readonly name: (index: number) => string;
  readonly disabled: boolean;
  /** `aria-invalid` of each control, or `undefined` to leave it off. */
  readonly invalid: 'true' | 'false' | undefined;
}

interface ChoiceNodes {
  readonly input: HTMLInputElement;
  readonly text: Text;
}

/**
 * Renders the `<label part="choice"><input part="choice-input"><span class="choice-text">`
 * elements of a radio group or a checkbox list, and keeps each control's checkedness the way
 * `.checked=${live(...)}` would: written only when the control's live state differs, so a choice
 * the person just made is never fought.
 *
 * The elements are created with the DOM API rather than one template instance each: a form of 200
 * fields holds about a hundred choices, and a template instance per choice (its seven parts, its
 * markers) was half of a radio group's first render. Re-rendering with the same values keeps the
 * elements (only what changed is written); other values replace them.
 */
class ChoiceListDirective extends Directive {
  #choices: ChoiceNodes[] = [];

  render(_items: readonly ChoiceItem[], _options: ChoiceListOptions): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart, [items, options]: Parameters<this['render']>): unknown {
    const choices = this.#choices;
    // The controls themselves say what they are: the same list of the same kind is kept.
    const same =
      choices.length === items.length && items.every((item, i) => choices[i]!.input.type === options.type && choices[i]!.input.value === item.value);
    if (same) {
      items.forEach((item, i) => this.#apply(choices[i]!, item, i, options));
      return noChange;
    }
    const document = (part.parentNode as Node).ownerDocument ?? globalThis.document;
    const fragment = document.createDocumentFragment();
    this.#choices = items.map((item, i) => {
      const label = document.createElement('label');
      label.className = 'choice';
      label.setAttribute('part', 'choice');
      const input = document.createElement('input');
      input.setAttribute('part', 'choice-input');
      input.type = options.type;
      input.value = item.value;
      const span = document.createElement('span');
      span.className = 'choice-text';
      const text = document.createTextNode('');
      span.append(text);
      label.append(input, span);
      fragment.append(label);
      const nodes = { input, text };
      this.#apply(nodes, item, i, options);
      return nodes;
    });
    return fragment;
  }

  #apply({ input, text }: ChoiceNodes, item: ChoiceItem, index: number, options: ChoiceListOptions): void {
    const id = options.id(index);
    if (input.id !== id) input.id = id;
    const name = options.name(index);
    if (input.name !== name) input.name = name;
    if (input.checked !== item.checked) input.checked = item.checked;
    if (input.disabled !== options.disabled) input.disabled = options.disabled;
    if (options.invalid === undefined) {
      if (input.hasAttribute('aria-invalid')) input.removeAttribute('aria-invalid');
    } else if (input.getAttribute('aria-invalid') !== options.invalid) {
      input.setAttribute('aria-invalid', options.invalid);
    }
    if (text.data !== item.label) text.data = item.label;
  }
}

/**
 * The radio buttons or checkboxes of `items` in a child expression (see {@link ChoiceListDirective}).
 *
 * @example
 * html`<div part="choices">${choiceList(items, { type: 'radio', id: (i) => `c-${i}`, name: () => 'size', disabled: false, invalid: undefined })}</div>`
 */
export const choiceList = /*@__PURE__*/ directive(ChoiceListDirective);
