import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../scripts/stack/index';
import { eventually, promQuery, startTestStack } from './harness';

// The demo mesh alone (no app), with no backfill: what a fresh Prometheus sees from the live scrapes.
let stack: Stack;
let custom: k8s.CustomObjectsApi;

const VS = {
  group: 'networking.istio.io',
  version: 'v1',
  namespace: 'bookinfo',
  plural: 'virtualservices',
};

beforeAll(async () => {
  stack = await startTestStack({ historyMinutes: 0 });
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(stack.kubeconfig);
  custom = kc.makeApiClient(k8s.CustomObjectsApi);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the demo mesh behind a real Prometheus', () => {
  it("answers with Bookinfo's edges within 30 s of start: both reporters, mTLS and plaintext, some 5xx", async () => {
    // Sidecars' reports only: the ambient namespace's waypoint reports are checked in ambient.test.ts.
    const query =
      'sum by (reporter, source_workload, destination_workload, connection_security_policy, response_code) (rate(istio_requests_total{reporter!="waypoint"}[1m]))';
    const rows = await eventually(
      async () => {
        const result = await promQuery(stack.prometheusUrl, query);
        const edges = new Set(
          result.map((r) => `${r.metric.source_workload}->${r.metric.destination_workload}`),
        );
        return edges.has('productpage-v1->reviews-v2') && edges.has('reviews-v3->ratings-v1')
          ? result
          : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: "Bookinfo's edges in Prometheus" },
    );
    const edges = new Set(
      rows.map((r) => `${r.metric.source_workload}->${r.metric.destination_workload}`),
    );
    for (const edge of [
      'istio-ingressgateway->productpage-v1',
      'productpage-v1->details-v1',
      'productpage-v1->reviews-v1',
      'productpage-v1->reviews-v3',
      'reviews-v2->ratings-v1',
    ]) {
      expect(edges).toContain(edge);
    }
    expect(edges).not.toContain('reviews-v1->ratings-v1');
    const reporters = new Set(rows.map((r) => r.metric.reporter));
    expect(reporters).toEqual(new Set(['source', 'destination']));
    const policies = new Set(rows.map((r) => r.metric.connection_security_policy));
    expect(policies).toContain('mutual_tls');
    expect(policies).toContain('none');
    expect(rows.some((r) => r.metric.response_code?.startsWith('5'))).toBe(true);
  });

  it('moves the reviews split Prometheus reports within a minute of a weight change through the Kubernetes API', async () => {
    const vs = (await custom.getNamespacedCustomObject({ ...VS, name: 'reviews' })) as {
      metadata: { resourceVersion: string };
      spec: { http: { route: { destination: { subset?: string }; weight?: number }[] }[] };
    };
    const http = vs.spec.http.map((route) => ({
      ...route,
      route: route.route.map((d) => ({ ...d, weight: d.destination.subset === 'v3' ? 100 : 0 })),
    }));
    await custom.patchNamespacedCustomObject(
      {
        ...VS,
        name: 'reviews',
        body: { metadata: { resourceVersion: vs.metadata.resourceVersion }, spec: { http } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    const share = await eventually(
      async () => {
        const result = await promQuery(
          stack.prometheusUrl,
          'sum by (destination_version) (rate(istio_requests_total{reporter="destination",destination_service_name="reviews",source_workload="productpage-v1"}[10s]))',
        );
        const total = result.reduce((sum, r) => sum + Number(r.value[1]), 0);
        const v3 = Number(result.find((r) => r.metric.destination_version === 'v3')?.value[1] ?? 0);
        const s = total > 0 ? v3 / total : 0;
        return s > 0.95 ? s : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'reviews traffic moved to v3' },
    );
    expect(share).toBeGreaterThan(0.95);
  });
});
