import { describe, expect, it } from 'vitest';
import { STEPS as T, stepSeries as series } from '../testing/step-series';
import { tcpBreakdownGroups, tcpGroupLabels } from './breakdown-tcp';

describe('tcpGroupLabels', () => {
  it('groups as requests do, but not by a response code TCP does not have', () => {
    expect(tcpGroupLabels('inbound', 'version')).toEqual(['destination_version']);
    expect(tcpGroupLabels('outbound', 'remote')).toEqual([
      'destination_service_namespace',
      'destination_service_name',
    ]);
    expect(tcpGroupLabels('inbound', 'code')).toEqual([]);
  });
});

describe('tcpBreakdownGroups', () => {
  it('sums each counter per group and step, most traffic first', () => {
    const groups = tcpBreakdownGroups({
      labels: ['source_workload_namespace', 'source_workload'],
      reporter: 'destination',
      timestamps: T,
      tcp: [
        series(
          {
            source_workload_namespace: 'shop',
            source_workload: 'catalog',
            meshlens_series: 'sent',
          },
          [100, 50],
        ),
        series(
          {
            source_workload_namespace: 'shop',
            source_workload: 'checkout',
            meshlens_series: 'sent',
          },
          [1000, 1000],
        ),
        series(
          {
            source_workload_namespace: 'shop',
            source_workload: 'checkout',
            meshlens_series: 'received',
          },
          [300, 0],
        ),
        series(
          {
            source_workload_namespace: 'shop',
            source_workload: 'checkout',
            meshlens_series: 'opened',
          },
          [0.5, 0],
        ),
        series(
          {
            source_workload_namespace: 'shop',
            source_workload: 'checkout',
            meshlens_series: 'closed',
          },
          [0.25, 0.25],
        ),
      ],
    });
    expect(groups.map((g) => g.key)).toEqual(['shop/checkout', 'shop/catalog']);
    expect(groups[0]?.points[0]).toEqual({
      t: 1000,
      sentBytesPerSecond: 1000,
      receivedBytesPerSecond: 300,
      openedPerSecond: 0.5,
      closedPerSecond: 0.25,
    });
    expect(groups[1]?.points[1]).toMatchObject({ sentBytesPerSecond: 50, openedPerSecond: 0 });
  });

  it('is one group without grouping labels, and none when every counter stayed at zero', () => {
    const one = tcpBreakdownGroups({
      labels: [],
      reporter: 'both',
      timestamps: T,
      tcp: [
        series({ meshlens_series: 'sent', reporter: 'source' }, [1, 1]),
        series({ meshlens_series: 'sent', reporter: 'destination' }, [2, 2]),
      ],
    });
    expect(one.map((g) => `${g.key} ${g.reporter}`)).toEqual(['all destination', 'all source']);
    const idle = tcpBreakdownGroups({
      labels: ['destination_version'],
      reporter: 'destination',
      timestamps: T,
      tcp: [series({ destination_version: 'v1', meshlens_series: 'opened' }, [0, 0])],
    });
    expect(idle).toEqual([]);
  });
});
