import { describe, expect, it } from 'vitest';
import { defaultRouteIndex, readRoutes } from './route-weights';

const dest = (subset: string): unknown => ({ destination: { host: 'reviews', subset } });
const jason = [{ headers: { 'end-user': { exact: 'jason' } } }];

describe('unreachable routes in the split', () => {
  it('marks a route after a catch-all, naming the catch-all', () => {
    const routes = readRoutes({
      hosts: ['reviews'],
      http: [{ route: [dest('v1')] }, { match: jason, route: [dest('v2')] }],
    });
    expect(routes[0]?.unreachable).toBeUndefined();
    expect(routes[1]?.unreachable).toEqual({
      shadowedBy: 0,
      message:
        'Never matches: route #0 matches every request (it has no match), and Istio takes the first route that matches.',
    });
  });

  it('marks a route whose every match repeats an earlier route', () => {
    const routes = readRoutes({
      hosts: ['reviews'],
      http: [
        { name: 'first', match: jason, route: [dest('v2')] },
        { match: jason, route: [dest('v3')] },
        { route: [dest('v1')] },
      ],
    });
    expect(routes[1]?.unreachable?.shadowedBy).toBe(0);
    expect(routes[1]?.unreachable?.message).toBe(
      'Never matches: every match is the same match as route first, which comes first.',
    );
    expect(routes[2]?.unreachable).toBeUndefined();
  });

  it('leaves header routes before the catch-all reachable', () => {
    const routes = readRoutes({
      hosts: ['reviews'],
      http: [{ match: jason, route: [dest('v2')] }, { route: [dest('v1')] }],
    });
    expect(routes.every((r) => r.unreachable === undefined)).toBe(true);
  });

  it('never targets a route no request reaches for weight edits', () => {
    const split = {
      route: [
        { ...(dest('v1') as object), weight: 50 },
        { ...(dest('v2') as object), weight: 50 },
      ],
    };
    const routes = readRoutes({
      hosts: ['reviews'],
      http: [
        { match: jason, ...split },
        { match: jason, ...split },
        { match: [{ uri: { prefix: '/x' } }], ...split },
      ],
    });
    expect(routes[1]?.unreachable).toBeDefined();
    expect(defaultRouteIndex(routes)).toBe(0);
    expect(defaultRouteIndex(routes.slice(1))).toBe(2);
  });

  it('names a match of a reachable route that an earlier match always decides', () => {
    const routes = readRoutes({
      hosts: ['reviews'],
      http: [
        { name: 'api', match: [{ uri: { prefix: '/api' } }], route: [dest('v2')] },
        {
          match: [{ uri: { prefix: '/api/v1' } }, { uri: { prefix: '/static' } }, ...jason],
          route: [dest('v3')],
        },
        { route: [dest('v1')] },
      ],
    });
    expect(routes[1]?.unreachable).toBeUndefined();
    expect(routes[1]?.deadMatches).toEqual([
      '"uri starts with /api/v1" never decides: a shorter prefix with the same conditions ("uri starts with /api") comes first in route api.',
    ]);
    expect(routes[0]?.deadMatches).toBeUndefined();
  });
});
