import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';

interface Card {
  name: string;
  services: number;
  workloads: number;
  rps: number | null;
  errorRate: number | null;
  health: string;
  metricsError?: string;
}

let stack: Stack;
let app: string;

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

describe('the API on the demo stack', () => {
  it('reports every source up, with URLs free of credentials', async () => {
    const status = await eventually(
      async () => {
        const { body } = await getJson(`${app}/api/status`);
        const s = body as { sources: Record<string, { ok: boolean }> };
        return s.sources.prometheus?.ok && s.sources.kubernetes?.ok && s.sources.jaeger?.ok
          ? s
          : undefined;
      },
      { what: 'all sources up' },
    );
    expect(status).toMatchObject({
      sources: {
        prometheus: { ok: true, url: stack.prometheusUrl },
        kubernetes: { ok: true },
        jaeger: { ok: true, configured: true },
      },
      readOnly: false,
    });
  });

  it('lists the demo namespaces with correct counts and non-zero rates', async () => {
    const cards = await eventually(
      async () => {
        const { status, body } = await getJson(`${app}/api/namespaces`);
        const list = body as Card[];
        const ready =
          status === 200 &&
          list.find((c) => c.name === 'bookinfo')?.rps &&
          list.find((c) => c.name === 'shop')?.rps;
        return ready ? list : undefined;
      },
      { what: 'namespaces with traffic' },
    );
    const bookinfo = cards.find((c) => c.name === 'bookinfo');
    expect(bookinfo).toMatchObject({ services: 4, workloads: 6 });
    expect(bookinfo?.rps).toBeGreaterThan(0);
    const shop = cards.find((c) => c.name === 'shop');
    expect(shop?.workloads).toBeGreaterThanOrEqual(6);
    expect(shop?.errorRate).toBeGreaterThan(0);
    expect(shop?.health).not.toBe('healthy');
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await getJson(`${app}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 404,
      title: expect.any(String),
      detail: expect.stringContaining('/api/no-such-thing'),
    });
  });

  it('says metrics are unavailable while Prometheus is down, and recovers without a restart', async () => {
    await stack.stopPrometheus();
    const down = await eventually(
      async () => {
        const { body } = await getJson(`${app}/api/status`);
        const s = body as {
          sources: { prometheus: { ok: boolean; error?: string }; kubernetes: { ok: boolean } };
        };
        return s.sources.prometheus.ok ? undefined : s;
      },
      { timeoutMs: 20_000, what: 'Prometheus reported down' },
    );
    expect(down.sources.prometheus.error).toMatch(/ECONNREFUSED|refused|unavailable/i);
    expect(down.sources.kubernetes.ok).toBe(true);

    const cards = await eventually(
      async () => {
        const { status, body } = await getJson(`${app}/api/namespaces`);
        const list = body as Card[];
        return status === 200 && list.every((c) => c.rps === null) ? list : undefined;
      },
      { timeoutMs: 20_000, what: 'cards without metrics' },
    );
    for (const card of cards) {
      expect(card.errorRate).toBeNull();
      expect(card.metricsError).toBeTruthy();
    }
    expect(cards.find((c) => c.name === 'bookinfo')?.services).toBe(4);

    await stack.startPrometheus();
    await eventually(
      async () => {
        const { body } = await getJson(`${app}/api/namespaces`);
        return (body as Card[]).find((c) => c.name === 'bookinfo')?.rps ? true : undefined;
      },
      { timeoutMs: 60_000, what: 'metrics back after Prometheus restart' },
    );
  });
});
