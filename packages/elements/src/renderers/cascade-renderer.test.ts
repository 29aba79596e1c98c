import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../intake-form/define.js';
import '../intake-field/define.js';
import type { IntakeField } from '../intake-field/intake-field.js';
import type { IntakeForm } from '../intake-form/intake-form.js';
import { deepActive, settle } from '../test-support/form-dom.js';

// Region and cascade fields, used with the keyboard only, in a form and alone in a native form.
// The region data file is loaded on demand (here the dev server's chunk of @intake/core/region-data).

// A new form id each time: a form keeps a draft of its values per id.
let forms = 0;
const regionForm = (extra: object = {}, locale = 'en') => ({
  id: `region-test-${++forms}`,
  locale,
  fields: [
    { type: 'text', name: 'company', label: { en: 'Company', 'zh-CN': '公司' } },
    { type: 'region', name: 'address', label: { en: 'Company address', 'zh-CN': '公司所在地区' }, required: true, ...extra },
  ],
});

async function mountForm(schema: object): Promise<IntakeForm> {
  const el = await fixture<IntakeForm>(html`<intake-form .schema=${schema}></intake-form>`);
  await waitUntil(() => el.controller, 'the form did not load');
  await settle(el);
  return el;
}

function fieldOf(el: IntakeForm, name: string): IntakeField {
  return el.shadowRoot!.querySelector<IntakeField>(`intake-field[name="${name}"]`)!;
}

const selectsOf = (field: IntakeField) => [...field.renderRoot.querySelectorAll<HTMLSelectElement>('select')];
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const labelsOf = (field: IntakeField) => selectsOf(field).map((select) => text(field.renderRoot.querySelector(`label[for="${select.id}"]`)));

/** Waits until the region field's province select is usable (the data file has loaded). */
async function provincesReady(field: IntakeField): Promise<void> {
  await waitUntil(() => selectsOf(field)[0] && !selectsOf(field)[0]!.disabled, 'the province list did not load', { timeout: 5000 });
  await field.updateComplete;
}

/**
 * Chooses the option labelled `label` of the focused select with the keyboard only, as a person
 * does on a closed native select: arrow keys move the choice (and fire input and change).
 */
async function choose(label: string): Promise<void> {
  const select = deepActive() as HTMLSelectElement;
  expect(select?.tagName, 'a select has the focus').to.equal('SELECT');
  const target = [...select.options].findIndex((option) => option.text === label);
  expect(target, `${label} is an option`).to.be.greaterThan(-1);
  const steps = target - select.selectedIndex;
  for (let i = 0; i < Math.abs(steps); i++) await sendKeys({ press: steps > 0 ? 'ArrowDown' : 'ArrowUp' });
  expect(select.options[select.selectedIndex]!.text).to.equal(label);
}

async function tab(el?: IntakeForm): Promise<void> {
  await sendKeys({ press: 'Tab' });
  if (el) await settle(el);
}

