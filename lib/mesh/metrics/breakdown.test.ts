import { describe, expect, it } from 'vitest';
import { STEPS as T, stepSeries as series } from '../testing/step-series';
import type { Series } from '../types';
import { breakdownGroups, groupLabels } from './breakdown';

describe('groupLabels', () => {
  it('groups on the side the direction looks from', () => {
    expect(groupLabels('inbound', 'version')).toEqual(['destination_version']);
    expect(groupLabels('outbound', 'version')).toEqual(['source_version']);
    expect(groupLabels('inbound', 'remote')).toEqual([
      'source_workload_namespace',
      'source_workload',
    ]);
    expect(groupLabels('outbound', 'remote')).toEqual([
      'destination_service_namespace',
      'destination_service_name',
    ]);
    expect(groupLabels('inbound', 'code')).toEqual(['response_code']);
  });
});

describe('breakdownGroups', () => {
  it('sums rates per group, counts 5xx and failed gRPC as errors, and orders by traffic', () => {
    const groups = breakdownGroups({
      labels: ['destination_version'],
      reporter: 'destination',
      timestamps: T,
      requests: [
        series({ destination_version: 'v1', response_code: '200' }, [8, 6]),
        series({ destination_version: 'v1', response_code: '503' }, [2, 0]),
        series(
          {
            destination_version: 'v2',
            response_code: '200',
            request_protocol: 'grpc',
            grpc_response_status: '14',
          },
          [1, 1],
        ),
        series({ destination_version: '', response_code: '200' }, [0, 0.5]),
      ],
      histograms: [
        series({ destination_version: 'v1', le: '10', meshlens_series: 'duration' }, [5, 3]),
        series({ destination_version: 'v1', le: '100', meshlens_series: 'duration' }, [10, 6]),
        series({ destination_version: 'v1', le: '+Inf', meshlens_series: 'duration' }, [10, 6]),
      ],
    });
    expect(groups.map((g) => g.key)).toEqual(['v1', 'v2', 'unknown']);
    const [v1, v2, unknown] = groups;
    expect(v1?.points[0]).toMatchObject({ t: 1000, rps: 10, errorRate: 0.2, p50Ms: 10 });
    expect(v1?.points[0]?.p95Ms).toBeCloseTo(91, 0);
    expect(v2?.points[1]).toMatchObject({ rps: 1, errorRate: 1, p50Ms: null, avgMs: null });
    expect(unknown?.points[0]).toMatchObject({ rps: 0, errorRate: null });
  });

  it("splits each group's requests by response class, gRPC errors and no response as other", () => {
    const [only] = breakdownGroups({
      labels: ['destination_version'],
      reporter: 'destination',
      timestamps: T,
      requests: [
        series({ destination_version: 'v1', response_code: '200' }, [6, 6]),
        series({ destination_version: 'v1', response_code: '302' }, [1, 0]),
        series({ destination_version: 'v1', response_code: '404' }, [2, 0]),
        series({ destination_version: 'v1', response_code: '503' }, [0.5, 0]),
        series({ destination_version: 'v1', response_code: '0' }, [0.25, 0]),
        series(
          { destination_version: 'v1', response_code: '200', grpc_response_status: '2' },
          [0.25, 0],
        ),
      ],
      histograms: [],
    });
    expect(only?.points[0]?.codes).toEqual({
      '2xx': 6,
      '3xx': 1,
      '4xx': 2,
      '5xx': 0.5,
      other: 0.5,
    });
    expect(only?.points[1]?.codes).toEqual({ '2xx': 6, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 });
  });

  it('reads the average duration and sizes from sums over the +Inf bucket, and p95 from buckets', () => {
    const h = (tag: string, le: string | undefined, v: [number, number]): Series =>
      series({ destination_version: 'v1', meshlens_series: tag, ...(le && { le }) }, v);
    const [v1] = breakdownGroups({
      labels: ['destination_version'],
      reporter: 'destination',
      timestamps: T,
      requests: [series({ destination_version: 'v1', response_code: '200' }, [4, 0])],
      histograms: [
        h('duration', '50', [4, 0]),
        h('duration', '+Inf', [4, 0]),
        h('duration_sum', undefined, [100, 0]),
        h('request_bytes', '100', [3, 0]),
        h('request_bytes', '1000', [4, 0]),
        h('request_bytes', '+Inf', [4, 0]),
        h('request_bytes_sum', undefined, [800, 0]),
        h('response_bytes', '1000', [0, 0]),
        h('response_bytes', '10000', [4, 0]),
        h('response_bytes', '+Inf', [4, 0]),
        h('response_bytes_sum', undefined, [20_000, 0]),
        h('something_else', '+Inf', [9, 9]),
      ],
    });
    expect(v1?.points[0]).toMatchObject({
      avgMs: 25,
      requestBytesAvg: 200,
      responseBytesAvg: 5000,
    });
    expect(v1?.points[0]?.requestBytesP95).toBeCloseTo(820, 0);
    expect(v1?.points[0]?.responseBytesP95).toBeCloseTo(9550, 0);
    // No observation at the second step: no average rather than 0/0.
    expect(v1?.points[1]).toMatchObject({ avgMs: null, requestBytesAvg: null, p95Ms: null });
  });

  it('keeps reporters apart when both are asked for', () => {
    const groups = breakdownGroups({
      labels: ['response_code'],
      reporter: 'both',
      timestamps: T,
      requests: [
        series({ response_code: '200', reporter: 'source' }, [3, 3]),
        series({ response_code: '200', reporter: 'destination' }, [2, 2]),
      ],
      histograms: [],
    });
    expect(groups.map((g) => `${g.key} ${g.reporter}`)).toEqual(['200 source', '200 destination']);
  });
});
