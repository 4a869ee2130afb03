import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { CEL_RULES } from './cel-rules';
import { GATEWAY_API_CEL_RULES } from './cel-rules-gateway-api';
import { GATEWAY_API_GROUP, RESOURCES, type ResourceDef } from './resources';
import type { FieldError } from './status';

/**
 * Validates Istio and Gateway API custom resources the way apiextensions-apiserver does, against the
 * openAPIV3Schema of the requested version (Istio's crd-all.gen.yaml; the Gateway API's from
 * lib/kube/gateway-api-crd-schemas.json):
 *  1. pruning of fields the schema does not declare (reported as unknown fields, like the server's
 *     fieldValidation=Warn default; Strict turns them into an error), then defaulting,
 *  2. OpenAPI value validation (ajv), with errors rewritten into field.Error text as kube-openapi words it,
 *  3. x-kubernetes-list-type map/set uniqueness,
 *  4. x-kubernetes-validations, for the rules cel-rules.ts and cel-rules-gateway-api.ts know; others are skipped and listed by
 *     skippedCelRules(). As on the real server, rules are not run when a "blocking" error (wrong
 *     type, missing required field, unsupported enum value, too long/many) was found.
 * Not done: x-kubernetes-embedded-resource,
 * messageExpression/fieldPath/reason on rules, and CEL cost limits.
 */

type Schema = Record<string, unknown>;
type PathPart = { field: string } | { index: number } | { key: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(schema: Schema, key: string): Schema | undefined {
  const value = schema[key];
  return isObject(value) ? value : undefined;
}

function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if ('field' in part) out += out === '' ? part.field : `.${part.field}`;
    else if ('index' in part) out += `[${part.index}]`;
    else out += `[${part.key}]`;
  }
  return out;
}

/** A value as Go's field.Error prints it: %q for strings, %v for scalars, %#v for maps and slices. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goValue).join(', ')}}`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${JSON.stringify(k)}:${goValue(v)}`,
  );
  return `map[string]interface {}{${entries.join(', ')}}`;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** "/spec/http/0/route" → "spec.http[0].route", deciding index vs key by walking the data. */
function instanceToField(root: unknown, instancePath: string): string {
  const parts: PathPart[] = [];
  let current: unknown = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      parts.push({ index: Number(segment) });
      current = current[Number(segment)];
    } else {
      // kube-openapi joins map keys and properties alike with '.'.
      parts.push({ field: segment });
      current = isObject(current) ? current[segment] : undefined;
    }
  }
  return formatPath(parts);
}

const BLOCKING = new Set([
  'FieldValueNotSupported',
  'FieldValueRequired',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueTypeInvalid',
]);

function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, body: `Invalid value: ${goValue(value)}: ${detail}` };
}

function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : isObject(value) ? Object.keys(value).length : 0;
}

