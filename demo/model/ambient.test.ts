import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backfill } from '../backfill.js';
import { TraceStore } from '../jaeger/store.js';
import { Tracer } from '../jaeger/tracer.js';
import { httpRoute, GATEWAY_CONTROLLER } from '../scenarios/gateway-api-objects.js';
import { virtualService } from '../scenarios/istio-objects.js';
import { buildScenario } from '../scenarios/index.js';
import { createTrafficModel } from './advance.js';
import { StaticConfig } from './static-config.js';
import { requests, run, seriesLabels, tcpSeries } from './testing.js';

const NS = 'travel';
const svc = (name: string): string => `${name}.${NS}.svc.cluster.local`;
const WAYPOINT = { reporter: 'waypoint' };

function demo() {
  const scenario = buildScenario('demo', 42);
  return { scenario, config: new StaticConfig(scenario.objects) };
}

/** The flights route with these backendRefs (weight undefined = left out). */
function flightsRoute(weights: { v1?: number; v2?: number }, extra: Record<string, unknown> = {}) {
  const ref = (name: string, weight: number | undefined) => ({
    name,
    port: 8080,
    ...(weight === undefined ? {} : { weight }),
  });
  return httpRoute(
    NS,
    'flights',
    {
      parentRefs: [{ group: '', kind: 'Service', name: 'flights', port: 8080 }],
      rules: [{ backendRefs: [ref('flights-v1', weights.v1), ref('flights-v2', weights.v2)] }],
      ...extra,
    },
    GATEWAY_CONTROLLER,
  );
}

function split(state: ReturnType<typeof run>): { v1: number; v2: number; share: number } {
  const v1 = requests(state, { ...WAYPOINT, destination_workload: 'flights-v1' });
  const v2 = requests(state, { ...WAYPOINT, destination_workload: 'flights-v2' });
  return { v1, v2, share: v2 / (v1 + v2) };
}

describe('HTTPRoute canary at the waypoint', () => {
  it('splits flights 90/10 as the demo ships it, then 50/50 after a weight change', () => {
    const { scenario, config } = demo();
    const state = run(scenario, config, 120);
    const before = split(state);
    expect(before.v1 + before.v2).toBeGreaterThan(1000);
    expect(before.share).toBeCloseTo(0.1, 1);
    config.apply(flightsRoute({ v1: 50, v2: 50 }));
    run(scenario, config, 120, state);
    const after = split(state);
    const share = (after.v2 - before.v2) / (after.v1 - before.v1 + after.v2 - before.v2);
    expect(share).toBeCloseTo(0.5, 1);
  });

  it('treats weights as relative: 3:1, a missing weight as 1, 0 as no traffic', () => {
    const shareWith = (weights: { v1?: number; v2?: number }): number => {
      const { scenario, config } = demo();
      config.apply(flightsRoute(weights));
      return split(run(scenario, config, 90)).share;
    };
    expect(shareWith({ v1: 3, v2: 1 })).toBeCloseTo(0.25, 1);
    expect(shareWith({})).toBeCloseTo(0.5, 1);
    expect(shareWith({ v1: 2 })).toBeCloseTo(1 / 3, 1);
    expect(shareWith({ v1: 1, v2: 0 })).toBe(0);
  });

  it('answers 500 at the waypoint for the share of a backendRef to a missing Service', () => {
    const { scenario, config } = demo();
    config.delete('Service', NS, 'flights-v2');
    config.apply(flightsRoute({ v1: 1, v2: 1 }));
    const state = run(scenario, config, 60);
    const failed = requests(state, { ...WAYPOINT, destination_service: svc('flights-v2') });
    expect(requests(state, { ...WAYPOINT, response_code: '500' })).toBe(failed);
    expect(failed / (failed + split(state).v1)).toBeCloseTo(0.5, 1);
    expect(split(state).v2).toBe(0);
  });

  it('ignores a VirtualService for flights while the HTTPRoute exists, uses it (alpha) without', () => {
    const { scenario, config } = demo();
    config.apply(
      virtualService(NS, 'flights', {
        hosts: ['flights'],
        http: [{ route: [{ destination: { host: 'flights-v2' } }] }],
      }),
    );
    const state = run(scenario, config, 60);
    expect(split(state).share).toBeLessThan(0.2);
    config.delete('HTTPRoute', NS, 'flights');
    const before = split(state);
    run(scenario, config, 30, state);
    expect(split(state).v1).toBe(before.v1);
    expect(split(state).v2).toBeGreaterThan(before.v2 + 100);
  });

  it('follows path matches: a rule for /api/flights/beta sends nothing else to v2', () => {
    const { scenario, config } = demo();
    const route = flightsRoute({ v1: 1 });
    const spec = route.spec as { rules: Record<string, unknown>[] };
    spec.rules = [
      {
        matches: [{ path: { type: 'PathPrefix', value: '/api/flights/beta' } }],
        backendRefs: [{ name: 'flights-v2', port: 8080 }],
      },
      { backendRefs: [{ name: 'flights-v1', port: 8080 }] },
    ];
    config.apply(route);
    expect(split(run(scenario, config, 30)).v2).toBe(0);
  });
});

