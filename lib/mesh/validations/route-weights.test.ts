import { describe, expect, it } from 'vitest';
import { checkRouteWeights, checkWeightRule } from './route-weights';
import { istio } from '../testing/mesh';

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

  it('shows 50/10/10 as the 71/14/14 % Envoy applies', () => {
    expect(checkRouteWeights(vs([50, 10, 10]))[0]?.message).toContain(
      'v1 71.4%, v2 14.3%, v3 14.3%',
    );
  });

  it('leaves refused weights to checkWeightRule', () => {
    expect(checkRouteWeights(vs([undefined, undefined]))).toEqual([]);
    expect(checkRouteWeights(vs([-5, 105]))).toEqual([]);
  });
});

describe('checkWeightRule', () => {
  it('refuses a negative weight at its path, as Istio validation does', () => {
    expect(checkWeightRule(vs([-5, 105]))).toEqual([
      {
        code: 'IST0106',
        severity: 'error',
        message: 'http[0]: weight -5 < 0.',
        path: 'spec.http[0].route[0].weight',
      },
    ]);
  });

  it('refuses several destinations whose weights are all 0 or missing', () => {
    expect(checkWeightRule(vs([0, 0, 0]))[0]?.path).toBe('spec.http[0].route');
    expect(checkWeightRule(vs([undefined, undefined]))[0]?.message).toContain(
      'total destination weight = 0',
    );
  });

  it('accepts any total above 0 and a lone destination at 0 or none', () => {
    expect(checkWeightRule(vs([50, 10, 10]))).toEqual([]);
    expect(checkWeightRule(vs([0]))).toEqual([]);
    expect(checkWeightRule(vs([undefined]))).toEqual([]);
  });
});