describe('region field in <intake-form>, keyboard only', () => {
  it('广东省 → 深圳市 → 南山区 and submit: the record holds the code and the names', async () => {
    const el = await mountForm(regionForm());
    const field = fieldOf(el, 'address');
    await provincesReady(field);
    expect(labelsOf(field)).to.deep.equal(['Province']);
    el.shadowRoot!.querySelector<HTMLElement>('intake-field[name="company"] input')!.focus();
    await sendKeys({ type: 'Acme' });
    await tab(el);
    await choose('广东省');
    await settle(el);
    expect(labelsOf(field)).to.deep.equal(['Province', 'City']);
    await tab(el);
    await choose('深圳市');
    await settle(el);
    expect(labelsOf(field)).to.deep.equal(['Province', 'City', 'District']);
    await tab(el);
    await choose('南山区');
    await settle(el);
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'intake-submit');
    await tab(el); // to Send
    await sendKeys({ press: 'Enter' });
    const event = await submitted;
    expect(JSON.stringify(event.detail.record.data['address'])).to.equal(JSON.stringify({ code: '440305', province: '广东省', city: '深圳市', district: '南山区' }));
  });

  it('上海市 → 浦东新区: the city reads 上海市 (never 市辖区), code 310115', async () => {
    const el = await mountForm(regionForm());
    const field = fieldOf(el, 'address');
    await provincesReady(field);
    selectsOf(field)[0]!.focus();
    await choose('上海市');
    await settle(el);
    expect([...selectsOf(field)[1]!.options].map((option) => option.text)).to.deep.equal(['Select a city', '上海市']);
    await tab(el);
    await choose('上海市');
    await settle(el);
    await tab(el);
    await choose('浦东新区');
    await settle(el);
    const submitted = oneEvent(el, 'intake-submit');
    await tab(el);
    await sendKeys({ press: 'Enter' });
    expect((await submitted).detail.record.data['address']).to.deep.equal({ code: '310115', province: '上海市', city: '上海市' , district: '浦东新区' });
  });

  it('levels: 2 stops at the city: the code padded to six digits, no district', async () => {
    const el = await mountForm(regionForm({ levels: 2 }));
    const field = fieldOf(el, 'address');
    await provincesReady(field);
    selectsOf(field)[0]!.focus();
    await choose('广东省');
    await settle(el);
    await tab(el);
    await choose('深圳市');
    await settle(el);
    expect(selectsOf(field)).to.have.length(2);
    const submitted = oneEvent(el, 'intake-submit');
    await tab(el);
    await sendKeys({ press: 'Enter' });
    const data = (await submitted).detail.record.data['address'];
    expect(JSON.stringify(data)).to.equal(JSON.stringify({ code: '440300', province: '广东省', city: '深圳市' }));
  });

  it('a changed parent clears and rebuilds the children', async () => {
    const el = await mountForm(regionForm());
    const field = fieldOf(el, 'address');
    await provincesReady(field);
    selectsOf(field)[0]!.focus();
    await choose('广东省');
    await settle(el);
    await tab(el);
    await choose('深圳市');
    await settle(el);
    await tab(el);
    await choose('南山区');
    await settle(el);
    expect(el.controller!.get('address')).to.equal('440305');
    selectsOf(field)[0]!.focus();
    await choose('浙江省');
    await settle(el);
    expect(el.controller!.get('address')).to.equal('330000');
    expect(selectsOf(field)).to.have.length(2);
    expect(selectsOf(field)[1]!.value).to.equal('');
    expect([...selectsOf(field)[1]!.options].map((option) => option.text)).to.include('杭州市').and.not.include('深圳市');
  });

  for (const locale of ['en', 'zh-CN']) {
    it(`${locale}: required with only a province is an error on the field and in the summary; axe clean empty, in error and filled`, async () => {
      const el = await mountForm(regionForm({}, locale));
      const field = fieldOf(el, 'address');
      await provincesReady(field);
      await expect(el).to.be.accessible();
      selectsOf(field)[0]!.focus();
      await choose('广东省');
      await settle(el);
      el.shadowRoot!.querySelector<HTMLElement>('[part~="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="error-summary"] a'), 'the error summary is shown');
      await settle(el);
      const expected = locale === 'en' ? 'Select the city for company address' : '请选择公司所在地区的城市';
      const summary = [...el.shadowRoot!.querySelectorAll('[part="error-summary"] a')].map(text);
      expect(summary).to.deep.equal([expected]);
      expect(text(field.renderRoot.querySelector('[part="error"]'))).to.include(expected);
      const errorId = field.renderRoot.querySelector('[part="error"]')!.id;
      for (const select of selectsOf(field)) {
        expect(select.getAttribute('aria-describedby')).to.include(errorId);
        expect(select.getAttribute('aria-invalid')).to.equal('true');
      }
      expect(labelsOf(field)).to.deep.equal(locale === 'en' ? ['Province', 'City'] : ['省份', '城市']);
      await expect(el).to.be.accessible();
      // The summary link takes the person to the first select still to choose: the city.
      el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="error-summary"] a')!.click();
      await settle(el);
      await waitUntil(() => deepActive() === selectsOf(field)[1], 'the city select has the focus');
      await choose('深圳市');
      await settle(el);
      await tab(el);
      await choose('福田区');
      await tab(el);
      await expect(el).to.be.accessible();
      expect(el.controller!.normalized('address')).to.deep.equal({ code: '440304', province: '广东省', city: '深圳市', district: '福田区' });
    });
  }

  it('cities with no district level and county-level units governed by the province are complete at the city', async () => {
    const el = await mountForm(regionForm());
    const field = fieldOf(el, 'address');
    await provincesReady(field);
    selectsOf(field)[0]!.focus();
    await choose('广东省');
    await settle(el);
    await tab(el);
    await choose('东莞市');
    await settle(el);
    expect(selectsOf(field)).to.have.length(2);
    expect(el.controller!.normalized('address')).to.deep.equal({ code: '441900', province: '广东省', city: '东莞市' });
    selectsOf(field)[0]!.focus();
    await choose('河南省');
    await settle(el);
    await tab(el);
    await choose('济源市');
    await settle(el);
    expect(el.controller!.normalized('address')).to.deep.equal({ code: '419001', province: '河南省', city: '济源市' });
  });
});

