import type { Form, Intake } from '@intake/core';
import { noChange, nothing, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/** The `<intake-field>` properties the list sets. */
interface BoundField extends HTMLElement {
  intake: Intake | undefined;
}

/**
 * Renders one `<intake-field>` per name, bound to `intake` (`.intake=${intake} name=${name}
 * theme=${theme}`), keyed by name: a field that stays in the list keeps its element.
 *
 * The elements are made with the DOM API and the new ones inserted in one go, rather than one
 * template instance each: a form renders hundreds of fields on load, and a template instance per
 * field (its parts, its two marker comments) was a quarter of the form's own render. Each element
 * gets its controller before it connects, so it renders into itself (see `IntakeField`).
 */
class FieldListDirective extends Directive {
  #intake: Intake | undefined;
  #elements = new Map<string, BoundField>();
  #names: readonly string[] | undefined;
  #theme: string | undefined;

  render(_intake: Intake, _names: readonly string[], _theme: string | undefined): typeof nothing {
    return nothing;
  }

  override update(part: ChildPart, [intake, names, theme]: Parameters<this['render']>): unknown {
    // The same list as last time (the form re-rendered for something else, e.g. its error summary): nothing to do.
    if (intake === this.#intake && names === this.#names && theme === this.#theme) return noChange;
    this.#names = names;
    this.#theme = theme;
    // Fields of another controller are other fields, whatever their names.
    const previous = intake === this.#intake ? this.#elements : new Map<string, BoundField>();
    this.#intake = intake;
    const parent = part.parentNode as Node;
    const document = parent.ownerDocument ?? globalThis.document;
    const elements = new Map<string, BoundField>();
    for (const name of names) {
      let element = previous.get(name);
      if (!element) {
        element = document.createElement('intake-field') as BoundField;
        element.intake = intake;
        element.setAttribute('name', name);
      }
      if (theme === undefined) {
        if (element.hasAttribute('theme')) element.removeAttribute('theme');
      } else if (element.getAttribute('theme') !== theme) {
        element.setAttribute('theme', theme);
      }
      elements.set(name, element);
    }
    this.#elements = elements;

    // Bring the nodes between the part's markers in line with the list.
    const start = part.startNode as Node;
    const end = part.endNode;
    const wanted = new Set<Node>(elements.values());
    for (let node = start.nextSibling; node && node !== end; ) {
      const next = node.nextSibling;
      if (!wanted.has(node)) parent.removeChild(node);
      node = next;
    }
    let cursor = start.nextSibling;
    const added = document.createDocumentFragment();
    for (const element of elements.values()) {
      if (element === cursor) {
        cursor = cursor.nextSibling;
      } else if (element.parentNode === parent) {
        parent.insertBefore(element, cursor);
      } else {
        // New elements (all of them on the first render) go in together, in order.
        added.append(element);
        if (cursor === end) continue;
        parent.insertBefore(added, cursor);
      }
    }
    if (added.firstChild) parent.insertBefore(added, end);
    return noChange;
  }
}

/**
 * One `<intake-field>` per name, bound to `intake`, in a child expression (see
 * {@link FieldListDirective}).
 *
 * @example
 * html`<div part="fields">${fieldList(intake, ['name', 'email'], this.theme)}</div>`
 */
export const fieldList = /*@__PURE__*/ directive(FieldListDirective);

const shownNames = new WeakMap<Form, readonly string[]>();

/**
 * The names of a form's fields but the hidden ones, in order: the same array for the same form,
 * so that the field list sees nothing to do when the form renders again for something else.
 */
export function shownFieldNames(form: Form): readonly string[] {
  let names = shownNames.get(form);
  if (!names) shownNames.set(form, (names = form.fields.filter((field) => field.type !== 'hidden').map((field) => field.name)));
  return names;
}
