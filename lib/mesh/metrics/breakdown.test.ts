import { describe, expect, it } from 'vitest';
import type { Series } from '../types';
import { breakdownGroups, groupLabels } from './breakdown';

const T = [1000, 2000];
const series = (labels: Record<string, string>, v: [number, number]): Series => ({
  labels,
  points: [
    { t: 1000, v: v[0] },
    { t: 2000, v: v[1] },
  ],
});

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
    const groups = breakdownGroups(
      ['destination_version'],
      'destination',
      T,
      [
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
      [
        series({ destination_version: 'v1', le: '10' }, [5, 3]),
        series({ destination_version: 'v1', le: '100' }, [10, 6]),
        series({ destination_version: 'v1', le: '+Inf' }, [10, 6]),
      ],
    );
    expect(groups.map((g) => g.key)).toEqual(['v1', 'v2', 'unknown']);
    const [v1, v2, unknown] = groups;
    expect(v1?.points[0]).toMatchObject({ t: 1000, rps: 10, errorRate: 0.2, p50Ms: 10 });
    expect(v1?.points[0]?.p95Ms).toBeCloseTo(91, 0);
    expect(v2?.points[1]).toMatchObject({ rps: 1, errorRate: 1, p50Ms: null });
    expect(unknown?.points[0]).toMatchObject({ rps: 0, errorRate: null });
  });

  it('keeps reporters apart when both are asked for', () => {
    const groups = breakdownGroups(
      ['response_code'],
      'both',
      T,
      [
        series({ response_code: '200', reporter: 'source' }, [3, 3]),
        series({ response_code: '200', reporter: 'destination' }, [2, 2]),
      ],
      [],
    );
    expect(groups.map((g) => `${g.key} ${g.reporter}`)).toEqual(['200 source', '200 destination']);
  });
});
