import { describe, expect, it } from 'vitest';
import { breakdownQueries } from './breakdown-queries';

const node = { kind: 'workload', namespace: 'bookinfo', workload: 'reviews-v2' } as const;

describe('breakdownQueries', () => {
  it('asks requests, the three histograms and the four TCP counters, each tagged', () => {
    const q = breakdownQueries(
      { node, direction: 'inbound', by: 'version', reporter: 'destination' },
      60,
    );
    expect(q.requests).toBe(
      'sum by (destination_version,response_code,grpc_response_status,request_protocol) (rate(istio_requests_total{destination_workload_namespace="bookinfo",destination_workload="reviews-v2",reporter="destination"}[60s]))',
    );
    for (const m of [
      'istio_request_duration_milliseconds_bucket',
      'istio_request_duration_milliseconds_sum',
      'istio_request_bytes_bucket',
      'istio_request_bytes_sum',
      'istio_response_bytes_bucket',
      'istio_response_bytes_sum',
    ])
      expect(q.histograms).toContain(`${m}{`);
    expect(q.histograms).toContain(
      'label_replace(sum by (destination_version,le) (rate(istio_request_bytes_bucket{',
    );
    expect(q.histograms).toContain('"meshlens_series", "request_bytes_sum", "", "")');
    expect(q.histograms.split(' or ')).toHaveLength(6);
    expect(q.tcp.split(' or ')).toHaveLength(4);
    expect(q.tcp).toContain(
      'label_replace(sum by (destination_version) (rate(istio_tcp_connections_opened_total{',
    );
  });

  it('keeps the reporter label with both, and groups TCP by nothing for a split by code', () => {
    const q = breakdownQueries({ node, direction: 'outbound', by: 'code', reporter: 'both' }, 30);
    expect(q.requests).toContain('sum by (response_code,reporter,grpc_response_status');
    expect(q.requests).not.toContain('reporter="');
    expect(q.requests).toContain('source_workload="reviews-v2"');
    expect(q.tcp).toContain('sum by (reporter) (rate(istio_tcp_sent_bytes_total{');
  });

  it('reads L7 from the waypoint and TCP from ztunnel on the node side under the waypoint choice', () => {
    const web = { kind: 'workload', namespace: 'travel', workload: 'web' } as const;
    const inbound = breakdownQueries(
      { node: web, direction: 'inbound', by: 'version', reporter: 'waypoint' },
      60,
    );
    expect(inbound.requests).toContain('destination_workload="web",reporter="waypoint"}');
    expect(inbound.histograms).toContain('reporter="waypoint"');
    expect(inbound.tcp).toContain('reporter="destination"');
    expect(inbound.tcp).not.toContain('reporter="waypoint"');
    const outbound = breakdownQueries(
      { node: web, direction: 'outbound', by: 'version', reporter: 'waypoint' },
      60,
    );
    expect(outbound.requests).toContain('source_workload="web",reporter="waypoint"}');
    expect(outbound.tcp).toContain('source_workload="web",reporter="source"}');
    expect(outbound.tcp.split(' or ')).toHaveLength(4);
  });

  it('asks both reporters under auto, kept apart by the reporter label, TCP from the node side', () => {
    const q = breakdownQueries({ node, direction: 'inbound', by: 'version', reporter: 'auto' }, 60);
    expect(q.requests).toContain('reporter=~"destination|waypoint"');
    expect(q.requests).toContain('sum by (destination_version,reporter,response_code');
    expect(q.tcp).toContain('reporter="destination"');
    expect(q.tcp).toContain('sum by (destination_version) (rate(istio_tcp_sent_bytes_total{');
  });

  it("measures a routed service across its route's backend Services", () => {
    const q = breakdownQueries(
      {
        node: { kind: 'service', namespace: 'travel', service: 'flights' },
        direction: 'inbound',
        by: 'version',
        reporter: 'waypoint',
        backends: [
          { namespace: 'travel', name: 'flights-v1' },
          { namespace: 'travel', name: 'flights-v2' },
        ],
        waypoints: ['waypoint'],
      },
      60,
    );
    expect(q.tcp).toContain('destination_workload!~"waypoint"');
    expect(q.requests).not.toContain('destination_workload!~');
    expect(q.requests).toContain(
      'destination_service_namespace="travel",destination_service_name=~"flights|flights-v1|flights-v2"',
    );
  });
});
