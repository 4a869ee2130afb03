import { describe, expect, it } from 'vitest';
import {
  INGRESS,
  PRODUCTPAGE,
  REVIEWS_V2,
  REVIEWS_V3,
  edgeLabels,
  to,
  type CallOptions,
  type Peer,
  type Target,
} from '../testing/graph-samples';
import type { Series } from '../types';
import { inboundSparklines, sparklineOf } from './sparklines';

const T = [60_000, 120_000, 180_000];

/** A request-rate series grouped by EDGE_LABELS; `values` per timestamp of T, undefined = no sample. */
function series(
  from: Peer,
  target: Target,
  values: readonly (number | undefined)[],
  o: CallOptions = {},
): Series {
  return {
    labels: edgeLabels(from, target, o),
    points: T.flatMap((t, i) => (values[i] === undefined ? [] : [{ t, v: values[i] }])),
  };
}

describe('inboundSparklines', () => {
  it("sums every caller's rate into the node per step, counting a request once whoever reports it", () => {
    const s = inboundSparklines('workload', [], T, [
      series(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), [1, 2, 3], { reporter: 'source' }),
      series(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), [1, 2, 3], { reporter: 'destination' }),
      series(REVIEWS_V3, to(REVIEWS_V2, 'reviews'), [10, undefined, 10]),
    ]);
    expect(s.byNode.get('wl:bookinfo:reviews-v2')).toEqual([11, 2, 13]);
    expect(s.byNode.has('wl:bookinfo:productpage-v1')).toBe(false);
  });

  it('takes the destination report only where the caller has none', () => {
    const s = inboundSparklines('workload', [], T, [
      series(INGRESS, to(PRODUCTPAGE, 'productpage'), [undefined, 5, 5], { reporter: 'source' }),
      series(INGRESS, to(PRODUCTPAGE, 'productpage'), [4, 4, 4], { reporter: 'destination' }),
    ]);
    expect(s.byNode.get('wl:bookinfo:productpage-v1')).toEqual([4, 5, 5]);
  });

  it('folds versions into the service and the app as those graphs do', () => {
    const calls = [
      series(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), [1, 1, 1]),
      series(PRODUCTPAGE, to(REVIEWS_V3, 'reviews'), [2, 2, 2]),
    ];
    expect(inboundSparklines('service', [], T, calls).byNode.get('svc:bookinfo:reviews')).toEqual([
      3, 3, 3,
    ]);
    expect(inboundSparklines('app', [], T, calls).byNode.get('app:bookinfo:reviews')).toEqual([
      3, 3, 3,
    ]);
  });
});

describe('sparklineOf', () => {
  const s = inboundSparklines('workload', [], T, [
    series(PRODUCTPAGE, to(REVIEWS_V2, 'reviews'), [1, 2, 3]),
  ]);
  it("reads a node's line, a flat zero for a quiet node, and null without sparklines", () => {
    expect(sparklineOf(s, 'wl:bookinfo:reviews-v2')).toEqual([1, 2, 3]);
    expect(sparklineOf(s, 'wl:bookinfo:details-v1')).toEqual([0, 0, 0]);
    expect(sparklineOf(undefined, 'wl:bookinfo:reviews-v2')).toBeNull();
  });
});
