import Ajv, { type ErrorObject, type SchemaValidateFunction, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  ISTIO_KIND_INFO,
  ISTIO_KIND_NAMES,
  kindOfManifest,
  wireKind,
} from '@/lib/mesh/istio/kinds';
import { isRecord } from '@/lib/mesh/istio/read';
import { CEL_RULES } from './cel-rules';
import { formatPath, type PathSegment } from './path';
import type { Validation } from './types';
import { describeAjvErrors } from './schema-messages';

/** The CRD openAPIV3Schemas per kind and served version, as scripts/gen-crd-schemas.ts writes them. */
export type CrdSchemas = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Istio's analyzer code for a schema error (istio/istio pkg/config/analysis/msg/messages.yaml). */
export const SCHEMA_CODE = 'IST0106';

type JsonSchema = Record<string, unknown>;

// Kubernetes adds these to every object; the CRD schema leaves them out.
const OBJECT_ROOT: JsonSchema = {
  apiVersion: { type: 'string' },
  kind: { type: 'string' },
  metadata: {
    type: 'object',
    required: ['name'],
    properties: {
      name: {
        type: 'string',
        pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
        maxLength: 253,
      },
      namespace: { type: 'string' },
      labels: { type: 'object', additionalProperties: { type: 'string' } },
      annotations: { type: 'object', additionalProperties: { type: 'string' } },
    },
  },
};

/**
 * Turns a Kubernetes structural schema into one ajv checks the way the API server does: int-or-string
 * becomes a union, objects refuse unknown fields unless they preserve them (the server would drop them
 * silently, which in an editor means a typo loses data), CEL rules and list types become keywords.
 */
function toAjvSchema(node: unknown, isRoot = false): unknown {
  if (Array.isArray(node)) return node.map((n) => toAjvSchema(n));
  if (!isRecord(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === 'properties' && isRecord(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAjvSchema(v)]))
        : toAjvSchema(value);
  }
  if (out['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (isRoot)
    out.properties = { ...OBJECT_ROOT, ...(isRecord(out.properties) ? out.properties : {}) };
  if (
    isRecord(out.properties) &&
    out.additionalProperties === undefined &&
    out['x-kubernetes-preserve-unknown-fields'] !== true
  )
    out.additionalProperties = false;
  return out;
}

interface CelRuleSpec {
  readonly rule: string;
  readonly message?: string;
}

const celKeyword: SchemaValidateFunction = function validateCel(
  rules: CelRuleSpec[],
  data: unknown,
) {
  const errors: Partial<ErrorObject>[] = [];
  for (const { rule, message } of rules) {
    const check = CEL_RULES.get(rule);
    const outcome = check ? check(data) : true;
    if (outcome === true) continue;
    errors.push({
      keyword: 'x-kubernetes-validations',
      message: typeof outcome === 'string' ? outcome : (message ?? `failed rule: ${rule}`),
      params: { rule },
    });
  }
  celKeyword.errors = errors;
  return errors.length === 0;
};

const listTypeKeyword: SchemaValidateFunction = function validateListType(
  type: string,
  data: unknown,
  parentSchema?: JsonSchema,
) {
  if (!Array.isArray(data) || (type !== 'set' && type !== 'map')) return true;
  const keys = parentSchema?.['x-kubernetes-list-map-keys'];
  const identity = (item: unknown): string =>
    type === 'map' && Array.isArray(keys) && isRecord(item)
      ? JSON.stringify(Object.fromEntries(keys.map((k) => [String(k), item[String(k)]])))
      : JSON.stringify(item);
  const seen = new Set<string>();
  const errors: Partial<ErrorObject>[] = [];
  data.forEach((item, index) => {
    const id = identity(item);
    if (seen.has(id))
      errors.push({
        keyword: 'x-kubernetes-list-type',
        instancePath: `/${index}`,
        message: `Duplicate value: ${id}`,
      });
    seen.add(id);
  });
  listTypeKeyword.errors = errors;
  return errors.length === 0;
};

function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-kubernetes-validations', validate: celKeyword, errors: true });
  ajv.addKeyword({ keyword: 'x-kubernetes-list-type', validate: listTypeKeyword, errors: true });
  return ajv;
}

const compiled = new WeakMap<CrdSchemas, Map<string, ValidateFunction>>();
let sharedAjv: Ajv | undefined;

/** One compiled validator per schema set, kind and version; compiling costs ~10 ms, checking µs. */
function validatorFor(
  schemas: CrdSchemas,
  kind: string,
  version: string,
): ValidateFunction | undefined {
  let perSet = compiled.get(schemas);
  if (!perSet) compiled.set(schemas, (perSet = new Map()));
  const key = `${kind}/${version}`;
  const hit = perSet.get(key);
  if (hit) return hit;
  const schema = schemas[kind]?.[version];
  if (!schema) return undefined;
  sharedAjv ??= makeAjv();
  const fn = sharedAjv.compile(toAjvSchema(schema, true) as JsonSchema);
  perSet.set(key, fn);
  return fn;
}

const error = (message: string, path?: readonly PathSegment[]): Validation => ({
  code: SCHEMA_CODE,
  severity: 'error',
  message,
  ...(path && { path: formatPath(path) }),
});

/**
 * Checks an object against the CRD schema of its kind and apiVersion, as the API server would.
 * Returns one Validation per problem, each with the path of the offending field.
 */
export function validateSchema(obj: unknown, schemas: CrdSchemas): Validation[] {
  if (!isRecord(obj))
    return [error('The document must be an object (a mapping), not a scalar or a list.')];
  const { apiVersion } = obj;
  const kind = kindOfManifest(apiVersion, obj.kind);
  if (!kind)
    return [
      error(
        `kind must be one of ${[...new Set(ISTIO_KIND_NAMES.map(wireKind))].join(', ')}; got ${JSON.stringify(obj.kind)}.`,
        ['kind'],
      ),
    ];
  const group = ISTIO_KIND_INFO[kind].group;
  const [g, version] = typeof apiVersion === 'string' ? apiVersion.split('/') : [];
  const served = Object.keys(schemas[kind] ?? {});
  if (g !== group || version === undefined || !served.includes(version))
    return [
      error(
        `apiVersion of a ${wireKind(kind)} must be ${group}/<version> with version one of ${served.join(', ')}; got ${JSON.stringify(apiVersion)}. Use ${group}/v1.`,
        ['apiVersion'],
      ),
    ];
  const validate = validatorFor(schemas, kind, version);
  if (!validate || validate(obj)) return [];
  return describeAjvErrors(validate.errors ?? []).map((e) => error(e.message, e.path));
}
