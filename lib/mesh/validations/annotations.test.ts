import { describe, expect, it } from 'vitest';
import type { Inventory } from '@/lib/mesh/types';
import { analyzeAnnotations } from './annotations';
import { pod, service, workload } from '../testing/mesh';
import type { MeshConfig } from './types';

function meshWith(inventory: Partial<Inventory>): MeshConfig {
  return {
    objects: [],
    inventory: { namespaces: [], services: [], workloads: [], pods: [], ...inventory },
  };
}

const codesOf = (mesh: MeshConfig) =>
  analyzeAnnotations(mesh).map((f) => `${f.validation.code} ${f.resource.kind} ${f.resource.name}`);

describe('analyzeAnnotations', () => {
  it('flags an annotation in the istio.io domain that Istio does not define (IST0108)', () => {
    const svc = {
      ...service('default', 'httpbin'),
      annotations: {
        'networking.istio.io/exportThree': 'bar',
        'networking.istio.io/exportTo': 'baz',
      },
    };
    const [finding, ...rest] = analyzeAnnotations(meshWith({ services: [svc] }));
    expect(rest).toEqual([]);
    expect(finding?.resource).toEqual({ kind: 'Service', namespace: 'default', name: 'httpbin' });
    expect(finding?.validation).toMatchObject({
      code: 'IST0108',
      severity: 'warning',
      path: 'metadata.annotations["networking.istio.io/exportThree"]',
    });
  });

  it('ignores annotations outside Istio’s domain', () => {
    const svc = {
      ...service('default', 'details'),
      annotations: { 'kubernetes.io/psp': 'my-privileged-psp', 'helm.sh/hook': 'test' },
    };
    expect(analyzeAnnotations(meshWith({ services: [svc] }))).toEqual([]);
  });

  it('flags a value the injector refuses (IST0125) and accepts a valid one', () => {
    const p = {
      ...pod('default', 'invalid-annotations', {}),
      annotations: {
        'readiness.status.sidecar.istio.io/initialDelaySeconds': 'bar',
        'readiness.status.sidecar.istio.io/periodSeconds': '10',
        'traffic.sidecar.istio.io/excludeOutboundIPRanges': '10.0.0.0/8,fd00::/8',
        'traffic.sidecar.istio.io/includeInboundPorts': '*',
        'sidecar.istio.io/interceptionMode': 'TPROXY',
      },
    };
    expect(codesOf(meshWith({ pods: [p] }))).toEqual(['IST0125 Pod invalid-annotations']);
  });

  it.each([
    ['traffic.sidecar.istio.io/excludeOutboundIPRanges', '10.0.0.0/33'],
    ['traffic.sidecar.istio.io/includeOutboundIPRanges', '10.0.0.0'],
    ['traffic.sidecar.istio.io/excludeInboundPorts', '8080,http'],
    ['status.sidecar.istio.io/port', '70000'],
    ['prometheus.istio.io/merge-metrics', 'yes'],
    ['sidecar.istio.io/interceptionMode', 'redirect'],
    ['proxy.istio.io/config', '[1, 2]'],
  ])('refuses %s: %s', (name, value) => {
    const p = { ...pod('default', 'p', {}), annotations: { [name]: value } };
    expect(codesOf(meshWith({ pods: [p] }))).toEqual(['IST0125 Pod p']);
  });

  it('flags a pod annotation on a Pod only once it is misplaced, never its value (IST0107)', () => {
    const p = {
      ...pod('default', 'grafana-test', { app: 'grafana-test' }),
      annotations: {
        'proxy.istio.io/config': '{}',
        'helm.sh/hook': 'test-success',
        'kubernetes.io/ingress.class': 'istio',
      },
    };
    const findings = analyzeAnnotations(meshWith({ pods: [p] }));
    expect(findings.map((f) => f.validation.code)).toEqual(['IST0107']);
    expect(findings[0]?.validation.message).toContain('can only be applied to Ingress');
  });

  it('flags a pod annotation on a Deployment’s own metadata as misplaced and deprecated', () => {
    const deploy = {
      ...workload('default', 'fortio-deploy', { app: 'fortio' }),
      objectAnnotations: { 'sidecar.istio.io/statsInclusionPrefixes': 'cluster.outbound' },
    };
    const findings = analyzeAnnotations(meshWith({ workloads: [deploy] }));
    expect(findings.map((f) => [f.validation.code, f.validation.severity])).toEqual([
      ['IST0135', 'info'],
      ['IST0107', 'warning'],
    ]);
    expect(findings[1]?.validation.message).toContain('spec.template.metadata.annotations');
  });

  it('reads a Deployment’s pod template annotations as the pods’, not as misplaced', () => {
    const deploy = {
      ...workload('default', 'fortio', { app: 'fortio' }),
      annotations: { 'sidecar.istio.io/proxyCPU': '100m' },
      objectAnnotations: {},
    };
    expect(analyzeAnnotations(meshWith({ workloads: [deploy] }))).toEqual([]);
  });

  it('flags an annotation that does not belong on a Namespace', () => {
    const ns = {
      name: 'staging',
      labels: {},
      annotations: { 'kubernetes.io/ingress.class': 'foo' },
    };
    expect(codesOf(meshWith({ namespaces: [ns] }))).toEqual(['IST0107 Namespace staging']);
  });

  it('reports the deprecated inject annotation, except beside the inject label', () => {
    const annotated = {
      ...pod('default', 'a', {}),
      annotations: { 'sidecar.istio.io/inject': 'false' },
    };
    const both = {
      ...pod('default', 'b', { 'sidecar.istio.io/inject': 'false' }),
      annotations: { 'sidecar.istio.io/inject': 'false' },
    };
    const findings = analyzeAnnotations(meshWith({ pods: [annotated, both] }));
    expect(findings.map((f) => f.resource.name)).toEqual(['a']);
    expect(findings[0]?.validation.message).toContain(
      'in favor of the "sidecar.istio.io/inject" label',
    );
  });

  it('accepts the annotations Istio sets itself and those for any kind', () => {
    const p = {
      ...pod('bookinfo', 'reviews-v1-abc', { app: 'reviews' }),
      annotations: {
        'sidecar.istio.io/status': '{}',
        'istio.io/rev': 'default',
        'ambient.istio.io/redirection': 'enabled',
        'galley.istio.io/analyze-suppress': 'IST0103',
      },
    };
    expect(analyzeAnnotations(meshWith({ pods: [p] }))).toEqual([]);
  });

  it('reports nothing where annotations are unknown, and nothing in system namespaces', () => {
    const noAnnotations = pod('default', 'p', {});
    const system = { ...pod('kube-system', 'k', {}), annotations: { 'foo.istio.io/bar': 'x' } };
    expect(analyzeAnnotations(meshWith({ pods: [noAnnotations, system] }))).toEqual([]);
  });
});
