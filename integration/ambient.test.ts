import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeshGraph } from '@/lib/mesh/types';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, promQuery, startTestStack } from './harness';

/** The demo's ambient namespace: web → flights (HTTPRoute 90/10 over flights-v1/v2) and → hotels. */

interface Traffic {
  gatewayRoute: { kind: string; name: string; namespace: string; resourceVersion: string } | null;
  virtualService: unknown;
  routes: { destinations: { host: string; weight: number; share: number }[] }[];
  observed: { shares: Record<string, number>; totalRps: number };
}

interface Item {
  kind: string;
  namespace: string;
  name: string;
  validations: { code: string; severity: string; message: string }[];
}

let stack: Stack;
let app: string;
const TRAFFIC = '/api/traffic/travel/flights';
const SAME_ORIGIN = { 'x-meshlens-csrf': '1', 'content-type': 'application/json' };

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

async function graph(query: string): Promise<MeshGraph> {
  const { status, body } = await getJson(`${app}/api/graph?${query}`);
  if (status !== 200) throw new Error(`graph ${query}: HTTP ${status} ${JSON.stringify(body)}`);
  return body as MeshGraph;
}

async function promRate(selector: string): Promise<number> {
  const [r] = await promQuery(
    stack.prometheusUrl,
    `sum(rate(istio_requests_total{${selector}}[5m]))`,
  );
  return Number(r?.value[1] ?? 0);
}

const wl = (name: string): string => `wl:travel:${name}`;
const rpsOf = (g: MeshGraph, from: string, to: string): number =>
  g.edges.find((e) => e.source === from && e.target === to && e.protocol === 'http')?.rps ?? 0;

/** The HTTPRoute as the simulated API server stores it, bypassing Meshlens. */
function stored(): { resourceVersion: string; weights: (number | undefined)[] } {
  const obj = stack.kube.store.get('httproutes', 'travel', 'flights') as unknown as {
    metadata: { resourceVersion: string };
    spec: { rules: { backendRefs: { weight?: number }[] }[] };
  };
  return {
    resourceVersion: obj.metadata.resourceVersion,
    weights: obj.spec.rules[0]?.backendRefs.map((b) => b.weight) ?? [],
  };
}

async function traffic(): Promise<Traffic> {
  const { status, body } = await getJson(`${app}${TRAFFIC}`);
  expect(status).toBe(200);
  return body as Traffic;
}

/** The split once Meshlens' cache holds what the API server stores (the status controller writes too). */
function settled(): Promise<Traffic> {
  return eventually(
    async () => {
      const want = stored().resourceVersion;
      const t = await traffic();
      return t.gatewayRoute?.resourceVersion === want ? t : undefined;
    },
    { what: 'Meshlens sees the stored HTTPRoute' },
  );
}

