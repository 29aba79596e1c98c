import contactPreset from '@intake/core/presets/contact.json';
import crmLeadPreset from '@intake/core/presets/crm-lead.json';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { expect, fn, waitFor } from 'storybook/test';
import type { IntakeForm } from '../packages/elements/src/intake-form/intake-form.js';

type Locale = 'en' | 'zh-CN';

/** The story's arguments: the element's attributes and properties, plus spies on its events. */
interface FormArgs {
  /** The `schema` property: the form as an object. */
  schema: unknown;
  /** The `values` property: raw values to start with, by field name. */
  values: Record<string, unknown> | undefined;
  locale: Locale | undefined;
  theme: 'auto' | 'light' | 'dark';
  endpoint: string;
  kiosk: boolean;
  'kiosk-reset': number;
  onIntakeChange: (event: Event) => void;
  onIntakeSubmit: (event: Event) => void;
  onIntakeSubmitted: (event: Event) => void;
  onIntakeError: (event: Event) => void;
}

type Story = StoryObj<FormArgs>;

/** Stable, so re-rendering with other args does not merge values in again. */
const noValues: Record<string, unknown> = {};

function renderForm(args: FormArgs, content: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<intake-form
    .schema=${args.schema}
    .values=${args.values ?? noValues}
    locale=${args.locale ?? nothing}
    theme=${args.theme === 'auto' ? nothing : args.theme}
    endpoint=${args.endpoint || nothing}
    ?kiosk=${args.kiosk}
    kiosk-reset=${args['kiosk-reset']}
    @intake-change=${args.onIntakeChange}
    @intake-submit=${args.onIntakeSubmit}
    @intake-submitted=${args.onIntakeSubmitted}
    @intake-error=${args.onIntakeError}
    >${content}</intake-form
  >`;
}

// ---------------------------------------------------------------------------------------------
// Play helpers. The form renders its fields in its shadow root; each field has its own.

/**
 * Waits for the form to load its schema, then applies `args.values` again: today `<intake-form>`
 * drops values set before its first update (it loads the schema twice, in `connectedCallback` and
 * in `willUpdate`, and the second controller starts empty).
 */
async function ready(canvasElement: HTMLElement, args: FormArgs): Promise<IntakeForm> {
  const form = canvasElement.querySelector('intake-form')!;
  await waitFor(() => expect(form.controller).toBeDefined());
  await form.updateComplete;
  if (args.values) form.values = args.values;
  await settle(form);
  return form;
}

/** Waits for the form and every field inside it to finish rendering. */
async function settle(form: IntakeForm): Promise<void> {
  await form.updateComplete;
  for (const field of form.shadowRoot!.querySelectorAll('intake-field')) await field.updateComplete;
}

/** Presses the form's primary button (Continue or Send), as a person would. */
async function pressPrimary(form: IntakeForm): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await settle(form);
}

const part = (form: IntakeForm, name: string) => form.shadowRoot!.querySelector(`[part~="${name}"]`);

// ---------------------------------------------------------------------------------------------
// Schemas made for these stories.

const t = (en: string, zhCN: string) => ({ en, 'zh-CN': zhCN });

/** Fields that appear and become required under conditions on other fields. */
const conditionalSchema = {
  id: 'event-registration',
  version: 1,
  locale: 'en',
  title: t('Event registration', '活动报名'),
  description: t('Some questions appear only when they apply to you.', '部分问题仅在与您相关时显示。'),
  fields: [
    { type: 'text', name: 'name', label: t('Name', '姓名'), required: true, autocomplete: 'name' },
    { type: 'email', name: 'email', label: t('Email', '电子邮箱'), required: true },
    {
      type: 'radio',
      name: 'attendance',
      label: t('How will you attend?', '参会方式'),
      required: true,
      options: [
        { value: 'in-person', label: t('In person', '现场参会') },
        { value: 'online', label: t('Online', '线上参会') },
      ],
    },
    {
      type: 'select',
      name: 'session',
      label: t('Workshop session', '工作坊场次'),
      help: t('Shown when you attend in person.', '选择现场参会时显示。'),
      visibleWhen: { field: 'attendance', equals: 'in-person' },
      requiredWhen: { field: 'attendance', equals: 'in-person' },
      options: [
        { value: 'morning', label: t('Morning, 9:30–12:00', '上午 9:30～12:00') },
        { value: 'afternoon', label: t('Afternoon, 14:00–17:00', '下午 14:00～17:00') },
      ],
    },
    {
      type: 'checkboxes',
      name: 'dietary',
      label: t('Dietary requirements', '饮食要求'),
      visibleWhen: { field: 'attendance', equals: 'in-person' },
      options: [
        { value: 'vegetarian', label: t('Vegetarian', '素食') },
        { value: 'halal', label: t('Halal', '清真') },
        { value: 'gluten-free', label: t('Gluten-free', '无麸质') },
        { value: 'other', label: t('Other', '其他') },
      ],
    },
    {
      type: 'text',
      name: 'dietaryOther',
      label: t('Please describe your dietary requirement', '请说明您的饮食要求'),
      help: t('Shown and required when you tick Other.', '勾选“其他”时显示且必填。'),
      visibleWhen: { field: 'dietary', contains: 'other' },
      requiredWhen: { field: 'dietary', contains: 'other' },
    },
    { type: 'boolean', name: 'onBehalfOfCompany', label: t('I am registering on behalf of a company', '我代表公司报名'), default: false },
    {
      type: 'text',
      name: 'companyName',
      label: t('Company name', '公司名称'),
      visibleWhen: { field: 'onBehalfOfCompany', equals: true },
      requiredWhen: { field: 'onBehalfOfCompany', equals: true },
      autocomplete: 'organization',
    },
    {
      type: 'number',
      name: 'colleagues',
      label: t('Colleagues coming with you', '同行同事人数'),
      help: t('Shown for a company attending in person.', '公司现场参会时显示。'),
      min: 0,
      max: 20,
      integer: true,
      visibleWhen: { all: [{ field: 'onBehalfOfCompany', equals: true }, { field: 'attendance', equals: 'in-person' }] },
    },
  ],
};

/** A schema with one mistake of each common kind; the form lists them with their JSON paths. */
const brokenSchema = {
  id: 'broken form!',
  locale: 'english',
  fields: [
    { type: 'text', name: 'full name', label: 'Name' },
    { type: 'phone-number', name: 'phone' },
    { type: 'email', name: 'email', requird: true },
    { type: 'select', name: 'plan', options: [] },
    { type: 'text', name: 'email' },
    { type: 'text', name: 'vat', visibleWhen: { field: 'company', equals: 'yes' } },
  ],
  submit: { url: 'http://crm.example.com/hooks/intake' },
};

/** Valid answers to the contact preset. */
const contactValues = {
  name: 'Jane Doe',
  email: 'Jane.Doe@Example.COM',
  phone: '(415) 555-2671',
  company: 'Acme Ltd',
  topic: 'sales',
  message: 'We would like a quote for 40 seats, please.',
  privacy: true,
};

// ---------------------------------------------------------------------------------------------
// Meta.

const meta = {
  title: 'Elements/intake-form',
  component: 'intake-form',
  render: (args) => renderForm(args),
  play: async ({ canvasElement, args }) => {
    if (args.values) await ready(canvasElement, args);
  },
  argTypes: {
    schema: {
      control: 'object',
      description: 'The form schema as an object (or JSON text). Takes precedence over `schema-url` and an inline `<script type="application/json">`.',
      table: { category: 'Properties' },
    },
    values: { control: 'object', description: 'Raw values to start with, by field name (merged in; fires no event).', table: { category: 'Properties' } },
    locale: {
      control: 'inline-radio',
      options: ['en', 'zh-CN'],
      description: 'Default: the schema’s `locale`, else `en`. Can change at any time.',
      table: { category: 'Attributes' },
    },
    theme: {
      control: 'inline-radio',
      options: ['auto', 'light', 'dark'],
      description: '`light` or `dark` forces a colour scheme; `auto` (no attribute) follows `prefers-color-scheme`.',
      table: { category: 'Attributes' },
    },
    endpoint: { control: 'text', description: 'Overrides the schema’s `submit.url`.', table: { category: 'Attributes' } },
    kiosk: {
      control: 'boolean',
      description: 'Shared-device mode: after a submission, show the success state for `kiosk-reset` ms, then a fresh form.',
      table: { category: 'Attributes' },
    },
    'kiosk-reset': { control: 'number', description: 'Milliseconds the success state stays in kiosk mode.', table: { category: 'Attributes' } },
    onIntakeChange: { description: '`intake-change`: a person changed a field.', table: { category: 'Events' }, control: false },
    onIntakeSubmit: { description: '`intake-submit`: cancelable; the record is about to be sent.', table: { category: 'Events' }, control: false },
    onIntakeSubmitted: { description: '`intake-submitted`: the record was delivered or queued.', table: { category: 'Events' }, control: false },
    onIntakeError: { description: '`intake-error`: schema, validation or rejection problems.', table: { category: 'Events' }, control: false },
  },
  args: {
    schema: contactPreset,
    values: undefined,
    locale: 'en',
    theme: 'auto',
    endpoint: '',
    kiosk: false,
    'kiosk-reset': 5000,
    onIntakeChange: fn(),
    onIntakeSubmit: fn(),
    onIntakeSubmitted: fn(),
    onIntakeError: fn(),
  },
} satisfies Meta<FormArgs>;

export default meta;

// ---------------------------------------------------------------------------------------------
// Stories.

/** The crm-lead preset: a five-step business inquiry with progress, conditions and consents. */
export const CrmLead: Story = {
  name: 'crm-lead preset (multi-step), en',
  args: { schema: crmLeadPreset, locale: 'en' },
};

/** The crm-lead preset in its own locale, Simplified Chinese. */
export const CrmLeadChinese: Story = {
  name: 'crm-lead preset (multi-step), zh-CN',
  args: { schema: crmLeadPreset, locale: 'zh-CN' },
};

/** The crm-lead preset after the first step was filled in and Continue pressed. */
export const CrmLeadSecondStep: Story = {
  name: 'crm-lead preset, step 2',
  args: {
    schema: crmLeadPreset,
    locale: 'en',
    values: { company: 'Shenzhen Example Technology Co., Ltd.', website: 'www.example.com', industry: '65', companySize: '200-999', region: '440305' },
  },
  play: async ({ canvasElement, args }) => {
    const form = await ready(canvasElement, args);
    await pressPrimary(form);
    await waitFor(() => expect(part(form, 'progress')?.textContent).toContain('Step 2 of 5'));
  },
};

/** The contact preset: a one-page form. */
export const Contact: Story = {
  name: 'contact preset, en',
  args: { schema: contactPreset, locale: 'en' },
};

/** The contact preset in Simplified Chinese. */
export const ContactChinese: Story = {
  name: 'contact preset, zh-CN',
  args: { schema: contactPreset, locale: 'zh-CN' },
};

/** `theme="dark"` on a dark page. */
export const DarkMode: Story = {
  name: 'Dark mode',
  args: { schema: crmLeadPreset, locale: 'en', theme: 'dark' },
  globals: { backgrounds: { value: 'dark' } },
};

/** Dark mode with the error summary and inline errors showing. */
export const DarkModeErrors: Story = {
  name: 'Dark mode, errors',
  args: { schema: contactPreset, locale: 'en', theme: 'dark', values: { email: 'jane@example', message: 'Hello' } },
  globals: { backgrounds: { value: 'dark' } },
  play: async ({ canvasElement, args }) => {
    const form = await ready(canvasElement, args);
    await pressPrimary(form);
    await waitFor(() => expect(part(form, 'error-summary')).not.toBeNull());
  },
};

/** Questions that appear (and become required) under conditions: try "In person", "Other" and the company box. */
export const ConditionalFields: Story = {
  name: 'Conditional fields',
  args: { schema: conditionalSchema },
};

/** The same form with answers that reveal every conditional question. */
export const ConditionalFieldsRevealed: Story = {
  name: 'Conditional fields, revealed',
  args: {
    schema: conditionalSchema,
    values: { attendance: 'in-person', dietary: ['vegetarian', 'other'], onBehalfOfCompany: true },
  },
};

/** A failed submit: the error summary (announced, linking to each field), the inline messages, the first invalid field focused. */
export const ErrorSummary: Story = {
  name: 'Error summary',
  args: { schema: contactPreset, locale: 'en', values: { name: 'Jane Doe', email: 'jane@example', message: 'Hello' } },
  play: async ({ canvasElement, args }) => {
    const form = await ready(canvasElement, args);
    await pressPrimary(form);
    await waitFor(() => expect(part(form, 'error-summary')).not.toBeNull());
  },
};

/** The error summary in Simplified Chinese. */
export const ErrorSummaryChinese: Story = {
  ...ErrorSummary,
  name: 'Error summary, zh-CN',
  args: { ...ErrorSummary.args, locale: 'zh-CN' },
};

/**
 * The webhook refused the record with a 422 whose `issues` name fields (`["data", "email"]`), as
 * `@intake/receiver` does: each message shows on its field and in the summary, the field takes the
 * focus, and every value stays. (The story answers the POST itself; nothing is sent.)
 */
export const RefusedOnTheField: Story = {
  name: 'Refused by the webhook, on the field',
  args: {
    schema: contactPreset,
    locale: 'en',
    endpoint: 'https://hooks.example.com/refusing',
    values: { name: 'Jane Doe', email: 'jane@example.com', topic: 'sales', message: 'Hello', privacy: true },
  },
  play: async ({ canvasElement, args }) => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) =>
      String(input instanceof Request ? input.url : input).startsWith('https://hooks.example.com/')
        ? Response.json(
            { message: 'The record is invalid', issues: [{ path: ['data', 'email'], code: 'invalid_email', message: 'This address cannot receive mail: check the spelling' }] },
            { status: 422 },
          )
        : realFetch(input, init);
    try {
      const form = await ready(canvasElement, args);
      await pressPrimary(form);
      await waitFor(() => expect(part(form, 'error-summary')?.textContent).toContain('This address cannot receive mail'));
    } finally {
      globalThis.fetch = realFetch;
    }
  },
};

/**
 * A required hidden field the page never filled (here `rep`, which a `?rep=` link would give): the
 * summary says the page, not the person, is missing it, with no link (nothing to go to).
 */
export const MissingHiddenValue: Story = {
  name: 'Error summary, hidden value missing',
  args: {
    schema: {
      id: 'expo-lead',
      fields: [
        { type: 'text', name: 'company', label: t('Company', '公司名称'), required: true },
        { type: 'hidden', name: 'rep', label: t('Sales rep code', '销售代表代码'), required: true, prefill: 'rep' },
      ],
    },
    locale: 'en',
    values: { company: 'Acme Robotics' },
  },
  play: ErrorSummary.play,
};

/** After a valid submission (no `submit.url` here, so the record counts as delivered). */
export const Success: Story = {
  name: 'Success',
  args: { schema: contactPreset, locale: 'en', values: contactValues },
  play: async ({ canvasElement, args }) => {
    const form = await ready(canvasElement, args);
    await pressPrimary(form);
    await waitFor(() => expect(part(form, 'success')).not.toBeNull());
  },
};

/** The success state with the page's own message in the `success` slot. */
export const SuccessCustomMessage: Story = {
  name: 'Success, custom message (slot)',
  args: { schema: contactPreset, locale: 'en', values: contactValues },
  render: (args) =>
    renderForm(
      args,
      html`<div slot="success">
        <h2>Thanks, Jane!</h2>
        <p>Our sales team replies within one working day.</p>
      </div>`,
    ),
  play: Success.play,
};

/** A broken schema: in place of the form, a readable list of its problems with their JSON paths. */
export const BrokenSchema: Story = {
  name: 'Broken schema',
  args: { schema: brokenSchema, locale: 'en' },
};

/** The schema from an inline `<script type="application/json">` child, as in plain HTML. */
export const InlineJsonSchema: Story = {
  name: 'Schema in an inline <script>',
  args: { schema: undefined, locale: 'en' },
  parameters: { controls: { exclude: ['schema'] } },
  render: (args) =>
    renderForm(
      args,
      html`<script type="application/json">
        {
          "id": "newsletter",
          "title": { "en": "Newsletter", "zh-CN": "订阅简报" },
          "fields": [
            { "name": "email", "type": "email", "label": { "en": "Email", "zh-CN": "邮箱" }, "required": true },
            { "name": "consent", "type": "consent", "version": "2026-01", "required": true,
              "label": { "en": "Send me the monthly newsletter", "zh-CN": "我愿意接收每月简报" } }
          ]
        }
      </script>`,
    ),
};

/** A page that themes the form from its own stylesheet: `--intake-*` custom properties and `::part()`. */
export const Themed: Story = {
  name: 'Themed (custom properties and ::part)',
  args: { schema: contactPreset, locale: 'en', theme: 'light' },
  render: (args) => html`<style>
      .brand-page {
        padding: 2rem;
        background: #f6efe4;
      }
      .brand-page intake-form {
        --intake-font-family: Georgia, 'Times New Roman', 'Songti SC', serif;
        --intake-max-width: 34rem;
        --intake-form-padding: 2rem;
        --intake-form-background: #fffaf2;
        --intake-color-text: #2b1d14;
        --intake-color-muted: #6b5545;
        --intake-color-border: #8c6d58;
        --intake-color-primary: #7c2d12;
        --intake-color-primary-hover: #9a3412;
        --intake-color-on-primary: #fffaf2;
        --intake-color-focus: #f59e0b;
        --intake-radius: 0;
        --intake-border-width: 1px;
        --intake-spacing: 1.25rem;
        box-shadow: 0 1px 3px rgb(43 29 20 / 0.2);
      }
      .brand-page intake-form::part(title) {
        font-variant: small-caps;
        letter-spacing: 0.04em;
      }
      .brand-page intake-form::part(header) {
        border-bottom: 1px solid #d6c3b0;
      }
      .brand-page intake-form::part(label) {
        font-weight: 700;
      }
      .brand-page intake-form::part(input) {
        background: #ffffff;
      }
      .brand-page intake-form::part(button) {
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
      .brand-page intake-form::part(required-marker) {
        color: #7c2d12;
      }
    </style>
    <div class="brand-page">${renderForm(args)}</div>`,
};
