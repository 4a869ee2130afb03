import { describe, expect, it } from 'vitest';
import { trafficQueries } from './traffic-queries';

describe('trafficQueries', () => {
  it('selects requests and latency buckets into one service over the window', () => {
    const q = trafficQueries('bookinfo', 'reviews', '1m');
    expect(q.requests).toMatch(
      /^sum by \(reporter,.*response_code,.*\) \(rate\(istio_requests_total\{destination_service_namespace="bookinfo",destination_service_name="reviews"\}\[1m\]\)\)$/,
    );
    expect(q.durations).toContain('istio_request_duration_milliseconds_bucket{');
    expect(q.durations).toContain(',le) (rate(');
  });

  it('escapes label values instead of pasting them', () => {
    expect(trafficQueries('a"b', 'c\\d', '5m').requests).toContain(
      'destination_service_namespace="a\\"b",destination_service_name="c\\\\d"',
    );
  });
});
