import { describe, expect, it } from 'vitest';
import { buildDestinationRule } from './build-destination-rule';
import { buildVirtualService } from './build-virtual-service';
import { mergeDestinationRule, mergeVirtualService } from './merge-existing';
import { readDestinationRule } from './read-destination-rule';
import { readVirtualService } from './read-virtual-service';
import type { VirtualServiceInput } from './types';

type Json = Record<string, unknown>;
const spec = (obj: Json): Json => obj.spec as Json;

const formInput: VirtualServiceInput = {
  namespace: 'bookinfo',
  service: 'reviews',
  headerRoutes: [{ header: 'end-user', match: 'exact', value: 'jason', subset: 'v2' }],
  defaultSubset: 'v1',
  timeout: '2s',
  retries: { attempts: 3, perTryTimeout: '500ms', retryOn: ['5xx', 'connect-failure'] },
  fault: { delay: { percent: 10, fixedDelay: '1s' } },
};

describe('readVirtualService', () => {
  it('reads back what the form wrote, with nothing left over', () => {
    const { headerRoutes, defaultSubset, timeout, retries, fault } = formInput;
    const expected = { headerRoutes, defaultSubset, timeout, retries, fault };
    expect(readVirtualService(spec(buildVirtualService(formInput)), 'reviews', 'bookinfo')).toEqual(
      { input: { ...expected, host: 'reviews' }, unsupported: [] },
    );
  });

  it('keeps the host as the object spells it, so an unchanged rule stays unchanged', () => {
    const reading = readVirtualService(
      {
        hosts: ['reviews'],
        http: [
          {
            route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local', subset: 'v1' } }],
          },
        ],
      },
      'reviews',
      'bookinfo',
    );
    expect(reading).toEqual({
      input: { headerRoutes: [], defaultSubset: 'v1', host: 'reviews.bookinfo.svc.cluster.local' },
      unsupported: [],
    });
    const rebuilt = buildVirtualService({
      namespace: 'bookinfo',
      service: 'reviews',
      ...reading.input,
    });
    expect(spec(rebuilt).http).toEqual([
      { route: [{ destination: { host: 'reviews.bookinfo.svc.cluster.local', subset: 'v1' } }] },
    ]);
  });

  it("says what it cannot hold: the demo's weighted canary split", () => {
    const { unsupported } = readVirtualService(
      {
        hosts: ['reviews'],
        http: [
          {
            route: ['v1', 'v2', 'v3'].map((subset, i) => ({
              destination: { host: 'reviews', subset },
              weight: [80, 10, 10][i],
            })),
          },
        ],
      },
      'reviews',
      'bookinfo',
    );
    expect(unsupported).toEqual([
      'rule 1 splits traffic across 3 destinations (use the traffic split sliders)',
    ]);
  });

  it("says so when rules differ in fault (Bookinfo's ratings abort for jason only)", () => {
    const reading = readVirtualService(
      {
        hosts: ['ratings'],
        http: [
          {
            match: [{ headers: { 'end-user': { exact: 'jason' } } }],
            fault: { abort: { percentage: { value: 100 }, httpStatus: 500 } },
            route: [{ destination: { host: 'ratings', subset: 'v1' } }],
          },
          { route: [{ destination: { host: 'ratings', subset: 'v1' } }] },
        ],
      },
      'ratings',
      'bookinfo',
    );
    expect(reading.input.headerRoutes).toEqual([
      { header: 'end-user', match: 'exact', value: 'jason', subset: 'v1' },
    ]);
    expect(reading.unsupported).toEqual([
      'rules differ in timeout, retries or fault; the form sets one for all',
    ]);
  });

  it('lists rewrites, uri matches, other hosts and a missing catch-all', () => {
    const { unsupported } = readVirtualService(
      {
        http: [
          {
            name: 'api',
            match: [{ uri: { prefix: '/api' } }],
            rewrite: { uri: '/' },
            route: [{ destination: { host: 'reviews', subset: 'v1' } }],
          },
          {
            match: [{ headers: { 'x-canary': { exact: '1' } } }],
            route: [{ destination: { host: 'ratings' } }],
          },
        ],
      },
      'reviews',
      'bookinfo',
    );
    expect(unsupported).toEqual([
      'rule 1 (api) also sets rewrite',
      'rule 1 (api) matches on more than one header value (the form holds one)',
      'rule 2 sends traffic to another host (ratings)',
      'no catch-all rule: requests that match no rule get a 404',
    ]);
  });
});

describe('mergeVirtualService', () => {
  it('replaces the http rules and keeps hosts, gateways, tcp routes and metadata', () => {
    const existing = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: {
        name: 'reviews-route',
        namespace: 'bookinfo',
        labels: { team: 'books' },
        annotations: { owner: 'sre' },
      },
      spec: {
        hosts: ['reviews', 'reviews.example.com'],
        gateways: ['mesh', 'bookinfo-gateway'],
        http: [{ route: [{ destination: { host: 'reviews', subset: 'v3' } }] }],
        tcp: [{ route: [{ destination: { host: 'reviews' } }] }],
      },
    };
    const built = buildVirtualService({ ...formInput, name: 'reviews-route' });
    expect(mergeVirtualService(existing, built)).toEqual({
      ...existing,
      spec: { ...existing.spec, http: spec(built).http },
    });
  });
});

