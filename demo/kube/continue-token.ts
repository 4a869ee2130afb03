import { isObject } from './object-forms';
import { badRequest } from './status';

/** List pagination tokens in the API server's own form (base64 JSON of version, resourceVersion, start key). */
export function encodeContinue(resourceVersion: number, start: string): string {
  return Buffer.from(
    JSON.stringify({ v: 'meta.k8s.io/v1', rv: resourceVersion, start: `${start}\u0000` }),
  ).toString('base64');
}

export function decodeContinue(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (isObject(parsed) && typeof parsed.start === 'string')
      return parsed.start.replace(/\u0000$/, '');
  } catch {
    // fall through to the error below
  }
  throw badRequest('continue key is not valid: invalid continue token');
}
