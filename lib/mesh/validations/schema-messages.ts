import type { ErrorObject } from 'ajv';
import { readList } from '@/lib/mesh/istio/read';
import type { PathSegment } from './path';

export interface SchemaProblem {
  readonly path: PathSegment[];
  readonly message: string;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function quote(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${quote(value)}`;
}

/** Field names a oneOf chooses between: Istio writes "at most one of" as oneOf over `required` lists. */
function oneOfFields(schema: unknown): string[] {
  if (!Array.isArray(schema)) return [];
  return schema.flatMap((branch: unknown) => {
    const required = (branch as { required?: unknown }).required;
    return Array.isArray(required) ? required.map(String) : [];
  });
}

function describe(err: ErrorObject): SchemaProblem {
  const path = pointerToPath(err.instancePath);
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return {
        path: [...path, String(params.missingProperty)],
        message: `Required value: set '${String(params.missingProperty)}'.`,
      };
    case 'additionalProperties':
      return {
        path: [...path, String(params.additionalProperty)],
        message: `Unknown field '${String(params.additionalProperty)}': the API server would drop it. Check its spelling and indentation.`,
      };
    case 'type':
      return {
        path,
        message: `Invalid value: must be ${String(params.type)}, got ${typeOf(err.data)}.`,
      };
    case 'enum':
      return {
        path,
        message: `Unsupported value ${quote(err.data)}: use one of ${readList(params.allowedValues, [], []).map(quote).join(', ')}.`,
      };
    case 'oneOf': {
      const fields = oneOfFields(err.schema);
      return {
        path,
        message: fields.length
          ? `Set at most one of ${fields.map((f) => `'${f}'`).join(', ')}.`
          : 'Invalid value: matches more than one allowed shape.',
      };
    }
    case 'anyOf':
      return {
        path,
        message: `Invalid value: must be an integer or a string, got ${typeOf(err.data)}.`,
      };
    case 'pattern':
      return path.join('.') === 'metadata.name'
        ? {
            path,
            message: `Invalid name ${quote(err.data)}: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit.`,
          }
        : {
            path,
            message: `Invalid value ${quote(err.data)}: must match ${String(params.pattern)}.`,
          };
    default:
      return {
        path,
        message: `Invalid value ${quote(err.data)}: ${err.message ?? 'rejected by the schema'}.`,
      };
  }
}

/**
 * Person-readable problems from ajv's raw errors. The sub-errors of a failed oneOf/anyOf (one per
 * branch that did not match) are folded into the one error that explains the choice.
 */
export function describeAjvErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const unions = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const kept = errors.filter(
    (e) => !unions.some((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/`)),
  );
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const err of kept) {
    const problem = describe(err);
    const key = `${problem.path.join('/')}|${problem.message}`;
    if (!seen.has(key)) out.push(problem);
    seen.add(key);
  }
  return out;
}
