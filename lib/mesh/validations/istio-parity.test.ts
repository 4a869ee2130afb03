/**
 * Parity with `istioctl analyze`: each case below rebuilds, with our own small objects, a situation
 * from Istio's analyzer test table (istio/istio pkg/config/analysis/analyzers/analyzers_test.go) and
 * asserts the verdict Istio expects there: the same IST code where we have the check, nothing where
 * Istio reports nothing. The Istio testdata each block mirrors is named in its describe().
 */
import { describe, expect, it } from 'vitest';
import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import { checkConflictingHosts } from './conflicting-hosts';
import { checkDestinationHost } from './destination-host';
import { checkDestinationRuleHost } from './destination-rule-host';
import { checkGatewayHosts } from './gateway-hosts';
import { checkGatewayNotFound } from './gateway-not-found';
import { checkInvalidRegex } from './invalid-regex';
import { checkMtlsConflict } from './mtls-conflict';
import { checkSubsetNoPods } from './subset-no-pods';
import { checkSubsetNotFound } from './subset-not-found';
import { istio, meshOf, pod, service } from '../testing/mesh';
import type { MeshConfig, SemanticCheck } from './types';

/** The codes `checks` report for `obj`, sorted: what istioctl's table compares. */
function codes(checks: readonly SemanticCheck[], obj: IstioObject, mesh: MeshConfig): string[] {
  return checks.flatMap((check) => check(obj, mesh).map((v) => v.code)).sort();
}

function withPorts(svc: InventoryService, ...ports: number[]): InventoryService {
  return { ...svc, ports: ports.map((port) => ({ port, protocol: 'TCP' })) };
}

function vsTo(
  namespace: string,
  name: string,
  destination: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): IstioObject {
  return istio('VirtualService', namespace, name, {
    hosts: [name],
    http: [{ route: [{ destination }] }],
    ...extra,
  });
}

describe('virtualservice_destinationhosts.yaml (DestinationHostAnalyzer)', () => {
  const se = (ns: string, name: string, spec: Record<string, unknown>): IstioObject =>
    istio('ServiceEntry', ns, name, spec);
  const mesh = meshOf(
    [
      se('shop', 'payments-api', { hosts: ['pay.example.net'] }),
      se('shop', 'cdn', { hosts: ['*.cdn.example.net'] }),
      // Private to their own namespaces: neither may answer for a VirtualService in `shop`.
      se('sandbox', 'catch-all', { hosts: ['*'], exportTo: ['.'] }),
      se('partners', 'private', { hosts: ['private.example.net'], exportTo: ['.'] }),
      // Exported to `shop` by name from another namespace.
      se('partners', 'shared', { hosts: ['shared.example.net'], exportTo: ['shop'] }),
    ],
    [
      withPorts(service('shop', 'cart'), 8080),
      withPorts(service('shop', 'api'), 80, 443),
      { ...withPorts(service('shop', 'ledger'), 9000), exportTo: ['audit'] },
      { ...withPorts(service('team', 'hello'), 9000), exportTo: ['team-a', 'team-b', '.'] },
    ],
  );
  const check = (vs: IstioObject): string[] => codes([checkDestinationHost], vs, mesh);

  it('passes a short name, an FQDN, a ServiceEntry host and one a wildcard entry covers', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', subset: 'v1' }))).toEqual([]);
    expect(check(vsTo('shop', 'b', { host: 'cart.shop.svc.cluster.local' }))).toEqual([]);
    expect(check(vsTo('shop', 'c', { host: 'pay.example.net' }))).toEqual([]);
    expect(check(vsTo('shop', 'd', { host: 'img.cdn.example.net' }))).toEqual([]);
    expect(check(vsTo('shop', 'e', { host: '*.cdn.example.net' }))).toEqual([]);
  });

  it('flags a host nothing provides, in a route and in a mirror', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart-typo', subset: 'v1' }))).toEqual(['IST0101']);
    const mirrored = istio('VirtualService', 'shop', 'm', {
      hosts: ['cart'],
      http: [{ route: [{ destination: { host: 'cart' } }], mirror: { host: 'cart-typo' } }],
    });
    expect(check(mirrored)).toEqual(['IST0101']);
  });

  it('does not let a ServiceEntry kept to another namespace answer, even a `*` one', () => {
    expect(check(vsTo('shop', 'a', { host: 'private.example.net' }))).toEqual(['IST0101']);
    expect(check(vsTo('shop', 'b', { host: 'cart-typo' }))).toEqual(['IST0101']);
  });

  it('lets a ServiceEntry exported to this namespace by name answer', () => {
    expect(check(vsTo('shop', 'a', { host: 'shared.example.net' }))).toEqual([]);
  });

  it('checks the destination port: absent from the service, or missing when it has several', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', port: { number: 9999 } }))).toEqual(['IST0101']);
    expect(check(vsTo('shop', 'b', { host: 'api', subset: 'v1' }))).toEqual(['IST0112']);
    expect(check(vsTo('shop', 'c', { host: 'api', port: { number: 80 } }))).toEqual([]);
  });

  it('passes an FQDN to a service of another namespace', () => {
    expect(check(vsTo('istio-system', 'x', { host: 'cart.shop.svc.cluster.local' }))).toEqual([]);
  });

  it('honours a Service’s exportTo annotation', () => {
    expect(check(vsTo('istio-system', 'a', { host: 'ledger.shop.svc.cluster.local' }))).toEqual([
      'IST0101',
    ]);
    expect(check(vsTo('audit', 'b', { host: 'ledger.shop.svc.cluster.local' }))).toEqual([]);
    for (const ns of ['team-a', 'team-b', 'team'])
      expect(check(vsTo(ns, 'hello', { host: 'hello.team.svc.cluster.local' })), ns).toEqual([]);
  });

  it('looks the host up where the VirtualService is exported to', () => {
    const elsewhere = vsTo(
      'team',
      'hello',
      { host: 'hello.team.svc.cluster.local' },
      {
        exportTo: ['nowhere'],
      },
    );
    expect(check(elsewhere)).toEqual(['IST0101']);
  });
});

