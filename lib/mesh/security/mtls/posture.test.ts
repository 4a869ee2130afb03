/**
 * mTLS posture from cases written after Istio's PeerAuthentication reference and its "Mutual TLS
 * Migration" and "Authentication Policy" tasks (mesh → namespace → workload → port precedence, UNSET
 * inherits), its auto mTLS concept section, and Kiali's mesh-wide status semantics.
 */
import { describe, expect, it } from 'vitest';
import { istio, service } from '@/lib/mesh/testing/mesh';
import type { Inventory, InventoryWorkload, IstioObject } from '@/lib/mesh/types';
import type { ObservedCall } from '../types';
import { ISTIO_DEFAULT_TLS_SETTINGS, type MeshTlsSettings } from './client-tls';
import { securityPosture } from './posture';

const pa = (namespace: string, name: string, spec: Record<string, unknown>): IstioObject =>
  istio('PeerAuthentication', namespace, name, spec);
const dr = (namespace: string, name: string, host: string, mode?: string): IstioObject =>
  istio('DestinationRule', namespace, name, {
    host,
    ...(mode !== undefined && { trafficPolicy: { tls: { mode } } }),
  });
const mode = (m: string) => ({ mtls: { mode: m } });

const workload = (
  namespace: string,
  name: string,
  hasSidecar = true,
  labels: Record<string, string> = { app: name },
): InventoryWorkload => ({
  namespace,
  name,
  kind: 'Deployment',
  labels,
  annotations: {},
  app: labels.app,
  desiredReplicas: 1,
  readyReplicas: 1,
  hasSidecar,
});

const INVENTORY: Inventory = {
  namespaces: [
    { name: 'foo', labels: {}, annotations: {} },
    { name: 'bar', labels: {}, annotations: {} },
  ],
  services: [service('foo', 'httpbin'), service('bar', 'httpbin'), service('bar', 'sleep')],
  workloads: [
    workload('foo', 'httpbin'),
    workload('bar', 'httpbin'),
    workload('bar', 'sleep'),
    workload('bar', 'legacy', false),
  ],
  pods: [],
};

function posture(
  objects: IstioObject[],
  calls: ObservedCall[] = [],
  settings: MeshTlsSettings = ISTIO_DEFAULT_TLS_SETTINGS,
) {
  return securityPosture({
    inventory: INVENTORY,
    objects,
    calls,
    namespaces: ['bar', 'foo'],
    settings,
  });
}
const ns = (p: ReturnType<typeof posture>, name: string) =>
  p.namespaces.find((n) => n.name === name);
const wl = (p: ReturnType<typeof posture>, namespace: string, name: string) =>
  p.workloads.find((w) => w.namespace === namespace && w.name === name);

describe('mesh-wide status', () => {
  it('is unset with no PeerAuthentication and no mesh-wide DestinationRule', () => {
    const p = posture([]);
    expect(p.mesh.mtls).toBe('unset');
    expect(p.mesh.autoMtls).toBe(true);
    expect(p.mesh.sources.map((s) => s.kind)).toEqual(['MeshConfig']);
    expect(ns(p, 'foo')).toMatchObject({ mode: 'UNSET', mtls: 'unset', modeSource: null });
  });

  it('is enabled by a STRICT root-namespace policy, auto mTLS carrying the client side', () => {
    const p = posture([pa('istio-system', 'default', mode('STRICT'))]);
    expect(p.mesh.mtls).toBe('enabled');
    expect(p.mesh.summary).toBe(
      'mTLS enabled mesh-wide: PeerAuthentication istio-system/default is STRICT',
    );
    expect(ns(p, 'bar')).toMatchObject({
      mode: 'STRICT',
      mtls: 'enabled',
      modeSource: { namespace: 'istio-system', name: 'default', scope: 'mesh' },
    });
  });

  it('is only partial when STRICT has no client side: auto mTLS off and no DestinationRule', () => {
    const p = posture([pa('istio-system', 'default', mode('STRICT'))], [], {
      ...ISTIO_DEFAULT_TLS_SETTINGS,
      autoMtls: false,
    });
    expect(p.mesh.mtls).toBe('partial');
    expect(p.mesh.sources.at(-1)?.detail).toMatch(/auto mTLS off/);
  });

  it('a `*.local` ISTIO_MUTUAL rule with auto mTLS is enabled; a DISABLE one under STRICT is partial', () => {
    expect(posture([dr('istio-system', 'mesh', '*.local', 'ISTIO_MUTUAL')]).mesh.mtls).toBe(
      'enabled',
    );
    const conflict = posture([
      pa('istio-system', 'default', mode('STRICT')),
      dr('istio-system', 'mesh', '*.local', 'DISABLE'),
    ]);
    expect(conflict.mesh.mtls).toBe('partial');
    expect(conflict.mesh.sources.map((s) => `${s.kind}:${s.scope}`)).toEqual([
      'PeerAuthentication:mesh',
      'DestinationRule:mesh',
      'MeshConfig:mesh',
    ]);
  });

  it('is partial under a PERMISSIVE mesh policy and names the STRICT namespaces and the rest', () => {
    const p = posture([
      pa('istio-system', 'default', mode('PERMISSIVE')),
      pa('foo', 'default', mode('STRICT')),
    ]);
    expect(p.mesh.mtls).toBe('partial');
    expect(p.mesh.summary).toBe('mTLS partially enabled: foo is STRICT, bar accepts plaintext');
  });

  it('is disabled by a DISABLE mesh policy; a selector in the root namespace is not mesh-wide', () => {
    expect(posture([pa('istio-system', 'default', mode('DISABLE'))]).mesh.mtls).toBe('disabled');
    const selected = posture([
      pa('istio-system', 'some', {
        selector: { matchLabels: { app: 'httpbin' } },
        ...mode('STRICT'),
      }),
    ]);
    expect(selected.mesh.mtls).toBe('unset');
    expect(wl(selected, 'foo', 'httpbin')?.mode).toBe('UNSET');
  });
});

