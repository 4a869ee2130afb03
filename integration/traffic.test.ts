import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../scripts/stack/app';
import type { Child } from '../scripts/stack/child';
import { freePort } from '../scripts/stack/free-port';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, startTestStack } from './harness';

interface Traffic {
  virtualService: { name: string; resourceVersion: string } | null;
  routes: { destinations: { subset?: string; weight: number; share: number }[] }[];
  observed: { window: string; shares: Record<string, number>; totalRps: number };
  subsets: { name: string; rps: number }[];
  readOnly: boolean;
}

interface Reply {
  status: number;
  type: string;
  body: Record<string, unknown>;
}

let stack: Stack;
let app: string;
let readOnlyApp: { url: string; child: Child } | undefined;
const TRAFFIC = '/api/traffic/bookinfo/reviews';
const SAME_ORIGIN = { 'x-meshlens-csrf': '1' };

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await readOnlyApp?.child.stop();
  await stack?.stop();
});

async function put(
  base: string,
  body: unknown,
  headers: Record<string, string> = SAME_ORIGIN,
  query = '',
): Promise<Reply> {
  const res = await fetch(`${base}${TRAFFIC}${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, unknown>,
  };
}

async function traffic(): Promise<Traffic> {
  const { status, body } = await getJson(`${app}${TRAFFIC}`);
  expect(status).toBe(200);
  return body as Traffic;
}

/** The VirtualService as the simulator's API server stores it, bypassing Meshlens. */
function stored(): { resourceVersion: string; weights: number[] } {
  const obj = stack.kube.store.get('virtualservices', 'bookinfo', 'reviews') as unknown as {
    metadata: { resourceVersion: string };
    spec: { http: { route: { weight?: number }[] }[] };
  };
  return {
    resourceVersion: obj.metadata.resourceVersion,
    weights: obj.spec.http[0]?.route.map((r) => r.weight ?? 0) ?? [],
  };
}

async function settled(): Promise<Traffic> {
  // The informer cache follows the API server by a watch event; wait until Meshlens sees what is stored.
  const want = stored().resourceVersion;
  return eventually(
    async () => {
      const t = await traffic();
      return t.virtualService?.resourceVersion === want ? t : undefined;
    },
    { what: `Meshlens sees resourceVersion ${want}` },
  );
}

describe('traffic split and weight edits on the demo', () => {
  it('returns the configured 80/10/10 split beside the observed one', async () => {
    const t = await eventually(
      async () => {
        const t = await traffic();
        return t.observed.totalRps > 0 ? t : undefined;
      },
      { what: 'observed traffic into reviews' },
    );
    expect(t.virtualService?.name).toBe('reviews');
    expect(t.routes[0]?.destinations).toEqual([
      { host: 'reviews', subset: 'v1', weight: 80, share: 0.8 },
      { host: 'reviews', subset: 'v2', weight: 10, share: 0.1 },
      { host: 'reviews', subset: 'v3', weight: 10, share: 0.1 },
    ]);
    expect(t.observed.shares.v1).toBeGreaterThan(0.6);
    expect(t.readOnly).toBe(false);
  });

  it('previews a change with a dry run that writes nothing', async () => {
    const before = stored();
    const { resourceVersion } = (await settled()).virtualService ?? { resourceVersion: '' };
    const reply = await put(
      app,
      { weights: { v1: 50, v2: 0, v3: 50 }, resourceVersion },
      SAME_ORIGIN,
      '?dryRun=true',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.dryRun).toBe(true);
    expect(reply.body.yaml).toMatch(/weight: 50/);
    const diff = reply.body.diff as { kind: string; text: string }[];
    expect(diff.filter((l) => l.kind === 'add').map((l) => l.text.trim())).toEqual([
      'weight: 50',
      'weight: 0',
      'weight: 50',
    ]);
    expect(stored()).toEqual(before);
  });

  it('refuses invalid weights with 422 and leaves the stored object unchanged', async () => {
    const before = stored();
    const { resourceVersion } = (await settled()).virtualService ?? { resourceVersion: '' };
    const cases: [unknown, string][] = [
      [{ v1: 0, v2: 0, v3: 0 }, 'weights'],
      [{ v1: -5, v2: 55, v3: 50 }, 'weights.v1'],
      [{ v1: 50, v2: 0, v4: 50 }, 'weights.v4'],
      [{ v1: 50.5, v2: 0, v3: 49.5 }, 'weights.v1'],
    ];
    for (const [weights, path] of cases) {
      const reply = await put(app, { weights, resourceVersion });
      expect(reply.status).toBe(422);
      expect(reply.type).toContain('application/problem+json');
      expect((reply.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    expect((await put(app, '{"weights":')).status).toBe(400);
    expect(stored()).toEqual(before);
  });

  it('refuses a write without the CSRF header or from a foreign origin with 403', async () => {
    const before = stored();
    const body = { weights: { v1: 0, v2: 0, v3: 100 }, resourceVersion: before.resourceVersion };
    const noCsrf = await put(app, body, {});
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.detail).toMatch(/X-Meshlens-CSRF/);
    const foreign = await put(app, body, { ...SAME_ORIGIN, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(stored()).toEqual(before);
  });

  it('lets exactly one of two concurrent editors win; the other gets 409 and nothing is lost', async () => {
    const { resourceVersion } = (await settled()).virtualService ?? { resourceVersion: '' };
    const [a, b] = await Promise.all([
      put(app, { weights: { v1: 70, v2: 20, v3: 10 }, resourceVersion }),
      put(app, { weights: { v1: 70, v2: 10, v3: 20 }, resourceVersion }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const now = stored();
    expect(now.resourceVersion).toBe(winner.body.resourceVersion);
    expect(now.weights).toEqual(winner === a ? [70, 20, 10] : [70, 10, 20]);
    expect(loser.body).toMatchObject({
      type: 'conflict',
      current: { resourceVersion: now.resourceVersion },
    });
    // Re-applying the loser's weights on the version it was shown succeeds.
    const loserWeights = winner === a ? { v1: 70, v2: 10, v3: 20 } : { v1: 70, v2: 20, v3: 10 };
    const again = await put(app, { weights: loserWeights, resourceVersion: now.resourceVersion });
    expect(again.status).toBe(200);
    expect(stored().weights).toEqual(Object.values(loserWeights));
    const stale = await put(app, { weights: { v1: 100, v2: 0, v3: 0 }, resourceVersion });
    expect(stale.status).toBe(409);
    expect(stored().weights).toEqual(Object.values(loserWeights));
  });

  it('applies 50/0/50 and the observed split follows within a minute', async () => {
    const { resourceVersion } = (await settled()).virtualService ?? { resourceVersion: '' };
    const reply = await put(app, { weights: { v1: 50, v2: 0, v3: 50 }, resourceVersion });
    expect(reply.status).toBe(200);
    expect(stored().weights).toEqual([50, 0, 50]);
    // The 1m rate window has to roll over the change; allow two windows.
    const t = await eventually(
      async () => {
        const t = await traffic();
        const { v1 = 0, v2 = 1, v3 = 0 } = t.observed.shares;
        return Math.abs(v1 - 0.5) < 0.1 && v2 < 0.05 && Math.abs(v3 - 0.5) < 0.1 ? t : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 3_000, what: 'observed split near 50/0/50' },
    );
    expect(t.routes[0]?.destinations.map((d) => d.weight)).toEqual([50, 0, 50]);
  });

  it('refuses every write with 403 when READ_ONLY=true and hides nothing else', async () => {
    readOnlyApp = await startApp({
      port: await freePort(),
      env: { ...stack.appEnv, READ_ONLY: 'true' },
      logFile: path.join(stack.dir, 'meshlens-read-only.log'),
    });
    const before = stored();
    const reply = await put(readOnlyApp.url, {
      weights: { v1: 100, v2: 0, v3: 0 },
      resourceVersion: before.resourceVersion,
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({
      type: 'forbidden',
      detail: expect.stringMatching(/read-only/),
    });
    const { status, body } = await getJson(`${readOnlyApp.url}${TRAFFIC}`);
    expect(status).toBe(200);
    expect((body as Traffic).readOnly).toBe(true);
    expect(stored()).toEqual(before);
  });

  it('marks the routing changes of the window: its own writes with who and what, and changes made elsewhere', async () => {
    interface Change {
      at: number;
      resourceVersion: string;
      by?: string;
      summary?: string;
    }
    const changes = async (query: string): Promise<{ seenSince: number; items: Change[] }> => {
      const { status, body } = await getJson(`${app}${TRAFFIC}?${query}`);
      expect(status).toBe(200);
      return (body as { changes: { seenSince: number; items: Change[] } }).changes;
    };
    const mine = (await changes('window=30m')).items.filter((c) => c.by !== undefined);
    // The earlier tests' writes, with whichever of the two concurrent editors won before the 50/0/50.
    expect(mine.map((c) => c.summary)).toContainEqual(
      expect.stringMatching(/^route 0: v1 70→50, v2 (10|20)→0, v3 (10|20)→50$/),
    );

    // Someone else changes the weights with their own client: the watch reports it, without a name.
    const live = stack.kube.store.get('virtualservices', 'bookinfo', 'reviews') as unknown as {
      metadata: { generation: number };
      spec: { http: { route: { weight?: number }[] }[] };
    };
    const [route] = live.spec.http;
    stack.kube.store.replace('virtualservices', {
      ...live,
      metadata: { ...live.metadata, generation: live.metadata.generation + 1 },
      spec: {
        ...live.spec,
        http: [
          {
            ...route,
            route: (route?.route ?? []).map((r, i) => ({ ...r, weight: [40, 20, 40][i] })),
          },
        ],
      },
    } as unknown as Parameters<typeof stack.kube.store.replace>[1]);
    const theirs = stored().resourceVersion;
    const elsewhere = await eventually(
      async () =>
        (await changes('window=30m')).items.find(
          (c) => c.resourceVersion === theirs && c.by === undefined,
        ),
      { what: `the change to version ${theirs} seen by the watch` },
    );
    expect(elsewhere.summary).toBeUndefined();

    // A past moment holds only what happened before it; a window Prometheus cannot answer is refused.
    const end = Math.floor(Date.now() / 1000) - 60;
    const past = await changes(`window=30m&end=${end}`);
    expect(past.items.every((c) => c.at <= end * 1000)).toBe(true);
    expect(past.items.map((c) => c.resourceVersion)).not.toContain(theirs);
    const { status, body } = await getJson(`${app}${TRAFFIC}?window=5s`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ detail: expect.stringMatching(/^window: /) });
    const old = await getJson(
      `${app}${TRAFFIC}?window=5m&end=${Math.floor(Date.now() / 1000) - 2 * 86_400}`,
    );
    expect(old.status).toBe(400);
    expect(JSON.stringify(old.body)).toMatch(/Prometheus keeps 1d of data/);
  });
});
