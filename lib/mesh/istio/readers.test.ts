import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { fixturePath, readFixture } from '@/lib/testing/fixtures';
import { readAuthorizationPolicySpec } from './authorization-policy';
import { readDestinationRuleSpec } from './destination-rule';
import { readGatewaySpec } from './gateway';
import { readPeerAuthenticationSpec } from './peer-authentication';
import { isRecord } from './read';
import { readServiceEntrySpec } from './service-entry';
import { readVirtualServiceSpec } from './virtual-service';

interface Doc {
  readonly file: string;
  readonly kind: unknown;
  readonly spec: unknown;
  /** Istio's own invalid examples carry the error they expect. */
  readonly invalid: boolean;
}

const DIRS = [
  'bookinfo/networking',
  'istio-crds/validation-examples',
  'kiali/validations/authorization',
  'kiali/validations/peerauthentications',
  'kiali/validations/virtualservices',
];

const DOCS: Doc[] = DIRS.flatMap((dir) =>
  readdirSync(fixturePath(dir)).flatMap((file) =>
    parseAllDocuments(readFixture(`${dir}/${file}`))
      .map((d) => d.toJS() as unknown)
      .filter(isRecord)
      .map((d) => ({
        file: `${dir}/${file}`,
        kind: d.kind,
        spec: d.spec,
        invalid: file.endsWith('-invalid.yaml') || '_err' in d,
      })),
  ),
);

const READERS: Record<string, (spec: unknown) => { readonly issues: readonly unknown[] }> = {
  VirtualService: readVirtualServiceSpec,
  DestinationRule: readDestinationRuleSpec,
  Gateway: readGatewaySpec,
  ServiceEntry: readServiceEntrySpec,
  PeerAuthentication: readPeerAuthenticationSpec,
  AuthorizationPolicy: readAuthorizationPolicySpec,
};

const specOf = (file: string, kind: string, index = 0): unknown =>
  DOCS.filter((d) => d.file === file && d.kind === kind)[index]?.spec;

/** Shapes a cluster (or a hand edit) can hold where an object or a list belongs. */
const HOSTILE: readonly unknown[] = [undefined, null, 'x', 7, true, [], [null], {}, { spec: 1 }];

describe('every reader on the repository fixtures', () => {
  for (const [kind, read] of Object.entries(READERS)) {
    const docs = DOCS.filter((d) => d.kind === kind);
    it(`reads the ${docs.length} ${kind} fixtures; the valid ones without an issue`, () => {
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) {
        const { issues } = read(doc.spec);
        if (!doc.invalid)
          expect({ file: doc.file, issues }).toEqual({ file: doc.file, issues: [] });
      }
    });

    it(`never throws on hostile ${kind} shapes`, () => {
      for (const spec of HOSTILE) expect(() => read(spec)).not.toThrow();
      for (const field of [
        'hosts',
        'http',
        'subsets',
        'servers',
        'ports',
        'mtls',
        'selector',
        'rules',
      ])
        for (const value of HOSTILE) expect(() => read({ [field]: value })).not.toThrow();
    });
  }
});

