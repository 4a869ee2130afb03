import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppsResponse } from '@/lib/api/apps';
import type { ServicesResponse } from '@/lib/api/services';
import type { WorkloadsResponse } from '@/lib/api/workloads';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';

let stack: Stack;
let app: string;

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

async function workloads(query = ''): Promise<WorkloadsResponse> {
  const { status, body } = await getJson(`${app}/api/workloads${query}`);
  if (status !== 200) throw new Error(`workloads ${query}: HTTP ${status} ${JSON.stringify(body)}`);
  return body as WorkloadsResponse;
}

const named = (list: WorkloadsResponse, name: string): WorkloadListItem | undefined =>
  list.workloads.find((w) => w.name === name);

describe('list metrics over any window on the demo mesh', () => {
  it("gives each Bookinfo service a p95 and a sparkline, reviews' numeric, in three queries", async () => {
    const { list, queries } = await eventually(
      async () => {
        const res = await fetch(`${app}/api/services?namespaces=bookinfo`);
        const l = (await res.json()) as ServicesResponse;
        const reviews = l.services.find((s) => s.name === 'reviews');
        return typeof reviews?.p95Ms === 'number' && (reviews.sparkline?.length ?? 0) > 0
          ? { list: l, queries: Number(res.headers.get('meshlens-prometheus-queries')) }
          : undefined;
      },
      { what: 'a p95 and a sparkline for reviews' },
    );
    expect(list.metricsError).toBeUndefined();
    expect(list.warnings).toBeUndefined();
    const reviews = list.services.find((s) => s.name === 'reviews');
    expect(reviews?.p95Ms).toBeGreaterThan(0);
    expect(reviews?.sparkline?.every((v) => v >= 0)).toBe(true);
    expect(reviews?.sparkline?.some((v) => v > 0)).toBe(true);
    // Sent by this request, or answered by the client's cache: never one per row.
    expect(queries).toBeLessThanOrEqual(3);
  });

  it('answers any window from 1m to 30d, ending now or earlier, and refuses others with a 400', async () => {
    const sixHours = await getJson(`${app}/api/services?namespaces=bookinfo&window=6h`);
    expect(sixHours.status).toBe(200);
    const body = sixHours.body as ServicesResponse;
    const sparkline = body.services.find((s) => s.name === 'reviews')?.sparkline;
    expect(sparkline?.length).toBeGreaterThanOrEqual(15);
    expect(sparkline?.length).toBeLessThanOrEqual(30);

    const end = Math.floor(Date.now() / 1000) - 120;
    const past = await getJson(`${app}/api/workloads?namespaces=bookinfo&window=5m&end=${end}`);
    expect(past.status).toBe(200);

    const tooShort = await getJson(`${app}/api/services?namespaces=bookinfo&window=5s`);
    expect(tooShort.status).toBe(400);
    expect(tooShort.type).toContain('application/problem+json');
    expect(tooShort.body).toMatchObject({ detail: expect.stringContaining('window') });
    const future = await getJson(
      `${app}/api/apps?window=1h&end=${Math.floor(Date.now() / 1000) + 86_400}`,
    );
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ detail: expect.stringMatching(/^end: in the future/) });
  });

  it('lists the apps of Bookinfo with their versions, rates and p95', async () => {
    const list = await eventually(
      async () => {
        const { status, body } = await getJson(`${app}/api/apps?namespaces=bookinfo&window=5m`);
        if (status !== 200) throw new Error(`apps: HTTP ${status} ${JSON.stringify(body)}`);
        const l = body as AppsResponse;
        return typeof l.apps.find((a) => a.app === 'reviews')?.p95Ms === 'number' ? l : undefined;
      },
      { what: 'Bookinfo apps with latencies' },
    );
    expect(list.apps.map((a) => a.app)).toEqual(['details', 'productpage', 'ratings', 'reviews']);
    expect(list.apps.find((a) => a.app === 'reviews')).toMatchObject({
      namespace: 'bookinfo',
      workloads: 3,
      versions: ['v1', 'v2', 'v3'],
      rps: expect.any(Number),
      errorRate: expect.any(Number),
      sparkline: expect.any(Array),
    });
  });
});

describe('GET /api/workloads on the demo mesh', () => {
  it('lists Bookinfo with sidecars, ready pods and live rates', async () => {
    const list = await eventually(
      async () => {
        const l = await workloads('?namespaces=bookinfo');
        return (named(l, 'productpage-v1')?.rps ?? 0) > 0 ? l : undefined;
      },
      { what: 'Bookinfo workloads with traffic' },
    );
    expect(list.metricsError).toBeUndefined();
    expect(list.workloads.map((w) => w.name)).toEqual([
      'details-v1',
      'productpage-v1',
      'ratings-v1',
      'reviews-v1',
      'reviews-v2',
      'reviews-v3',
    ]);
    for (const w of list.workloads) {
      expect(w).toMatchObject({ namespace: 'bookinfo', kind: 'Deployment', hasSidecar: true });
      expect(w.readyReplicas).toBe(w.desiredReplicas);
      expect(w.rps).not.toBeNull();
      expect(w.errorRate).not.toBeNull();
      expect(w.outboundErrorRate).not.toBeNull();
    }
    expect(named(list, 'reviews-v2')).toMatchObject({ app: 'reviews', version: 'v2' });
    expect(named(list, 'productpage-v1')?.outboundRps).toBeGreaterThan(0);
  });

  it("marks shop's legacy-batch as outside the mesh, and shows catalog's errors", async () => {
    const list = await eventually(
      async () => {
        const l = await workloads('?namespaces=shop');
        return (named(l, 'catalog-v1')?.errorRate ?? 0) > 0 ? l : undefined;
      },
      { what: 'shop workloads with catalog errors' },
    );
    expect(list.workloads).toHaveLength(7);
    expect(list.workloads.filter((w) => !w.hasSidecar).map((w) => w.name)).toEqual([
      'legacy-batch',
    ]);
    expect(named(list, 'legacy-batch')?.version).toBeUndefined();
    expect(named(list, 'catalog-v1')?.health).toMatch(/^(degraded|failing)$/);
  });

  it('lists every namespace without the parameter', async () => {
    const namespaces = new Set((await workloads()).workloads.map((w) => w.namespace));
    expect(namespaces).toContain('bookinfo');
    expect(namespaces).toContain('shop');
  });

  it('refuses a namespace that is not a DNS-1123 label with a 400 naming the parameter', async () => {
    const res = await getJson(`${app}/api/workloads?namespaces=bookinfo,Bad_Name`);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, detail: expect.stringContaining('namespaces') });
  });

  it('keeps the inventory with null rates while Prometheus is down', async () => {
    await stack.stopPrometheus();
    try {
      const list = await eventually(
        async () => {
          const l = await workloads('?namespaces=shop');
          return l.metricsError !== undefined ? l : undefined;
        },
        { timeoutMs: 30_000, what: 'workloads without metrics' },
      );
      expect(list.workloads).toHaveLength(7);
      for (const w of list.workloads) {
        expect(w).toMatchObject({ rps: null, errorRate: null, outboundErrorRate: null });
      }
      expect(named(list, 'legacy-batch')?.hasSidecar).toBe(false);
    } finally {
      await stack.startPrometheus();
    }
  });
});