async function put(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app}${TRAFFIC}`, {
    method: 'PUT',
    headers: SAME_ORIGIN,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('ambient mode and the Gateway API on the demo stack', () => {
  it('draws web → flights and web → hotels from the waypoint, within 10% of Prometheus', async () => {
    const g = await eventually(
      async () => {
        const g = await graph('namespaces=travel&type=workload&window=5m');
        return rpsOf(g, wl('web'), wl('flights-v1')) > 0 &&
          rpsOf(g, wl('web'), wl('flights-v2')) > 0 &&
          rpsOf(g, wl('web'), wl('hotels')) > 0
          ? g
          : undefined;
      },
      { what: 'travel edges with traffic' },
    );
    for (const to of ['flights-v1', 'flights-v2', 'hotels']) {
      const want = await promRate(
        `reporter="waypoint",source_workload_namespace="travel",source_workload="web",destination_workload_namespace="travel",destination_workload="${to}"`,
      );
      expect(want).toBeGreaterThan(0);
      expect(Math.abs(rpsOf(g, wl('web'), wl(to)) - want) / want).toBeLessThan(0.1);
    }
    // The waypoint carries the calls but is not drawn on the path unless asked.
    expect(g.nodes.some((n) => n.workload === 'waypoint')).toBe(false);
    // ztunnel's L4 view of the database call, the path without a waypoint.
    expect(
      g.edges.some(
        (e) => e.source === wl('hotels') && e.target === wl('hotels-db') && e.protocol === 'tcp',
      ),
    ).toBe(true);
    const web = g.nodes.find((n) => n.id === wl('web'));
    expect(web?.dataPlane).toBe('ambient');
  });

  it("counts each request once: flights' versions add up to the waypoint's rate for flights", async () => {
    const g = await graph('namespaces=travel&type=workload&window=5m');
    const intoVersions = g.edges
      .filter((e) => e.target === wl('flights-v1') || e.target === wl('flights-v2'))
      .reduce((sum, e) => sum + (e.rps ?? 0), 0);
    const waypoint = await promRate(
      'reporter="waypoint",destination_workload_namespace="travel",destination_app="flights"',
    );
    expect(waypoint).toBeGreaterThan(0);
    expect(Math.abs(intoVersions - waypoint) / waypoint).toBeLessThan(0.1);
    const apps = await graph('namespaces=travel&type=app&window=5m');
    const webToFlights = rpsOf(apps, 'app:travel:web', 'app:travel:flights');
    expect(Math.abs(webToFlights - waypoint) / waypoint).toBeLessThan(0.1);
  });

  it('shows the waypoint on the path only when asked', async () => {
    const g = await graph('namespaces=travel&type=workload&window=5m&ambient=waypoint');
    expect(g.nodes.some((n) => n.workload === 'waypoint')).toBe(true);
  });

  it('shows the HTTPRoute split 90/10 beside the observed one', async () => {
    const t = await eventually(
      async () => {
        const t = await traffic();
        return t.observed.totalRps > 0 ? t : undefined;
      },
      { what: 'observed traffic into flights' },
    );
    expect(t.gatewayRoute).toMatchObject({
      kind: 'HTTPRoute',
      name: 'flights',
      namespace: 'travel',
    });
    expect(t.gatewayRoute?.resourceVersion).toMatch(/^\d+$/);
    expect(t.routes[0]?.destinations.map((d) => [d.host, d.weight, d.share])).toEqual([
      ['flights-v1', 90, 0.9],
      ['flights-v2', 10, 0.1],
    ]);
    expect(t.observed.shares['flights-v1']).toBeGreaterThan(0.8);
  });

  it('writes new weights into backendRefs, refuses a stale resourceVersion with 409, and the split follows', async () => {
    const before = await settled();
    const resourceVersion = before.gatewayRoute?.resourceVersion ?? '';
    const reply = await put({ weights: { 'flights-v1': 50, 'flights-v2': 50 }, resourceVersion });
    expect(reply.status).toBe(200);
    expect(stored().weights).toEqual([50, 50]);
    const stale = await put({ weights: { 'flights-v1': 100, 'flights-v2': 0 }, resourceVersion });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'conflict' });
    expect(stored().weights).toEqual([50, 50]);
    await eventually(
      async () => {
        const t = await traffic();
        const v1 = t.observed.shares['flights-v1'] ?? 0;
        return Math.abs(v1 - 0.5) < 0.1 ? t : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 3_000, what: 'observed split near 50/50' },
    );
  });

  it('lists the Gateway API objects with their validations', async () => {
    const items = await eventually(
      async () => {
        const { status, body } = await getJson(`${app}/api/istio`);
        return status === 200 &&
          Array.isArray(body) &&
          (body as Item[]).some((i) => i.kind === 'HTTPRoute')
          ? (body as Item[])
          : undefined;
      },
      { what: 'Gateway API objects listed' },
    );
    const find = (kind: string, namespace: string, name: string): Item | undefined =>
      items.find((i) => i.kind === kind && i.namespace === namespace && i.name === name);
    for (const [kind, namespace, name] of [
      ['HTTPRoute', 'travel', 'flights'],
      ['HTTPRoute', 'istio-system', 'travel-ingress'],
      ['K8sGateway', 'travel', 'waypoint'],
      ['K8sGateway', 'istio-system', 'travel-gateway'],
      ['ReferenceGrant', 'travel', 'allow-ingress-routes'],
      ['GatewayClass', '', 'istio'],
    ] as const) {
      const item = find(kind, namespace, name);
      expect(item, `${kind} ${namespace}/${name}`).toBeDefined();
      expect(item?.validations).toEqual([]);
    }
  });

  it('flags a route whose backend does not exist and one crossing namespaces without a grant', async () => {
    const res = await fetch(`${app}/api/istio/validate`, {
      method: 'POST',
      headers: SAME_ORIGIN,
      body: JSON.stringify({
        namespace: 'travel',
        yaml: [
          'apiVersion: gateway.networking.k8s.io/v1',
          'kind: HTTPRoute',
          'metadata: {name: broken}',
          'spec:',
          '  parentRefs: [{group: "", kind: Service, name: hotels, port: 8080}]',
          '  rules:',
          '  - backendRefs:',
          '    - {name: hotels-v9, port: 8080}',
          '    - {name: reviews, namespace: bookinfo, port: 9080}',
        ].join('\n'),
      }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status).toBe(200);
    const { validations } = (await res.json()) as { validations: { message: string }[] };
    const text = validations.map((v) => v.message).join('\n');
    expect(text).toMatch(/hotels-v9/);
    expect(text).toMatch(/ReferenceGrant/);
    expect(stack.kube.store.get('httproutes', 'travel', 'broken')).toBeUndefined();
  });
});