describe('a form write over fields Meshlens does not know', () => {
  it('keeps an unknown spec field and an unknown property of a route the form does not own', () => {
    const existing = {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: {
        hosts: ['reviews'],
        futureSpecField: { enabled: true },
        http: [{ route: [{ destination: { host: 'reviews', subset: 'v1' } }] }],
        tcp: [{ route: [{ destination: { host: 'reviews' }, futureRouteProperty: 1 }] }],
      },
    };
    const merged = mergeVirtualService(existing, buildVirtualService(formInput));
    expect(merged.spec).toMatchObject({
      futureSpecField: { enabled: true },
      tcp: existing.spec.tcp,
    });
  });

  it('says which rule property the form would replace', () => {
    const { unsupported } = readVirtualService(
      { http: [{ route: [{ destination: { host: 'reviews' } }], futureRuleProperty: 'x' }] },
      'reviews',
      'bookinfo',
    );
    expect(unsupported).toEqual(['rule 1 also sets futureRuleProperty']);
  });

  it('keeps an unknown DestinationRule field, subset property and policy field', () => {
    const existing = {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: {
        host: 'reviews',
        futureSpecField: 'kept',
        trafficPolicy: { futurePolicyField: 2, loadBalancer: { simple: 'RANDOM' } },
        subsets: [{ name: 'v1', labels: { version: 'v1' }, futureSubsetProperty: true }],
      },
    };
    const read = readDestinationRule(existing.spec);
    const built = buildDestinationRule({ namespace: 'bookinfo', service: 'reviews', ...read });
    expect(mergeDestinationRule(existing, built).spec).toMatchObject({
      futureSpecField: 'kept',
      trafficPolicy: { futurePolicyField: 2 },
      subsets: [{ name: 'v1', futureSubsetProperty: true }],
    });
  });
});

describe('readDestinationRule and mergeDestinationRule', () => {
  const existing = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'reviews', namespace: 'bookinfo', annotations: { owner: 'sre' } },
    spec: {
      host: 'reviews.bookinfo.svc.cluster.local',
      exportTo: ['.'],
      trafficPolicy: {
        loadBalancer: { consistentHash: { httpHeaderName: 'x-user' } },
        connectionPool: { tcp: { maxConnections: 100, connectTimeout: '1s' } },
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s' },
        portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'ISTIO_MUTUAL' } }],
      },
      subsets: [
        {
          name: 'v1',
          labels: { version: 'v1', track: 'stable' },
          trafficPolicy: { loadBalancer: { simple: 'RANDOM' } },
        },
        { name: 'v2', labels: { version: 'v2' } },
      ],
    },
  };

  it('reads subsets and the policy fields the form shows', () => {
    expect(readDestinationRule(existing.spec)).toEqual({
      subsets: [
        { name: 'v1', labels: { version: 'v1', track: 'stable' } },
        { name: 'v2', labels: { version: 'v2' } },
      ],
      trafficPolicy: {
        loadBalancer: undefined,
        connectionPool: {
          maxConnections: 100,
          http1MaxPendingRequests: undefined,
          maxRequestsPerConnection: undefined,
        },
        outlierDetection: {
          consecutive5xxErrors: 5,
          interval: '10s',
          baseEjectionTime: undefined,
          maxEjectionPercent: undefined,
        },
        tlsMode: undefined,
      },
    });
  });

  it('reads back unchanged: applying the form as loaded changes nothing', () => {
    const read = readDestinationRule(existing.spec);
    const built = buildDestinationRule({ namespace: 'bookinfo', service: 'reviews', ...read });
    expect(mergeDestinationRule(existing, built)).toEqual(existing);
  });

  it('applies the form and keeps what it does not own', () => {
    const built = buildDestinationRule({
      namespace: 'bookinfo',
      service: 'reviews',
      subsets: [
        { name: 'v1', labels: { version: 'v1' } },
        { name: 'v3', labels: { version: 'v3' } },
      ],
      trafficPolicy: { loadBalancer: 'LEAST_REQUEST', tlsMode: 'ISTIO_MUTUAL' },
    });
    expect(mergeDestinationRule(existing, built)).toEqual({
      ...existing,
      spec: {
        host: 'reviews.bookinfo.svc.cluster.local',
        exportTo: ['.'],
        trafficPolicy: {
          loadBalancer: { simple: 'LEAST_REQUEST' },
          connectionPool: { tcp: { connectTimeout: '1s' } },
          portLevelSettings: [{ port: { number: 9080 }, tls: { mode: 'ISTIO_MUTUAL' } }],
          tls: { mode: 'ISTIO_MUTUAL' },
        },
        subsets: [
          {
            name: 'v1',
            labels: { version: 'v1', track: 'stable' },
            trafficPolicy: { loadBalancer: { simple: 'RANDOM' } },
          },
          { name: 'v3', labels: { version: 'v3' } },
        ],
      },
    });
  });
});
