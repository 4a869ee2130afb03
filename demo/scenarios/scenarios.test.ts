import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/types.js';
import { podHasSidecar } from '../model/workloads.js';
import { buildScenario } from './index.js';

type Obj = Record<string, unknown>;
const spec = (o: KubeObject): Obj => o.spec as Obj;
const named = (list: unknown, name: string): Obj | undefined =>
  (list as Obj[] | undefined)?.find((c) => c.name === name);

describe('demo scenario', () => {
  const s = buildScenario('demo', 42);
  const pods = s.objects.filter((o) => o.kind === 'Pod');
  const pod = (prefix: string): KubeObject => {
    const p = pods.find((x) => x.metadata.name.startsWith(`${prefix}-`));
    if (!p) throw new Error(`no pod ${prefix}`);
    return p;
  };

  it('injects Istio 1.30 native sidecars: istio-proxy as an initContainer with restartPolicy Always', () => {
    const p = pod('reviews-v2');
    const proxy = named(spec(p).initContainers, 'istio-proxy');
    expect(proxy?.restartPolicy).toBe('Always');
    expect(named(spec(p).initContainers, 'istio-init')).toBeDefined();
    expect(named(spec(p).containers, 'istio-proxy')).toBeUndefined();
    expect(
      JSON.parse(p.metadata.annotations?.['sidecar.istio.io/status'] ?? '{}').initContainers,
    ).toEqual(['istio-init', 'istio-proxy']);
    expect(p.metadata.labels).toMatchObject({
      app: 'reviews',
      version: 'v2',
      'security.istio.io/tlsMode': 'istio',
      'service.istio.io/canonical-name': 'reviews',
      'service.istio.io/canonical-revision': 'v2',
    });
    expect(podHasSidecar(p)).toBe(true);
  });

  it('leaves legacy-batch without a sidecar and the gateway with Envoy as its main container', () => {
    const legacy = pod('legacy-batch');
    expect(podHasSidecar(legacy)).toBe(false);
    expect(legacy.metadata.labels?.['security.istio.io/tlsMode']).toBeUndefined();
    const gw = pod('istio-ingressgateway');
    expect(podHasSidecar(gw)).toBe(false);
    expect(named(spec(gw).containers, 'istio-proxy')).toBeDefined();
  });

  it('ships Bookinfo routing, STRICT in bookinfo and PERMISSIVE in shop, a missing subset and a ServiceEntry', () => {
    const find = (kind: string, ns: string, name: string): KubeObject | undefined =>
      s.objects.find(
        (o) => o.kind === kind && o.metadata.namespace === ns && o.metadata.name === name,
      );
    const reviews = spec(find('VirtualService', 'bookinfo', 'reviews') as KubeObject);
    expect(JSON.stringify(reviews)).toContain('"subset":"v3"');
    expect(
      (spec(find('DestinationRule', 'bookinfo', 'reviews') as KubeObject).subsets as Obj[]).map(
        (x) => x.name,
      ),
    ).toEqual(['v1', 'v2', 'v3']);
    expect(spec(find('PeerAuthentication', 'bookinfo', 'default') as KubeObject)).toEqual({
      mtls: { mode: 'STRICT' },
    });
    expect(spec(find('PeerAuthentication', 'shop', 'default') as KubeObject)).toEqual({
      mtls: { mode: 'PERMISSIVE' },
    });
    expect(spec(find('PeerAuthentication', 'istio-system', 'default') as KubeObject)).toEqual({
      mtls: { mode: 'PERMISSIVE' },
    });
    expect(
      JSON.stringify(spec(find('VirtualService', 'shop', 'checkout') as KubeObject)),
    ).toContain('"subset":"v2"');
    expect(
      (spec(find('DestinationRule', 'shop', 'checkout') as KubeObject).subsets as Obj[]).map(
        (x) => x.name,
      ),
    ).toEqual(['v1']);
    expect(spec(find('ServiceEntry', 'shop', 'stripe') as KubeObject)).toMatchObject({
      hosts: ['api.stripe.example'],
      location: 'MESH_EXTERNAL',
    });
    expect(find('Gateway', 'bookinfo', 'bookinfo-gateway')).toBeDefined();
  });

  it('is deterministic under a seed', () => {
    expect(JSON.stringify(buildScenario('demo', 42))).toBe(JSON.stringify(s));
    expect(JSON.stringify(buildScenario('demo', 43).objects)).not.toBe(JSON.stringify(s.objects));
  });
});

