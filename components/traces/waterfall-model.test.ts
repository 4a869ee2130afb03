import { describe, expect, it } from 'vitest';
import { envoySpan, trace } from '@/lib/mesh/traces/testing';
import { buildWaterfallModel, endpointOf, rulerTicks } from './waterfall-model';

const pp = {
  canonical: 'productpage',
  namespace: 'bookinfo',
  pod: 'productpage-v1-6b746f74dc-9stvs',
};
const rv = { canonical: 'reviews', namespace: 'bookinfo', pod: 'reviews-v2-5b667bcbf8-x9k2p' };

describe('buildWaterfallModel', () => {
  it('highlights both spans of each hop of the edge, and indexes the critical path and skew', () => {
    const t = trace([
      envoySpan('s0', 'server', pp, { startUs: 100, durationUs: 1000 }),
      envoySpan('c1', 'client', pp, { parentId: 's0', startUs: 200, durationUs: 500 }),
      envoySpan('s1', 'server', rv, { parentId: 'c1', startUs: 210, durationUs: 480 }),
    ]);
    const model = buildWaterfallModel(
      {
        trace: t,
        criticalPath: [
          { spanId: 's0', startUs: 700, endUs: 1100 },
          { spanId: 's0', startUs: 100, endUs: 200 },
        ],
        skewAdjustments: [{ spanId: 's1', deltaUs: 40 }],
        serviceSelfTimes: [],
      },
      {
        source: endpointOf('bookinfo', 'productpage-v1'),
        target: endpointOf('bookinfo', 'reviews'),
      },
    );
    expect([...model.highlighted]).toEqual(['c1', 's1']);
    expect(model.hopCount).toBe(1);
    expect(model.services).toEqual(['productpage.bookinfo', 'reviews.bookinfo']);
    expect(model.startUs).toBe(100);
    expect(model.durationUs).toBe(1000);
    expect(model.critical.get('s0')).toHaveLength(2);
    expect(model.skew.get('s1')).toBe(40);
  });
});

describe('rulerTicks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ', () => {
    expect(rulerTicks(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(rulerTicks(2300)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(rulerTicks(7)).toEqual([0, 2, 4, 6]);
  });
});