describe('ambient telemetry', () => {
  const { scenario, config } = demo();
  const state = run(scenario, config, 60);
  const ambient = new Set(['web', 'flights-v1', 'flights-v2', 'hotels', 'hotels-db']);
  const tcp = tcpSeries(state);
  const tcpWhere = (match: Record<string, string>) =>
    tcp.filter((s) => Object.entries(match).every(([k, v]) => s.labels[k] === v));

  it('has no istio_requests_total from ztunnel: nothing reported source/destination by ambient pods', () => {
    for (const l of seriesLabels(state)) {
      if (l.reporter === 'source') expect(ambient.has(l.source_workload ?? '')).toBe(false);
      if (l.reporter === 'destination')
        expect(ambient.has(l.destination_workload ?? '')).toBe(false);
    }
  });

  it("reports the waypoint's L7 for flights as the sum over flights-v1 and v2, about web's rate", () => {
    const all = requests(state, { ...WAYPOINT, destination_canonical_service: 'flights' });
    const { v1, v2 } = split(state);
    expect(all).toBe(v1 + v2);
    // web serves ~10 rps from the ingress and calls flights once per request.
    expect(all / 60).toBeGreaterThan(8);
    expect(all / 60).toBeLessThan(12);
    const l = seriesLabels(state).find(
      (x) => x.reporter === 'waypoint' && x.destination_workload === 'flights-v1',
    );
    expect(l).toMatchObject({
      source_workload: 'web',
      source_principal: 'spiffe://cluster.local/ns/travel/sa/web',
      destination_service: svc('flights-v1'),
      connection_security_policy: 'mutual_tls',
      request_protocol: 'http',
    });
  });

  it('has L4 series web → waypoint (both ztunnels) and waypoint → flights-v* (destination only)', () => {
    for (const reporter of ['source', 'destination']) {
      const [s] = tcpWhere({
        reporter,
        source_workload: 'web',
        destination_workload: 'waypoint',
        destination_service: svc('flights'),
      });
      expect(s?.labels).toMatchObject({
        request_protocol: 'tcp',
        connection_security_policy: 'mutual_tls',
        destination_principal: 'spiffe://cluster.local/ns/travel/sa/waypoint',
        response_flags: '-',
      });
      expect(s?.opened).toBeGreaterThan(0);
    }
    for (const version of ['flights-v1', 'flights-v2']) {
      const found = tcpWhere({
        reporter: 'destination',
        source_workload: 'waypoint',
        destination_workload: version,
        destination_service: svc(version),
      });
      expect(found).toHaveLength(1);
      expect(found[0]?.received).toBeGreaterThan(0);
    }
    expect(tcpWhere({ reporter: 'source', source_workload: 'waypoint' })).toHaveLength(0);
    expect(tcpWhere({ reporter: 'waypoint', destination_workload: 'flights-v1' })).toHaveLength(1);
  });

  it('reaches hotels-db at L4 only, reported by both ztunnels, never through the waypoint', () => {
    for (const reporter of ['source', 'destination'])
      expect(
        tcpWhere({ reporter, source_workload: 'hotels', destination_workload: 'hotels-db' }),
      ).toHaveLength(1);
    expect(requests(state, { destination_workload: 'hotels-db' })).toBe(0);
    expect(tcpWhere({ destination_service: svc('hotels-db'), reporter: 'waypoint' })).toHaveLength(
      0,
    );
  });

  it("routes the Gateway API ingress to web: the gateway's L7 and web's ztunnel", () => {
    const intoWeb = requests(state, {
      reporter: 'source',
      source_workload: 'travel-gateway-istio',
      destination_workload: 'web',
      destination_service: svc('web'),
      response_code: '200',
    });
    expect(intoWeb / 60).toBeGreaterThan(8);
    expect(
      tcpWhere({
        reporter: 'destination',
        source_workload: 'travel-gateway-istio',
        destination_workload: 'web',
        connection_security_policy: 'mutual_tls',
      }),
    ).toHaveLength(1);
  });

  it('shows a sidecar client of hotels calling the waypoint, and the waypoint naming it', () => {
    expect(
      requests(state, {
        reporter: 'source',
        source_workload: 'frontend-v1',
        destination_workload: 'waypoint',
        destination_service: svc('hotels'),
      }),
    ).toBeGreaterThan(0);
    expect(
      requests(state, {
        ...WAYPOINT,
        source_workload: 'frontend-v1',
        destination_workload: 'hotels',
      }),
    ).toBeGreaterThan(0);
  });
});