describe('namespace and workload precedence', () => {
  const objects = [
    pa('istio-system', 'default', mode('STRICT')),
    pa('bar', 'default', mode('PERMISSIVE')),
    pa('bar', 'httpbin', { selector: { matchLabels: { app: 'httpbin' } }, ...mode('STRICT') }),
  ];

  it('the namespace policy overrides the mesh one; a workload policy overrides both', () => {
    const p = posture(objects);
    expect(ns(p, 'foo')).toMatchObject({ mode: 'STRICT', mtls: 'enabled' });
    expect(ns(p, 'bar')).toMatchObject({
      mode: 'PERMISSIVE',
      mtls: 'partial',
      modeSource: { namespace: 'bar', name: 'default', scope: 'namespace' },
      workloadOverrides: 1,
    });
    expect(wl(p, 'bar', 'httpbin')).toMatchObject({
      mode: 'STRICT',
      mtls: 'enabled',
      modeSource: { name: 'httpbin', scope: 'workload' },
    });
    expect(wl(p, 'bar', 'sleep')).toMatchObject({ mode: 'PERMISSIVE', mtls: 'partial' });
  });

  it('UNSET inherits from the level above', () => {
    const p = posture([
      pa('istio-system', 'default', mode('STRICT')),
      pa('bar', 'default', mode('UNSET')),
      pa('bar', 'sleep', { selector: { matchLabels: { app: 'sleep' } } }),
    ]);
    expect(ns(p, 'bar')).toMatchObject({ mode: 'STRICT', mtls: 'enabled' });
    expect(wl(p, 'bar', 'sleep')).toMatchObject({
      mode: 'STRICT',
      modeSource: { namespace: 'istio-system', scope: 'mesh' },
    });
  });

  it('port-level modes count on a workload policy, inherit when UNSET, and make it partial', () => {
    const p = posture([
      pa('istio-system', 'default', mode('STRICT')),
      pa('bar', 'httpbin', {
        selector: { matchLabels: { app: 'httpbin' } },
        portLevelMtls: { '8080': { mode: 'DISABLE' }, '9090': { mode: 'UNSET' } },
      }),
      pa('foo', 'default', { ...mode('STRICT'), portLevelMtls: { '8080': { mode: 'DISABLE' } } }),
    ]);
    const httpbin = wl(p, 'bar', 'httpbin');
    expect(httpbin?.mode).toBe('STRICT');
    expect(httpbin?.portModes).toEqual([
      expect.objectContaining({
        port: 8080,
        mode: 'DISABLE',
        source: expect.objectContaining({ scope: 'port' }),
      }),
    ]);
    expect(httpbin?.mtls).toBe('partial');
    // Istio ignores portLevelMtls on a policy without a selector.
    expect(wl(p, 'foo', 'httpbin')).toMatchObject({ portModes: [], mtls: 'enabled' });
  });

  it('a workload without a sidecar has mTLS disabled whatever the policy says', () => {
    expect(wl(posture(objects), 'bar', 'legacy')).toMatchObject({
      mode: 'PERMISSIVE',
      hasSidecar: false,
      mtls: 'disabled',
    });
  });
});

