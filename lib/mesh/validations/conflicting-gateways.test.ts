/**
 * istioctl's ConflictingGatewayAnalyzer cases (testdata conflicting-gateways*.yaml,
 * gateway-different-port.yaml, analyzers_test.go), rebuilt with our own objects.
 */
import { describe, expect, it } from 'vitest';
import type { InventoryPod, IstioObject } from '@/lib/mesh/types';
import { checkConflictingGateways } from './conflicting-gateways';
import { istio, meshOf, pod } from '../testing/mesh';

interface Server {
  port?: number;
  hosts: string[];
  bind?: string;
}

function gateway(
  name: string,
  selector: Record<string, string>,
  ...servers: Server[]
): IstioObject {
  return istio('Gateway', 'default', name, {
    selector,
    servers: servers.map(({ port, hosts, bind }) => ({
      ...(port !== undefined && { port: { number: port, name: `p${port}`, protocol: 'HTTP' } }),
      hosts,
      ...(bind && { bind }),
    })),
  });
}

/** The gateways each reported, by name, with the server paths. */
function report(gateways: IstioObject[], pods: InventoryPod[] = []): string[] {
  const mesh = meshOf(gateways, [], pods);
  return gateways.flatMap((g) =>
    checkConflictingGateways(g, mesh).map((v) => `${g.name} ${v.code} ${v.path ?? ''}`),
  );
}

const ingress = { istio: 'ingressgateway' };

describe('checkConflictingGateways (IST0145)', () => {
  it('same selector, port and host: both gateways (conflicting-gateways)', () => {
    expect(
      report([
        gateway('beta', ingress, { port: 80, hosts: ['foo.bar'] }),
        gateway('alpha', ingress, { port: 80, hosts: ['foo.bar'] }),
      ]),
    ).toEqual(['beta IST0145 spec.servers[0]', 'alpha IST0145 spec.servers[0]']);
  });

  it('names the other gateway and the host in the message', () => {
    const beta = gateway('beta', ingress, { port: 80, hosts: ['foo.bar'] });
    const alpha = gateway('alpha', ingress, { port: 80, hosts: ['foo.bar'] });
    const [finding] = checkConflictingGateways(alpha, meshOf([alpha, beta]));
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('default/beta (foo.bar)');
  });

  it('only the servers on the shared port (conflicting-gateways-multiple-ports)', () => {
    expect(
      report([
        gateway(
          'beta',
          ingress,
          { port: 80, hosts: ['foo.bar'] },
          { port: 90, hosts: ['foo.bar'] },
        ),
        gateway(
          'alpha',
          ingress,
          { port: 70, hosts: ['foo.bar'] },
          { port: 90, hosts: ['foo.bar'] },
        ),
      ]),
    ).toEqual(['beta IST0145 spec.servers[1]', 'alpha IST0145 spec.servers[1]']);
  });

  it('different ports, hosts or binds do not conflict (gateway-different-port, no-conflict)', () => {
    expect(
      report([
        gateway('beta', ingress, { port: 443, hosts: ['foo.bar'] }),
        gateway('alpha', ingress, { port: 80, hosts: ['foo.bar'] }),
      ]),
    ).toEqual([]);
    expect(
      report([
        gateway('foo', ingress, { port: 80, hosts: ['foo.example.com'] }),
        gateway('bar', ingress, { port: 80, hosts: ['*.bar.example.com'] }),
      ]),
    ).toEqual([]);
    expect(
      report([
        gateway('a', ingress, { port: 80, hosts: ['foo.bar'], bind: '10.0.0.1' }),
        gateway('b', ingress, { port: 80, hosts: ['foo.bar'], bind: '10.0.0.2' }),
      ]),
    ).toEqual([]);
  });

  it('hosts are compared as written: a wildcard does not clash with a name', () => {
    expect(
      report([
        gateway('a', ingress, { port: 80, hosts: ['*'] }),
        gateway('b', ingress, { port: 80, hosts: ['foo.bar'] }),
      ]),
    ).toEqual([]);
  });

  it('servers without a port are left to the schema (conflicting-gateways-invalid-port)', () => {
    expect(
      report([
        gateway('beta', ingress, { hosts: ['foo.bar'] }),
        gateway('alpha', ingress, { hosts: ['foo.bar'] }),
      ]),
    ).toEqual([]);
  });

  it('a selector within the other conflicts when a pod carries both (subSelector)', () => {
    const gateways = [
      gateway(
        'beta',
        { istio: 'ingressgateway', app: 'istio-ingressgateway', cusKey: 'cusValue' },
        { port: 80, hosts: ['foo.bar'] },
      ),
      gateway(
        'alpha',
        { istio: 'ingressgateway', cusKey: 'cusValue' },
        { port: 80, hosts: ['foo.bar'] },
      ),
    ];
    const both = pod('istio-system', 'gw-1', {
      istio: 'ingressgateway',
      app: 'istio-ingressgateway',
      cusKey: 'cusValue',
    });
    expect(report(gateways, [both])).toEqual([
      'beta IST0145 spec.servers[0]',
      'alpha IST0145 spec.servers[0]',
    ]);
    const onlyAlpha = pod('istio-system', 'gw-2', { istio: 'ingressgateway', cusKey: 'cusValue' });
    expect(report(gateways, [onlyAlpha])).toEqual([]);
  });

  it('unrelated selectors never conflict', () => {
    expect(
      report([
        gateway('a', { istio: 'ingressgateway' }, { port: 80, hosts: ['foo.bar'] }),
        gateway('b', { istio: 'egressgateway' }, { port: 80, hosts: ['foo.bar'] }),
      ]),
    ).toEqual([]);
  });

  it('a stored copy of the same Gateway is not another one', () => {
    const gw = gateway('a', ingress, { port: 80, hosts: ['foo.bar'] });
    expect(checkConflictingGateways(gw, meshOf([gw, { ...gw }]))).toEqual([]);
  });
});
