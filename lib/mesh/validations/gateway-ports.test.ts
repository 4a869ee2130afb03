/**
 * istioctl's IngressGatewayPortAnalyzer cases (testdata gateway-no-workload, gateway-no-port,
 * gateway-correct-port, gateway-custom-ingressgateway*, analyzers_test.go), rebuilt with our own objects.
 */
import { describe, expect, it } from 'vitest';
import type { InventoryService } from '@/lib/mesh/types';
import { checkGatewayPorts } from './gateway-ports';
import { istio, meshOf, pod } from '../testing/mesh';

const ingressPod = pod('istio-system', 'istio-ingressgateway-1', {
  istio: 'ingressgateway',
  app: 'istio-ingressgateway',
});
const ingressService: InventoryService = {
  namespace: 'istio-system',
  name: 'istio-ingressgateway',
  selector: { istio: 'ingressgateway' },
  ports: [
    { name: 'status-port', port: 15021, protocol: 'TCP' },
    { name: 'http2', port: 80, protocol: 'TCP', targetPort: 8080 },
    { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
  ],
};

const gateway = (selector: Record<string, string>, ...ports: number[]) =>
  istio('Gateway', 'default', 'httpbin-gateway', {
    selector,
    servers: ports.map((number) => ({
      port: { number, name: `http-${number}`, protocol: 'HTTP' },
      hosts: ['*'],
    })),
  });

const codes = (gw: ReturnType<typeof gateway>, services: InventoryService[], pods = [ingressPod]) =>
  checkGatewayPorts(gw, meshOf([gw], services, pods)).map((v) => [v.code, v.path]);

describe('checkGatewayPorts (IST0101 selector, IST0162 port)', () => {
  it('a selector no pod carries is not found (gateway-no-workload)', () => {
    const found = checkGatewayPorts(
      gateway({ istio: 'nothing-here' }, 80),
      meshOf([], [ingressService], [ingressPod]),
    );
    expect(found.map((v) => [v.code, v.severity, v.path])).toEqual([
      ['IST0101', 'error', 'spec.selector'],
    ]);
    expect(found[0]?.message).toContain('istio=nothing-here');
  });

  it('accepts the Service port and its targetPort (gateway-correct-port, translation)', () => {
    expect(
      codes(gateway({ istio: 'ingressgateway' }, 80, 443, 8080, 8443), [ingressService]),
    ).toEqual([]);
  });

  it('flags a port neither a Service port nor a targetPort (gateway-no-port)', () => {
    const found = checkGatewayPorts(
      gateway({ istio: 'ingressgateway' }, 80, 8004),
      meshOf([], [ingressService], [ingressPod]),
    );
    expect(found.map((v) => [v.code, v.severity, v.path])).toEqual([
      ['IST0162', 'warning', 'spec.servers[1].port.number'],
    ]);
    expect(found[0]?.message).toContain('80→8080');
  });

  /** A custom gateway in `default` behind one Service port 80, optionally forwarding to `targetPort`. */
  function custom(port: number, targetPort?: number) {
    const labels = { myapp: 'private-ingressgateway' };
    const svc: InventoryService = {
      namespace: 'default',
      name: 'my-ingressgateway',
      selector: labels,
      ports: [{ name: 'http2', port: 80, protocol: 'TCP', ...(targetPort && { targetPort }) }],
    };
    return codes(gateway(labels, port), [svc], [pod('default', 'my-ingressgateway-1', labels)]);
  }

  it('without targetPort only the Service port is reachable (badport-notarget)', () => {
    expect(custom(8004)).toEqual([['IST0162', 'spec.servers[0].port.number']]);
    expect(custom(80)).toEqual([]);
  });

  it('a custom gateway on the Service port or its targetPort is fine (custom, translation, badport)', () => {
    expect(custom(8003, 8003)).toEqual([]);
    expect(custom(80, 8003)).toEqual([]);
    expect(custom(8004, 8003)).toHaveLength(1);
  });

  it('only Services selecting the chosen pods count (svcselector)', () => {
    const p8001 = pod('default', 'gw-8001', { myapp: 'ingressgateway-8001' });
    const p8002 = pod('default', 'gw-8002', { myapp: 'ingressgateway-8002' });
    const svc = (name: string, app: string, port: number): InventoryService => ({
      namespace: 'default',
      name,
      selector: { myapp: app },
      ports: [{ port, protocol: 'TCP' }],
    });
    const services = [
      svc('my-8001', 'ingressgateway-8001', 8001),
      svc('my-8002', 'ingressgateway-8002', 8002),
    ];
    const gw = (port: number) => gateway({ myapp: 'ingressgateway-8001' }, port);
    expect(codes(gw(8001), services, [p8001, p8002])).toEqual([]);
    expect(codes(gw(8002), services, [p8001, p8002])).toEqual([
      ['IST0162', 'spec.servers[0].port.number'],
    ]);
  });

  it('a Service in another namespace than the pod does not count, nor a UDP port', () => {
    const elsewhere: InventoryService = { ...ingressService, namespace: 'default' };
    expect(codes(gateway({ istio: 'ingressgateway' }, 80), [elsewhere])).toHaveLength(1);
    const udp: InventoryService = {
      ...ingressService,
      ports: [{ port: 80, protocol: 'UDP' }],
    };
    expect(codes(gateway({ istio: 'ingressgateway' }, 80), [udp])).toHaveLength(1);
  });

  it('a partial view without the control plane namespace proves no selector wrong', () => {
    const gw = gateway({ istio: 'nothing-here' }, 80);
    const ns = (name: string) => ({ name, labels: {}, annotations: {} });
    const base = meshOf([gw], [ingressService], [ingressPod]);
    const seen = (names: string[]) =>
      checkGatewayPorts(gw, {
        ...base,
        inventory: { ...base.inventory, namespaces: names.map(ns) },
      });
    expect(seen(['bookinfo'])).toEqual([]);
    expect(seen(['bookinfo', 'istio-system']).map((v) => v.code)).toEqual(['IST0101']);
  });

  it("Istio's own ingress and egress gateway selectors are assumed installed, as istioctl and Kiali do", () => {
    const other = pod('default', 'app-1', { app: 'web' });
    for (const istioLabel of ['ingressgateway', 'egressgateway'])
      expect(codes(gateway({ istio: istioLabel }, 80), [ingressService], [other])).toEqual([]);
    expect(codes(gateway({ istio: 'ingressgateway', app: 'x' }, 80), [], [other])).toEqual([
      ['IST0101', 'spec.selector'],
    ]);
  });

  it('reports nothing when no pod at all is known, and ignores other kinds', () => {
    expect(codes(gateway({ istio: 'nothing-here' }, 8004), [ingressService], [])).toEqual([]);
    const vs = istio('VirtualService', 'default', 'v', { hosts: ['a'] });
    expect(checkGatewayPorts(vs, meshOf([], [ingressService], [ingressPod]))).toEqual([]);
  });
});
