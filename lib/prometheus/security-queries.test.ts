import { describe, expect, it } from 'vitest';
import { securityQueries } from './security-queries';

describe('securityQueries', () => {
  it('reads only the destination reporter, into the selected namespaces', () => {
    const q = securityQueries(['bookinfo', 'shop'], '5m');
    expect(q.requests).toBe(
      'sum by (source_workload,source_workload_namespace,source_principal,destination_workload,destination_workload_namespace,connection_security_policy,response_code) ' +
        '(rate(istio_requests_total{reporter="destination",destination_workload_namespace=~"bookinfo|shop"}[5m]))',
    );
    expect(q.tcpSent).toContain('istio_tcp_sent_bytes_total{reporter="destination",');
    expect(q.tcpReceived).toContain('istio_tcp_received_bytes_total{reporter="destination",');
    expect(q.tcpSent).not.toContain('response_code');
  });

  it('has no namespace filter for the whole mesh', () => {
    expect(securityQueries('all', '1h').requests).toContain(
      'istio_requests_total{reporter="destination"}[1h]',
    );
  });

  it('escapes namespace names', () => {
    expect(securityQueries(['a.b"}'], '1m').requests).toContain('=~"a\\\\.b\\"\\\\}"');
  });
});
