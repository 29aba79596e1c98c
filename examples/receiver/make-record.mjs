// Prints a fresh, valid record of a preset form, made the way the browser makes it:
//   node make-record.mjs contact > record.json
//   node make-record.mjs crm-lead --format form     (the url-encoded body instead of JSON)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createIntake, encodeRecord, parseForm, useRegionData } from '@intake/core';
import { regionData } from '@intake/core/region-data';

useRegionData(regionData); // a region value is checked against the divisions, as the receiver does

const samples = {
  contact: { name: 'Jane Doe', email: 'jane.doe@example.com', topic: 'sales', message: 'Please call me back about pricing.', privacy: true },
  'crm-lead': {
    company: '上海示例科技有限公司', industry: '39', region: '310115', contactName: '王伟', phone: '139 1234 5678', email: 'wang.wei@example.com',
    coreNeed: '希望统一管理展会和官网获取的客户线索，提升销售跟进效率。', urgency: 'immediate', sourceChannel: 'expo',
    sourceDetail: '2026 上海工博会', interests: ['demo', 'pricing'], isDecisionMaker: true, decisionScope: ['budget-approval'],
    budget: '100k-500k', expectedUsers: 50, privacy: true,
  },
};

const name = process.argv[2] ?? 'contact';
const format = process.argv.includes('--format') ? process.argv[process.argv.indexOf('--format') + 1] : 'json';
if (!samples[name]) throw new Error(`Unknown form "${name}": use ${Object.keys(samples).join(' or ')}`);
const parsed = parseForm(await readFile(fileURLToPath(import.meta.resolve(`@intake/core/presets/${name}.json`)), 'utf8'));
if (!parsed.ok) throw new Error(`The ${name} preset is invalid`);

let now = Date.now() - 30_000; // as if the person took 30 s to fill it in (the receiver drops fills under 1.5 s)
const intake = createIntake(parsed.form, { context: { url: 'https://www.example.com/expo?utm_source=expo&utm_medium=qr', referrer: '' }, now: () => now });
intake.setValues(samples[name]);
now += 30_000;
const record = await intake.toRecord();
process.stdout.write(format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : `${encodeRecord(record, format).body}\n`);
