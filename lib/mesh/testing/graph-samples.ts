/**
 * Test helpers: decoded Prometheus samples shaped exactly as the queries in ./labels.ts return
 * them, and a small Bookinfo mesh (ingress → productpage → details / reviews v1..v3, reviews v2/v3 →
 * ratings, never reviews-v1 → ratings). Only imported by tests.
 */
import type { Inventory, InventoryWorkload, Sample } from '../types';
import type { GraphInput } from '../graph/build-graph';

export interface Peer {
  readonly ns: string;
  readonly wl: string;
  readonly app?: string;
  readonly version?: string;
}

export interface Target extends Partial<Peer> {
  readonly svc: string;
  /** Namespace of the service; defaults to the workload's. */
  readonly svcNs?: string;
}

export const UNKNOWN_PEER: Peer = { ns: 'unknown', wl: 'unknown' };

export interface CallOptions {
  readonly reporter?: 'source' | 'destination' | 'waypoint';
  readonly protocol?: 'http' | 'grpc' | 'tcp';
  readonly code?: string;
  readonly grpc?: string;
  readonly flags?: string;
  readonly security?: 'mutual_tls' | 'none' | 'unknown';
}

export function edgeLabels(from: Peer, to: Target, o: CallOptions = {}): Record<string, string> {
  const svcNs = to.svcNs ?? to.ns ?? 'unknown';
  return {
    reporter: o.reporter ?? 'source',
    source_workload_namespace: from.ns,
    source_workload: from.wl,
    source_canonical_service: from.app ?? 'unknown',
    source_app: from.app ?? 'unknown',
    source_version: from.version ?? 'unknown',
    destination_service_namespace: svcNs,
    destination_service_name: to.svc,
    destination_workload_namespace: to.ns ?? 'unknown',
    destination_workload: to.wl ?? 'unknown',
    destination_canonical_service: to.app ?? 'unknown',
    destination_app: to.app ?? 'unknown',
    destination_version: to.version ?? 'unknown',
    request_protocol: o.protocol ?? 'http',
  };
}

/** One istio_requests_total rate sample grouped by REQUEST_LABELS. */
export function request(from: Peer, to: Target, rps: number, o: CallOptions = {}): Sample {
  const protocol = o.protocol ?? 'http';
  return {
    labels: {
      ...edgeLabels(from, to, o),
      response_code: o.code ?? '200',
      grpc_response_status: o.grpc ?? (protocol === 'grpc' ? '0' : ''),
      response_flags: o.flags ?? '-',
      connection_security_policy: o.security ?? 'mutual_tls',
    },
    value: rps,
  };
}

/** The same requests seen by both proxies, as Istio reports sidecar-to-sidecar traffic. */
export function meshRequest(
  from: Peer,
  to: Target,
  rps: number,
  o: Omit<CallOptions, 'reporter'> = {},
): Sample[] {
  return [
    request(from, to, rps, { ...o, reporter: 'source' }),
    request(from, to, rps, { ...o, reporter: 'destination' }),
  ];
}

/** Cumulative duration bucket rates grouped by DURATION_LABELS; `counts` maps `le` to rate. */
export function durations(
  from: Peer,
  to: Target,
  counts: Readonly<Record<string, number>>,
  o: CallOptions = {},
): Sample[] {
  return Object.entries(counts).map(([le, value]) => ({
    labels: { ...edgeLabels(from, to, o), le },
    value,
  }));
}

/** One TCP byte-rate sample grouped by TCP_LABELS. */
export function tcpBytes(
  from: Peer,
  to: Target,
  bytesPerSecond: number,
  o: CallOptions = {},
): Sample {
  return {
    labels: {
      ...edgeLabels(from, to, { ...o, protocol: 'tcp' }),
      connection_security_policy: o.security ?? 'mutual_tls',
    },
    value: bytesPerSecond,
  };
}