describe('Gateway API ingress without the ReferenceGrant', () => {
  it('has no route to web across namespaces: the gateway answers 500 and web gets nothing', () => {
    const { scenario, config } = demo();
    config.delete('ReferenceGrant', NS, 'allow-ingress-routes');
    const state = run(scenario, config, 30);
    const fromGateway = { reporter: 'source', source_workload: 'travel-gateway-istio' };
    expect(requests(state, { ...fromGateway, response_code: '500' })).toBe(
      requests(state, fromGateway),
    );
    expect(requests(state, fromGateway)).toBeGreaterThan(100);
    expect(requests(state, { ...fromGateway, destination_workload: 'web' })).toBe(0);
    expect(requests(state, { ...WAYPOINT, source_workload: 'web' })).toBe(0);
  });
});

describe('ambient capture', () => {
  it('stops capturing a namespace without the dataplane-mode label: plain pods, no waypoint reports', () => {
    const { scenario, config } = demo();
    const ns = scenario.objects.find((o) => o.kind === 'Namespace' && o.metadata.name === NS);
    if (!ns) throw new Error('no travel namespace');
    config.apply({
      ...ns,
      metadata: { ...ns.metadata, labels: { 'kubernetes.io/metadata.name': NS } },
    });
    const state = run(scenario, config, 20);
    expect(requests(state, WAYPOINT)).toBe(0);
    expect(tcpWhere(state, { source_workload: 'hotels' })).toHaveLength(0);
  });
});

function tcpWhere(state: ReturnType<typeof run>, match: Record<string, string>) {
  return tcpSeries(state).filter((s) => Object.entries(match).every(([k, v]) => s.labels[k] === v));
}

