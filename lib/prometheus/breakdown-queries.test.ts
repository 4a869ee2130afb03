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
});
