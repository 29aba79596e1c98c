import { fieldTypes, type CascadeOption, type FieldType, type Option } from '@intake/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { fn } from 'storybook/test';
import type { IntakeField } from '../packages/elements/src/intake-field/intake-field.js';

type Locale = 'en' | 'zh-CN';

/** The story's arguments: the element's attributes (kebab-case, as in HTML), plus event spies. */
interface FieldArgs {
  type: FieldType;
  name: string;
  label: string;
  help: string;
  placeholder: string;
  required: boolean;
  disabled: boolean;
  /** The `value` attribute: the default value (checkboxes: comma-separated; boolean and consent: `true`). */
  value: string;
  locale: Locale;
  theme: 'auto' | 'light' | 'dark';
  'default-country': string;
  countries: string;
  min: string;
  max: string;
  step: number | undefined;
  integer: boolean;
  'min-length': number | undefined;
  'max-length': number | undefined;
  pattern: string;
  version: string;
  autocomplete: string;
  /** Region: 3 (province, city, district) or 2 (province, city). */
  levels: number | undefined;
  /** Cascade: the label of each level's select, comma-separated. */
  'level-labels': string;
  /** The `options` property (select, radio, checkboxes; a cascade's tree). */
  options: readonly Option[] | readonly CascadeOption[] | undefined;
  /** Not an attribute: the raw value the Error state sets (as the `value` property) before `reportValidity()`. */
  invalidValue: unknown;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
}

/** Arguments some stories add: not attributes of the element. */
interface StoryArgs extends FieldArgs {
  /** All-types stories: show every field in its Error state. */
  showErrors: boolean;
  /** Native-form stories: the submitted `FormData`, as an object. */
  onSubmit: (data: Record<string, string[]>) => void;
}

type Story = StoryObj<StoryArgs>;

// ---------------------------------------------------------------------------------------------
// Sample definitions: one realistic field of every type, in English and Chinese.

interface Localized {
  readonly en: string;
  readonly 'zh-CN': string;
}

interface LocalizedOption {
  readonly value: string;
  readonly label: Localized;
  readonly children?: readonly LocalizedOption[];
}

interface Sample {
  readonly label: Localized;
  readonly help?: Localized;
  readonly placeholder?: Localized;
  readonly options?: readonly LocalizedOption[];
  /** Type-specific attributes. */
  readonly attributes?: Partial<FieldArgs>;
  /** The Filled state, as the `value` attribute. */
  readonly value: string;
  /** The Error state: a raw value (the `value` property) that the core rejects; the field is required. */
  readonly invalidValue: unknown;
}

