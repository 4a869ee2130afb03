import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/mesh/graph/build-graph';
import { edge, pairs } from '@/lib/mesh/testing/graph-lookup';
import {
  PRODUCTPAGE,
  UNKNOWN_PEER,
  graphInput,
  request,
  to,
} from '@/lib/mesh/testing/graph-samples';
import type { Sample } from '@/lib/mesh/types';
import { edgeRequestsQuery, graphQueries } from './graph-queries';

/**
 * What Prometheus keeps of `series` for one of our queries: a series is in the answer when every
 * matcher of any `or` branch holds. Enough for our own queries' shape; names are plain here, so the
 * PromQL strings need no unquoting.
 */
function selectedBy(query: string, series: readonly Sample[]): Sample[] {
  const branches = [...query.matchAll(/\{([^}]*)\}\[/g)].map(([, body = '']) =>
    [...body.matchAll(/(\w+)(=~|!~)"([^"]*)"/g)].map(([, label = '', op, re = '']) => ({
      label,
      negated: op === '!~',
      re: new RegExp(`^(?:${re})$`),
    })),
  );
  expect(branches.length).toBeGreaterThan(0);
  return series.filter((s) =>
    branches.some((matchers) =>
      matchers.every((m) => m.re.test(s.labels[m.label] ?? '') !== m.negated),
    ),
  );
}

describe('graphQueries', () => {
  it('filters both directions across the selected namespaces', () => {
    const q = graphQueries(['bookinfo', 'shop'], '5m');
    expect(q.requests).toContain(
      'istio_requests_total{destination_service_namespace=~"bookinfo|shop"}[5m]',
    );
    expect(q.requests).toContain(' or ');
    expect(q.requests).toContain(
      'istio_requests_total{destination_workload_namespace=~"bookinfo|shop",destination_service_namespace!~"bookinfo|shop",source_workload_namespace!~"bookinfo|shop"}[5m]',
    );
    expect(q.requests).toContain(
      'istio_requests_total{source_workload_namespace=~"bookinfo|shop"}[5m]',
    );
    expect(q.requests).toMatch(/^sum by \(reporter,/);
    expect(q.durations).toContain('le');
    expect(q.tcpSent).toContain('istio_tcp_sent_bytes_total');
    expect(q.tcpReceived).toContain('istio_tcp_received_bytes_total');
  });

  it('has no namespace filter for the whole mesh', () => {
    expect(graphQueries('all', '1m').requests).toMatch(/rate\(istio_requests_total\{\}\[1m\]\)\)$/);
  });

  it('escapes namespace names that would break out of the regex', () => {
    const q = graphQueries(['a.b"}or vector(1)#'], '1m');
    expect(q.requests).toContain('=~"a\\\\.b\\"\\\\}or vector\\\\(1\\\\)#"');
  });
});

describe('graphQueries: what the selection keeps', () => {
  const CART = { ns: 'shop', wl: 'cart-v1', app: 'cart', version: 'v1' };
  const series = [
    // An outside caller's 503 no workload answered: only the service's namespace is in the selection.
    request(CART, { svc: 'reviews', svcNs: 'bookinfo' }, 2, { code: '503', flags: 'UH' }),
    // A caller outside the mesh, seen by the callee's proxy with no service namespace.
    request(UNKNOWN_PEER, { ...PRODUCTPAGE, svc: 'productpage', svcNs: 'unknown' }, 3, {
      reporter: 'destination',
      code: '0',
      flags: 'DC',
    }),
    // From the selection out.
    request(PRODUCTPAGE, to(CART, 'cart'), 1),
    // Nothing to do with the selection.
    request(CART, { ns: 'shop', wl: 'db-v1', svc: 'db' }, 5),
  ];

  it("keeps outside callers' failures whichever destination label names the selection", () => {
    const requests = selectedBy(graphQueries(['bookinfo'], '5m').requests, series);
    expect(requests).toHaveLength(3);
    const g = buildGraph(graphInput({ requests }));
    expect(edge(g, 'wl:shop:cart-v1', 'svc:bookinfo:reviews')).toMatchObject({ errorRate: 1 });
    expect(edge(g, 'unknown', 'wl:bookinfo:productpage-v1')).toMatchObject({ errorRate: 1 });
    expect(edge(g, 'wl:bookinfo:productpage-v1', 'wl:shop:cart-v1').rps).toBe(1);
    expect(pairs(g)).toHaveLength(3);
  });

  it('selects the same series for the sparklines', () => {
    expect(selectedBy(edgeRequestsQuery(['bookinfo'], 60), series)).toHaveLength(3);
  });
});

describe('edgeRequestsQuery', () => {
  it('groups request rates by raw edge only, over a range in seconds', () => {
    const q = edgeRequestsQuery(['bookinfo'], 240);
    expect(q).toMatch(
      /^sum by \(reporter,.*request_protocol,source_cluster,destination_cluster\) \(rate\(istio_requests_total\{destination_service_namespace=~"bookinfo"\}\[240s\]\)\) or /,
    );
    expect(q).not.toContain('response_code');
  });
});
