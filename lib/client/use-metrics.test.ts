import { describe, expect, it } from 'vitest';
import { metricsPath } from './use-metrics';

describe('metricsPath', () => {
  it('carries the graph type: a workload→service edge counts differently per type', () => {
    const search = new URL(
      metricsPath(
        {
          kind: 'edge',
          type: 'service',
          namespace: 'bookinfo',
          source: 'wl:bookinfo:productpage-v1',
          target: 'svc:bookinfo:reviews',
          protocol: 'http',
        },
        { window: '5m' },
      ),
      'http://x',
    ).searchParams;
    expect(search.get('type')).toBe('service');
  });

  it('carries the graph type and the TCP protocol for a node', () => {
    const search = new URL(
      metricsPath(
        { kind: 'node', type: 'versionedApp', node: 'app:bookinfo:reviews', protocol: 'tcp' },
        { window: '1h', end: Date.parse('2026-12-05T11:00:00Z') },
      ),
      'http://x',
    ).searchParams;
    expect(Object.fromEntries(search)).toEqual({
      node: 'app:bookinfo:reviews',
      type: 'versionedApp',
      window: '1h',
      protocol: 'tcp',
      end: '2026-12-05T11:00:00Z',
    });
  });
});
