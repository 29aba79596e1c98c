/** The texts of the receiver's own answers and issues, with `{param}` placeholders. */
export interface ReceiverMessages {
  readonly stored: string;
  readonly repeat: string;
  readonly accepted: string;
  readonly invalidRecord: string;
  readonly tooLarge: string;
  readonly unsupportedType: string;
  readonly originNotAllowed: string;
  readonly methodNotAllowed: string;
  readonly storeFailed: string;
  readonly issues: {
    readonly invalid_encoding: string;
    readonly invalid_json: string;
    readonly invalid_type: string;
    readonly idempotency_key_mismatch: string;
    readonly dedupe_key_mismatch: string;
  };
}

/** The issue codes the receiver adds to those of `validateRecord`. */
export type ReceiverIssueCode = keyof ReceiverMessages['issues'];

const en: ReceiverMessages = {
  stored: 'Stored',
  repeat: 'Already stored',
  accepted: 'Accepted',
  invalidRecord: 'The record is invalid',
  tooLarge: 'The request body is larger than {max} bytes',
  unsupportedType: 'Unsupported content type "{type}": send application/json, text/plain or application/x-www-form-urlencoded in UTF-8',
  originNotAllowed: 'Origin "{origin}" is not allowed to send records here',
  methodNotAllowed: 'Method {method} is not allowed: send POST',
  storeFailed: 'The record could not be stored; try again later',
  issues: {
    invalid_encoding: 'The body is not valid UTF-8',
    invalid_json: 'The body is not valid JSON: {detail}',
    invalid_type: 'Expected a record object',
    idempotency_key_mismatch: 'The Idempotency-Key header "{key}" is not the record id',
    dedupe_key_mismatch: 'The dedupe key does not match the data; expected {expected}',
  },
};

const zhCN: ReceiverMessages = {
  stored: '已保存',
  repeat: '此前已保存',
  accepted: '已接收',
  invalidRecord: '提交的记录无效',
  tooLarge: '提交的内容超过 {max} 字节',
  unsupportedType: '不支持的内容类型 "{type}"：请以 UTF-8 编码发送 application/json、text/plain 或 application/x-www-form-urlencoded',
  originNotAllowed: '不允许来源 "{origin}" 在此提交记录',
  methodNotAllowed: '不允许 {method} 方法：请使用 POST',
  storeFailed: '记录暂时无法保存，请稍后重试',
  issues: {
    invalid_encoding: '内容不是有效的 UTF-8',
    invalid_json: '内容不是有效的 JSON：{detail}',
    invalid_type: '应为一个记录对象',
    idempotency_key_mismatch: 'Idempotency-Key 请求头 "{key}" 与记录 id 不一致',
    dedupe_key_mismatch: '去重键与数据不符，应为 {expected}',
  },
};

/**
 * The receiver's texts for a locale tag: `zh*` gets Chinese, anything else English (the two
 * locales the core has built in). Messages reach people: the form shows a rejection's message.
 */
export function receiverMessages(locale: string | undefined): ReceiverMessages {
  return locale?.toLowerCase().startsWith('zh') ? zhCN : en;
}
