import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ISTIO_KIND_NAMES } from './kinds';
import { templateYaml } from './templates';
import { validateSchema, type CrdSchemas } from '../validations/schema';

const SCHEMAS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../kube/istio-crd-schemas.gen.json'), 'utf8'),
) as CrdSchemas;

describe('templateYaml', () => {
  for (const kind of ISTIO_KIND_NAMES) {
    it(`gives a ${kind} in the namespace that the CRD schema accepts`, () => {
      const obj = parse(templateYaml(kind, 'shop')) as {
        kind: string;
        metadata: { namespace: string };
      };
      expect(obj.kind).toBe(kind);
      expect(obj.metadata.namespace).toBe('shop');
      expect(validateSchema(obj, SCHEMAS)).toEqual([]);
    });
  }
});
