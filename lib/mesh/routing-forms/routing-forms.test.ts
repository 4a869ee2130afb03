import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateSchema, type CrdSchemas } from '@/lib/mesh/validations/schema';
import type { Inventory } from '@/lib/mesh/types';
import { buildDestinationRule } from './build-destination-rule';
import { buildVirtualService } from './build-virtual-service';
import { subsetsFromInventory } from './subsets-from-inventory';

const SCHEMAS = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../kube/istio-crd-schemas.gen.json'), 'utf8'),
) as CrdSchemas;

/** What the form shows is YAML; it must read back as the same object and pass the CRD schema. */
function roundTrip(obj: Record<string, unknown>): Record<string, unknown> {
  const back = parse(stringify(obj)) as Record<string, unknown>;
  expect(back).toEqual(obj);
  expect(validateSchema(back, SCHEMAS)).toEqual([]);
  return back;
}

const subsets = [
  { name: 'v1', labels: { version: 'v1' } },
  { name: 'v2', labels: { version: 'v2' } },
];

describe('buildDestinationRule', () => {
  it('creates one subset per version and no traffic policy when none is asked', () => {
    expect(
      roundTrip(buildDestinationRule({ namespace: 'bookinfo', service: 'reviews', subsets })),
    ).toEqual({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'reviews', namespace: 'bookinfo' },
      spec: { host: 'reviews', subsets },
    });
  });

  it('writes load balancer, connection pool, outlier detection and TLS mode', () => {
    const dr = roundTrip(
      buildDestinationRule({
        namespace: 'bookinfo',
        service: 'reviews',
        subsets: [],
        trafficPolicy: {
          loadBalancer: 'LEAST_REQUEST',
          connectionPool: {
            maxConnections: 100,
            http1MaxPendingRequests: 10,
            maxRequestsPerConnection: 1,
          },
          outlierDetection: {
            consecutive5xxErrors: 5,
            interval: '10s',
            baseEjectionTime: '30s',
            maxEjectionPercent: 50,
          },
          tlsMode: 'ISTIO_MUTUAL',
        },
      }),
    );
    expect(dr.spec).toEqual({
      host: 'reviews',
      trafficPolicy: {
        loadBalancer: { simple: 'LEAST_REQUEST' },
        connectionPool: {
          tcp: { maxConnections: 100 },
          http: { http1MaxPendingRequests: 10, maxRequestsPerConnection: 1 },
        },
        outlierDetection: {
          consecutive5xxErrors: 5,
          interval: '10s',
          baseEjectionTime: '30s',
          maxEjectionPercent: 50,
        },
        tls: { mode: 'ISTIO_MUTUAL' },
      },
    });
  });

  it('leaves out empty parts of a policy', () => {
    const dr = buildDestinationRule({
      namespace: 'a',
      service: 's',
      subsets: [],
      trafficPolicy: { connectionPool: {}, outlierDetection: { interval: '' } },
    });
    expect(dr.spec).toEqual({ host: 's' });
  });
});

describe('buildVirtualService', () => {
  it('routes by header (exact, prefix, regex) in order, then everything else to the default subset', () => {
    const vs = roundTrip(
      buildVirtualService({
        namespace: 'bookinfo',
        service: 'reviews',
        headerRoutes: [
          { header: 'End-User', match: 'exact', value: 'jason', subset: 'v2' },
          { header: 'x-canary', match: 'prefix', value: 'yes', subset: 'v2' },
          { header: 'user-agent', match: 'regex', value: '.*Firefox.*', subset: 'v1' },
        ],
        defaultSubset: 'v1',
      }),
    );
    expect(vs.spec).toEqual({
      hosts: ['reviews'],
      http: [
        {
          match: [{ headers: { 'end-user': { exact: 'jason' } } }],
          route: [{ destination: { host: 'reviews', subset: 'v2' } }],
        },
        {
          match: [{ headers: { 'x-canary': { prefix: 'yes' } } }],
          route: [{ destination: { host: 'reviews', subset: 'v2' } }],
        },
        {
          match: [{ headers: { 'user-agent': { regex: '.*Firefox.*' } } }],
          route: [{ destination: { host: 'reviews', subset: 'v1' } }],
        },
        { route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
      ],
    });
  });

  it('writes shared settings out in full on every rule, without YAML anchors', () => {
    const vs = buildVirtualService({
      namespace: 'shop',
      service: 'cart',
      headerRoutes: [{ header: 'x', match: 'exact', value: 'y', subset: 'v1' }],
      retries: { attempts: 2 },
      fault: { abort: { percent: 1, httpStatus: 500 } },
    });
    expect(stringify(vs)).not.toMatch(/[&*]a\d/);
  });

  it('adds timeout and retries to every rule', () => {
    const vs = roundTrip(
      buildVirtualService({
        namespace: 'shop',
        service: 'checkout',
        headerRoutes: [],
        timeout: '3s',
        retries: { attempts: 3, perTryTimeout: '1s', retryOn: ['5xx', 'connect-failure'] },
      }),
    );
    expect((vs.spec as { http: unknown[] }).http).toEqual([
      {
        route: [{ destination: { host: 'checkout' } }],
        timeout: '3s',
        retries: { attempts: 3, perTryTimeout: '1s', retryOn: '5xx,connect-failure' },
      },
    ]);
  });

  it('injects abort and delay faults as percentages', () => {
    const vs = roundTrip(
      buildVirtualService({
        namespace: 'bookinfo',
        service: 'ratings',
        headerRoutes: [],
        defaultSubset: 'v1',
        fault: {
          abort: { percent: 10, httpStatus: 503 },
          delay: { percent: 50, fixedDelay: '2s' },
        },
      }),
    );
    expect((vs.spec as { http: { fault: unknown }[] }).http[0]?.fault).toEqual({
      delay: { percentage: { value: 50 }, fixedDelay: '2s' },
      abort: { percentage: { value: 10 }, httpStatus: 503 },
    });
  });
});

describe('subsetsFromInventory', () => {
  const inventory: Inventory = {
    namespaces: [],
    services: [{ namespace: 'bookinfo', name: 'reviews', selector: { app: 'reviews' }, ports: [] }],
    workloads: [],
    pods: ['v3', 'v1', 'v2', 'v1'].map((version, i) => ({
      namespace: 'bookinfo',
      name: `reviews-${i}`,
      labels: { app: 'reviews', version },
      ready: true,
      hasSidecar: true,
    })),
  };

  it('makes one subset per version label of the selected pods, sorted', () => {
    expect(subsetsFromInventory(inventory, 'bookinfo', 'reviews')).toEqual([
      { name: 'v1', labels: { version: 'v1' } },
      { name: 'v2', labels: { version: 'v2' } },
      { name: 'v3', labels: { version: 'v3' } },
    ]);
  });

  it('returns none for an unknown service', () => {
    expect(subsetsFromInventory(inventory, 'bookinfo', 'ghost')).toEqual([]);
  });
});
