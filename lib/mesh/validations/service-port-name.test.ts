import { describe, expect, it } from 'vitest';
import type { InventoryService } from '@/lib/mesh/types';
import { analyzeServicePortNames } from './service-port-name';
import type { MeshConfig } from './types';

type Port = InventoryService['ports'][number];

function svc(
  namespace: string,
  name: string,
  ports: Port[],
  extra: Partial<InventoryService> = {},
): InventoryService {
  return { namespace, name, selector: { app: name }, ports, type: 'ClusterIP', ...extra };
}

function meshOfServices(...services: InventoryService[]): MeshConfig {
  return { objects: [], inventory: { namespaces: [], services, workloads: [], pods: [] } };
}

const found = (mesh: MeshConfig) =>
  analyzeServicePortNames(mesh).map(
    (f) =>
      `${f.validation.code} ${f.resource.namespace}/${f.resource.name} ${f.validation.path ?? ''}`,
  );

describe('analyzeServicePortNames', () => {
  it('flags each unnamed port and each name that is not <protocol>[-suffix] (IST0118)', () => {
    const mesh = meshOfServices(
      svc('my-namespace1', 'my-service1', [
        { port: 8080, protocol: 'TCP', targetPort: 8080 },
        { port: 8081, protocol: 'TCP', targetPort: 8081 },
      ]),
      svc('my-namespace2', 'my-service2', [{ name: 'foo', port: 8080, protocol: 'TCP' }]),
    );
    expect(found(mesh)).toEqual([
      'IST0118 my-namespace1/my-service1 spec.ports[0]',
      'IST0118 my-namespace1/my-service1 spec.ports[1]',
      'IST0118 my-namespace2/my-service2 spec.ports[0]',
    ]);
    expect(analyzeServicePortNames(mesh)[2]?.validation).toMatchObject({
      severity: 'info',
      message: expect.stringContaining('Port name foo (port: 8080, targetPort: 8080)') as string,
    });
  });

  it('accepts protocol names with suffixes, appProtocol, UDP and well-known ports', () => {
    const mesh = meshOfServices(
      svc('shop', 'ok', [
        { name: 'tcp-foo', port: 8080, protocol: 'TCP' },
        { name: 'HTTP2', port: 8081, protocol: 'TCP' },
        { name: 'grpc-web-x', port: 8082, protocol: 'TCP' },
        { name: 'web', appProtocol: 'http', port: 8083, protocol: 'TCP' },
        { name: 'h2c', appProtocol: 'kubernetes.io/h2c', port: 8084, protocol: 'TCP' },
        { name: 'dns', port: 5353, protocol: 'UDP' },
        { port: 3306, protocol: 'TCP' },
      ]),
    );
    expect(found(mesh)).toEqual([]);
  });

  it('prefers appProtocol over the name, as Istio does', () => {
    const mesh = meshOfServices(
      svc('shop', 'app-proto', [
        { name: 'http', appProtocol: 'custom', port: 80, protocol: 'TCP' },
      ]),
    );
    expect(found(mesh)).toEqual(['IST0118 shop/app-proto spec.ports[0]']);
  });

  it('skips system namespaces, the control plane and the Services Istio generates', () => {
    const unnamed: Port[] = [{ port: 8080, protocol: 'TCP' }];
    const mesh = meshOfServices(
      svc('kube-system', 'kube-dns-ish', unnamed),
      svc(
        'istio-system',
        'istio-ingressgateway',
        [{ name: 'status-port', port: 15021, protocol: 'TCP' }],
        {
          labels: { istio: 'ingressgateway' },
        },
      ),
      svc('istio-system', 'istiod', unnamed, { labels: { release: 'istio' } }),
      svc(
        'istio-system',
        'unlabelled-gateway',
        [{ name: 'status-port', port: 15021, protocol: 'TCP' }],
        {
          selector: { istio: 'ingressgateway' },
        },
      ),
      svc(
        'travel',
        'waypoint',
        [{ name: 'mesh', appProtocol: 'hbone', port: 15008, protocol: 'TCP' }],
        {
          labels: { 'gateway.istio.io/managed': 'istio.io-mesh-controller' },
        },
      ),
    );
    expect(found(mesh)).toEqual([]);
  });

  it('flags ExternalName ports without a protocol name, or named plain tcp (IST0150)', () => {
    const ext = (name: string, port: Port) => svc(name, name, [port], { type: 'ExternalName' });
    const mesh = meshOfServices(
      ext('nginx-ns', { name: 'nginx', port: 443, protocol: 'TCP' }),
      ext('nginx-ns2', { port: 443, protocol: 'TCP' }),
      ext('nginx-ns3', { name: 'tcp', port: 443, protocol: 'TCP' }),
      ext('nginx-ok', { name: 'https', port: 443, protocol: 'TCP' }),
    );
    expect(
      analyzeServicePortNames(mesh).map((f) => [
        f.validation.code,
        f.validation.severity,
        f.resource.name,
      ]),
    ).toEqual([
      ['IST0150', 'warning', 'nginx-ns'],
      ['IST0150', 'warning', 'nginx-ns2'],
      ['IST0150', 'warning', 'nginx-ns3'],
    ]);
  });

  it('takes a Service of unknown type with a selector as a ClusterIP one, and skips one without', () => {
    const unnamed: Port[] = [{ port: 8080, protocol: 'TCP' }];
    const untyped = (name: string, selector: Record<string, string>): InventoryService => ({
      namespace: 'shop',
      name,
      selector,
      ports: unnamed,
    });
    const mesh = meshOfServices(untyped('selecting', { app: 'x' }), untyped('selectorless', {}));
    expect(found(mesh)).toEqual(['IST0118 shop/selecting spec.ports[0]']);
  });
});
