import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrdSchemas } from '../validations/schema';
import {
  analyzeDocuments,
  formatFinding,
  readDocuments,
  sortFindings,
  summarize,
  type OfflineFinding,
  type SourceDocument,
} from './offline';

// Read as data: lib/mesh may not import lib/kube, and the schemas are only data to this module.
const SCHEMAS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../kube/istio-crd-schemas.gen.json'), 'utf8'),
) as CrdSchemas;

const finding = (
  level: OfflineFinding['level'],
  code: string,
  kind: string,
  namespace: string,
  name: string,
): OfflineFinding => ({ code, level, resource: { kind, namespace, name }, message: 'm' });

describe('formatFinding', () => {
  it('prints istioctl’s line, a cluster-scoped object without namespace', () => {
    expect(formatFinding(finding('Error', 'IST0101', 'VirtualService', 'default', 'reviews'))).toBe(
      'Error [IST0101] (VirtualService default/reviews) m',
    );
    expect(formatFinding(finding('Info', 'IST0102', 'Namespace', '', 'bar'))).toBe(
      'Info [IST0102] (Namespace bar) m',
    );
  });

  it('sorts by level, code, then resource', () => {
    const sorted = sortFindings([
      finding('Warning', 'IST0101', 'Pod', 'a', 'p'),
      finding('Error', 'IST0106', 'VirtualService', 'b', 'x'),
      finding('Error', 'IST0101', 'VirtualService', 'b', 'y'),
      finding('Error', 'IST0101', 'VirtualService', 'a', 'z'),
    ]);
    expect(
      sorted.map((f) => `${f.level} ${f.code} ${f.resource.namespace}/${f.resource.name}`),
    ).toEqual([
      'Error IST0101 a/z',
      'Error IST0101 b/y',
      'Error IST0106 b/x',
      'Warning IST0101 a/p',
    ]);
  });

  it('sums up, or says nothing was found', () => {
    expect(summarize([], 3)).toBe('✔ No validation issues found in 3 objects.');
    expect(summarize([finding('Error', 'X', 'Pod', 'a', 'p')], 1)).toBe(
      '1 error, 0 warnings, 0 info in 1 objects.',
    );
  });
});

describe('readDocuments', () => {
  it('expands List items, skips empty documents, and reports one that does not parse', () => {
    const text = [
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n- {apiVersion: v1, kind: Namespace, metadata: {name: b}}',
      '',
      ': bad: [',
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: c}',
    ].join('\n---\n');
    const { documents, findings } = readDocuments(text, 'f.yaml');
    expect(
      documents.map((d) => (d.manifest as { metadata: { name: string } }).metadata.name),
    ).toEqual(['a', 'b', 'c']);
    expect(documents[0]?.source).toBe('f.yaml:1');
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'MESHLENS-002',
        level: 'Error',
        resource: expect.objectContaining({ kind: 'File' }),
      }),
    ]);
  });
});

describe('analyzeDocuments', () => {
  const vs = (name: string, spec: unknown) => ({
    manifest: {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name },
      spec,
    },
    source: 'f.yaml:1',
  });

  it('reports a schema failure as IST0106, and no semantic check on that object', () => {
    const found = analyzeDocuments([vs('bad', { hosts: 'reviews' })], { schemas: SCHEMAS });
    expect(found.map((f) => f.code)).toEqual(['IST0106']);
    expect(found[0]?.resource).toEqual({
      kind: 'VirtualService',
      namespace: 'default',
      name: 'bad',
    });
  });

  it('leaves object names to the API server, as istioctl does', () => {
    const route = { hosts: ['r'], http: [{ route: [{ destination: { host: 'r' } }] }] };
    const codes = analyzeDocuments([vs('Upper-Case', route)], { schemas: SCHEMAS }).map(
      (f) => f.code,
    );
    expect(codes).not.toContain('IST0106');
    expect(codes).toContain('IST0101');
  });

  it('runs the semantic checks over the mesh the files describe', () => {
    const route = { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] };
    expect(analyzeDocuments([vs('r', route)], { schemas: SCHEMAS }).map((f) => f.code)).toContain(
      'IST0101',
    );
    const service = {
      manifest: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'reviews' },
        spec: { ports: [{ name: 'http', port: 9080 }] },
      },
      source: 'f.yaml:9',
    };
    expect(analyzeDocuments([vs('r', route), service], { schemas: SCHEMAS })).toEqual([]);
  });

  it('reports a document that is no object, and keeps going', () => {
    const found = analyzeDocuments([{ manifest: 'text', source: 'f.yaml:3' }], {
      schemas: SCHEMAS,
    });
    expect(found).toEqual([
      expect.objectContaining({
        code: 'IST0106',
        resource: { kind: 'File', namespace: '', name: 'f.yaml:3' },
      }),
    ]);
  });
});

describe('the ingress gateway istioctl assumes when analysing files', () => {
  const gatewayOn = (port: number): SourceDocument => ({
    source: 'gw.yaml:1',
    manifest: {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { istio: 'ingressgateway' },
        servers: [{ port: { number: port, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
      },
    },
  });
  const codesOf = (docs: SourceDocument[], meshConfig?: string): string[] =>
    analyzeDocuments(docs, { schemas: SCHEMAS, ...(meshConfig && { meshConfig }) }).map(
      (f) => `${f.code} ${f.resource.kind} ${f.resource.name}`,
    );

  it('offers its ports to Gateways selecting it, and reports nothing about itself', () => {
    expect(codesOf([gatewayOn(80)])).toEqual([]);
    expect(codesOf([gatewayOn(8004)])).toEqual(['IST0162 Gateway web']);
  });

  it('is not assumed when the mesh config turns the ingress controller off', () => {
    expect(codesOf([gatewayOn(8004)], 'ingressControllerMode: "OFF"\n')).toEqual([]);
  });
});
