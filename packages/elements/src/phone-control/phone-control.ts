/**
 * The phone control on its own: a calling-code selector and a national number input drawn as one
 * widget, whose value the core composes and normalizes to E.164 (docs/schema.md). The phone
 * renderer uses it; it holds no rule about numbers.
 * @module
 */
import { composePhoneInput, formatPhoneInput, phoneCountryOptions, splitPhoneValue, takeCallingCode, type Field, type PhoneCountryOption } from '@intake/core';
import { html, type nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { optionList, type OptionItem } from '../directives/option-list.js';
import type { UiMessages } from '../i18n/ui-messages.js';
import { regionName } from './region-names.js';

type PhoneField = Extract<Field, { type: 'phone' }>;

/** Full-width digits, `+`, `-`, brackets and the ideographic space, which a phone number holds as ASCII. */
const fullWidth = /[\uff08\uff09\uff0b\uff0d\uff10-\uff19\u3000]/g;

/** What the widget is drawn from (a renderer's view of a phone field has all of it). */
export interface PhoneView {
  readonly field: PhoneField;
  readonly raw: unknown;
  readonly ids: { readonly control: string };
  readonly locale: string;
  readonly ui: UiMessages;
  readonly error: string | undefined;
  readonly required: boolean;
  readonly describedBy: string | typeof nothing;
  readonly placeholder: string | typeof nothing;
  readonly disabled: boolean;
  /** Whether the field is inside `<intake-form>` (see `render`). */
  readonly bound: boolean;
  readonly requestUpdate: () => void;
}

/** What the widget's event handlers work with (a renderer's input of a phone field has all of it). */
export interface PhoneInput {
  readonly field: PhoneField;
  readonly bound: boolean;
  /** Writes the raw value the country and the number make. */
  set(value: unknown): void;
  /** Renders the field now (before the country picker opens). */
  renderNow(): void;
}

/**
 * The phone widget of one field: a country calling code selector and a national number input,
 * whose raw value is composed from both (`composePhoneInput` of the core; the normalized value is
 * E.164, see docs/schema.md). It keeps what the person chose and typed between renders, formats
 * the number as it is typed (at the end of the text, not while deleting), and follows a calling
 * code typed with the number.
 */
export class PhoneControl {
  /** The country chosen, the national number as typed, and the raw value they make. */
  #country = '';
  #text = '';
  #composed: string | undefined;
  /** Whether the country selector lists every country yet (see `render`). */
  #allCountries = false;
  #allCountriesScheduled = false;
  #requestUpdate: (() => void) | undefined;

  /** The selector's options as last built, and what they were built from. */
  #built: { readonly from: readonly unknown[]; readonly items: readonly OptionItem[] } | undefined;

  /**
   * The selector's options: the same list as the last render's while nothing they show changed
   * (a field re-rendered for its error does not name 240 countries again).
   */
  #items(from: readonly unknown[], options: () => readonly PhoneCountryOption[], empty: boolean, view: PhoneView): readonly OptionItem[] {
    const built = this.#built;
    if (built && from.every((part, i) => part === built.from[i])) return built.items;
    let named = true;
    const items = [
      ...(empty ? [{ value: '', label: '+' }] : []),
      ...options().map((option) => {
        const name = regionName(option.country, view.locale, view.requestUpdate);
        named &&= name !== undefined;
        return { value: option.country, label: `${name ?? option.country} +${option.callingCode}` };
      }),
    ];
    // Kept only once the names are in: until then the codes stand in for them.
    this.#built = named ? { from, items } : undefined;
    return items;
  }

  /** Forgets the split of the value, so the next render splits the raw value again (the form was reset). */
  reset(): void {
    this.#composed = undefined;
  }

  render(view: PhoneView): TemplateResult {
    const { field } = view;
    const raw = typeof view.raw === 'string' ? view.raw : view.raw === undefined || view.raw === null ? '' : String(view.raw);
    this.#requestUpdate = view.requestUpdate;
    if (this.#composed !== raw) {
      const parts = splitPhoneValue(raw, field.defaultCountry ?? field.countries?.[0]);
      this.#country = parts.country;
      this.#text = parts.national;
      this.#composed = raw;
    }
    const country = this.#country;
    // In a form, the country selector first holds only the chosen country: a form of many phone
    // fields would otherwise start with hundreds of options to create and lay out. The others come
    // when the page is idle, or as soon as the selector is focused or pressed, whichever is first.
    const few = view.bound && !this.#allCountries;
    if (few) this.#scheduleAllCountries();
    const items = this.#items([field, few && country, country === '', view.locale], () => {
      if (!few) return phoneCountryOptions(field.countries, field.defaultCountry);
      // Only the chosen country's option is made (not the list of every country, filtered).
      const allowed = country !== '' && (!field.countries || field.countries.includes(country));
      const chosen = allowed ? phoneCountryOptions([country]) : [];
      // With no option chosen, a selector shows its first one.
      return chosen.length > 0 || country === '' ? chosen : phoneCountryOptions(field.countries, field.defaultCountry).slice(0, 1);
    }, country === '', view);
    return html`<div class="phone"
      ><span class="select"
        ><select part="country-select" aria-label=${view.ui.countryCode} autocomplete="tel-country-code" ?disabled=${view.disabled}
        >${optionList(items, country)}</select
      ></span
      ><input id=${view.ids.control} part="input" name=${field.name} type="tel" autocomplete=${field.autocomplete ?? 'tel-national'}
        .value=${live(this.#text)} placeholder=${view.placeholder} aria-describedby=${view.describedBy} aria-invalid=${view.error ? 'true' : 'false'}
        aria-required=${view.required ? 'true' : 'false'} ?disabled=${view.disabled} /></div
    >`;
  }

  /** The person chose a country or typed in the number input. */
  input(control: HTMLInputElement, event: Event, input: PhoneInput): void {
    if (control.localName === 'select') {
      this.#update(control.value, this.#text, input);
      return;
    }
    // Full-width digits and signs (a Chinese IME's １３９、＋、（）) show as the ASCII the number is
    // stored in; each is one UTF-16 unit either way, so the caret stays where it was.
    const ascii = control.value.replace(fullWidth, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)));
    if (ascii !== control.value) {
      const caret = control.selectionStart;
      control.value = ascii;
      if (caret !== null) control.setSelectionRange(caret, caret);
    }
    const atEnd = control.selectionStart === control.value.length;
    const deleting = (event as InputEvent).inputType?.startsWith('delete');
    // The calling code is shown once, in the selector: a whole code typed or pasted at the start
    // moves there as soon as it is complete (`+44` → United Kingdom +44, the text keeps `7700…`).
    const taken = atEnd && !deleting ? takeCallingCode(control.value, this.#country || undefined, input.field.countries) : undefined;
    if (taken) {
      this.#showAllCountries();
      control.value = formatPhoneInput(taken.national, taken.country);
      this.#update(taken.country, control.value, input);
      return;
    }
    const formatted = atEnd && !deleting ? formatPhoneInput(control.value, this.#country || undefined) : control.value;
    if (formatted !== control.value) control.value = formatted;
    this.#update(this.#country, formatted, input);
  }

  /**
   * When the person leaves the input: a number still holding its calling code (`+44 7700 900123`
   * edited in the middle) moves it to the selector, and a number of another country of the same
   * calling code (`+1 242…` under United States) moves the selector to that country (Bahamas), the
   * text as it is. A country outside the field's `countries` stays as typed, for the core to explain.
   */
  change(control: HTMLElement, input: PhoneInput): void {
    if (control.localName !== 'input') return;
    const text = this.#text.normalize('NFKC').trim();
    const international = text.startsWith('+') || text.startsWith('00');
    const parts = splitPhoneValue(international ? text : (this.#composed ?? ''), undefined);
    const countries = input.field.countries;
    if (!parts.country || (!international && parts.country === this.#country) || (countries && !countries.includes(parts.country))) return;
    this.#showAllCountries();
    this.#update(parts.country, international ? parts.national : this.#text, input);
  }

  /** Lists every country before a person reaches the country selector (the picker opens after `pointerdown`). */
  reach(control: HTMLElement, input: PhoneInput): void {
    if (this.#allCountries || !input.bound || control.getAttribute?.('part') !== 'country-select') return;
    this.#showAllCountries();
    input.renderNow();
  }

  #update(country: string, typed: string, input: PhoneInput): void {
    this.#country = country;
    this.#text = typed;
    this.#composed = composePhoneInput(country || undefined, typed);
    input.set(this.#composed);
  }

  #scheduleAllCountries(): void {
    if (this.#allCountriesScheduled) return;
    this.#allCountriesScheduled = true;
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(this.#showAllCountries, { timeout: 2000 });
    else setTimeout(this.#showAllCountries, 200);
  }

  readonly #showAllCountries = () => {
    if (this.#allCountries) return;
    this.#allCountries = true;
    this.#requestUpdate?.();
  };
}
