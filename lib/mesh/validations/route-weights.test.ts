import { describe, expect, it } from 'vitest';
import { checkRouteWeights } from './route-weights';
import { istio } from './test-mesh';

const vs = (weights: (number | undefined)[]): ReturnType<typeof istio> =>
  istio('VirtualService', 'bookinfo', 'reviews', {
    hosts: ['reviews'],
    http: [
      {
        route: weights.map((weight, i) => ({
          destination: { host: 'reviews', subset: `v${i + 1}` },
          ...(weight !== undefined && { weight }),
        })),
      },
    ],
  });

describe('checkRouteWeights', () => {
  it('passes weights that sum to 100, and a single destination without weight', () => {
    expect(checkRouteWeights(vs([80, 10, 10]))).toEqual([]);
    expect(checkRouteWeights(vs([undefined]))).toEqual([]);
  });

  it('flags a sum other than 100 with the shares Istio will really apply', () => {
    expect(checkRouteWeights(vs([90, 20]))).toEqual([
      {
        code: 'MESHLENS-001',
        severity: 'warning',
        message: expect.stringContaining('sum to 110, not 100') as string,
        path: 'spec.http[0].route',
      },
    ]);
    expect(checkRouteWeights(vs([90, 20]))[0]?.message).toContain('v1 81.8%, v2 18.2%');
  });

  it('flags multiple destinations without weights', () => {
    expect(checkRouteWeights(vs([undefined, undefined]))[0]?.message).toContain('all 0 or missing');
  });
});
