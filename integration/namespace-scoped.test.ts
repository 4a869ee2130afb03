import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeRequest } from '../demo/kube/api-server';
import { MESHLENS_USER } from '../demo/kube/rbac-seed';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';
import { isClusterScoped } from './kube-scope';

interface KubernetesStatus {
  ok: boolean;
  error?: string;
  stale?: boolean;
}
interface Named {
  namespace: string;
  name: string;
  kind?: string;
  outside?: boolean;
}

const WATCHED = ['bookinfo', 'shop'];

/** Meshlens' service account gets RoleBindings in bookinfo and shop only: no cluster-wide read. */
function startScopedStack(appEnv: Record<string, string>): Promise<Stack> {
  return startTestStack({ app: true, meshlensScope: { namespaces: WATCHED }, appEnv });
}

function meshlensRequests(stack: Stack): KubeRequest[] {
  return stack.kube.requests.filter((r) => r.user === MESHLENS_USER);
}

async function kubernetesStatus(app: string): Promise<KubernetesStatus> {
  const { status, body } = await getJson(`${app}/api/status`);
  expect(status).toBe(200);
  return (body as { sources: { kubernetes: KubernetesStatus } }).sources.kubernetes;
}

async function ok200(app: string, path: string): Promise<unknown> {
  const { status, body } = await getJson(`${app}${path}`);
  expect(status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body;
}

const has = (items: readonly Named[], namespace: string, name: string | RegExp): boolean =>
  items.some(
    (i) =>
      i.namespace === namespace && (typeof name === 'string' ? i.name === name : name.test(i.name)),
  );

describe('a namespace-scoped install (Roles only) with NAMESPACES=bookinfo,shop', () => {
  let stack: Stack;
  let app = '';

  beforeAll(async () => {
    stack = await startScopedStack({ NAMESPACES: WATCHED.join(',') });
    app = stack.appUrl ?? '';
    // Every informer has listed once it reports ok, so the request log holds all the lists it made.
    await eventually(async () => ((await kubernetesStatus(app)).ok ? true : undefined), {
      what: 'Kubernetes ok in /api/status',
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists exactly the configured namespaces', async () => {
    const body = (await ok200(app, '/api/namespaces')) as { name: string }[];
    expect(body.map((n) => n.name).sort()).toEqual(WATCHED);
  });

  it('serves the services, workloads and Istio config of both namespaces', async () => {
    const query = `?namespaces=${WATCHED.join(',')}`;
    const { services } = (await ok200(app, `/api/services${query}`)) as { services: Named[] };
    expect(has(services, 'bookinfo', 'reviews')).toBe(true);
    expect(has(services, 'shop', 'checkout')).toBe(true);
    const { workloads } = (await ok200(app, `/api/workloads${query}`)) as { workloads: Named[] };
    expect(has(workloads, 'bookinfo', 'reviews-v2')).toBe(true);
    expect(has(workloads, 'shop', 'legacy-batch')).toBe(true);
    const istio = (await ok200(app, `/api/istio${query}`)) as Named[];
    const kinds = (ns: string): string[] =>
      [...new Set(istio.filter((i) => i.namespace === ns).map((i) => i.kind ?? ''))].sort();
    expect(kinds('bookinfo')).toEqual([
      'DestinationRule',
      'Gateway',
      'PeerAuthentication',
      'ProxyConfig',
      'RequestAuthentication',
      'VirtualService',
    ]);
    expect(kinds('shop')).toContain('ServiceEntry');
    expect(kinds('shop')).toContain('Sidecar');
    expect(has(istio, 'bookinfo', 'reviews')).toBe(true);
    expect(has(istio, 'shop', 'stripe')).toBe(true);
  });

  it('draws the graph of both namespaces from live metrics', async () => {
    const nodes = await eventually(
      async () => {
        const body = (await ok200(app, `/api/graph?namespaces=${WATCHED.join(',')}&window=5m`)) as {
          nodes: Named[];
        };
        return has(body.nodes, 'bookinfo', /^reviews/) && has(body.nodes, 'shop', /^checkout/)
          ? body.nodes
          : undefined;
      },
      { what: 'reviews and checkout nodes in the graph' },
    );
    // Callers from elsewhere are drawn marked as outside; Istio's unknown source has no namespace.
    const elsewhere = nodes.filter(
      (n) => !WATCHED.includes(n.namespace) && n.outside !== true && n.kind !== 'unknown',
    );
    expect(elsewhere).toEqual([]);
  });

  it('reports Kubernetes healthy: synced, not stale, no error', async () => {
    const status = await kubernetesStatus(app);
    expect(status.ok).toBe(true);
    expect(status.stale).not.toBe(true);
    expect(status.error).toBeUndefined();
  });

  it('made no cluster-scoped request and got no 403', () => {
    const requests = meshlensRequests(stack);
    const answered = new Set(requests.filter((r) => r.code === 200).map((r) => r.path));
    // The log is not empty by accident: the namespaced lists and the namespace reads are in it.
    for (const ns of WATCHED) {
      expect(answered).toContain(`/api/v1/namespaces/${ns}`);
      expect(answered).toContain(`/api/v1/namespaces/${ns}/pods`);
      expect(answered).toContain(`/apis/networking.istio.io/v1/namespaces/${ns}/virtualservices`);
    }
    expect(requests.filter(isClusterScoped)).toEqual([]);
    expect(requests.filter((r) => r.code === 403)).toEqual([]);
  });
});

describe('the same install without NAMESPACES (the control)', () => {
  let stack: Stack;
  let app = '';

  beforeAll(async () => {
    stack = await startScopedStack({});
    app = stack.appUrl ?? '';
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('makes cluster-scoped lists that the API server refuses, and says so', async () => {
    const refused = await eventually(
      async () => {
        // The informers start on the first request that reads the cluster.
        await kubernetesStatus(app);
        const paths = new Set(
          meshlensRequests(stack)
            .filter((r) => isClusterScoped(r) && r.code === 403)
            .map((r) => r.path),
        );
        return ['/api/v1/namespaces', '/api/v1/pods'].every((p) => paths.has(p))
          ? paths
          : undefined;
      },
      { what: 'refused cluster-scoped lists' },
    );
    expect(refused).toContain('/apis/networking.istio.io/v1/virtualservices');
    const status = await kubernetesStatus(app);
    expect(status.ok).toBe(false);
    expect(status.error).toMatch(/forbidden|403/i);
  });
});