const samples: Record<FieldType, Sample> = {
  text: {
    label: { en: 'Order reference', 'zh-CN': '订单编号' },
    help: { en: 'Two capital letters and six digits, like AB123456.', 'zh-CN': '两个大写字母加六位数字，如 AB123456。' },
    placeholder: { en: 'AB123456', 'zh-CN': 'AB123456' },
    attributes: { pattern: '[A-Z]{2}[0-9]{6}', 'max-length': 8 },
    value: 'QX204816',
    invalidValue: '12-3456',
  },
  textarea: {
    label: { en: 'Message', 'zh-CN': '留言内容' },
    help: { en: 'At least 10 characters.', 'zh-CN': '不少于 10 个字。' },
    placeholder: { en: 'How can we help?', 'zh-CN': '请问有什么可以帮您？' },
    attributes: { 'min-length': 10, 'max-length': 60 },
    value: 'Please call me back about the annual plan.',
    invalidValue: 'Hi there',
  },
  email: {
    label: { en: 'Work email', 'zh-CN': '工作邮箱' },
    placeholder: { en: 'name@company.com', 'zh-CN': 'name@company.com' },
    value: 'Jane.Doe@Example.COM',
    invalidValue: 'jane@example',
  },
  phone: {
    label: { en: 'Mobile number', 'zh-CN': '手机号码' },
    help: {
      en: 'For numbers outside the US, choose the country or type the + code.',
      'zh-CN': '美国以外的号码请选择国家或地区，或输入 + 区号。',
    },
    attributes: { 'default-country': 'US', countries: 'US,CA,GB,CN,HK,SG' },
    value: '+14155552671',
    invalidValue: '415 555',
  },
  number: {
    label: { en: 'Number of employees', 'zh-CN': '员工人数' },
    help: { en: 'A whole number from 1 to 100,000.', 'zh-CN': '1 至 100000 之间的整数。' },
    attributes: { min: '1', max: '100000', integer: true },
    value: '250',
    invalidValue: '12.5',
  },
  date: {
    label: { en: 'Preferred start date', 'zh-CN': '期望开始日期' },
    help: { en: 'Between 1 January 2024 and 31 December 2030.', 'zh-CN': '2024 年 1 月 1 日至 2030 年 12 月 31 日之间。' },
    attributes: { min: '2024-01-01', max: '2030-12-31' },
    value: '2026-03-15',
    invalidValue: '2019-06-30',
  },
  select: {
    label: { en: 'Industry', 'zh-CN': '所属行业' },
    placeholder: { en: 'Select an industry', 'zh-CN': '请选择所属行业' },
    options: [
      { value: 'manufacturing', label: { en: 'Manufacturing', 'zh-CN': '制造业' } },
      { value: 'finance', label: { en: 'Finance', 'zh-CN': '金融业' } },
      { value: 'it', label: { en: 'Software and IT services', 'zh-CN': '信息技术服务业' } },
      { value: 'education', label: { en: 'Education', 'zh-CN': '教育' } },
      { value: 'other', label: { en: 'Other', 'zh-CN': '其他' } },
    ],
    value: 'finance',
    invalidValue: '',
  },
  radio: {
    label: { en: 'Preferred contact method', 'zh-CN': '首选联系方式' },
    options: [
      { value: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
      { value: 'email', label: { en: 'Email', 'zh-CN': '邮件' } },
      { value: 'wechat', label: { en: 'WeChat', 'zh-CN': '微信' } },
    ],
    value: 'email',
    invalidValue: '',
  },
  checkboxes: {
    label: { en: 'Interests', 'zh-CN': '感兴趣的服务' },
    help: { en: 'Select 2 or 3.', 'zh-CN': '请选择 2～3 项。' },
    options: [
      { value: 'demo', label: { en: 'Product demo', 'zh-CN': '产品演示' } },
      { value: 'pricing', label: { en: 'Pricing and quote', 'zh-CN': '报价方案' } },
      { value: 'trial', label: { en: 'Free trial', 'zh-CN': '免费试用' } },
      { value: 'consulting', label: { en: 'Solution consulting', 'zh-CN': '解决方案咨询' } },
    ],
    attributes: { min: '2', max: '3' },
    value: 'demo,trial',
    invalidValue: ['pricing'],
  },
  boolean: {
    label: { en: 'The contact is a decision maker', 'zh-CN': '该联系人是采购决策人' },
    help: { en: 'Tick if the contact takes part in the purchase decision.', 'zh-CN': '如联系人参与本次采购决策，请勾选。' },
    value: 'true',
    invalidValue: null,
  },
  consent: {
    label: {
      en: 'I have read and agree to the Privacy Policy.',
      'zh-CN': '我已阅读并同意《隐私政策》。',
    },
    attributes: { version: '2026-01' },
    value: 'true',
    invalidValue: false,
  },
  hidden: {
    label: { en: 'Campaign', 'zh-CN': '推广活动' },
    value: 'spring-expo-2026',
    invalidValue: '',
  },
  cascade: {
    label: { en: 'Industry', 'zh-CN': '所属行业' },
    help: { en: 'The section, then the division (GB/T 4754-2017).', 'zh-CN': '先选门类，再选大类（GB/T 4754-2017）。' },
    options: [
      {
        value: 'C',
        label: { en: 'Manufacturing', 'zh-CN': '制造业' },
        children: [
          { value: '13', label: { en: 'Processing of food from agricultural products', 'zh-CN': '农副食品加工业' } },
          { value: '39', label: { en: 'Manufacture of computers, communication and other electronic equipment', 'zh-CN': '计算机、通信和其他电子设备制造业' } },
        ],
      },
      {
        value: 'I',
        label: { en: 'Information transmission, software and IT services', 'zh-CN': '信息传输、软件和信息技术服务业' },
        children: [{ value: '65', label: { en: 'Software and information technology services', 'zh-CN': '软件和信息技术服务业' } }],
      },
    ],
    attributes: { 'level-labels': 'Section, Division' },
    value: '39',
    invalidValue: 'C',
  },
  region: {
    label: { en: 'Company address', 'zh-CN': '公司所在地区' },
    help: { en: 'Province, city and district.', 'zh-CN': '请选择省份、城市和区县。' },
    value: '440305',
    invalidValue: '440000',
  },
};

/** A sample's options in one locale (a cascade's tree kept). */
function localizeOptions(options: readonly LocalizedOption[], locale: Locale): CascadeOption[] {
  return options.map((option) => ({ value: option.value, label: option.label[locale], ...(option.children ? { children: localizeOptions(option.children, locale) } : {}) }));
}

const empty: StoryArgs = {
  type: 'text',
  name: '',
  label: '',
  help: '',
  placeholder: '',
  required: false,
  disabled: false,
  value: '',
  locale: 'en',
  theme: 'auto',
  'default-country': '',
  countries: '',
  min: '',
  max: '',
  step: undefined,
  integer: false,
  'min-length': undefined,
  'max-length': undefined,
  pattern: '',
  version: '',
  autocomplete: '',
  levels: undefined,
  'level-labels': '',
  options: undefined,
  invalidValue: undefined,
  onInput: () => {},
  onChange: () => {},
  showErrors: false,
  onSubmit: () => {},
};

/** The args of the sample field of a type, in a locale. */
function sampleArgs(type: FieldType, locale: Locale): Partial<FieldArgs> {
  const sample = samples[type];
  return {
    type,
    name: type,
    label: sample.label[locale],
    help: sample.help?.[locale] ?? '',
    placeholder: sample.placeholder?.[locale] ?? '',
    options: sample.options && localizeOptions(sample.options, locale),
    value: sample.value,
    invalidValue: sample.invalidValue,
    locale,
    'default-country': '',
    countries: '',
    min: '',
    max: '',
    step: undefined,
    integer: false,
    'min-length': undefined,
    'max-length': undefined,
    pattern: '',
    version: '',
    levels: undefined,
    'level-labels': '',
    ...sample.attributes,
    ...(type === 'cascade' && locale === 'zh-CN' ? { 'level-labels': '门类, 大类' } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Rendering.

const attr = (value: string | number | undefined) => (value === undefined || value === '' ? nothing : value);

/** One `<intake-field>` from args. `value` is the attribute (the default value), never the property. */
function renderField(args: FieldArgs): TemplateResult {
  return html`<intake-field
    type=${args.type}
    name=${attr(args.name)}
    label=${attr(args.label)}
    help=${attr(args.help)}
    placeholder=${attr(args.placeholder)}
    ?required=${args.required}
    ?disabled=${args.disabled}
    value=${attr(args.value)}
    locale=${attr(args.locale)}
    theme=${args.theme === 'auto' ? nothing : args.theme}
    default-country=${attr(args['default-country'])}
    countries=${attr(args.countries)}
    min=${attr(args.min)}
    max=${attr(args.max)}
    step=${attr(args.step)}
    ?integer=${args.integer}
    min-length=${attr(args['min-length'])}
    max-length=${attr(args['max-length'])}
    pattern=${attr(args.pattern)}
    version=${attr(args.version)}
    autocomplete=${attr(args.autocomplete)}
    levels=${attr(args.levels)}
    level-labels=${attr(args['level-labels'])}
    .options=${args.options}
    @input=${args.onInput}
    @change=${args.onChange}
  ></intake-field>`;
}

type State = 'optional' | 'required' | 'filled' | 'error' | 'disabled';

const stateCaptions: Record<State, string> = {
  optional: 'Empty, optional',
  required: 'Empty, required',
  filled: 'Filled (value attribute)',
  error: 'Error (value property + reportValidity())',
  disabled: 'Disabled, filled',
};

/** The args of one state: Empty states drop the value; Error is required and gets its value in `play`. */
function stateArgs(args: FieldArgs, state: State): FieldArgs {
  switch (state) {
    case 'optional':
      return { ...args, required: false, disabled: false, value: '' };
    case 'required':
      return { ...args, required: true, disabled: false, value: '' };
    case 'filled':
      return { ...args, disabled: false };
    case 'error':
      return { ...args, required: true, disabled: false, value: '' };
    case 'disabled':
      return { ...args, disabled: true };
  }
}

const layout = html`<style>
  .stories-grid {
    display: grid;
    gap: 1.5rem 2rem;
    grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr));
    align-items: start;
  }
  .stories-grid + .stories-grid,
  .stories-heading + .stories-grid {
    margin-top: 1rem;
  }
  .stories-cell {
    margin: 0;
    min-width: 0;
  }
  .stories-caption,
  .stories-heading {
    margin: 0 0 0.5rem;
    font: 600 0.75rem/1.4 system-ui, sans-serif;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: #555b66;
  }
  .stories-heading {
    margin-top: 2rem;
    font-size: 0.875rem;
  }
  .stories-readout {
    display: block;
    margin-top: 0.5rem;
    font: 0.75rem/1.4 ui-monospace, monospace;
    color: #555b66;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .stories-dark .stories-caption,
  .stories-dark .stories-heading,
  .stories-dark .stories-readout,
  .stories-dark .stories-form-data {
    color: #a9afba;
  }
  .stories-form {
    display: grid;
    gap: 1.25rem;
    max-width: 36rem;
  }
  .stories-form fieldset {
    display: grid;
    gap: 1.25rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .stories-actions {
    display: flex;
    gap: 0.75rem;
  }
  .stories-actions button {
    min-height: 2.75rem;
    padding: 0 1.25rem;
    font: inherit;
  }
  .stories-form-data {
    max-width: 36rem;
    margin-top: 1.5rem;
    padding: 1rem;
    background: #f4f6f9;
    border-radius: 6px;
    font: 0.875rem/1.5 ui-monospace, monospace;
    white-space: pre-wrap;
  }
</style>`;

/** A captioned cell: the field and a readout of its value, normalized value and validity (filled in by `play`). */
function cell(caption: string, args: FieldArgs, state?: State): TemplateResult {
  return html`<figure class="stories-cell" data-state=${state ?? nothing}>
    <figcaption class="stories-caption">${caption}</figcaption>
    ${renderField(args)}
    <output class="stories-readout"></output>
  </figure>`;
}

const states: readonly State[] = ['optional', 'required', 'filled', 'error', 'disabled'];

/** Every state of one field, side by side. */
function renderStates(args: FieldArgs): TemplateResult {
  return html`${layout}
    <div class="stories-grid ${args.theme === 'dark' ? 'stories-dark' : ''}">
      ${states.map((state) => cell(stateCaptions[state], stateArgs(args, state), state))}
    </div>`;
}

// ---------------------------------------------------------------------------------------------
// Play helpers.

const show = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value));

async function describeField(field: IntakeField): Promise<string> {
  await field.updateComplete;
  const validity = field.validity.valid ? 'valid' : `invalid: ${field.validationMessage}`;
  return [`value: ${show(field.value)}`, `normalized: ${show(field.normalizedValue)}`, validity].join('\n');
}

/** Keeps each cell's readout in step with its field. */
async function watchReadouts(root: HTMLElement): Promise<void> {
  for (const figure of root.querySelectorAll<HTMLElement>('.stories-cell')) {
    const field = figure.querySelector('intake-field');
    const output = figure.querySelector('output');
    if (!field || !output) continue;
    const refresh = async () => {
      output.value = await describeField(field);
    };
    field.addEventListener('input', refresh);
    field.addEventListener('change', refresh);
    field.addEventListener('focusout', refresh);
    await refresh();
  }
}

/**
 * The Error state: sets an invalid raw value through the `value` property, then calls the
 * element's `reportValidity()`, as a page would. Fields are reported last to first, so the first
 * one ends up focused.
 */
async function reportErrors(root: HTMLElement, invalidValue: (field: IntakeField) => unknown): Promise<void> {
  const fields = [...root.querySelectorAll<IntakeField>('[data-state="error"] intake-field')].reverse();
  for (const field of fields) {
    await field.updateComplete;
    field.value = invalidValue(field);
    await field.updateComplete;
    field.reportValidity();
    await field.updateComplete;
  }
}

const invalidSample = (field: IntakeField) => samples[field.type].invalidValue;

// ---------------------------------------------------------------------------------------------
// Meta.

const meta = {
  title: 'Elements/intake-field',
  component: 'intake-field',
  render: (args) => html`${layout}
    <div class="stories-grid ${args.theme === 'dark' ? 'stories-dark' : ''}">${cell(`type="${args.type}"`, args)}</div>`,
  play: async ({ canvasElement }) => {
    await watchReadouts(canvasElement);
  },
  argTypes: {
    type: {
      control: 'select',
      options: [...fieldTypes],
      description: 'The field type.',
      table: { category: 'Attributes', defaultValue: { summary: 'text' } },
    },
    name: { control: 'text', description: 'The `FormData` key and the key in `record.data`.', table: { category: 'Attributes' } },
    label: { control: 'text', table: { category: 'Attributes' } },
    help: { control: 'text', table: { category: 'Attributes' } },
    placeholder: { control: 'text', table: { category: 'Attributes' } },
    required: { control: 'boolean', table: { category: 'Attributes' } },
    disabled: { control: 'boolean', table: { category: 'Attributes' } },
    value: {
      control: 'text',
      description:
        'The default value (what the field starts with and resets to). Checkboxes: comma-separated; boolean and consent: `true`. The current value is the `value` property, never reflected.',
      table: { category: 'Attributes' },
    },
    locale: {
      control: 'inline-radio',
      options: ['en', 'zh-CN'],
      description: 'Locale of messages. Default: the nearest `lang`, else `en`.',
      table: { category: 'Attributes' },
    },
    theme: {
      control: 'inline-radio',
      options: ['auto', 'light', 'dark'],
      description: '`light` or `dark` forces a colour scheme; `auto` (no attribute) follows `prefers-color-scheme`.',
      table: { category: 'Attributes' },
    },
    'default-country': {
      control: 'text',
      description: 'Phone: ISO country assumed for numbers typed without `+`; a number typed with `+` and a calling code moves the selector to its country when the input is left.',
      table: { category: 'Type-specific attributes' },
    },
    countries: {
      control: 'text',
      description: 'Phone: the allowed countries, e.g. `CN,HK,US`.',
      table: { category: 'Type-specific attributes' },
    },
    min: {
      control: 'text',
      description: 'Number: minimum; date: earliest `YYYY-MM-DD`; checkboxes: fewest choices.',
      table: { category: 'Type-specific attributes' },
    },
    max: {
      control: 'text',
      description: 'Number: maximum; date: latest `YYYY-MM-DD`; checkboxes: most choices.',
      table: { category: 'Type-specific attributes' },
    },
    step: { control: 'number', description: 'Number: the step.', table: { category: 'Type-specific attributes' } },
    integer: { control: 'boolean', description: 'Number: whole numbers only.', table: { category: 'Type-specific attributes' } },
    'min-length': { control: 'number', description: 'Text and textarea.', table: { category: 'Type-specific attributes' } },
    'max-length': { control: 'number', description: 'Text and textarea.', table: { category: 'Type-specific attributes' } },
    pattern: {
      control: 'text',
      description: 'Text: a regular expression the whole value must match.',
      table: { category: 'Type-specific attributes' },
    },
    version: { control: 'text', description: 'Consent: the version of the text agreed to.', table: { category: 'Type-specific attributes' } },
    levels: { control: { type: 'select' }, options: [undefined, 2, 3], description: 'Region: 3 (province, city, district; the default) or 2 (province, city).', table: { category: 'Type-specific attributes' } },
    'level-labels': { control: 'text', description: 'Cascade: the label of each level\'s select, comma-separated.', table: { category: 'Type-specific attributes' } },
    autocomplete: { control: 'text', description: 'The HTML `autocomplete` token.', table: { category: 'Type-specific attributes' } },
    options: {
      control: 'object',
      description: 'Select, radio, checkboxes: `{ value, label }[]` (property; by default read from child `<option>` elements).',
      table: { category: 'Properties' },
    },
    invalidValue: {
      control: 'object',
      description: 'Story only: the raw value the Error state sets through the `value` property before `reportValidity()`.',
      table: { category: 'Story' },
    },
    onInput: { description: 'A person changed the value (native, composed).', table: { category: 'Events' }, control: false },
    onChange: { description: 'A person committed a change (re-dispatched from the host).', table: { category: 'Events' }, control: false },
    showErrors: { control: 'boolean', description: 'Story only: show every field in its Error state.', table: { category: 'Story', disable: true } },
    onSubmit: { description: 'The submitted `FormData`, as an object.', table: { category: 'Events', disable: true }, control: false },
  },
  args: {
    ...empty,
    ...sampleArgs('text', 'en'),
    onInput: fn(),
    onChange: fn(),
    onSubmit: fn(),
  },
} satisfies Meta<StoryArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------
// Stories.

/** One field; every attribute is a control. */
export const Playground: Story = {};

/** A story per type: every state of the sample field of that type (the Error state is set in `play`). */
function typeStory(type: FieldType): Story {
  return {
    args: sampleArgs(type, 'en'),
    render: renderStates,
    play: async ({ canvasElement, args }) => {
      await reportErrors(canvasElement, () => args.invalidValue);
      await watchReadouts(canvasElement);
    },
  };
}

export const TextType: Story = { name: 'type="text"', ...typeStory('text') };
export const TextareaType: Story = { name: 'type="textarea"', ...typeStory('textarea') };
export const EmailType: Story = { name: 'type="email"', ...typeStory('email') };
export const PhoneType: Story = { name: 'type="phone"', ...typeStory('phone') };
export const NumberType: Story = { name: 'type="number"', ...typeStory('number') };
export const DateType: Story = { name: 'type="date"', ...typeStory('date') };
export const SelectType: Story = { name: 'type="select"', ...typeStory('select') };
export const RadioType: Story = { name: 'type="radio"', ...typeStory('radio') };
export const CheckboxesType: Story = { name: 'type="checkboxes"', ...typeStory('checkboxes') };
export const BooleanType: Story = { name: 'type="boolean"', ...typeStory('boolean') };
export const ConsentType: Story = { name: 'type="consent"', ...typeStory('consent') };
/** A hidden field renders nothing; the readouts show its value and validity. */
export const HiddenType: Story = { name: 'type="hidden"', ...typeStory('hidden') };
/** A section, then a division: one labelled select per level (the tree is the `options` property). Error: a section alone. */
export const CascadeType: Story = { name: 'type="cascade"', ...typeStory('cascade') };
/** The same in Chinese. */
export const CascadeChinese: Story = { name: 'type="cascade", zh-CN', ...typeStory('cascade'), args: sampleArgs('cascade', 'zh-CN') };
/** Province → city → district (GB/T 2260), the data loaded when the field is drawn. Error: a province alone. */
export const RegionType: Story = { name: 'type="region"', ...typeStory('region') };
/** `levels="2"`: province → city; the record's code is the city's, padded to six digits. */
export const RegionTwoLevels: Story = {
  name: 'type="region" levels="2"',
  ...typeStory('region'),
  args: { ...sampleArgs('region', 'en'), levels: 2, value: '310100', invalidValue: '310000' },
};
/** In Chinese: 省份 / 城市 / 区县, 请选择省份. */
export const RegionChinese: Story = { name: 'type="region", zh-CN', ...typeStory('region'), args: sampleArgs('region', 'zh-CN') };

/** Every type, each required and in its Error state, with the texts of one locale. */
function renderAllTypes(args: StoryArgs): TemplateResult {
  return html`${layout}
    <div class="stories-grid ${args.theme === 'dark' ? 'stories-dark' : ''}" lang=${args.locale}>
      ${fieldTypes.map((type) =>
        cell(
          `type="${type}"`,
          { ...args, ...sampleArgs(type, args.locale), required: true, value: args.showErrors ? '' : samples[type].value },
          args.showErrors ? 'error' : undefined,
        ),
      )}
    </div>`;
}

const allTypesStory = (locale: Locale): Story => ({
  args: { locale, showErrors: true },
  argTypes: { showErrors: { table: { disable: false } } },
  parameters: { controls: { include: ['locale', 'theme', 'showErrors'] } },
  render: (args) => renderAllTypes(args),
  play: async ({ canvasElement }) => {
    await reportErrors(canvasElement, invalidSample);
    await watchReadouts(canvasElement);
  },
});

/** Every type in English: labels, help, the localized country names of the phone field, and the core's error messages. */
export const AllTypesEnglish: Story = { name: 'All types, en', ...allTypesStory('en') };

/** Every type in Simplified Chinese (`locale="zh-CN"`). */
export const AllTypesChinese: Story = { name: 'All types, zh-CN', ...allTypesStory('zh-CN') };

/** `theme="dark"` on a dark page: every type filled, then every state of one field. */
export const DarkMode: Story = {
  name: 'Dark mode',
  args: { ...sampleArgs('text', 'en'), theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
  parameters: { controls: { include: ['locale', 'theme'] } },
  render: (args) => html`${layout}
    <div class="stories-dark">
      <p class="stories-heading">Every type, filled</p>
      <div class="stories-grid">
        ${fieldTypes.map((type) =>
          cell(`type="${type}"`, { ...args, ...sampleArgs(type, args.locale), theme: args.theme, required: type === 'consent' }),
        )}
      </div>
      <p class="stories-heading">Every state</p>
      <div class="stories-grid">${states.map((state) => cell(stateCaptions[state], stateArgs(args, state), state))}</div>
    </div>`,
  play: async ({ canvasElement }) => {
    await reportErrors(canvasElement, invalidSample);
    await watchReadouts(canvasElement);
  },
};

/** Standalone fields in a plain `<form>`: native validation, reset, `<fieldset disabled>`, and the submitted `FormData`. */
function renderNativeForm(args: StoryArgs): TemplateResult {
  const theme = args.theme === 'auto' ? nothing : args.theme;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data: Record<string, string[]> = {};
    for (const [key, value] of new FormData(form)) (data[key] ??= []).push(String(value));
    const output = form.parentElement?.querySelector('.stories-form-data');
    if (output) output.textContent = `FormData\n${Object.entries(data).map(([key, values]) => `${key}: ${values.join(', ')}`).join('\n')}`;
    args.onSubmit(data);
  };
  const onReset = (event: Event) => {
    const output = (event.currentTarget as HTMLFormElement).parentElement?.querySelector('.stories-form-data');
    if (output) output.textContent = 'FormData appears here on submit.';
  };
  return html`${layout}
    <div class=${args.theme === 'dark' ? 'stories-dark' : ''}>
      <form class="stories-form" lang=${args.locale} @submit=${onSubmit} @reset=${onReset}>
        <fieldset ?disabled=${args.disabled}>
          <intake-field type="text" name="name" label="Name" required autocomplete="name" theme=${theme}></intake-field>
          <intake-field type="email" name="email" label="Email" required theme=${theme}></intake-field>
          <intake-field type="phone" name="phone" label="Phone" default-country="US" theme=${theme}></intake-field>
          <intake-field type="number" name="seats" label="Seats" min="1" max="500" integer theme=${theme}></intake-field>
          <intake-field type="date" name="start" label="Start date" min="2024-01-01" theme=${theme}></intake-field>
          <intake-field type="select" name="plan" label="Plan" required theme=${theme}>
            <option value="starter">Starter</option>
            <option value="team">Team</option>
            <option value="enterprise">Enterprise</option>
          </intake-field>
          <intake-field type="radio" name="billing" label="Billing" value="monthly" theme=${theme}>
            <option value="monthly">Monthly</option>
            <option value="yearly">Yearly</option>
          </intake-field>
          <intake-field type="checkboxes" name="addons" label="Add-ons" theme=${theme}>
            <option value="sso">Single sign-on</option>
            <option value="audit">Audit log</option>
            <option value="support">Priority support</option>
          </intake-field>
          <intake-field type="textarea" name="notes" label="Notes" max-length="500" theme=${theme}></intake-field>
          <intake-field type="boolean" name="newsletter" label="Send me the monthly newsletter" theme=${theme}></intake-field>
          <intake-field type="consent" name="terms" label="I accept the terms of service" version="2026-01" required theme=${theme}></intake-field>
          <intake-field type="hidden" name="source" value="storybook"></intake-field>
        </fieldset>
        <div class="stories-actions">
          <button type="submit">Submit</button>
          <button type="reset">Reset</button>
        </div>
      </form>
      <pre class="stories-form-data" aria-live="polite">FormData appears here on submit.</pre>
    </div>`;
}

/** The controls of the native-form stories; `disabled` disables the `<fieldset>` around the fields. */
const nativeForm: Story = {
  args: { locale: 'en', theme: 'auto', disabled: false },
  argTypes: {
    disabled: { description: 'Story: wraps the fields in `<fieldset disabled>` (the fields follow through `formDisabledCallback`).' },
    onSubmit: { table: { disable: false } },
  },
  parameters: { controls: { include: ['locale', 'theme', 'disabled'] } },
  render: renderNativeForm,
};

/** Standalone `<intake-field>` elements in a native `<form>`; submit shows the normalized `FormData`. */
export const NativeForm: Story = { name: 'In a native <form>', ...nativeForm };

/** The same form, filled in code and submitted: phone in E.164, email in lower case, one entry per checkbox. */
export const NativeFormSubmitted: Story = {
  name: 'In a native <form>, submitted',
  ...nativeForm,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form')!;
    const values: Record<string, unknown> = {
      name: '  Jane   Doe ',
      email: 'Jane.Doe@Example.COM',
      phone: '(415) 555-2671',
      seats: '25',
      start: '2026-03-02',
      plan: 'team',
      billing: 'yearly',
      addons: ['sso', 'support'],
      notes: 'Onboarding in March, please.',
      newsletter: true,
      terms: true,
    };
    for (const field of form.querySelectorAll('intake-field')) {
      await field.updateComplete;
      if (field.name in values) field.value = values[field.name];
      await field.updateComplete;
    }
    form.requestSubmit();
  },
};

/**
 * Fields without `locale` speak the nearest `lang` and follow it: the buttons switch the section's
 * `lang`, as a page's language switch would; what was typed and the errors shown stay.
 */
export const FollowsPageLanguage: Story = {
  name: 'Follows the page language (lang)',
  parameters: { controls: { disable: true } },
  render: () => {
    const switchTo = (event: Event, lang: string) =>
      (event.currentTarget as HTMLElement).closest('section')!.setAttribute('lang', lang);
    return html`${layout}
      <section lang="en" class="stories-grid" data-state="error">
        <p>
          <button type="button" @click=${(event: Event) => switchTo(event, 'en')}>English</button>
          <button type="button" @click=${(event: Event) => switchTo(event, 'zh-CN')}>中文</button>
        </p>
        <intake-field type="email" name="email" label="Email" required></intake-field>
        <intake-field type="phone" name="phone" label="Phone" default-country="CN" required></intake-field>
      </section>`;
  },
  play: async ({ canvasElement }) => {
    await reportErrors(canvasElement, invalidSample);
    canvasElement.querySelector('section')!.setAttribute('lang', 'zh-CN');
  },
};

/** `number-types="mobile"`: a landline is refused with a message that names both kinds (docs/schema.md, `phone`). */
export const PhoneNumberTypes: Story = {
  name: 'Phone: number-types="mobile" refuses a landline',
  parameters: { controls: { disable: true } },
  render: () =>
    html`${layout}
      <div class="stories-grid" data-state="error">
        <intake-field type="phone" name="mobile" label="Mobile number" default-country="CN" number-types="mobile" locale="en"></intake-field>
        <intake-field type="phone" name="mobile_zh" label="手机号码" default-country="CN" number-types="mobile" locale="zh-CN"></intake-field>
      </div>`,
  play: async ({ canvasElement }) => reportErrors(canvasElement, () => '010 1234 5678'),
};

/** A field's own `messages` (docs/schema.md, "Messages"): `required` in the schema's words. */
export const OwnMessages: Story = {
  name: 'A field\u2019s own messages',
  parameters: { controls: { disable: true } },
  render: () =>
    html`${layout}
      <div class="stories-grid" data-state="error">
        <intake-field name="website" label="Company website" required locale="en" .messages=${{ required: { en: 'Enter your company website', 'zh-CN': '请填写公司官网' } }}></intake-field>
        <intake-field name="website_zh" label="公司官网" required locale="zh-CN" .messages=${{ required: { en: 'Enter your company website', 'zh-CN': '请填写公司官网' } }}></intake-field>
      </div>`,
  play: async ({ canvasElement }) => reportErrors(canvasElement, () => ''),
};
