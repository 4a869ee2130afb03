/**
 * istioctl's k8sgateway SelectorAnalyzer cases (testdata k8sgateway-selector.yaml, analyzers_test.go
 * "KubernetesGatewaySelector"), rebuilt with our own objects.
 */
import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { checkIneffectiveSelector } from './ineffective-selector';
import { istio, meshOf, pod } from '../testing/mesh';

const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
const gatewayPod = pod('default', 'bookinfo-gateway-istio-1', {
  [GATEWAY_NAME]: 'bookinfo-gateway',
});
const appPod = pod('default', 'productpage-v1-1', { app: 'productpage' });
const mesh = meshOf([], [], [gatewayPod, appPod]);

const policy = (kind: IstioObject['kind'], spec: Record<string, unknown>, namespace = 'default') =>
  istio(kind, namespace, `${kind.toLowerCase()}-x`, spec);
const onGateway = { selector: { matchLabels: { [GATEWAY_NAME]: 'bookinfo-gateway' } } };

describe('checkIneffectiveSelector (IST0166)', () => {
  it('each policy kind selecting a Kubernetes Gateway pod is ineffective', () => {
    for (const kind of [
      'AuthorizationPolicy',
      'RequestAuthentication',
      'Telemetry',
      'WasmPlugin',
    ] as const) {
      const found = checkIneffectiveSelector(policy(kind, onGateway), mesh);
      expect(found.map((v) => [v.code, v.severity, v.path])).toEqual([
        ['IST0166', 'warning', 'spec.selector'],
      ]);
      expect(found[0]?.message).toContain("Kubernetes Gateway 'bookinfo-gateway'");
    }
  });

  it('a policy attached with targetRef or targetRefs is effective', () => {
    const ref = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'bookinfo-gateway' };
    expect(
      checkIneffectiveSelector(policy('Telemetry', { ...onGateway, targetRef: ref }), mesh),
    ).toEqual([]);
    expect(
      checkIneffectiveSelector(
        policy('AuthorizationPolicy', { ...onGateway, targetRefs: [ref] }),
        mesh,
      ),
    ).toEqual([]);
  });

  it('selectors of ordinary workloads, other namespaces and other kinds are left alone', () => {
    const app = { selector: { matchLabels: { app: 'productpage' } } };
    expect(checkIneffectiveSelector(policy('AuthorizationPolicy', app), mesh)).toEqual([]);
    expect(
      checkIneffectiveSelector(policy('AuthorizationPolicy', onGateway, 'other'), mesh),
    ).toEqual([]);
    expect(checkIneffectiveSelector(policy('AuthorizationPolicy', {}), mesh)).toEqual([]);
    expect(checkIneffectiveSelector(policy('PeerAuthentication', onGateway), mesh)).toEqual([]);
  });
});