describe('readVirtualServiceSpec', () => {
  it('keeps the path of matches, destinations and weights (bookinfo reviews)', () => {
    const jason = readVirtualServiceSpec(
      specOf('bookinfo/networking/virtual-service-reviews-jason-v2-v3.yaml', 'VirtualService'),
    );
    expect(jason.hosts).toEqual(['reviews']);
    expect(jason.http[0]?.matches[0]?.path).toEqual(['spec', 'http', 0, 'match', 0]);
    expect(jason.http[1]?.route[0]?.destination).toMatchObject({
      host: 'reviews',
      subset: 'v3',
      path: ['spec', 'http', 1, 'route', 0, 'destination'],
    });
    const split = readVirtualServiceSpec(
      specOf('bookinfo/networking/virtual-service-reviews-80-20.yaml', 'VirtualService'),
    );
    expect(split.http[0]?.route.map((e) => [e.weight, e.path.join('.')])).toEqual([
      [80, 'spec.http.0.route.0'],
      [20, 'spec.http.0.route.1'],
    ]);
  });

  it('reads an older API version the same: the spec did not change shape', () => {
    const spec = { hosts: ['reviews'], http: [{ route: [{ destination: { host: 'reviews' } }] }] };
    const v1alpha3 = { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', spec };
    expect(readVirtualServiceSpec(v1alpha3.spec)).toEqual(
      readVirtualServiceSpec(structuredClone(spec)),
    );
  });

  it('reports wrong types with their path and keeps every route entry in place', () => {
    const vs = readVirtualServiceSpec({
      hosts: [1, 'reviews'],
      gateways: 'mesh',
      http: [
        null,
        {
          match: { uri: {} },
          route: ['oops', { destination: { host: 5, subset: 'v1' }, weight: '50', extra: 1 }],
        },
      ],
    });
    expect(vs.hosts).toEqual(['reviews']);
    expect(vs.gateways).toEqual([]);
    expect(vs.http).toHaveLength(2);
    expect(vs.http[0]?.raw).toBeUndefined();
    const entries = vs.http[1]?.route ?? [];
    expect(entries.map((e) => e.index)).toEqual([0, 1]);
    expect(entries[1]).toMatchObject({ weightAsWritten: '50', destination: { subset: 'v1' } });
    expect(entries[1]?.weight).toBeUndefined();
    expect(entries[1]?.destination?.host).toBeUndefined();
    expect(vs.issues).toEqual([
      { path: 'spec.hosts[0]', message: 'expected a string, got a number' },
      { path: 'spec.gateways', message: 'expected a list, got a string' },
      { path: 'spec.http[0]', message: 'expected an object, got null' },
      { path: 'spec.http[1].match', message: 'expected a list, got an object' },
      { path: 'spec.http[1].route[0]', message: 'expected an object, got a string' },
      { path: 'spec.http[1].route[1].weight', message: 'expected a number, got a string' },
      {
        path: 'spec.http[1].route[1].destination.host',
        message: 'expected a string, got a number',
      },
    ]);
  });
});

describe('readDestinationRuleSpec', () => {
  it('reads subsets, their labels and paths (bookinfo destination-rule-all)', () => {
    const dr = readDestinationRuleSpec(
      specOf('bookinfo/networking/destination-rule-all.yaml', 'DestinationRule', 1),
    );
    expect(dr.host).toBe('reviews');
    expect(dr.subsets.map((s) => [s.name, s.labels, s.path.join('.')])).toEqual([
      ['v1', { version: 'v1' }, 'spec.subsets.0'],
      ['v2', { version: 'v2' }, 'spec.subsets.1'],
      ['v3', { version: 'v3' }, 'spec.subsets.2'],
    ]);
  });

  it('finds the TLS modes, top level and per port (bookinfo mtls)', () => {
    const dr = readDestinationRuleSpec(
      specOf('bookinfo/networking/destination-rule-all-mtls.yaml', 'DestinationRule'),
    );
    expect(dr.tlsModes).toEqual([
      { mode: 'ISTIO_MUTUAL', path: ['spec', 'trafficPolicy', 'tls', 'mode'] },
    ]);
    expect(dr.policy.tlsMode).toBe('ISTIO_MUTUAL');
  });

  it('skips what is not a subset and reports it', () => {
    const dr = readDestinationRuleSpec({
      host: ['reviews'],
      subsets: [null, { name: 'v1', labels: ['version'] }, { labels: { version: 2, track: 'a' } }],
      trafficPolicy: { connectionPool: { tcp: { maxConnections: '100' } } },
    });
    expect(dr.host).toBeUndefined();
    expect(dr.subsets.map((s) => [s.index, s.name, s.labels])).toEqual([
      [1, 'v1', undefined],
      [2, undefined, { track: 'a' }],
    ]);
    expect(dr.policy.maxConnections).toBeUndefined();
    expect(dr.issues.map((i) => i.path)).toEqual([
      'spec.host',
      'spec.subsets[0]',
      'spec.subsets[1].labels',
      'spec.subsets[2].labels.version',
      'spec.trafficPolicy.connectionPool.tcp.maxConnections',
    ]);
  });
});

describe('readGatewaySpec', () => {
  it('reads the servers’ hosts (bookinfo gateway) and skips a server that is not an object', () => {
    const gw = readGatewaySpec(specOf('bookinfo/networking/bookinfo-gateway.yaml', 'Gateway'));
    expect(gw.selector).toEqual({ istio: 'ingressgateway' });
    expect(gw.servers.map((s) => s.hosts)).toEqual([['*']]);
    const odd = readGatewaySpec({ servers: ['http', { hosts: 'a' }] });
    expect(odd.servers).toEqual([{ index: 1, path: ['spec', 'servers', 1], hosts: [] }]);
    expect(odd.issues.map((i) => i.path)).toEqual(['spec.servers[0]', 'spec.servers[1].hosts']);
  });
});

describe('readServiceEntrySpec', () => {
  it('reads hosts and port numbers (bookinfo googleapis), skipping a port without one', () => {
    const se = readServiceEntrySpec(
      specOf('bookinfo/networking/egress-rule-google-apis.yaml', 'ServiceEntry'),
    );
    expect(se).toMatchObject({
      hosts: ['www.googleapis.com'],
      ports: [80, 443],
      resolution: 'DNS',
    });
    const odd = readServiceEntrySpec({ ports: [null, { number: '80' }, { number: 81 }] });
    expect(odd.ports).toEqual([81]);
    expect(odd.issues.map((i) => i.path)).toEqual(['spec.ports[0]', 'spec.ports[1].number']);
  });
});

describe('readPeerAuthenticationSpec', () => {
  it('reads the mode and selector (Kiali fixtures); a missing or unknown mode is UNSET', () => {
    const file = 'kiali/validations/peerauthentications/disabled_meshwide_checker_1.yaml';
    expect(readPeerAuthenticationSpec(specOf(file, 'PeerAuthentication'))).toMatchObject({
      mode: 'DISABLE',
    });
    const grafana = readPeerAuthenticationSpec(specOf(file, 'PeerAuthentication', 1));
    expect(grafana).toMatchObject({ mode: 'UNSET', matchLabels: { app: 'grafana' } });
    expect(readPeerAuthenticationSpec({ mtls: { mode: 'LOOSE' } }).mode).toBe('UNSET');
  });

  it('keeps a selector whose values are not strings, so it never widens to the namespace', () => {
    const pa = readPeerAuthenticationSpec({
      mtls: 'STRICT',
      selector: { matchLabels: { app: 1 } },
    });
    expect(pa).toMatchObject({ mode: 'UNSET', matchLabels: { app: 1 } });
    expect(pa.issues).toEqual([{ path: 'spec.mtls', message: 'expected an object, got a string' }]);
  });
});

describe('readAuthorizationPolicySpec', () => {
  it('reads the action, selector and rules; ALLOW when no action is written', () => {
    const file = 'istio-crds/validation-examples/authz-valid.yaml';
    const policies = DOCS.filter((d) => d.file === file).map((d) =>
      readAuthorizationPolicySpec(d.spec),
    );
    expect(policies.length).toBeGreaterThan(0);
    expect(readAuthorizationPolicySpec({}).action).toBe('ALLOW');
    const odd = readAuthorizationPolicySpec({ action: 3, rules: [{}, 'x'] });
    expect(odd.rules).toEqual([
      { index: 0, path: ['spec', 'rules', 0], from: [], to: [], when: [] },
    ]);
    expect(odd.issues.map((i) => i.path)).toEqual(['spec.action', 'spec.rules[1]']);
  });

  it('reads sources, operations, conditions, the provider and targetRefs with their paths', () => {
    const ap = readAuthorizationPolicySpec({
      action: 'CUSTOM',
      provider: { name: 'ext' },
      targetRef: { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw' },
      rules: [
        {
          from: [{ source: { principals: ['a', 7], notNamespaces: ['b'] } }, {}],
          to: [{ operation: { ports: ['8080'], paths: ['/x*'] } }],
          when: [{ key: 'request.headers[x]', notValues: ['1'] }],
        },
      ],
    });
    expect(ap.provider).toBe('ext');
    expect(ap.targetRefs).toEqual([
      { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw' },
    ]);
    expect(ap.rules[0]).toMatchObject({
      from: [{ principals: ['a'], notNamespaces: ['b'] }, {}],
      to: [{ ports: ['8080'], paths: ['/x*'] }],
      when: [{ key: 'request.headers[x]', values: [], notValues: ['1'] }],
    });
    expect(ap.issues.map((i) => i.path)).toEqual(['spec.rules[0].from[0].source.principals[1]']);
  });
});
