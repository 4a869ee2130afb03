/**
 * True for `application/json`, with or without `charset=utf-8`. Route handlers decode every body as
 * UTF-8, so a body that declares another charset would be misread and is refused too. Insisting on
 * JSON also means a cross-site <form> (which can only send form or text types) never reaches a handler.
 */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [essence, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (essence !== 'application/json') return false;
  return params.every((param) => {
    const [name, raw = ''] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || raw.replace(/^"(.*)"$/, '$1') === 'utf-8';
  });
}