describe('<intake-field type="region"> alone in a native form', () => {
  it('gives FormData the code; validity and reset like every other type', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><intake-field type="region" name="address" label="Address" required></intake-field><button type="reset">Reset</button></form>`);
    const field = form.querySelector<IntakeField>('intake-field')!;
    // While the data loads the province select is disabled, never an empty usable control.
    const first = selectsOf(field)[0]!;
    if (first.disabled) expect(first.getAttribute('aria-busy')).to.equal('true');
    await provincesReady(field);
    expect(field.checkValidity()).to.equal(false);
    expect(field.validity.valueMissing).to.equal(true);
    selectsOf(field)[0]!.focus();
    await choose('广东省');
    await field.updateComplete;
    expect(field.checkValidity()).to.equal(false);
    expect(field.validity.valueMissing).to.equal(true);
    expect(field.validationMessage).to.equal('Select the city for address');
    await sendKeys({ press: 'Tab' });
    await field.updateComplete;
    await choose('深圳市');
    await field.updateComplete;
    await sendKeys({ press: 'Tab' });
    await field.updateComplete;
    await choose('南山区');
    await field.updateComplete;
    expect(field.checkValidity()).to.equal(true);
    expect(new FormData(form).get('address')).to.equal('440305');
    await expect(form).to.be.accessible();
    form.reset();
    await field.updateComplete;
    expect(new FormData(form).get('address')).to.equal(null);
    expect(selectsOf(field)).to.have.length(1);
    expect(selectsOf(field)[0]!.value).to.equal('');
  });

  it('a default value (attribute value) shows its levels chosen', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><intake-field type="region" name="address" label="Address" levels="2" value="310100"></intake-field></form>`);
    const field = form.querySelector<IntakeField>('intake-field')!;
    await provincesReady(field);
    await waitUntil(() => selectsOf(field).length === 2);
    expect(selectsOf(field).map((select) => select.value)).to.deep.equal(['310000', '310100']);
    expect(new FormData(form).get('address')).to.equal('310100');
  });
});

describe('cascade field', () => {
  const options = [
    { value: 'C', label: { en: 'Manufacturing', 'zh-CN': '制造业' }, children: [{ value: '13', label: { en: 'Food processing', 'zh-CN': '农副食品加工业' } }, { value: '39', label: { en: 'Electronics', 'zh-CN': '计算机、通信和其他电子设备制造业' } }] },
    { value: 'I', label: { en: 'IT services', 'zh-CN': '信息传输、软件和信息技术服务业' }, children: [{ value: '65', label: { en: 'Software', 'zh-CN': '软件和信息技术服务业' } }] },
  ];
  const levelLabels = [{ en: 'Section', 'zh-CN': '门类' }, { en: 'Division', 'zh-CN': '大类' }];

  it('lone, with options as a property: level labels, the leaf value in FormData, partial is an error', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><intake-field type="cascade" name="industry" label="Industry" .options=${options} .levelLabels=${levelLabels}></intake-field></form>`);
    const field = form.querySelector<IntakeField>('intake-field')!;
    await field.updateComplete;
    expect(labelsOf(field)).to.deep.equal(['Section']);
    selectsOf(field)[0]!.focus();
    await choose('Manufacturing');
    await field.updateComplete;
    expect(labelsOf(field)).to.deep.equal(['Section', 'Division']);
    // Optional, but a section alone is not an answer: the division is asked for.
    expect(field.checkValidity()).to.equal(false);
    expect(field.validationMessage).to.equal('Select the division for industry');
    await sendKeys({ press: 'Tab' });
    await choose('Electronics');
    await field.updateComplete;
    expect(field.checkValidity()).to.equal(true);
    expect(new FormData(form).get('industry')).to.equal('39');
    await expect(form).to.be.accessible();
  });

  it('zh-CN in a form: labels, placeholders and the record value', async () => {
    const el = await mountForm({ id: 'c', locale: 'zh-CN', fields: [{ type: 'cascade', name: 'industry', label: { en: 'Industry', 'zh-CN': '所属行业' }, required: true, options, levelLabels }] });
    const field = fieldOf(el, 'industry');
    selectsOf(field)[0]!.focus();
    await choose('信息传输、软件和信息技术服务业');
    await settle(el);
    expect(labelsOf(field)).to.deep.equal(['门类', '大类']);
    expect(selectsOf(field)[1]!.options[0]!.text).to.equal('请选择…');
    await tab(el);
    await choose('软件和信息技术服务业');
    await settle(el);
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'intake-submit');
    await tab(el);
    await sendKeys({ press: 'Enter' });
    expect((await submitted).detail.record.data['industry']).to.equal('65');
    await aTimeout(0);
  });
});