export function workload(
  ns: string,
  name: string,
  extra: Partial<InventoryWorkload> = {},
): InventoryWorkload {
  const [app = name, version] = name.split(/-(?=v\d+$)/);
  return {
    namespace: ns,
    name,
    kind: 'Deployment',
    labels: { app, ...(version !== undefined ? { version } : {}) },
    annotations: {},
    app,
    ...(version !== undefined ? { version } : {}),
    desiredReplicas: 1,
    readyReplicas: 1,
    hasSidecar: true,
    ...extra,
  };
}

export const INGRESS: Peer = {
  ns: 'istio-system',
  wl: 'istio-ingressgateway',
  app: 'istio-ingressgateway',
};
export const PRODUCTPAGE: Peer = {
  ns: 'bookinfo',
  wl: 'productpage-v1',
  app: 'productpage',
  version: 'v1',
};
export const DETAILS: Peer = { ns: 'bookinfo', wl: 'details-v1', app: 'details', version: 'v1' };
export const REVIEWS_V1: Peer = { ns: 'bookinfo', wl: 'reviews-v1', app: 'reviews', version: 'v1' };
export const REVIEWS_V2: Peer = { ns: 'bookinfo', wl: 'reviews-v2', app: 'reviews', version: 'v2' };
export const REVIEWS_V3: Peer = { ns: 'bookinfo', wl: 'reviews-v3', app: 'reviews', version: 'v3' };
export const RATINGS: Peer = { ns: 'bookinfo', wl: 'ratings-v1', app: 'ratings', version: 'v1' };

export const to = (peer: Peer, svc: string): Target => ({ ...peer, svc });

export const BOOKINFO_INVENTORY: Inventory = {
  namespaces: [
    { name: 'bookinfo', labels: {}, annotations: {} },
    { name: 'istio-system', labels: {}, annotations: {} },
  ],
  services: ['productpage', 'details', 'reviews', 'ratings'].map((name) => ({
    namespace: 'bookinfo',
    name,
    selector: { app: name },
    ports: [{ name: 'http', port: 9080, protocol: 'TCP' }],
  })),
  workloads: [
    workload('istio-system', 'istio-ingressgateway', { hasSidecar: false }),
    ...['productpage-v1', 'details-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3', 'ratings-v1'].map(
      (n) => workload('bookinfo', n),
    ),
  ],
  pods: [],
};

/**
 * 100 rps in; details answers 1 in 30 with a 500; reviews-v3 → ratings fails 1 in 10 with a 503.
 * The gateway reports as source only, as a gateway does for its own calls.
 */
export function bookinfoRequests(): Sample[] {
  return [
    request(INGRESS, to(PRODUCTPAGE, 'productpage'), 100),
    request(INGRESS, to(PRODUCTPAGE, 'productpage'), 100, { reporter: 'destination' }),
    ...meshRequest(PRODUCTPAGE, to(DETAILS, 'details'), 29),
    ...meshRequest(PRODUCTPAGE, to(DETAILS, 'details'), 1, { code: '500' }),
    ...meshRequest(PRODUCTPAGE, to(REVIEWS_V1, 'reviews'), 10),
    ...meshRequest(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), 10),
    ...meshRequest(PRODUCTPAGE, to(REVIEWS_V3, 'reviews'), 10),
    ...meshRequest(REVIEWS_V2, to(RATINGS, 'ratings'), 10),
    ...meshRequest(REVIEWS_V3, to(RATINGS, 'ratings'), 9),
    ...meshRequest(REVIEWS_V3, to(RATINGS, 'ratings'), 1, { code: '503' }),
  ];
}

export function graphInput(overrides: Partial<GraphInput> = {}): GraphInput {
  return {
    type: 'workload',
    window: '5m',
    timestamp: 1_700_000_000_000,
    namespaces: ['bookinfo'],
    requests: bookinfoRequests(),
    durations: [],
    tcpSent: [],
    tcpReceived: [],
    inventory: BOOKINFO_INVENTORY,
    externalHosts: [],
    ...overrides,
  };
}
