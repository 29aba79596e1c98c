import crmLead from '../../presets/crm-lead.json' with { type: 'json' };
import { createIntake } from '../create-intake.js';
import { parseForm } from '../parse-form.js';
import type { IntakeRecord } from '../record/record.js';
import type { Form } from '../schema/types.js';
import { useRegionData } from '../region/current-region-data.js';
import { regionData } from '../region/region-data-module.js';

useRegionData(regionData);

const parsed = parseForm(crmLead);
if (!parsed.ok) throw new Error('the crm-lead preset is invalid');

/** The `crm-lead` preset, parsed (tests only). */
export const crmLeadForm: Form = parsed.form;

/** A valid, complete record of the `crm-lead` preset, built by the controller (tests only). */
export async function crmLeadRecord(url = 'https://example.com/?utm_source=expo'): Promise<IntakeRecord> {
  const intake = createIntake(crmLeadForm, { context: { url, referrer: '' } });
  intake.setValues({
    company: 'Acme',
    industry: '39',
    region: '440305',
    contactName: 'Wang Wei',
    phone: '13912345678',
    email: 'wang@example.com',
    coreNeed: 'We need better lead capture at trade shows.',
    urgency: 'immediate',
    sourceChannel: 'expo',
    isDecisionMaker: true,
    decisionScope: ['final-sign-off'],
    budget: 'gt-1m',
    privacy: true,
  });
  return intake.toRecord();
}
