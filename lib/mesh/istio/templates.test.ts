import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ISTIO_KIND_NAMES, wireKind } from './kinds';
import { templateYaml } from './templates';
import { validateSchema, type CrdSchemas } from '../validations/schema';

const schemaFile = (name: string): CrdSchemas =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../kube', name), 'utf8'),
  ) as CrdSchemas;
const SCHEMAS: CrdSchemas = {
  ...schemaFile('istio-crd-schemas.gen.json'),
  ...schemaFile('gateway-api-crd-schemas.json'),
};

describe('templateYaml', () => {
  for (const kind of ISTIO_KIND_NAMES) {
    it(`gives a ${kind} in the namespace that the CRD schema accepts`, () => {
      const obj = parse(templateYaml(kind, 'shop')) as {
        kind: string;
        metadata: { namespace?: string };
      };
      expect(obj.kind).toBe(wireKind(kind));
      if (kind !== 'GatewayClass') expect(obj.metadata.namespace).toBe('shop');
      expect(validateSchema(obj, SCHEMAS)).toEqual([]);
    });
  }
});
