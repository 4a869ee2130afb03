import { describe, expect, it } from 'vitest';
import { endpointFromName, findHops, passesAcross, touches } from './passes-across';
import { envoySpan, span, trace } from './testing';

const productpage = {
  canonical: 'productpage',
  namespace: 'bookinfo',
  pod: 'productpage-v1-6b746f74dc-9stvs',
};
const reviews2 = {
  canonical: 'reviews',
  namespace: 'bookinfo',
  pod: 'reviews-v2-5b667bcbf8-x9k2p',
};
const ratings = { canonical: 'ratings', namespace: 'bookinfo', pod: 'ratings-v1-b6994bb9-gr8z7' };
const otherNs = { canonical: 'reviews', namespace: 'staging', pod: 'reviews-v2-7d8f9c6b5-abcde' };

/** gateway → productpage (server) → productpage client → reviews server → reviews client → ratings server. */
function bookinfo(): ReturnType<typeof trace> {
  return trace([
    envoySpan('pp-s', 'server', productpage, { startUs: 0, durationUs: 100 }),
    envoySpan('pp-c', 'client', productpage, {
      parentId: 'pp-s',
      startUs: 10,
      durationUs: 60,
      tags: { upstream_cluster: 'outbound|9080||reviews.bookinfo.svc.cluster.local' },
    }),
    envoySpan('rv-s', 'server', reviews2, { parentId: 'pp-c', startUs: 12, durationUs: 55 }),
    envoySpan('rv-c', 'client', reviews2, { parentId: 'rv-s', startUs: 20, durationUs: 30 }),
    envoySpan('ra-s', 'server', ratings, { parentId: 'rv-c', startUs: 22, durationUs: 25 }),
  ]);
}

describe('passesAcross', () => {
  it("finds Istio's client/server span pair of a hop, by Istio service name", () => {
    const t = bookinfo();
    expect(
      findHops(t, endpointFromName('productpage.bookinfo'), endpointFromName('reviews.bookinfo')),
    ).toEqual([{ fromSpanId: 'pp-c', toSpanId: 'rv-s' }]);
    expect(passesAcross(t, 'reviews.bookinfo', 'ratings.bookinfo')).toBe(true);
  });

  it('is directional and needs a direct parent link', () => {
    const t = bookinfo();
    expect(passesAcross(t, 'reviews.bookinfo', 'productpage.bookinfo')).toBe(false);
    expect(passesAcross(t, 'productpage.bookinfo', 'ratings.bookinfo')).toBe(false);
  });

  it('matches workload names through the pod in node_id, and bare canonical names', () => {
    const t = bookinfo();
    expect(passesAcross(t, 'productpage-v1', 'reviews-v2')).toBe(true);
    expect(passesAcross(t, 'productpage-v1', 'reviews-v1')).toBe(false);
    expect(passesAcross(t, 'productpage', 'reviews')).toBe(true);
  });

  it('respects the namespace', () => {
    const t = trace([
      envoySpan('pp-c', 'client', productpage, { startUs: 0 }),
      envoySpan('rv-s', 'server', otherNs, { parentId: 'pp-c', startUs: 1 }),
    ]);
    expect(passesAcross(t, 'productpage.bookinfo', 'reviews.bookinfo')).toBe(false);
    expect(passesAcross(t, 'productpage.bookinfo', 'reviews.staging')).toBe(true);
  });

  it('counts a call that never reached the callee (a client span with no child, addressed to it)', () => {
    const t = trace([
      envoySpan('pp-s', 'server', productpage, { startUs: 0, durationUs: 100 }),
      envoySpan('pp-c', 'client', productpage, {
        parentId: 'pp-s',
        startUs: 1,
        error: true,
        tags: {
          upstream_cluster: 'outbound|9080|v2|reviews.bookinfo.svc.cluster.local',
          response_flags: 'FI',
        },
      }),
    ]);
    expect(
      findHops(t, endpointFromName('productpage.bookinfo'), endpointFromName('reviews.bookinfo')),
    ).toEqual([{ fromSpanId: 'pp-c' }]);
    expect(passesAcross(t, 'productpage.bookinfo', 'details.bookinfo')).toBe(false);
  });

  it('takes only client→server pairs for a service calling itself', () => {
    const t = trace([
      envoySpan('s1', 'server', productpage, { startUs: 0, durationUs: 100 }),
      envoySpan('c1', 'client', productpage, { parentId: 's1', startUs: 1 }),
    ]);
    expect(passesAcross(t, 'productpage.bookinfo', 'productpage.bookinfo')).toBe(false);
    const self = trace([
      ...t.spans,
      envoySpan('s2', 'server', productpage, { parentId: 'c1', startUs: 2 }),
    ]);
    expect(passesAcross(self, 'productpage.bookinfo', 'productpage.bookinfo')).toBe(true);
  });

  it('works for plain (non-Istio) tracing: a span of B under a span of A', () => {
    const t = trace([
      span('a', { service: 'frontend' }),
      span('b', { service: 'backend', parentId: 'a' }),
    ]);
    expect(passesAcross(t, 'frontend', 'backend')).toBe(true);
    expect(touches(t, endpointFromName('backend'))).toBe(true);
    expect(touches(t, endpointFromName('db'))).toBe(false);
  });
});
