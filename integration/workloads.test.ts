import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
