import { describe, expect, it } from 'vitest';
import { checkGatewayHosts } from './gateway-hosts';
import { checkGatewayNotFound } from './gateway-not-found';
import { istio } from '../testing/mesh';
import { gatewayApi, travelMesh, TRAVEL_OBJECTS } from '../testing/travel-mesh';

const vs = (hosts: string[], gateways: string[]) =>
  istio('VirtualService', 'travel', 'vs', { hosts, gateways, http: [] });

describe('a VirtualService bound to a Gateway API Gateway', () => {
  it('finds the Gateway by namespace/name: no IST0101', () => {
    const obj = vs(['travel.example.com'], ['istio-system/travel-gateway']);
    expect(checkGatewayNotFound(obj, travelMesh())).toEqual([]);
    expect(checkGatewayHosts(obj, travelMesh())).toEqual([]);
  });

  it('reports IST0132 for a host no listener serves, naming the listeners’ hostnames', () => {
    const [finding] = checkGatewayHosts(
      vs(['shop.example.com'], ['istio-system/travel-gateway']),
      travelMesh(),
    );
    expect(finding).toMatchObject({
      code: 'IST0132',
      severity: 'warning',
      path: 'spec.gateways[0]',
    });
    expect(finding?.message).toContain('which serves travel.example.com');
  });

  it('takes a listener without a hostname, or with a wildcard, as serving the host', () => {
    const open = gatewayApi('K8sGateway', 'travel', 'open', {
      gatewayClassName: 'istio',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
    });
    const wild = gatewayApi('K8sGateway', 'travel', 'wild', {
      gatewayClassName: 'istio',
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com' }],
    });
    const mesh = travelMesh([...TRAVEL_OBJECTS, open, wild]);
    expect(checkGatewayHosts(vs(['a.example.com'], ['open', 'wild']), mesh)).toEqual([]);
  });

  it('still reports a Gateway that exists nowhere', () => {
    expect(checkGatewayNotFound(vs(['x'], ['istio-system/missing']), travelMesh())[0]?.code).toBe(
      'IST0101',
    );
  });
});