describe('traces through the waypoint', () => {
  it('has one waypoint client span per proxied request, tagged as Istio tags its proxies', () => {
    const { scenario, config } = demo();
    const tracer = new Tracer(createTrafficModel(scenario, config), new TraceStore(5000));
    tracer.seedHistory(0, 600_000, 400);
    expect(tracer.store.services()).toContain('waypoint.travel');
    const traces = tracer.store.find({ service: 'waypoint.travel', limit: 50 });
    expect(traces.length).toBeGreaterThan(5);
    const spans = traces.flatMap((t) => t.spans);
    const waypointSpans = spans.filter((s) => s.service === 'waypoint.travel');
    const toFlights = waypointSpans.find((s) =>
      s.tags.upstream_cluster?.startsWith('outbound|8080||flights-v'),
    );
    expect(toFlights).toMatchObject({ kind: 'client' });
    expect(toFlights?.tags).toMatchObject({
      component: 'proxy',
      downstream_cluster: '-',
      'istio.canonical_service': 'waypoint',
      'istio.namespace': 'travel',
      'http.status_code': expect.stringMatching(/^\d{3}$/),
    });
    const webIp = scenario.objects.find(
      (o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-'),
    )?.status as { podIP?: string } | undefined;
    expect(toFlights?.tags['peer.address']).toBe(webIp?.podIP);
    // Ambient apps and ztunnel emit no spans: nothing from web or flights themselves.
    expect(spans.some((s) => s.service === 'web.travel' || s.service === 'flights.travel')).toBe(
      false,
    );
  });
});

describe('backfilled history', () => {
  it('carries the waypoint and ztunnel series, so graphs over hours have travel data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meshlens-ambient-backfill-'));
    try {
      const scenario = buildScenario('demo', 42);
      const outFile = path.join(dir, 'history.om');
      backfill({
        scenario,
        seed: 42,
        hours: 0.05,
        stepSeconds: 10,
        outFile,
        endMs: 1_700_000_000_000,
      });
      const text = fs.readFileSync(outFile, 'utf8');
      expect(text).toMatch(
        /^istio_requests_total\{reporter="waypoint",source_workload="web",[^\n]*destination_workload="flights-v1"/m,
      );
      expect(text).toMatch(
        /^istio_request_duration_milliseconds_bucket\{reporter="waypoint",[^\n]*destination_workload="flights-v2"/m,
      );
      expect(text).toMatch(
        /^istio_tcp_connections_opened_total\{reporter="source",source_workload="web",[^\n]*destination_workload="waypoint"/m,
      );
      expect(text).toMatch(
        /^istio_tcp_received_bytes_total\{reporter="destination",source_workload="hotels",[^\n]*destination_workload="hotels-db"/m,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('waypoint use', () => {
  const flightsL4 = (state: ReturnType<typeof run>, version: string) =>
    tcpWhere(state, {
      reporter: 'destination',
      source_workload: 'web',
      destination_workload: version,
      destination_service: svc('flights'),
    });

  it('goes straight to the pods at L4 when the Service opts out with use-waypoint none', () => {
    const { scenario, config } = demo();
    const flights = scenario.objects.find(
      (o) => o.kind === 'Service' && o.metadata.namespace === NS && o.metadata.name === 'flights',
    );
    if (!flights) throw new Error('no flights Service');
    config.apply({
      ...flights,
      metadata: {
        ...flights.metadata,
        labels: { ...flights.metadata.labels, 'istio.io/use-waypoint': 'none' },
      },
    });
    const state = run(scenario, config, 30);
    expect(requests(state, { ...WAYPOINT, destination_canonical_service: 'flights' })).toBe(0);
    // Without the waypoint nothing applies the HTTPRoute: ztunnel spreads over both versions.
    expect(flightsL4(state, 'flights-v1')).toHaveLength(1);
    expect(flightsL4(state, 'flights-v2')).toHaveLength(1);
  });

  it('has no waypoint to use once its Gateway is gone', () => {
    const { scenario, config } = demo();
    config.delete('Gateway', NS, 'waypoint', 'gateway.networking.k8s.io/v1');
    const state = run(scenario, config, 30);
    expect(requests(state, WAYPOINT)).toBe(0);
    expect(flightsL4(state, 'flights-v2')).toHaveLength(1);
  });
});
