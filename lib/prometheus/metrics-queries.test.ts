import { describe, expect, it } from 'vitest';
import { parseNodeId, type NodeRef } from '@/lib/mesh/graph/parse-node-id';
import { metricsQueries } from './metrics-queries';

function ref(id: string): NodeRef {
  const r = parseNodeId(id);
  if (r === undefined) throw new Error(`bad fixture id ${id}`);
  return r;
}

describe('metricsQueries', () => {
  it('selects one workload edge over http, both reporters kept', () => {
    const q = metricsQueries(
      {
        kind: 'edge',
        source: ref('wl:bookinfo:productpage-v1'),
        target: ref('wl:bookinfo:reviews-v2'),
        protocol: 'http',
      },
      60,
    );
    if (q.kind !== 'requests') throw new Error('expected request queries');
    expect(q.requests).toBe(
      'sum by (reporter,source_workload_namespace,source_workload,source_canonical_service,source_app,source_version,destination_service_namespace,destination_service_name,destination_workload_namespace,destination_workload,destination_canonical_service,destination_app,destination_version,request_protocol,source_cluster,destination_cluster,response_code,grpc_response_status) ' +
        '(rate(istio_requests_total{source_workload_namespace="bookinfo",source_workload="productpage-v1",destination_workload_namespace="bookinfo",destination_workload="reviews-v2",request_protocol!="grpc"}[60s]))',
    );
    expect(q.requests).not.toContain('reporter=');
    expect(q.durations).toContain('istio_request_duration_milliseconds_bucket{');
    expect(q.durations).toContain(',le) (rate(');
  });

  it('narrows to the clusters a multi-cluster id names, keeping callees Istio left unnamed', () => {
    const q = metricsQueries(
      {
        kind: 'edge',
        source: ref('wl:bookinfo:productpage-v1@east'),
        target: ref('wl:bookinfo:reviews-v2@west'),
        protocol: 'tcp',
      },
      60,
    );
    if (q.kind !== 'tcp') throw new Error('expected TCP queries');
    expect(q.tcpReceived).toContain(
      'source_workload="productpage-v1",source_cluster="east",destination_workload_namespace="bookinfo",destination_workload="reviews-v2",destination_cluster=~"west|unknown|"',
    );
  });

  it('matches versions, including the missing one, and gRPC', () => {
    const q = metricsQueries(
      {
        kind: 'edge',
        source: ref('ver:shop:web:unknown'),
        target: ref('ver:shop:cart:v2'),
        protocol: 'grpc',
      },
      240,
    );
    if (q.kind !== 'requests') throw new Error('expected request queries');
    expect(q.requests).toContain('source_version=~"|unknown"');
    expect(q.requests).toContain('destination_canonical_service="cart",destination_version="v2"');
    expect(q.requests).toContain('request_protocol="grpc"}[240s]');
  });

  it('brings the namespace inbound traffic for a service-graph caller', () => {
    const q = metricsQueries(
      {
        kind: 'edge',
        source: ref('svc:bookinfo:reviews'),
        target: ref('svc:bookinfo:ratings'),
        protocol: 'http',
      },
      60,
    );
    if (q.kind !== 'requests') throw new Error('expected request queries');
    expect(q.requests).toContain(' or sum by (');
    expect(q.requests).toContain('istio_requests_total{destination_workload_namespace="bookinfo"}');
    expect(q.durations).not.toContain(' or ');
  });

  it('asks for bytes both ways on TCP', () => {
    const q = metricsQueries({ kind: 'node', node: ref('svc:shop:postgres'), protocol: 'tcp' }, 60);
    expect(q).toMatchObject({ kind: 'tcp' });
    if (q.kind !== 'tcp') return;
    expect(q.tcpSent).toContain(
      'istio_tcp_sent_bytes_total{destination_service_namespace="shop",destination_service_name="postgres"}',
    );
    expect(q.tcpReceived).toContain('istio_tcp_received_bytes_total{');
  });

  it('counts http and grpc together for a node unless told', () => {
    const q = metricsQueries(
      { kind: 'node', node: ref('ext:api.example.com'), protocol: undefined },
      60,
    );
    if (q.kind !== 'requests') throw new Error('expected request queries');
    expect(q.requests).toContain('{destination_service_name="api.example.com"}');
  });

  it('escapes whatever an id carries', () => {
    const q = metricsQueries(
      {
        kind: 'node',
        node: { kind: 'workload', namespace: 'ns', workload: 'x"}or vector(1)#' },
        protocol: undefined,
      },
      60,
    );
    if (q.kind !== 'requests') throw new Error('expected request queries');
    expect(q.requests).toContain('destination_workload="x\\"}or vector(1)#"');
  });

  it('refuses ends that carry no traffic that way', () => {
    expect(() =>
      metricsQueries(
        { kind: 'edge', source: ref('ext:a.com'), target: ref('wl:ns:a'), protocol: 'http' },
        60,
      ),
    ).toThrow(/never calls/);
    expect(() =>
      metricsQueries({ kind: 'node', node: ref('unknown'), protocol: 'http' }, 60),
    ).toThrow(/never receives/);
  });
});
