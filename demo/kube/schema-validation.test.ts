import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resourceForObject } from './resources';
import { CrdSchemas, defaultCrdPath } from './schema-validation';

const schemas = new CrdSchemas(defaultCrdPath());
const examplesDir = path.resolve(path.dirname(defaultCrdPath()), 'validation-examples');

interface Example {
  name: string;
  expectedError: string | undefined;
  object: Record<string, unknown>;
}

function loadExamples(file: string): Example[] {
  // go-yaml reads the flow-sequence item `001:db8::` as a string; the yaml package (YAML 1.2 flow rules)
  // reads it as an implicit one-pair map, so quote it to validate what Istio's test validates.
  const text = fs
    .readFileSync(path.join(examplesDir, file), 'utf8')
    .replace(' 001:db8::]', ' "001:db8::"]');
  return parseAllDocuments(text)
    .map((d) => d.toJS() as unknown)
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((doc) => {
      const { _err, ...object } = doc;
      const meta = object.metadata as { name: string };
      return {
        name: meta.name,
        expectedError: typeof _err === 'string' ? _err : undefined,
        object,
      };
    });
}

function validate(object: Record<string, unknown>) {
  const apiVersion = String(object.apiVersion);
  const def = resourceForObject(apiVersion, String(object.kind));
  if (!def) throw new Error(`no resource for ${apiVersion}`);
  return schemas.validate(def, apiVersion.split('/')[1] ?? '', object);
}

const files = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.yaml'));

describe.each(files.filter((f) => f.endsWith('-valid.yaml')))('%s', (file) => {
  it.each(loadExamples(file).map((e) => [e.name, e] as const))('accepts %s', (_name, example) => {
    expect(validate(example.object).errors).toEqual([]);
  });
});

describe.each(files.filter((f) => f.endsWith('-invalid.yaml')))('%s', (file) => {
  it.each(loadExamples(file).map((e) => [e.name, e] as const))('rejects %s', (_name, example) => {
    const text = validate(example.object)
      .errors.map((e) => `${e.field}: ${e.body}`)
      .join(', ');
    expect(text).toContain(example.expectedError);
  });
});

describe('CrdSchemas', () => {
  const vs = (weight: unknown, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'reviews', namespace: 'default' },
    spec: {
      hosts: ['reviews'],
      http: [{ route: [{ destination: { host: 'reviews' }, weight }] }],
      ...extra,
    },
  });

  it('reports a string weight as FieldValueTypeInvalid in kube-openapi wording', () => {
    const { errors } = validate(vs('x'));
    expect(errors[0]).toEqual({
      type: 'FieldValueTypeInvalid',
      field: 'spec.http[0].route[0].weight',
      body: 'Invalid value: "string": spec.http[0].route[0].weight in body must be of type integer: "string"',
    });
  });

  it('prunes undeclared fields and reports their paths', () => {
    const result = validate(vs(100, { bogus: 1 }));
    expect(result.errors).toEqual([]);
    expect(result.unknownFields).toEqual(['spec.bogus']);
    expect(result.object.spec).not.toHaveProperty('bogus');
  });

  it('implements every CEL rule it meets on the served kinds', () => {
    for (const file of files) for (const e of loadExamples(file)) validate(e.object);
    expect(schemas.skippedCelRules()).toEqual([]);
  });
});