describe('scale scenario', () => {
  it('builds 3000 services across 30 namespaces quickly, each with a sidecar', () => {
    const t0 = performance.now();
    const s = buildScenario('scale', 5, { services: 3000 });
    console.log(
      `scale 3000 built in ${(performance.now() - t0).toFixed(0)} ms, ${s.objects.length} objects`,
    );
    const services = s.objects.filter(
      (o) => o.kind === 'Service' && o.metadata.namespace?.startsWith('mesh-'),
    );
    expect(services).toHaveLength(3000);
    expect(new Set(services.map((o) => o.metadata.namespace)).size).toBe(30);
    expect(
      s.objects
        .filter((o) => o.kind === 'Pod' && o.metadata.namespace?.startsWith('mesh-'))
        .every(podHasSidecar),
    ).toBe(true);
    const childCalls = s.topology.calls.filter((c) => c.perRequest !== undefined);
    expect(childCalls.length).toBe(3000 - 30);
  });
});

describe('travel (ambient) in the demo scenario', () => {
  const s = buildScenario('demo', 42);
  const find = (kind: string, ns: string | undefined, name: string): KubeObject => {
    const o = s.objects.find(
      (x) => x.kind === kind && x.metadata.namespace === ns && x.metadata.name === name,
    );
    if (!o) throw new Error(`no ${kind} ${ns}/${name}`);
    return o;
  };

  it('enrols the namespace in ambient with a namespace waypoint; pods carry no sidecar', () => {
    expect(find('Namespace', undefined, 'travel').metadata.labels).toMatchObject({
      'istio.io/dataplane-mode': 'ambient',
      'istio.io/use-waypoint': 'waypoint',
    });
    const pods = s.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'travel');
    expect(pods).toHaveLength(6);
    expect(pods.some(podHasSidecar)).toBe(false);
    const waypoint = find('Gateway', 'travel', 'waypoint');
    expect(waypoint.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(waypoint.metadata.labels).toEqual({ 'istio.io/waypoint-for': 'service' });
    expect(spec(waypoint)).toEqual({
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    });
    const wpPod = pods.find((p) => p.metadata.name.startsWith('waypoint-'));
    expect(wpPod?.metadata.labels).toMatchObject({
      'gateway.networking.k8s.io/gateway-name': 'waypoint',
      'gateway.istio.io/managed': 'istio.io-mesh-controller',
    });
    expect(find('Service', 'travel', 'hotels-db').metadata.labels).toMatchObject({
      'istio.io/use-waypoint': 'none',
    });
  });

  it('ships the flights canary HTTPRoute, the Gateway API ingress and its ReferenceGrant', () => {
    expect(spec(find('HTTPRoute', 'travel', 'flights'))).toEqual({
      parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
      rules: [
        {
          backendRefs: [
            { name: 'flights-v1', port: 8080, weight: 90 },
            { name: 'flights-v2', port: 8080, weight: 10 },
          ],
        },
      ],
    });
    const ingress = find('Gateway', 'istio-system', 'travel-gateway');
    expect(spec(ingress).gatewayClassName).toBe('istio');
    expect((ingress.status as Obj).conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'Programmed', status: 'True' })]),
    );
    expect(JSON.stringify(spec(find('HTTPRoute', 'istio-system', 'travel-ingress')))).toContain(
      '"backendRefs":[{"name":"web","namespace":"travel","port":8080}]',
    );
    expect(spec(find('ReferenceGrant', 'travel', 'allow-ingress-routes'))).toEqual({
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-system' }],
      to: [{ group: '', kind: 'Service' }],
    });
    expect(spec(find('GatewayClass', undefined, 'istio-waypoint')).controllerName).toBe(
      'istio.io/mesh-controller',
    );
    expect(find('Deployment', 'istio-system', 'travel-gateway-istio')).toBeDefined();
  });
});
