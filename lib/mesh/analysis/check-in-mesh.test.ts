import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CrdSchemas } from '../validations/schema';
import type { MeshConfig, ResourceFinding } from '../validations/types';
import { checkInMesh, placeInMesh, UNCHECKED_KIND_CODE } from './check-in-mesh';

// A stand-in mesh analyzer (the real ones are registered elsewhere): a Namespace without
// `istio-injection` is reported, and so is every VirtualService named `flagged`.
const standIn = vi.hoisted(() => (mesh: MeshConfig): ResourceFinding[] => [
  ...mesh.inventory.namespaces
    .filter((n) => n.labels['istio-injection'] === undefined)
    .map((n) => ({
      resource: { kind: 'Namespace', namespace: '', name: n.name },
      validation: {
        code: 'IST0102',
        severity: 'info' as const,
        message: `not injected: ${n.name}`,
      },
    })),
  ...mesh.objects
    .filter((o) => o.name === 'flagged')
    .map((o) => ({
      resource: { kind: o.kind, namespace: o.namespace, name: o.name },
      validation: { code: 'IST0999', severity: 'warning' as const, message: 'flagged' },
    })),
]);

vi.mock('../validations', async (original) => ({
  ...(await original<typeof import('../validations')>()),
  MESH_ANALYZERS: [standIn],
  analyzeMesh: standIn,
}));

// Read as data: lib/mesh may not import lib/kube, and the schemas are only data to this module.
const SCHEMAS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../kube/istio-crd-schemas.gen.json'), 'utf8'),
) as CrdSchemas;

const live: MeshConfig = {
  objects: [],
  inventory: {
    namespaces: [
      { name: 'bookinfo', labels: { 'istio-injection': 'enabled' }, annotations: {} },
      { name: 'shop', labels: {}, annotations: {} },
    ],
    services: [],
    workloads: [],
    pods: [],
  },
};

const namespace = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});

const vs = (name: string) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name },
  spec: { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] },
});

describe('checkInMesh', () => {
  it('gives a Namespace the findings on it, with the posted labels in place of the stored ones', () => {
    expect(checkInMesh(namespace('bookinfo'), [], live, 'default', SCHEMAS)).toEqual({
      ok: true,
      validations: [{ code: 'IST0102', severity: 'info', message: 'not injected: bookinfo' }],
    });
    const injected = namespace('shop', { 'istio-injection': 'enabled' });
    expect(checkInMesh(injected, [], live, 'default', SCHEMAS).validations).toEqual([]);
  });

  it('adds the mesh findings on an Istio object to its semantic checks', () => {
    const result = checkInMesh(vs('flagged'), [], live, 'bookinfo', SCHEMAS);
    expect(result.validations.map((v) => v.code)).toContain('IST0999');
    expect(checkInMesh(vs('fine'), [], live, 'bookinfo', SCHEMAS).validations).not.toContainEqual(
      expect.objectContaining({ code: 'IST0999' }),
    );
  });

  it('says a kind Meshlens does not read was not checked, never that it is valid', () => {
    const tcp = {
      apiVersion: 'gateway.networking.k8s.io/v1alpha2',
      kind: 'TCPRoute',
      metadata: { name: 'db' },
    };
    expect(checkInMesh(tcp, [], live, 'default', SCHEMAS)).toEqual({
      ok: true,
      validations: [
        {
          code: UNCHECKED_KIND_CODE,
          severity: 'info',
          message: 'Meshlens does not check TCPRoute; nothing was checked.',
          path: 'kind',
        },
      ],
    });
  });

  it('refuses an Istio kind under the wrong group by its schema', () => {
    const wrong = { ...vs('x'), apiVersion: 'gateway.networking.k8s.io/v1' };
    const result = checkInMesh(wrong, [], live, 'default', SCHEMAS);
    expect(result.ok).toBe(false);
    expect(result.validations[0]).toMatchObject({ code: 'IST0106', path: 'apiVersion' });
  });
});

describe('placeInMesh', () => {
  it('replaces the stored objects of the same kind, namespace and name, in the given namespace', () => {
    const placed = placeInMesh(
      live,
      [
        namespace('shop', { a: 'b' }),
        vs('reviews'),
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
      ],
      'bookinfo',
    );
    expect(placed.inventory.namespaces.map((n) => [n.name, n.labels])).toEqual([
      ['bookinfo', { 'istio-injection': 'enabled' }],
      ['shop', { a: 'b' }],
    ]);
    expect(placed.objects.map((o) => `${o.namespace}/${o.name}`)).toEqual(['bookinfo/reviews']);
    expect(placed.inventory.pods.map((p) => `${p.namespace}/${p.name}`)).toEqual(['bookinfo/p']);
    expect(placed.inventory.secrets).toBeUndefined();
  });

  it('reads a posted Deployment with its live namespace’s injection label', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'reviews' },
      spec: { template: { metadata: { labels: { app: 'reviews' } } } },
    };
    const placed = placeInMesh(live, [deployment], 'bookinfo');
    expect(placed.inventory.workloads).toEqual([
      expect.objectContaining({ namespace: 'bookinfo', name: 'reviews', hasSidecar: true }),
    ]);
  });
});