describe('client side', () => {
  it('auto mTLS when no DestinationRule sets tls', () => {
    expect(wl(posture([]), 'foo', 'httpbin')?.clientTls).toMatchObject({
      mode: 'AUTO',
      source: { kind: 'MeshConfig' },
    });
  });

  it('the most specific rule wins, and one without tls leaves it to auto mTLS', () => {
    const p = posture([
      dr('istio-system', 'mesh', '*.local', 'ISTIO_MUTUAL'),
      dr('bar', 'httpbin', 'httpbin', undefined),
      dr('bar', 'sleep', 'sleep.bar.svc.cluster.local', 'DISABLE'),
    ]);
    expect(wl(p, 'foo', 'httpbin')?.clientTls).toMatchObject({
      mode: 'ISTIO_MUTUAL',
      source: { name: 'mesh', scope: 'mesh' },
    });
    expect(wl(p, 'bar', 'httpbin')?.clientTls.mode).toBe('AUTO');
    expect(wl(p, 'bar', 'sleep')?.clientTls).toMatchObject({
      mode: 'DISABLE',
      source: { name: 'sleep', scope: 'host' },
    });
  });

  it('a STRICT workload whose clients are told to send plaintext is partial, not enabled', () => {
    const p = posture([
      pa('istio-system', 'default', mode('STRICT')),
      dr('bar', 'sleep', 'sleep', 'DISABLE'),
    ]);
    expect(wl(p, 'bar', 'sleep')).toMatchObject({ mode: 'STRICT', mtls: 'partial' });
  });

  it('a namespace-wide ISTIO_MUTUAL rule completes a PERMISSIVE namespace only with STRICT', () => {
    const p = posture([
      pa('bar', 'default', mode('STRICT')),
      dr('bar', 'all', '*.bar.svc.cluster.local', 'ISTIO_MUTUAL'),
      pa('foo', 'default', mode('DISABLE')),
      dr('foo', 'all', '*.foo.svc.cluster.local', 'DISABLE'),
    ]);
    expect(ns(p, 'bar')?.mtls).toBe('enabled');
    expect(ns(p, 'foo')?.mtls).toBe('disabled');
  });
});

describe('STRICT readiness', () => {
  const call = (over: Partial<ObservedCall>): ObservedCall => ({
    source: 'sleep',
    sourceNamespace: 'bar',
    principal: 'unknown',
    target: 'httpbin',
    targetNamespace: 'bar',
    security: 'none',
    rps: 1,
    forbiddenRps: 0,
    bytesPerSecond: 0,
    ...over,
  });

  it('lists plaintext callers with their rates; mTLS callers break nothing', () => {
    const p = posture(
      [pa('bar', 'default', mode('PERMISSIVE'))],
      [
        call({ source: 'legacy', rps: 2 }),
        call({ source: 'legacy', rps: 0, bytesPerSecond: 512 }),
        call({ security: 'mutual_tls', principal: 'spiffe://cluster.local/ns/bar/sa/sleep' }),
        call({ source: 'unknown', sourceNamespace: 'unknown', security: 'unknown', rps: 0.5 }),
        call({ target: 'sleep', security: 'mutual_tls' }),
      ],
    );
    const httpbin = wl(p, 'bar', 'httpbin')?.strictReadiness;
    expect(httpbin?.ready).toBe(false);
    expect(httpbin?.plaintextCallers).toEqual([
      {
        source: 'legacy',
        namespace: 'bar',
        target: 'httpbin',
        rps: 2,
        bytesPerSecond: 512,
        why: 'connection_security_policy=none, source has no sidecar',
      },
      expect.objectContaining({
        source: 'unknown',
        rps: 0.5,
        why: expect.stringMatching(/unknown/),
        // No proxy can name a sidecar-less peer: the inventory's sidecar-less workloads are hints.
        candidates: ['bar/legacy'],
      }),
    ]);
    expect(wl(p, 'bar', 'sleep')?.strictReadiness).toEqual({ ready: true, plaintextCallers: [] });
    expect(ns(p, 'bar')?.strictReadiness.plaintextCallers.map((c) => c.source)).toEqual([
      'legacy',
      'unknown',
    ]);
    expect(ns(p, 'foo')?.strictReadiness.ready).toBe(true);
  });
});
