// The main job, until the elements land: shows @intake/core end to end on the presets.
// Checks each preset, fills it the way a person types (full-width digits, stray spaces, capitals),
// shows the localized errors of an incomplete submission, then prints the normalized record.
import { readFile } from 'node:fs/promises';
import { createIntake, formatSchemaIssues, parseForm, validateRecord } from '@intake/core';

const presets = new URL('../packages/core/presets/', import.meta.url);

async function load(name) {
  const parsed = parseForm(await readFile(new URL(`${name}.json`, presets), 'utf8'));
  if (!parsed.ok) {
    console.error(`✗ preset ${name} is invalid:\n${formatSchemaIssues(parsed.issues)}`);
    process.exit(1);
  }
  console.log(`✓ preset ${name}: ${parsed.form.fields.length} fields, ${parsed.form.steps?.length ?? 0} steps`);
  return parsed.form;
}

const crmLead = await load('crm-lead');
await load('contact');

const intake = createIntake(crmLead, {
  locale: 'zh-CN',
  context: { url: 'https://example.com/expo?utm_source=expo&utm_medium=qr&rep=wang.wei', referrer: '' },
});

console.log('\nAn incomplete submission gets localized errors (zh-CN):');
intake.setValues({ company: '  上海示例机械  有限公司 ', phone: '１３９ 1234-567' });
for (const [name, message] of Object.entries(intake.validate().errors)) console.log(`  ${name}: ${message}`);

intake.setValues({
  phone: '１３９ 1234-5678',
  email: ' Wang.Wei@Example.COM ',
  industry: 'C',
  contactName: '王伟',
  coreNeed: '展会现场收集的线索需要统一录入 CRM，并自动去重。',
  urgency: 'immediate',
  budget: '100k-500k',
  sourceChannel: 'expo',
  sourceDetail: '2026 上海工博会',
  firstContactDate: '2026年11月23日',
  isDecisionMaker: true,
  decisionScope: ['final-sign-off', 'budget-approval'],
  expectedUsers: '１,２００',
  privacy: true,
});

const record = await intake.toRecord();
console.log('\nThe normalized record a webhook receives:');
console.log(JSON.stringify(record, null, 2));
const issues = validateRecord(crmLead, JSON.parse(JSON.stringify(record)));
console.log(issues.length === 0 ? '\n✓ validateRecord: the receiver-side re-check accepts it' : issues);
