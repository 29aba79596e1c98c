import type { SchemaIssueCode } from '../issue.js';

/**
 * The texts of schema problems, for the developer of a broken form (`parseForm`'s messages), by
 * locale. Apart from the rest of the core's texts (`CoreMessages`) so that the script-tag build
 * can leave them out of `intake.js` and load them as a data file only when a form is broken
 * (docs/schema.md, "Data loaded on demand"); npm builds import them with `parseForm`.
 */
export interface SchemaMessages {
  /** Messages of problems in a form schema. */
  readonly schema: Readonly<Record<SchemaIssueCode, string>>;
  /** Names of JSON value kinds used in schema messages (`string`, `number`, `text`, ...). */
  readonly typeNames: Readonly<Record<string, string>>;
  /** The hint after an unknown key, with `{key}` the likely intended key. */
  readonly didYouMean: string;
}

/** English texts of schema problems. */
export const enSchema: SchemaMessages = {
  didYouMean: ' (did you mean "{key}"?)',
  typeNames: {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
    undefined: 'nothing',
    text: 'a text (a string, or an object of locale to string)',
    date: 'a date as YYYY-MM-DD',
    option: 'an option value',
    regionCodes: 'a list of 6-digit region codes under "within"',
  },
  schema: {
    invalid_json: 'The form is not valid JSON: {detail}',
    invalid_type: 'Expected {expected}, got {received}',
    missing_key: 'Missing required key "{key}"',
    unknown_key: 'Unknown key "{key}"{suggestion}',
    unknown_field_type: 'Unknown field type "{received}"; use one of: {allowed}',
    invalid_value: 'Expected one of: {allowed}',
    invalid_form_id: 'A form id starts with a letter or digit and holds only letters, digits, "_" and "-"',
    invalid_field_name: 'A field name starts with a letter or "_" and holds only letters, digits and "_"',
    invalid_locale: '"{key}" is not a locale tag like "en" or "zh-CN"',
    empty: 'Must not be empty',
    too_small_value: 'Must be {min} or more',
    too_big_value: 'Must be {max} or less',
    duplicate_name: 'Field name "{name}" is already used by fields[{first}]',
    reserved_name: '"{name}" cannot be used as a name: every JavaScript object has it. Choose another name',
    duplicate_option: 'Option value "{value}" is already used by options[{first}]',
    unknown_field: 'No field is named "{name}"',
    condition_cycle: 'These fields are shown only under conditions on each other, so none could ever appear: {cycle}',
    condition_operator: 'A condition needs "field" with exactly one of: {allowed}; or exactly one of "all", "any", "not"',
    condition_type: '"{operator}" compares with {expected} here, because "{name}" is a {type} field',
    invalid_pattern: 'The pattern does not compile: {detail}',
    insecure_url: 'submit.url must use https: (http: is allowed only for localhost, 127.0.0.1 and [::1])',
    invalid_url: 'Not a valid absolute URL',
    invalid_date_bound: 'Expected a date as YYYY-MM-DD',
    min_over_max: '"{min}" is greater than "{max}"',
    invalid_default: 'The default value is not valid for this field: {detail}',
    consent_default: 'A consent cannot be ticked in advance: the person must tick it',
    unknown_message_code: '"{key}" is not an issue code a field\'s messages can replace{suggestion}',
    unknown_option: '"{value}" is not one of the field\'s option values',
    step_duplicate_field: 'Field "{name}" is already in step {first}',
    step_missing_field: 'Field "{name}" is in no step; every field that is shown must belong to one',
  },
};

/** Chinese (zh-CN) texts of schema problems. */
export const zhCNSchema: SchemaMessages = {
  didYouMean: '（是否想写 "{key}"？）',
  typeNames: {
    string: '字符串',
    number: '数字',
    int: '整数',
    boolean: 'true 或 false',
    array: '数组',
    object: '对象',
    null: 'null',
    undefined: '空值',
    text: '文本（字符串，或语言到字符串的对象）',
    date: 'YYYY-MM-DD 格式的日期',
    option: '选项值',
    regionCodes: '"within" 下的 6 位地区代码列表',
  },
  schema: {
    invalid_json: '表单不是有效的 JSON：{detail}',
    invalid_type: '应为{expected}，实际为{received}',
    missing_key: '缺少必需的键 "{key}"',
    unknown_key: '未知的键 "{key}"{suggestion}',
    unknown_field_type: '未知的字段类型 "{received}"，可用类型：{allowed}',
    invalid_value: '应为以下之一：{allowed}',
    invalid_form_id: '表单 id 须以字母或数字开头，只能包含字母、数字、"_" 和 "-"',
    invalid_field_name: '字段名须以字母或 "_" 开头，只能包含字母、数字和 "_"',
    invalid_locale: '"{key}" 不是 "en"、"zh-CN" 这样的语言标记',
    empty: '不能为空',
    too_small_value: '不能小于 {min}',
    too_big_value: '不能大于 {max}',
    duplicate_name: '字段名 "{name}" 已被 fields[{first}] 使用',
    reserved_name: '不能使用 "{name}" 作为名称：每个 JavaScript 对象都自带这个名称。请换一个名称',
    duplicate_option: '选项值 "{value}" 已被 options[{first}] 使用',
    unknown_field: '没有名为 "{name}" 的字段',
    condition_cycle: '这些字段的显示条件互相依赖，因此都不可能显示：{cycle}',
    condition_operator: '条件须包含 "field" 和以下运算符中的恰好一个：{allowed}；或恰好包含 "all"、"any"、"not" 之一',
    condition_type: '"{operator}" 在此应与{expected}比较，因为 "{name}" 是 {type} 字段',
    invalid_pattern: '正则表达式无法编译：{detail}',
    insecure_url: 'submit.url 必须使用 https:（仅 localhost、127.0.0.1 和 [::1] 可用 http:）',
    invalid_url: '不是有效的绝对 URL',
    invalid_date_bound: '日期格式应为 YYYY-MM-DD',
    min_over_max: '"{min}" 大于 "{max}"',
    invalid_default: '默认值对该字段无效：{detail}',
    consent_default: '同意项不能预先勾选，必须由本人勾选',
    unknown_message_code: '"{key}" 不是字段 messages 可以替换的问题代码{suggestion}',
    unknown_option: '"{value}" 不是该字段的选项值',
    step_duplicate_field: '字段 "{name}" 已在第 {first} 步中',
    step_missing_field: '字段 "{name}" 不在任何步骤中；每个显示的字段都必须属于某一步',
  },
};

