import { describe, expect, it } from 'vitest';
import { defaultRouteIndex, readRoutes, setRouteWeights } from './route-weights';

const headerRoute = {
  name: 'jason',
  match: [{ headers: { 'end-user': { exact: 'jason' } } }],
  route: [{ destination: { host: 'reviews', subset: 'v2' } }],
};
const splitRoute = {
  name: 'split',
  retries: { attempts: 3, perTryTimeout: '2s' },
  timeout: '10s',
  route: [
    {
      destination: { host: 'reviews', subset: 'v1', port: { number: 9080 } },
      weight: 80,
      headers: { request: { set: { x: '1' } } },
    },
    { destination: { host: 'reviews', subset: 'v2' }, weight: 10 },
    { destination: { host: 'reviews', subset: 'v3' }, weight: 10 },
  ],
};

describe('readRoutes', () => {
  it('reads destinations, makes a lone destination 100 and marks what the slider can edit', () => {
    const routes = readRoutes({ http: [headerRoute, splitRoute] });
    expect(routes[0]).toMatchObject({
      index: 0,
      name: 'jason',
      destinations: [{ host: 'reviews', subset: 'v2', weight: 100 }],
      notEditable: expect.stringMatching(/single destination/),
    });
    expect(routes[1]).toMatchObject({
      index: 1,
      subsets: ['v1', 'v2', 'v3'],
      destinations: [
        { host: 'reviews', subset: 'v1', port: 9080, weight: 80 },
        { host: 'reviews', subset: 'v2', weight: 10 },
        { host: 'reviews', subset: 'v3', weight: 10 },
      ],
    });
    expect(routes[1]?.match).toBeUndefined();
  });

  it('gives each destination its share of the route: 50/10/10 is 71/14/14 %', () => {
    const [route] = readRoutes({
      http: [
        {
          route: [50, 10, 10].map((weight, i) => ({
            destination: { host: 'reviews', subset: `v${i + 1}` },
            weight,
          })),
        },
      ],
    });
    expect(route?.destinations.map((d) => Math.round(d.share * 100))).toEqual([71, 14, 14]);
  });

  it('reads an unset weight beside others as 0, and a lone destination of weight 0 as all the traffic', () => {
    const [several, lone] = readRoutes({
      http: [
        {
          route: [
            { destination: { host: 'reviews', subset: 'v1' } },
            { destination: { host: 'reviews', subset: 'v2' }, weight: 30 },
            { destination: { host: 'reviews', subset: 'v3' } },
          ],
        },
        { route: [{ destination: { host: 'reviews', subset: 'v1' }, weight: 0 }] },
      ],
    });
    expect(several?.destinations.map((d) => [d.weight, d.share])).toEqual([
      [0, 0],
      [30, 1],
      [0, 0],
    ]);
    expect(lone?.destinations.map((d) => [d.weight, d.share])).toEqual([[0, 1]]);
  });

  it('refuses to key a route by subset when a destination has none or two share one', () => {
    const noSubset = {
      route: [
        { destination: { host: 'a' }, weight: 50 },
        { destination: { host: 'b' }, weight: 50 },
      ],
    };
    const twice = {
      route: [
        { destination: { host: 'a', subset: 'v1' }, weight: 50 },
        { destination: { host: 'b', subset: 'v1' }, weight: 50 },
      ],
    };
    const [a, b] = readRoutes({ http: [noSubset, twice] });
    expect(a?.notEditable).toMatch(/no subset/);
    expect(b?.notEditable).toMatch(/same subset/);
  });

  it('is empty for a spec without http routes', () => {
    expect(readRoutes(undefined)).toEqual([]);
    expect(readRoutes({})).toEqual([]);
  });

  it('picks the catch-all route as default, else the first editable one', () => {
    expect(defaultRouteIndex(readRoutes({ http: [headerRoute, splitRoute] }))).toBe(1);
    expect(
      defaultRouteIndex(readRoutes({ http: [{ ...splitRoute, match: [{}] }, headerRoute] })),
    ).toBe(0);
    expect(defaultRouteIndex([])).toBe(0);
  });
});

describe('setRouteWeights', () => {
  const http = [headerRoute, splitRoute];
  const spec = { http };

  it('sets the weights and keeps every other field of every route, zero-weight destinations included', () => {
    const next = setRouteWeights(spec, 1, { v1: 50, v2: 0, v3: 50 });
    expect(next[0]).toBe(headerRoute);
    expect(next[1]).toEqual({
      ...splitRoute,
      route: [
        { ...splitRoute.route[0], weight: 50 },
        { ...splitRoute.route[1], weight: 0 },
        { ...splitRoute.route[2], weight: 50 },
      ],
    });
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(http);
    setRouteWeights(spec, 1, { v1: 0, v2: 0, v3: 100 });
    expect(http).toEqual(copy);
  });

  it('keeps a field and a route property Meshlens does not know', () => {
    const odd = {
      ...splitRoute,
      futureField: { x: 1 },
      route: splitRoute.route.map((r) => ({ ...r, futureRouteProperty: 'kept' })),
    };
    const next = setRouteWeights({ http: [headerRoute, odd] }, 1, { v1: 100, v2: 0, v3: 0 });
    expect(next[1]).toMatchObject({ futureField: { x: 1 } });
    expect(next[1]).toMatchObject({
      route: [
        { futureRouteProperty: 'kept', weight: 100 },
        { futureRouteProperty: 'kept', weight: 0 },
        { futureRouteProperty: 'kept', weight: 0 },
      ],
    });
  });

  it('refuses a route that does not exist or cannot be keyed by subset', () => {
    expect(() => setRouteWeights(spec, 5, { v1: 100 })).toThrow(RangeError);
    expect(() => setRouteWeights(spec, 0, { v2: 100 })).toThrow(RangeError);
  });
});
