import { describe, expect, it } from 'vitest';
import { edgeRequestsQuery, graphQueries } from './graph-queries';

describe('graphQueries', () => {
  it('filters both directions across the selected namespaces', () => {
    const q = graphQueries(['bookinfo', 'shop'], '5m');
    expect(q.requests).toContain(
      'istio_requests_total{destination_service_namespace=~"bookinfo|shop"}[5m]',
    );
    expect(q.requests).toContain(' or ');
    expect(q.requests).toContain(
      'istio_requests_total{source_workload_namespace=~"bookinfo|shop"}[5m]',
    );
    expect(q.requests).toMatch(/^sum by \(reporter,/);
    expect(q.durations).toContain('le');
    expect(q.tcpSent).toContain('istio_tcp_sent_bytes_total');
    expect(q.tcpReceived).toContain('istio_tcp_received_bytes_total');
  });

  it('has no namespace filter for the whole mesh', () => {
    expect(graphQueries('all', '1m').requests).toMatch(/rate\(istio_requests_total\{\}\[1m\]\)\)$/);
  });

  it('escapes namespace names that would break out of the regex', () => {
    const q = graphQueries(['a.b"}or vector(1)#'], '1m');
    expect(q.requests).toContain('=~"a\\\\.b\\"\\\\}or vector\\\\(1\\\\)#"');
  });
});

describe('edgeRequestsQuery', () => {
  it('groups request rates by raw edge only, over a range in seconds', () => {
    const q = edgeRequestsQuery(['bookinfo'], 240);
    expect(q).toMatch(
      /^sum by \(reporter,.*request_protocol\) \(rate\(istio_requests_total\{destination_service_namespace=~"bookinfo"\}\[240s\]\)\) or /,
    );
    expect(q).not.toContain('response_code');
  });
});
