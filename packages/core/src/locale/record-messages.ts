import type { RecordIssueCode } from '../issue.js';
import { messagesFor } from './format-message.js';
import { zhCN } from './zh-cn.js';

/** The texts of the problems `checkRecord` finds in a received record, by code. */
export type RecordMessages = Readonly<Record<RecordIssueCode, string>>;

// Apart from the rest of the texts (`CoreMessages`): only a receiver checks records, so a page's
// script never carries them.

/** English texts of the problems in a received record. */
export const enRecord: RecordMessages = {
  form_mismatch: 'This record is for form "{received}", not "{expected}"',
  invalid_id: 'The record id must be a version 4 UUID in lower case',
  invalid_timestamp: 'Expected an ISO 8601 date and time',
  invalid_dedupe_key: 'Expected {expected}',
  unknown_field: 'The form has no field "{name}"',
  not_normalized: 'The value is not normalized; expected {expected}',
  hidden_field: 'Field "{name}" is hidden by its condition, so it must not be sent',
  tags_mismatch: 'The tags do not match the data; expected {expected}',
  consent_missing: 'The consent of field "{name}" (version {version}) is not listed',
  consent_unexpected: 'Consent "{name}" was not given in the data',
  dedupe_key_mismatch: 'The dedupe key does not match the data; expected {expected}',
  invalid_text: 'The text holds a NUL character or a lone surrogate, which no store can keep',
  too_deep: 'The value is nested more than {max} levels deep',
  forbidden_key: 'The key "{key}" is not allowed',
};

/** Simplified Chinese texts of the problems in a received record. */
export const zhCNRecord: RecordMessages = {
  form_mismatch: '此记录属于表单 "{received}"，而非 "{expected}"',
  invalid_id: '记录 id 必须是小写的第 4 版 UUID',
  invalid_timestamp: '应为 ISO 8601 格式的日期时间',
  invalid_dedupe_key: '应为{expected}',
  unknown_field: '表单中没有字段 "{name}"',
  not_normalized: '该值未经规范化，应为 {expected}',
  hidden_field: '字段 "{name}" 因条件不满足而隐藏，不应提交',
  tags_mismatch: '标签与数据不符，应为 {expected}',
  consent_missing: '未列出字段 "{name}"（版本 {version}）的同意记录',
  consent_unexpected: '数据中并未同意 "{name}"',
  dedupe_key_mismatch: '去重键与数据不符，应为 {expected}',
  invalid_text: '文本中含有 NUL 字符或不成对的代理项，无法保存',
  too_deep: '该值的嵌套超过 {max} 层',
  forbidden_key: '不允许使用键 "{key}"',
};

/**
 * The record texts for a locale: those a registered locale brings (`CoreMessages.record`), else
 * the built-in ones of the locale `messagesFor` picks (Chinese for `zh-*`, else English).
 */
export function recordMessagesFor(locale: string): RecordMessages {
  const messages = messagesFor(locale);
  return messages.record ?? (messages === zhCN ? zhCNRecord : enRecord);
}