describe('virtualservice_destinationrules.yaml (DestinationRuleAnalyzer)', () => {
  const v1 = { subsets: [{ name: 'v1', labels: { version: 'v1' } }] };
  const mesh = meshOf([
    istio('DestinationRule', 'shop', 'cart', { host: 'cart', ...v1 }),
    // Same short host in another namespace: names cart.istio-system, not the shop service.
    istio('DestinationRule', 'istio-system', 'cart', {
      host: 'cart',
      subsets: [{ name: 'v9', labels: { version: 'v9' } }],
    }),
  ]);
  const check = (vs: IstioObject): string[] => codes([checkSubsetNotFound], vs, mesh);

  it('passes a defined subset by short name or FQDN, in a route and a mirror', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', subset: 'v1' }))).toEqual([]);
    expect(check(vsTo('shop', 'b', { host: 'cart.shop.svc.cluster.local', subset: 'v1' }))).toEqual(
      [],
    );
    const mirrored = istio('VirtualService', 'shop', 'm', {
      hosts: ['cart'],
      http: [
        {
          route: [{ destination: { host: 'cart', subset: 'v1' } }],
          mirror: { host: 'cart', subset: 'v1' },
        },
      ],
    });
    expect(check(mirrored)).toEqual([]);
  });

  it('flags an undefined subset in a route and in a mirror', () => {
    expect(check(vsTo('shop', 'a', { host: 'cart', subset: 'v9' }))).toEqual(['IST0101']);
    const mirrored = istio('VirtualService', 'shop', 'm', {
      hosts: ['cart'],
      http: [
        {
          route: [{ destination: { host: 'cart', subset: 'v1' } }],
          mirror: { host: 'cart', subset: 'nope' },
        },
      ],
    });
    expect(check(mirrored)).toEqual(['IST0101']);
  });
});