function toFieldError(root: unknown, e: ErrorObject): FieldError | undefined {
  // Errors inside composition branches only explain why the branch failed; the server reports the
  // composition failure itself.
  if (/\/(oneOf|anyOf|not)\//.test(e.schemaPath)) return undefined;
  const name = instanceToField(root, e.instancePath);
  const data: unknown = e.data;
  const params = e.params as Record<string, unknown>;
  const limit = String(params.limit);
  switch (e.keyword) {
    case 'type': {
      const expected = Array.isArray(params.type) ? params.type.join(',') : String(params.type);
      const actual = jsonType(data);
      return {
        type: 'FieldValueTypeInvalid',
        field: name,
        body: `Invalid value: "${actual}": ${name} in body must be of type ${expected}: "${actual}"`,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return {
        type: 'FieldValueRequired',
        field: name ? `${name}.${missing}` : missing,
        body: 'Required value',
      };
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const values = allowed
        .map((v) => JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v)))
        .join(', ');
      return {
        type: 'FieldValueNotSupported',
        field: name,
        body: `Unsupported value: ${goValue(data)}: supported values: ${values}`,
      };
    }
    case 'minimum':
      return invalid(name, data, `${name} in body should be greater than or equal to ${limit}`);
    case 'exclusiveMinimum':
      return invalid(name, data, `${name} in body should be greater than ${limit}`);
    case 'maximum':
      return invalid(name, data, `${name} in body should be less than or equal to ${limit}`);
    case 'exclusiveMaximum':
      return invalid(name, data, `${name} in body should be less than ${limit}`);
    case 'minProperties':
      return invalid(
        name,
        countOf(data),
        `${name} in body should have at least ${limit} properties`,
      );
    case 'minItems':
      return invalid(name, countOf(data), `${name} in body should have at least ${limit} items`);
    case 'maxItems':
    case 'maxProperties':
      return {
        type: 'FieldValueTooMany',
        field: name,
        body: `Too many: ${countOf(data)}: must have at most ${limit} items`,
      };
    case 'minLength':
      return invalid(name, data, `${name} in body should be at least ${limit} chars long`);
    case 'maxLength':
      return {
        type: 'FieldValueTooLong',
        field: name,
        body: `Too long: may not be more than ${limit} bytes`,
      };
    case 'pattern':
      return invalid(name, data, `${name} in body should match '${String(params.pattern)}'`);
    case 'format':
      return invalid(
        name,
        data,
        `${name} in body must be of type ${String(params.format)}: ${goValue(data)}`,
      );
    case 'uniqueItems':
      return invalid(name, data, `${name} in body shouldn't contain duplicates`);
    case 'oneOf': {
      const passing = params.passingSchemas;
      const found = Array.isArray(passing)
        ? `Found ${passing.length} valid alternatives`
        : 'Found none valid';
      return invalid(name, '', `"${name}" must validate one and only one schema (oneOf). ${found}`);
    }
    case 'anyOf':
      return invalid(name, '', `"${name}" must validate at least one schema (anyOf)`);
    case 'not':
      return invalid(name, '', `"${name}" must not validate the schema (not)`);
    default:
      return invalid(name, data, `${name} in body ${e.message ?? 'is invalid'}`);
  }
}

/** Structural defaulting as apiextensions does it: an absent property whose schema has a default gets it. */
function withDefaults(schema: Schema, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = child(schema, 'items');
    return items ? value.map((v) => withDefaults(items, v)) : value;
  }
  if (!isObject(value)) return value;
  const properties = child(schema, 'properties') ?? {};
  const additional = child(schema, 'additionalProperties');
  const out: Record<string, unknown> = { ...value };
  for (const [k, propSchema] of Object.entries(properties)) {
    if (!isObject(propSchema)) continue;
    if (out[k] === undefined && propSchema.default !== undefined)
      out[k] = structuredClone(propSchema.default);
    if (out[k] !== undefined) out[k] = withDefaults(propSchema, out[k]);
  }
  if (additional)
    for (const [k, v] of Object.entries(out))
      if (!child(properties, k)) out[k] = withDefaults(additional, v);
  return out;
}

export interface ValidationResult {
  /** The object with undeclared fields pruned and defaults applied. */
  object: Record<string, unknown>;
  /** Paths of pruned fields, e.g. "spec.foo". */
  unknownFields: string[];
  errors: FieldError[];
}

