/**
 * AuthorizationPolicy checks on cases written after istioctl's AuthorizationPoliciesAnalyzer
 * (IST0127, IST0101) and Kiali's authorization checkers (KIA0104, KIA0105, KIA0106): each fires on a
 * crafted policy and stays silent on the valid shape next to it.
 */
import { describe, expect, it } from 'vitest';
import { istio, pod, service } from '@/lib/mesh/testing/mesh';
import type { InventoryWorkload, IstioObject } from '@/lib/mesh/types';
import { checkAuthzHosts } from './authz-hosts';
import { checkAuthzSources } from './authz-sources';
import { checkAuthzNoMatchingWorkloads } from './authz-workloads';
import type { MeshConfig } from './types';

const workload = (namespace: string, name: string, serviceAccount: string): InventoryWorkload => ({
  namespace,
  name,
  kind: 'Deployment',
  labels: { app: name },
  annotations: {},
  app: name,
  desiredReplicas: 1,
  readyReplicas: 1,
  hasSidecar: true,
  serviceAccount,
});

function mesh(objects: IstioObject[] = []): MeshConfig {
  return {
    objects,
    inventory: {
      namespaces: ['foo', 'bar', 'istio-system'].map((name) => ({
        name,
        labels: {},
        annotations: {},
      })),
      services: [service('foo', 'httpbin'), service('bar', 'sleep')],
      workloads: [workload('foo', 'httpbin', 'httpbin'), workload('bar', 'sleep', 'sleep')],
      pods: [pod('foo', 'httpbin-1', { app: 'httpbin' }), pod('bar', 'sleep-1', { app: 'sleep' })],
    },
  };
}

const policy = (namespace: string, spec: Record<string, unknown>) =>
  istio('AuthorizationPolicy', namespace, 'p', spec);
const codes = (list: { code: string; path?: string }[]) => list.map((v) => `${v.code} ${v.path}`);

describe('IST0127 no matching workloads', () => {
  it('flags a selector no pod in the namespace carries, not one that matches', () => {
    const stray = policy('foo', { selector: { matchLabels: { app: 'sleep' } } });
    expect(codes(checkAuthzNoMatchingWorkloads(stray, mesh()))).toEqual([
      'IST0127 spec.selector.matchLabels',
    ]);
    const good = policy('foo', { selector: { matchLabels: { app: 'httpbin' } } });
    expect(checkAuthzNoMatchingWorkloads(good, mesh())).toEqual([]);
  });

  it('a root-namespace selector looks at the whole mesh; a root selector-less policy is mesh-wide', () => {
    const root = policy('istio-system', { selector: { matchLabels: { app: 'sleep' } } });
    expect(checkAuthzNoMatchingWorkloads(root, mesh())).toEqual([]);
    expect(checkAuthzNoMatchingWorkloads(policy('istio-system', {}), mesh())).toEqual([]);
  });

  it('flags a namespace-wide policy where no pod runs in the mesh; targetRefs are not judged', () => {
    expect(codes(checkAuthzNoMatchingWorkloads(policy('empty', {}), mesh()))).toEqual([
      'IST0127 metadata.namespace',
    ]);
    const gateway = policy('empty', {
      targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }],
    });
    expect(checkAuthzNoMatchingWorkloads(gateway, mesh())).toEqual([]);
  });
});

describe('sources: namespaces, principals, mTLS', () => {
  const from = (source: Record<string, unknown>) =>
    policy('foo', { rules: [{ from: [{ source }] }] });

  it('IST0101 for a namespace that does not exist, with wildcards matched as Istio does', () => {
    const found = checkAuthzSources(
      from({ namespaces: ['bar', 'ba*', '*ar', 'nope'], notNamespaces: ['gone'] }),
      mesh(),
    );
    expect(codes(found)).toEqual([
      'IST0101 spec.rules[0].from[0].source.namespaces[3]',
      'IST0101 spec.rules[0].from[0].source.notNamespaces[0]',
    ]);
    expect(found[0]?.severity).toBe('error');
  });

  it('KIA0106 for a principal no workload runs as, or in a namespace that does not exist', () => {
    const found = checkAuthzSources(
      from({
        principals: [
          'cluster.local/ns/bar/sa/sleep',
          'cluster.local/ns/bar/sa/ghost',
          'cluster.local/ns/void/sa/x',
          'cluster.local/ns/bar/sa/*',
        ],
      }),
      mesh(),
    );
    expect(codes(found)).toEqual([
      'KIA0106 spec.rules[0].from[0].source.principals[1]',
      'KIA0106 spec.rules[0].from[0].source.principals[2]',
    ]);
    expect(found[0]?.message).toContain('Running as: sleep');
  });

  it('KIA0105 when the workloads it reaches have mTLS turned off, silent under PERMISSIVE', () => {
    const rule = from({ principals: ['cluster.local/ns/bar/sa/sleep'] });
    const off = istio('PeerAuthentication', 'foo', 'default', { mtls: { mode: 'DISABLE' } });
    expect(codes(checkAuthzSources(rule, mesh([off])))).toEqual([
      'KIA0105 spec.rules[0].from[0].source.principals',
    ]);
    const permissive = istio('PeerAuthentication', 'foo', 'default', {
      mtls: { mode: 'PERMISSIVE' },
    });
    expect(checkAuthzSources(rule, mesh([permissive]))).toEqual([]);
    const plainClients = istio('DestinationRule', 'foo', 'httpbin', {
      host: 'httpbin',
      trafficPolicy: { tls: { mode: 'DISABLE' } },
    });
    expect(codes(checkAuthzSources(rule, mesh([plainClients])))).toEqual([
      'KIA0105 spec.rules[0].from[0].source.principals',
    ]);
  });
});

describe('KIA0104 hosts', () => {
  const to = (hosts: string[]) =>
    policy('foo', { rules: [{ to: [{ operation: { hosts, notHosts: ['nowhere.example'] } }] }] });

  it('accepts service names in every form, ports, any case, gateway and ServiceEntry hosts; a catch-all `*` vouches for none', () => {
    const objects = [
      istio('Gateway', 'istio-system', 'gw', {
        servers: [
          { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*/shop.example', '*'] },
        ],
      }),
      istio('ServiceEntry', 'foo', 'api', { hosts: ['*.api.example'] }),
    ];
    const found = checkAuthzHosts(
      to([
        'httpbin',
        'httpbin.foo:8000',
        'HTTPBIN.foo.svc.cluster.local',
        'shop.example',
        'v1.api.example',
        '*.anything',
        'typo.foo',
      ]),
      mesh(objects),
    );
    expect(codes(found)).toEqual([
      'KIA0104 spec.rules[0].to[0].operation.hosts[6]',
      'KIA0104 spec.rules[0].to[0].operation.notHosts[0]',
    ]);
  });
});
