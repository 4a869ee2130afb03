import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppliedConfigResponse } from '@/lib/api/istio';
import type { BreakdownResponse } from '@/lib/api/metrics';
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

async function breakdown(query: string): Promise<{ body: BreakdownResponse; queries: number }> {
  const res = await fetch(`${app}/api/metrics?${query}`, { signal: AbortSignal.timeout(20_000) });
  const body = (await res.json()) as BreakdownResponse;
  if (res.status !== 200) throw new Error(`${query}: HTTP ${res.status} ${JSON.stringify(body)}`);
  return { body, queries: Number(res.headers.get('meshlens-prometheus-queries')) };
}

describe('golden metrics beyond rates and latency', () => {
  it('charts checkout → postgres TCP bytes and connections, and response sizes, in 3 queries', async () => {
    const { body, queries } = await eventually(
      async () => {
        const r = await breakdown(
          'node=wl:shop:checkout-v1&direction=outbound&by=remote&window=5m',
        );
        const sized = r.body.groups.some((g) => g.points.some((p) => p.responseBytesAvg !== null));
        return r.body.tcpGroups.length > 0 && sized ? r : undefined;
      },
      { what: 'TCP and size series for checkout' },
    );
    expect(queries).toBe(3);
    const postgres = body.tcpGroups.find((g) => g.key === 'shop/postgres');
    expect(postgres).toBeDefined();
    expect(postgres?.points.some((p) => p.receivedBytesPerSecond > 0)).toBe(true);
    expect(postgres?.points.some((p) => p.sentBytesPerSecond > 0)).toBe(true);
    const payments = body.groups.find((g) => g.key === 'shop/payments');
    expect(payments?.points.some((p) => p.avgMs !== null && p.avgMs > 0)).toBe(true);
    expect(body.groups.every((g) => g.key !== 'shop/postgres')).toBe(true);
  });

  it('has no TCP groups for an HTTP-only workload, and sums each group by response class', async () => {
    const { body } = await breakdown(
      'node=wl:bookinfo:reviews-v2&direction=inbound&by=version&window=5m',
    );
    expect(body.tcpGroups).toEqual([]);
    const last = body.groups[0]?.points.at(-1);
    expect(last?.codes['2xx']).toBeGreaterThan(0);
    const sum = Object.values(last?.codes ?? {}).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(last?.rps ?? NaN, 6);
  });
});

describe('Istio config that applies', () => {
  const applied = async (query: string): Promise<string[]> => {
    const { status, body } = await getJson(`${app}/api/istio?${query}`);
    expect(status, JSON.stringify(body)).toBe(200);
    return (body as AppliedConfigResponse).items.map(
      (i) => `${i.kind} ${i.namespace}/${i.name} ${i.via}`,
    );
  };

  it('lists the reviews routing and the policies reaching its pods', async () => {
    const workload = await applied('workload=bookinfo/reviews-v2');
    expect(workload).toEqual(
      expect.arrayContaining([
        'VirtualService bookinfo/reviews host',
        'DestinationRule bookinfo/reviews host',
        'PeerAuthentication bookinfo/default namespace',
        'PeerAuthentication istio-system/default mesh',
      ]),
    );
    expect(workload.some((i) => i.includes('ratings'))).toBe(false);
    const service = await applied('service=bookinfo/reviews');
    expect(service).toEqual(
      expect.arrayContaining([
        'VirtualService bookinfo/reviews host',
        'DestinationRule bookinfo/reviews host',
      ]),
    );
    const { body } = await getJson(`${app}/api/istio?service=bookinfo/reviews`);
    const vs = (body as AppliedConfigResponse).items.find((i) => i.kind === 'VirtualService');
    expect(vs?.validations).toBeInstanceOf(Array);
  });

  it('says 404 for a workload that does not exist and 400 for a malformed subject', async () => {
    expect((await getJson(`${app}/api/istio?workload=bookinfo/nope`)).status).toBe(404);
    expect((await getJson(`${app}/api/istio?workload=nope`)).status).toBe(400);
  });
});
