import { describe, expect, it } from 'vitest';
import { readGatewayRuleBehaviour, readRouteBehaviour } from './route-behaviour';

describe('readRouteBehaviour', () => {
  it('reads an abort with its percentage and HTTP or gRPC status', () => {
    expect(
      readRouteBehaviour({ fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } } })
        .abort,
    ).toEqual({ percent: 100, status: 'HTTP 503' });
    expect(
      readRouteBehaviour({
        fault: { abort: { percentage: { value: 12.5 }, grpcStatus: 'UNAVAILABLE' } },
      }).abort,
    ).toEqual({ percent: 12.5, status: 'gRPC UNAVAILABLE' });
  });

  it('reads a fault without a percentage as 0%, as Envoy applies what Istio sends', () => {
    const b = readRouteBehaviour({
      fault: { abort: { httpStatus: 500 }, delay: { fixedDelay: '7s' } },
    });
    expect(b.abort?.percent).toBe(0);
    expect(b.delay).toEqual({ percent: 0, fixedDelay: '7s' });
  });

  it("takes a delay's deprecated integer percent when percentage is absent", () => {
    expect(
      readRouteBehaviour({ fault: { delay: { percent: 40, fixedDelay: '1s' } } }).delay,
    ).toEqual({ percent: 40, fixedDelay: '1s' });
  });

  it('ignores an exponential delay and an abort without a status (Istio drops both)', () => {
    const b = readRouteBehaviour({
      fault: { delay: { exponentialDelay: '1s' }, abort: { percentage: { value: 50 } } },
    });
    expect(b.delay).toBeUndefined();
    expect(b.abort).toBeUndefined();
  });

  it('mirrors 100% when no percentage is set, and reads mirrors[] and the old mirrorPercent', () => {
    expect(readRouteBehaviour({ mirror: { host: 'reviews', subset: 'v3' } }).mirrors).toEqual([
      { host: 'reviews', subset: 'v3', percent: 100 },
    ]);
    expect(
      readRouteBehaviour({
        mirror: { host: 'a' },
        mirrorPercent: 0,
        mirrors: [
          { destination: { host: 'b' }, percentage: { value: 5 } },
          { destination: { host: 'c' } },
        ],
      }).mirrors,
    ).toEqual([
      { host: 'a', percent: 0 },
      { host: 'b', percent: 5 },
      { host: 'c', percent: 100 },
    ]);
    expect(
      readRouteBehaviour({ mirror: { host: 'a' }, mirrorPercentage: { value: 25 } }).mirrors,
    ).toEqual([{ host: 'a', percent: 25 }]);
  });

  it('reads timeout and retries as written; nothing set, nothing read', () => {
    expect(
      readRouteBehaviour({
        timeout: '3s',
        retries: { attempts: 3, perTryTimeout: '1s', retryOn: '5xx,connect-failure' },
      }),
    ).toEqual({
      mirrors: [],
      timeout: '3s',
      retries: { attempts: 3, perTryTimeout: '1s', retryOn: '5xx,connect-failure' },
    });
    expect(readRouteBehaviour({ route: [] })).toEqual({ mirrors: [] });
    expect(readRouteBehaviour('nonsense')).toEqual({ mirrors: [] });
  });
});

describe('readGatewayRuleBehaviour', () => {
  it('reads RequestMirror filters (percent, fraction, all), the request timeout and retry', () => {
    const b = readGatewayRuleBehaviour(
      {
        filters: [
          { type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow' }, percent: 20 } },
          {
            type: 'RequestMirror',
            requestMirror: {
              backendRef: { name: 'audit', namespace: 'ops' },
              fraction: { numerator: 1, denominator: 4 },
            },
          },
          {
            type: 'RequestMirror',
            requestMirror: { backendRef: { name: 'all', namespace: 'travel' } },
          },
          { type: 'RequestHeaderModifier', requestHeaderModifier: {} },
        ],
        timeouts: { request: '10s' },
        retry: { attempts: 2, codes: [503, 504] },
      },
      'travel',
    );
    expect(b).toEqual({
      mirrors: [
        { host: 'shadow', percent: 20 },
        { host: 'audit.ops', percent: 25 },
        { host: 'all', percent: 100 },
      ],
      timeout: '10s',
      retries: { attempts: 2, retryOn: '503,504' },
    });
  });

  it('states no retries when attempts is left to the implementation', () => {
    expect(readGatewayRuleBehaviour({ retry: { codes: [503] } }, 'x').retries).toBeUndefined();
  });
});