describe('virtualservice_gateways.yaml and virtualservice_internal_gateway_ref.yaml (GatewayAnalyzer)', () => {
  const bare = istio('Gateway', 'default', 'edge', { selector: { istio: 'ingressgateway' } });
  const other = istio('Gateway', 'ingress', 'shared', { selector: { istio: 'ingressgateway' } });
  const mesh = meshOf([bare, other]);
  const check = (vs: IstioObject): string[] =>
    codes([checkGatewayNotFound, checkGatewayHosts], vs, mesh);
  const bound = (gateways: string[]): IstioObject =>
    istio('VirtualService', 'default', 'web', { hosts: ['*'], gateways });

  it('an existing gateway with no servers: only its hosts are missing (IST0132)', () => {
    expect(check(bound(['edge']))).toEqual(['IST0132']);
    expect(check(bound(['ingress/shared']))).toEqual(['IST0132']);
  });

  it('a missing gateway: not found (IST0101), and so none of its hosts (IST0132)', () => {
    expect(check(bound(['edge-typo']))).toEqual(['IST0101', 'IST0132']);
  });

  it('`mesh` is not a Gateway object', () => {
    expect(check(bound(['mesh']))).toEqual([]);
  });

  it('a generated Gateway API gateway is IST0165 only', () => {
    expect(check(bound(['ingress/web-istio-autogenerated-k8s-gateway-http']))).toEqual(['IST0165']);
  });
});

describe('virtualservice_host_not_found_gateway*.yaml (GatewayAnalyzer, IST0132)', () => {
  const gw = (name: string, ...servers: string[][]): IstioObject =>
    istio('Gateway', 'istio-system', name, {
      selector: { istio: 'ingressgateway' },
      servers: servers.map((hosts) => ({
        hosts,
        port: { name: 'http', number: 80, protocol: 'HTTP' },
      })),
    });
  const mesh = meshOf([
    gw('exact', ['shop.example.com']),
    gw('wild', ['*.example.org']),
    gw('api', ['*.api.example.io']),
    gw('www', ['*.www.example.io']),
    gw('two', ['*.one.example.biz'], ['www.two.example.biz']),
    gw('own-ns', ['./local.example.com']),
    gw('any-ns', ['*/local.example.com']),
    gw('all', ['*/*']),
  ]);
  const check = (ns: string, hosts: string[], gateways: string[]): string[] =>
    codes([checkGatewayHosts], istio('VirtualService', ns, 'v', { hosts, gateways }), mesh);

  it('passes hosts a server offers, exactly or through a wildcard', () => {
    expect(check('default', ['shop.example.com'], ['istio-system/exact'])).toEqual([]);
    expect(check('default', ['app.example.org'], ['istio-system/wild'])).toEqual([]);
    expect(
      check(
        'default',
        ['a.api.example.io', 'b.www.example.io'],
        ['istio-system/api', 'istio-system/www'],
      ),
    ).toEqual([]);
    expect(check('default', ['www.two.example.biz'], ['istio-system/two'])).toEqual([]);
    expect(check('default', ['x.y.one.example.biz'], ['istio-system/two'])).toEqual([]);
  });

  it('flags each gateway that offers none of the hosts', () => {
    expect(check('default', ['nope.example.com'], ['istio-system/exact'])).toEqual(['IST0132']);
    expect(check('default', ['app.example.net'], ['istio-system/wild'])).toEqual(['IST0132']);
    expect(
      check('default', ['a.api.example.io'], ['istio-system/api', 'istio-system/www']),
    ).toEqual(['IST0132']);
    expect(
      check('default', ['two.example.biz', 'xwww.two.example.biz'], ['istio-system/two']),
    ).toEqual(['IST0132']);
  });

  it('reads ./host as the gateway’s namespace only, */host and */* as every namespace', () => {
    expect(check('istio-system', ['local.example.com'], ['istio-system/own-ns'])).toEqual([]);
    expect(check('default', ['local.example.com'], ['istio-system/own-ns'])).toEqual(['IST0132']);
    for (const ns of ['istio-system', 'default']) {
      expect(check(ns, ['local.example.com'], ['istio-system/any-ns']), ns).toEqual([]);
      expect(check(ns, ['local.example.com'], ['istio-system/all']), ns).toEqual([]);
      expect(check(ns, ['shop.example.com'], ['istio-system/exact']), ns).toEqual([]);
    }
  });
});

