import { describe, expect, it } from 'vitest';
import { defaultRetriesNote, routeFacts } from './route-facts';
import { readRoutes } from './route-weights';

const vs = (http: unknown[]): ReturnType<typeof readRoutes> =>
  readRoutes({ hosts: ['reviews'], http });
const texts = (route: ReturnType<typeof readRoutes>[number] | undefined): string[] =>
  route ? routeFacts(route).map((f) => f.text) : [];

describe('routeFacts', () => {
  it('says plainly that a route sending 100% to v1 and aborting all of it reaches nobody', () => {
    const [route] = vs([
      {
        match: [{ headers: { 'end-user': { exact: 'jason' } } }],
        fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } },
        route: [{ destination: { host: 'reviews', subset: 'v1' } }],
      },
    ]);
    const facts = route ? routeFacts(route) : [];
    expect(facts[0]).toEqual({
      kind: 'abort',
      alert: true,
      text: 'Aborts 100% of matching requests with HTTP 503: none of them reaches v1 (100%).',
    });
  });

  it('says how many go on after a partial abort, and names the delay', () => {
    const [route] = vs([
      {
        fault: {
          abort: { percentage: { value: 30 }, httpStatus: 500 },
          delay: { percentage: { value: 10 }, fixedDelay: '5s' },
        },
        route: [
          { destination: { host: 'reviews', subset: 'v1' }, weight: 3 },
          { destination: { host: 'reviews', subset: 'v2' }, weight: 1 },
        ],
      },
    ]);
    expect(texts(route).slice(0, 2)).toEqual([
      'Aborts 30% of requests with HTTP 500: the other 70% go on to v1 (75%) or v2 (25%).',
      'Delays 10% of requests by 5s.',
    ]);
  });

  it('does not alarm on a fault that injects into no request', () => {
    const [route] = vs([
      { fault: { abort: { httpStatus: 500 } }, route: [{ destination: { host: 'reviews' } }] },
    ]);
    const abort = route ? routeFacts(route).find((f) => f.kind === 'abort') : undefined;
    expect(abort?.alert).toBe(false);
    expect(abort?.text).toMatch(/aborts no request/);
  });

  it('shows mirrors, timeout and retries beside the route', () => {
    const [route] = vs([
      {
        mirror: { host: 'reviews', subset: 'v3' },
        mirrorPercentage: { value: 10 },
        timeout: '2s',
        retries: { attempts: 3, perTryTimeout: '500ms', retryOn: '5xx' },
        route: [{ destination: { host: 'reviews', subset: 'v1' } }],
      },
    ]);
    expect(texts(route)).toEqual([
      "10% of requests copied to reviews (subset v3); the copies' responses are dropped.",
      '2s, then Envoy answers 504.',
      'up to 3 times, 500ms per try, on 5xx.',
    ]);
  });

  it("names Istio's default retries once when a reachable route sets none, and retries off", () => {
    const [plain, off] = vs([
      { match: [{ uri: { prefix: '/a' } }], route: [{ destination: { host: 'reviews' } }] },
      {
        timeout: '0s',
        retries: { attempts: 0 },
        route: [{ destination: { host: 'reviews' } }],
      },
    ]);
    expect(texts(plain)).toEqual([]);
    expect(texts(off)).toEqual(['0s, which means none.', 'off (attempts 0).']);
    expect(defaultRetriesNote(plain && off ? [plain, off] : [])).toBe(
      "Routes that set no retries use the mesh's default retry policy (Istio's own: 2 retries on connect-failure, refused-stream, unavailable, cancelled, 503).",
    );
    expect(defaultRetriesNote(off ? [off] : [])).toBeUndefined();
  });

  it('puts the unreachable mark first, naming the route that shadows it', () => {
    const [, second] = vs([
      { name: 'everyone', route: [{ destination: { host: 'reviews', subset: 'v1' } }] },
      {
        match: [{ headers: { 'end-user': { exact: 'jason' } } }],
        fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } },
        route: [{ destination: { host: 'reviews', subset: 'v2' } }],
      },
    ]);
    const facts = second ? routeFacts(second) : [];
    expect(facts[0]?.kind).toBe('unreachable');
    expect(facts[0]?.text).toMatch(/^Never matches: route everyone matches every request/);
  });

  it('notes a match an earlier one decides without marking the route unreachable', () => {
    const [, second] = vs([
      { match: [{ uri: { exact: '/a' } }], route: [{ destination: { host: 'reviews' } }] },
      {
        match: [{ uri: { exact: '/a' } }, { uri: { exact: '/b' } }],
        route: [{ destination: { host: 'reviews' } }],
      },
    ]);
    const facts = second ? routeFacts(second) : [];
    expect(facts.map((f) => [f.kind, f.alert])).toEqual([['dead-match', false]]);
    expect(facts[0]?.text).toMatch(/^"uri = \/a" never decides: the same match/);
  });

  it('says when Envoy answers a route itself: a redirect or a direct response', () => {
    const [redirect, direct] = vs([
      { match: [{ uri: { prefix: '/old' } }], redirect: { uri: '/new', authority: 'b.example' } },
      { directResponse: { status: 418 } },
    ]);
    expect(texts(redirect)[0]).toBe(
      'Redirects all matching requests (HTTP 301) to b.example/new; no destination gets them.',
    );
    expect(texts(direct)[0]).toBe(
      'Answers all requests itself with HTTP 418; no destination gets them.',
    );
  });
});
