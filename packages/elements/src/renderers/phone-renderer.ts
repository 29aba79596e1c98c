import type { Field } from '@intake/core';
import type { TemplateResult } from 'lit';
import { loadPhoneEngine } from '../data/load-data.js';
import { PhoneControl } from '../phone-control/phone-control.js';
import { labelledControl, type FieldRenderer, type FieldView } from './field-view.js';

type PhoneField = Extract<Field, { type: 'phone' }>;

/**
 * Phone fields: the phone widget (`PhoneControl`, one per field element) in a labelled wrapper.
 * The first phone field drawn starts loading the full phone engine where the build left it out.
 */
export const phoneRenderer: FieldRenderer<PhoneField, PhoneControl> = {
  render: (view: FieldView<PhoneField, PhoneControl>): TemplateResult => labelledControl(view, view.state.render(view)),
  input: (control, event, input) => input.state.input(control, event, input),
  change: (control, _event, input) => input.state.change(control, input),
  reach: (control, _event, input) => input.state.reach(control, input),
  newState: () => {
    void loadPhoneEngine();
    return new PhoneControl();
  },
  clear(_root, state, reset) {
    if (reset) state.reset();
  },
};