describe('virtualservice_conflictingmeshgatewayhosts.yaml (ConflictingMeshGatewayHostsAnalyzer)', () => {
  const vs = (ns: string, name: string, spec: Record<string, unknown>): IstioObject =>
    istio('VirtualService', ns, name, spec);
  const all = [
    vs('web', 'front', { hosts: ['front'] }),
    vs('web', 'front-copy', { hosts: ['front'] }),
    vs('web', 'cart', { hosts: ['cart'] }),
    vs('edge', 'cart', { hosts: ['cart.web.svc.cluster.local'], gateways: ['ingress'] }),
    vs('web', 'rates', { hosts: ['rates'], gateways: ['mesh'] }),
    vs('edge', 'rates', {
      hosts: ['rates.web.svc.cluster.local', 'example.com'],
      gateways: ['ingress', 'mesh'],
    }),
    vs('t1', 'rates', { hosts: ['rates'], gateways: ['mesh'], exportTo: ['.'] }),
    vs('t2', 'rates', {
      hosts: ['rates.t1.svc.cluster.local', 'example.com'],
      gateways: ['ingress', 'mesh'],
      exportTo: ['.'],
    }),
    vs('t3', 'rates', { hosts: ['rates'], gateways: ['mesh'], exportTo: ['*'] }),
    vs('t4', 'rates', { hosts: ['rates.t3.svc.cluster.local'], gateways: ['ingress', 'mesh'] }),
  ];
  const mesh = meshOf(all);
  const flagged = all
    .filter((v) => codes([checkConflictingHosts], v, mesh).includes('IST0109'))
    .map((v) => `${v.namespace}/${v.name}`)
    .sort();

  it('flags exactly the mesh VirtualServices that share a host within one export scope', () => {
    expect(flagged).toEqual(
      [
        'edge/rates',
        't2/rates',
        't3/rates',
        't4/rates',
        'web/front',
        'web/front-copy',
        'web/rates',
      ].sort(),
    );
  });
});

describe('virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml', () => {
  const vs = (ns: string, name: string, host: string, exportTo?: string[]): IstioObject =>
    istio('VirtualService', ns, name, { hosts: [host], ...(exportTo && { exportTo }) });
  const all = [
    vs('a', 'w', '*.shop'),
    vs('b', 'w', '*.shop'),
    vs('a', 'x', '*.shop.x', ['a']),
    vs('b', 'x', '*.shop.x', ['.']),
    vs('a', 'y', '*.shop.y', ['a']),
    vs('b', 'y', '*.shop.y', ['*']),
    vs('a', 'z', '*.shop.z', ['.']),
    vs('b', 'z', '*.z', ['*']),
  ];
  const mesh = meshOf(all);
  const flagged = all
    .filter((v) => codes([checkConflictingHosts], v, mesh).length > 0)
    .map((v) => `${v.namespace}/${v.name}`)
    .sort();

  it('wildcard hosts: same name in one scope, or overlapping with one exported everywhere', () => {
    expect(flagged).toEqual(['a/w', 'a/y', 'a/z', 'b/w', 'b/y', 'b/z']);
  });
});

describe('destinationrule-subsets-not-select-pods, -with-topology-labels, -empty-topology-labels, -with-fake-host', () => {
  const svc = withPorts(service('default', 'web'), 8000);
  const webPod = pod('default', 'web-1', { app: 'web', version: 'v1' });
  const rule = (name: string, spec: Record<string, unknown>): IstioObject =>
    istio('DestinationRule', 'default', name, { host: 'web.default.svc.cluster.local', ...spec });
  const checks = [checkSubsetNoPods, checkDestinationRuleHost];

  it('flags a subset no pod carries (IST0173)', () => {
    const dr = rule('r', { subsets: [{ name: 'v3', labels: { version: 'v3' } }] });
    expect(codes(checks, dr, meshOf([dr], [svc], []))).toEqual(['IST0173']);
  });

  it('does not flag subsets on node topology labels Istio adds to endpoints', () => {
    const dr = rule('r', {
      subsets: [
        { name: 'west', labels: { 'topology.kubernetes.io/region': 'us-west-1' } },
        { name: 'west-a', labels: { 'topology.kubernetes.io/zone': 'us-west-1a' } },
        { name: 'v1', labels: { version: 'v1' } },
        {
          name: 'v1-west',
          labels: { version: 'v1', 'topology.kubernetes.io/region': 'us-west-1' },
        },
      ],
    });
    expect(codes(checks, dr, meshOf([dr], [svc], [webPod]))).toEqual([]);
  });

  it('flags a subset on an empty topology label, which Istio never matches', () => {
    const dr = rule('r', {
      subsets: [
        { name: 'blank', labels: { 'topology.kubernetes.io/region': '' } },
        { name: 'v1', labels: { version: 'v1' } },
      ],
    });
    expect(codes(checks, dr, meshOf([dr], [svc], [webPod]))).toEqual(['IST0173']);
  });

  it('warns about a rule whose host names no service (IST0174)', () => {
    const dr = istio('DestinationRule', 'default', 'ghost', {
      host: 'ghost.default.svc.cluster.local',
      trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } },
    });
    expect(codes(checks, dr, meshOf([dr], [svc], [webPod]))).toEqual(['IST0174']);
  });
});

