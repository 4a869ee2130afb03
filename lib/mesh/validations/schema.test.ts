import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixturePath, readFixture } from '@/lib/testing/fixtures';
import { validateSchema, type CrdSchemas } from './schema';

// Read as data: lib/mesh may not import lib/kube, and the schemas are only data to this module.
const SCHEMAS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../kube/istio-crd-schemas.gen.json'), 'utf8'),
) as CrdSchemas;
const DIR = 'istio-crds/validation-examples';

function documents(file: string): Record<string, unknown>[] {
  return parseAllDocuments(readFixture(`${DIR}/${file}`))
    .map((d) => d.toJS() as unknown)
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null);
}

const files = readdirSync(fixturePath(DIR));

// `addresses: [1.2.3.4, 001:db8::]`: Go's YAML 1.1 parser reads `001:db8::` as one string, the `yaml`
// package (YAML 1.2: a ':' before ']' is an indicator) as a mapping. A parser difference, not a schema one.
const PARSED_DIFFERENTLY = new Set(['serviceentry-valid.yaml#full']);

describe('validateSchema on Istio’s own validation examples', () => {
  for (const file of files.filter((f) => f.endsWith('-valid.yaml'))) {
    it(`accepts every object in ${file}`, () => {
      for (const doc of documents(file)) {
        const name = (doc.metadata as { name?: string } | undefined)?.name;
        if (PARSED_DIFFERENTLY.has(`${file}#${name}`)) continue;
        expect(validateSchema(doc, SCHEMAS), JSON.stringify(doc)).toEqual([]);
      }
    });
  }
  for (const file of files.filter((f) => f.endsWith('-invalid.yaml'))) {
    it(`rejects every object in ${file}`, () => {
      for (const { _err: expected, ...doc } of documents(file)) {
        const found = validateSchema(doc, SCHEMAS);
        expect(found.length, `${String(expected)} in ${JSON.stringify(doc)}`).toBeGreaterThan(0);
        expect(found.every((v) => v.code === 'IST0106' && v.severity === 'error')).toBe(true);
      }
    });
  }
});

describe('validateSchema messages and paths', () => {
  const vs = (route: unknown): Record<string, unknown> => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name: 'checkout', namespace: 'shop' },
    spec: { hosts: ['checkout'], http: [{ route }] },
  });

  it('names the field of a weight that is not a number', () => {
    const found = validateSchema(vs([{ destination: { host: 'checkout' }, weight: 'x' }]), SCHEMAS);
    expect(found).toEqual([
      expect.objectContaining({
        path: 'spec.http[0].route[0].weight',
        message: expect.stringContaining('must be integer, got the string "x"'),
      }),
    ]);
  });

  it('reports unknown fields (typos) and missing required ones', () => {
    const found = validateSchema(vs([{ destination: {}, wieght: 10 }]), SCHEMAS);
    expect(found.map((v) => v.path).sort()).toEqual([
      'spec.http[0].route[0].destination.host',
      'spec.http[0].route[0].wieght',
    ]);
  });

  it('explains a oneOf as "at most one of"', () => {
    const obj = vs([{ destination: { host: 'a' } }]);
    (obj.spec as { http: Record<string, unknown>[] }).http[0] = {
      match: [{ uri: { exact: '/a', prefix: '/b' } }],
      route: [{ destination: { host: 'a' } }],
    };
    expect(validateSchema(obj, SCHEMAS)).toEqual([
      expect.objectContaining({
        path: 'spec.http[0].match[0].uri',
        message: "Set at most one of 'exact', 'prefix', 'regex'.",
      }),
    ]);
  });

  it('accepts int-or-string and refuses a wrong apiVersion or kind', () => {
    const dr = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'x' },
      spec: { host: 'x', trafficPolicy: { connectionPool: { tcp: { maxConnections: 10 } } } },
    };
    expect(validateSchema(dr, SCHEMAS)).toEqual([]);
    expect(validateSchema({ ...dr, apiVersion: 'security.istio.io/v1' }, SCHEMAS)[0]?.path).toBe(
      'apiVersion',
    );
    expect(validateSchema({ ...dr, kind: 'Pod' }, SCHEMAS)[0]?.path).toBe('kind');
    expect(validateSchema({ ...dr, metadata: { name: 'Bad_Name' } }, SCHEMAS)[0]?.path).toBe(
      'metadata.name',
    );
  });
});
