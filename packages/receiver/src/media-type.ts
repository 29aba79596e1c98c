/** The delivery formats of docs/delivery.md, as a receiver tells them apart. */
export type BodyFormat = 'json' | 'text' | 'form';

// A Map: the header is outside text, and a plain object would find `constructor` or `toString`.
const formats: ReadonlyMap<string, BodyFormat> = new Map([
  ['application/json', 'json'],
  ['text/plain', 'text'],
  ['application/x-www-form-urlencoded', 'form'],
]);

/**
 * The delivery format of a `Content-Type` header, or `undefined` when it is none of the three
 * (or declares a charset other than UTF-8, the only one the formats use).
 *
 * @example
 * bodyFormat('text/plain;charset=UTF-8'); // 'text'
 */
export function bodyFormat(contentType: string | null): BodyFormat | undefined {
  if (!contentType) return undefined;
  const [essence = '', ...parameters] = contentType.split(';');
  const format = formats.get(essence.trim().toLowerCase());
  if (!format) return undefined;
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return undefined;
  }
  return format;
}