describe('mtls-no-sidecar.yaml, mtls-ignores-istio-control-plane.yaml (IST0113, with PeerAuthentication)', () => {
  const strict = istio('PeerAuthentication', 'istio-system', 'default', {
    mtls: { mode: 'STRICT' },
  });
  const meshWide = istio('DestinationRule', 'istio-system', 'default', {
    host: '*.local',
    trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
  });
  const disable = (name: string, host: string): IstioObject =>
    istio('DestinationRule', 'istio-system', name, {
      host,
      trafficPolicy: { tls: { mode: 'DISABLE' } },
    });
  const legacy = service('legacy', 'old');
  const oldPod = { ...pod('legacy', 'old-1', { app: 'old' }), hasSidecar: false };
  const lonely = service('legacy', 'empty');

  it('passes plaintext to a workload without sidecar, or with no pods at all', () => {
    const toOld = disable('old', 'old.legacy.svc.cluster.local');
    const toEmpty = disable('empty', 'empty.legacy.svc.cluster.local');
    const mesh = meshOf([strict, meshWide, toOld, toEmpty], [legacy, lonely], [oldPod]);
    expect(codes([checkMtlsConflict], toOld, mesh)).toEqual([]);
    expect(codes([checkMtlsConflict], toEmpty, mesh)).toEqual([]);
  });

  it('passes a mesh-wide ISTIO_MUTUAL rule under a STRICT mesh, and its wildcard host', () => {
    const mesh = meshOf([strict, meshWide], [legacy], [oldPod]);
    expect(codes([checkMtlsConflict, checkDestinationRuleHost], meshWide, mesh)).toEqual([]);
  });

  it('still flags plaintext to a sidecar that requires mTLS', () => {
    const app = service('shop', 'cart');
    const cartPod = pod('shop', 'cart-1', { app: 'cart' });
    const toCart = disable('cart', 'cart.shop.svc.cluster.local');
    expect(codes([checkMtlsConflict], toCart, meshOf([strict, toCart], [app], [cartPod]))).toEqual([
      'IST0113',
    ]);
  });
});

describe('virtualservice_regexes.yaml (RegexAnalyzer)', () => {
  const match = (m: Record<string, unknown>, extra: Record<string, unknown> = {}): IstioObject =>
    istio('VirtualService', 'default', 'r', {
      hosts: ['*'],
      gateways: ['edge'],
      http: [{ match: [m], route: [{ destination: { host: 'web' } }], ...extra }],
    });
  const check = (vs: IstioObject): string[] => codes([checkInvalidRegex], vs, meshOf([]));

  it('passes a valid regex, flags a broken one and an ECMAScript-only lookahead', () => {
    expect(check(match({ uri: { regex: '/api/v[0-9]+' } }))).toEqual([]);
    expect(check(match({ uri: { regex: '[a-z' } }))).toEqual(['IST0122']);
    expect(check(match({ uri: { regex: '^(?!/admin).*' } }))).toEqual(['IST0122']);
  });

  it('checks uri, scheme, method, authority, headers, queryParams and CORS origins, not withoutHeaders', () => {
    const bad = { regex: '(' };
    const vs = match(
      {
        uri: bad,
        scheme: bad,
        method: bad,
        authority: bad,
        headers: { h: bad },
        queryParams: { q: bad },
        withoutHeaders: { w: bad },
      },
      { corsPolicy: { allowOrigins: [bad] } },
    );
    expect(check(vs)).toEqual(Array.from({ length: 7 }, () => 'IST0122'));
  });
});