/** For ResourceDef.openSchema: a spec object is required, its content is kept as sent. */
const OPEN_SCHEMA: Schema = {
  type: 'object',
  required: ['spec'],
  properties: {
    spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
};

const ROOT_META = new Set(['apiVersion', 'kind', 'metadata']);

export class CrdSchemas {
  private readonly schemas = new Map<string, Schema>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly skipped = new Set<string>();
  private readonly ajv: Ajv;

  constructor(crdYamlPath: string, gatewayApiSchemaPath = defaultGatewayApiSchemaPath()) {
    for (const doc of parseAllDocuments(fs.readFileSync(crdYamlPath, 'utf8'))) {
      const crd: unknown = doc.toJS();
      if (!isObject(crd) || crd.kind !== 'CustomResourceDefinition' || !isObject(crd.spec))
        continue;
      const names = crd.spec.names;
      const versions = crd.spec.versions;
      if (!isObject(names) || !Array.isArray(versions)) continue;
      for (const v of versions as unknown[]) {
        if (!isObject(v) || !isObject(v.schema) || !isObject(v.schema.openAPIV3Schema)) continue;
        this.schemas.set(
          `${String(crd.spec.group)}/${String(v.name)}/${String(names.plural)}`,
          v.schema.openAPIV3Schema,
        );
      }
    }
    const gatewayApi: unknown = JSON.parse(fs.readFileSync(gatewayApiSchemaPath, 'utf8'));
    for (const def of RESOURCES) {
      if (def.group !== GATEWAY_API_GROUP || !isObject(gatewayApi)) continue;
      // The file names kinds as the domain does: the Gateway API's Gateway is `K8sGateway` there.
      const versions = gatewayApi[def.key === 'k8sgateways' ? 'K8sGateway' : def.kind];
      if (!isObject(versions)) continue;
      for (const [version, schema] of Object.entries(versions))
        if (isObject(schema)) this.schemas.set(`${def.group}/${version}/${def.plural}`, schema);
    }
    for (const def of RESOURCES) {
      if (!def.openSchema) continue;
      for (const version of def.versions)
        this.schemas.set(`${def.group}/${version}/${def.plural}`, OPEN_SCHEMA);
    }
    // strict:false because the schemas carry x-kubernetes-* keywords that ajv must ignore.
    this.ajv = new Ajv({ allErrors: true, strict: false, verbose: true, logger: false });
    addFormats(this.ajv);
    // OpenAPI numeric formats: kube-openapi does not range-check them either.
    for (const format of ['int32', 'int64', 'double', 'float'])
      this.ajv.addFormat(format, { type: 'number', validate: () => true });
  }

  has(def: ResourceDef, version: string): boolean {
    return this.schemas.has(`${def.group}/${version}/${def.plural}`);
  }

  /** CEL rules met during validation that cel-rules.ts does not implement (and so were not enforced). */
  skippedCelRules(): string[] {
    return [...this.skipped];
  }

  validate(def: ResourceDef, version: string, input: Record<string, unknown>): ValidationResult {
    const key = `${def.group}/${version}/${def.plural}`;
    const schema = this.schemas.get(key);
    if (!schema) throw new Error(`no CRD schema for ${key}`);
    const unknownFields: string[] = [];
    const object = structuredClone(input);
    for (const field of Object.keys(object)) {
      if (ROOT_META.has(field)) continue;
      const fieldSchema = child(child(schema, 'properties') ?? {}, field);
      if (!fieldSchema) {
        unknownFields.push(field);
        delete object[field];
      } else
        object[field] = withDefaults(
          fieldSchema,
          this.prune(fieldSchema, object[field], [{ field }], unknownFields),
        );
    }

    let validateFn = this.compiled.get(key);
    if (!validateFn) {
      validateFn = this.ajv.compile(schema);
      this.compiled.set(key, validateFn);
    }
    validateFn(object);
    const errors = (validateFn.errors ?? []).flatMap((e) => toFieldError(object, e) ?? []);
    this.checkListTypesAndRules(
      schema,
      object,
      [],
      errors,
      !errors.some((e) => BLOCKING.has(e.type)),
    );
    if (errors.some((e) => BLOCKING.has(e.type))) {
      errors.push({
        type: 'FieldValueInvalid',
        field: '<nil>',
        body: 'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      });
    }
    return { object, unknownFields, errors };
  }

  private prune(schema: Schema, value: unknown, path: PathPart[], unknown: string[]): unknown {
    if (Array.isArray(value)) {
      const items = child(schema, 'items');
      return items
        ? value.map((v, i) => this.prune(items, v, [...path, { index: i }], unknown))
        : value;
    }
    if (!isObject(value) || (schema.type !== 'object' && !schema.properties)) return value;
    const properties = child(schema, 'properties') ?? {};
    const additional = schema.additionalProperties;
    const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const propSchema = child(properties, k);
      if (propSchema) out[k] = this.prune(propSchema, v, [...path, { field: k }], unknown);
      else if (isObject(additional))
        out[k] = this.prune(additional, v, [...path, { field: k }], unknown);
      else if (preserve || additional === true) out[k] = v;
      else unknown.push(formatPath([...path, { field: k }]));
    }
    return out;
  }

  private checkListTypesAndRules(
    schema: Schema,
    value: unknown,
    path: PathPart[],
    errors: FieldError[],
    runRules: boolean,
  ): void {
    if (value === undefined) return;
    const rules = schema['x-kubernetes-validations'];
    if (runRules && Array.isArray(rules)) {
      for (const rule of rules as unknown[]) {
        if (!isObject(rule) || typeof rule.rule !== 'string') continue;
        const fn = CEL_RULES.get(rule.rule) ?? GATEWAY_API_CEL_RULES.get(rule.rule);
        if (!fn) {
          this.skipped.add(rule.rule);
          continue;
        }
        const message =
          typeof rule.message === 'string' ? rule.message : `failed rule: ${rule.rule}`;
        const result = fn(value);
        if (result === true) continue;
        const type = typeof schema.type === 'string' ? schema.type : 'object';
        const detail = result === false ? message : `${result} evaluating rule: ${message}`;
        errors.push({
          type: 'FieldValueInvalid',
          field: formatPath(path),
          body: `Invalid value: "${type}": ${detail}`,
        });
      }
    }
    if (Array.isArray(value)) {
      this.checkListType(schema, value, path, errors);
      const items = child(schema, 'items');
      if (items)
        value.forEach((v, i) =>
          this.checkListTypesAndRules(items, v, [...path, { index: i }], errors, runRules),
        );
      return;
    }
    if (!isObject(value)) return;
    const properties = child(schema, 'properties') ?? {};
    const additional = child(schema, 'additionalProperties');
    for (const [k, v] of Object.entries(value)) {
      if (path.length === 0 && ROOT_META.has(k)) continue;
      const propSchema = child(properties, k);
      if (propSchema)
        this.checkListTypesAndRules(propSchema, v, [...path, { field: k }], errors, runRules);
      else if (additional)
        this.checkListTypesAndRules(additional, v, [...path, { key: k }], errors, runRules);
    }
  }

  private checkListType(
    schema: Schema,
    list: unknown[],
    path: PathPart[],
    errors: FieldError[],
  ): void {
    const listType = schema['x-kubernetes-list-type'];
    const mapKeys = schema['x-kubernetes-list-map-keys'];
    const seen = new Set<string>();
    list.forEach((item, i) => {
      let identity: unknown = item;
      if (listType === 'map' && Array.isArray(mapKeys) && isObject(item)) {
        identity = Object.fromEntries(
          (mapKeys as unknown[]).map((k) => [String(k), item[String(k)]]),
        );
      } else if (listType !== 'set') return;
      const id = JSON.stringify(identity);
      if (seen.has(id)) {
        errors.push({
          type: 'FieldValueDuplicate',
          field: formatPath([...path, { index: i }]),
          body: `Duplicate value: ${goValue(identity)}`,
        });
      }
      seen.add(id);
    });
  }
}

const repoRoot = (): string => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The repository's own copy of Istio's crd-all.gen.yaml (fixtures/istio-crds). */
export function defaultCrdPath(): string {
  return path.resolve(repoRoot(), 'fixtures/istio-crds/crd-all.gen.yaml');
}

/** The Gateway API schemas the app validates with too. */
export function defaultGatewayApiSchemaPath(): string {
  return path.resolve(repoRoot(), 'lib/kube/gateway-api-crd-schemas.json');
}
