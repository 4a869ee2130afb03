import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessStack } from '../scripts/stack/index';
import { eventually, getJson, startTestStackWithSimulatorProcess } from './harness';

interface KubernetesStatus {
  ok: boolean;
  error?: string;
  syncedAt?: string;
  stale?: boolean;
}

interface Traffic {
  virtualService: { name: string; resourceVersion: string } | null;
  routes: { destinations: { subset?: string; weight: number }[] }[];
}

const TIMEOUT_MS = 2_000;
/** Next's own work and the loopback round trips on top of the Kubernetes call's bound. */
const MARGIN_MS = 1_500;
const TRAFFIC = '/api/traffic/bookinfo/reviews';

let stack: ProcessStack | undefined;
let app = '';
let paused = false;

beforeAll(async () => {
  stack = await startTestStackWithSimulatorProcess({
    app: true,
    appEnv: { KUBE_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  if (paused) stack?.simulatorProcess.process.kill('SIGCONT');
  await stack?.stop();
});

async function kubernetes(): Promise<KubernetesStatus> {
  const { status, body } = await getJson(`${app}/api/status`);
  expect(status).toBe(200);
  return (body as { sources: { kubernetes: KubernetesStatus } }).sources.kubernetes;
}

async function traffic(): Promise<Traffic> {
  const { status, body } = await getJson(`${app}${TRAFFIC}`);
  expect(status).toBe(200);
  return body as Traffic;
}

function signal(sig: 'SIGSTOP' | 'SIGCONT'): void {
  stack?.simulatorProcess.process.kill(sig);
  paused = sig === 'SIGSTOP';
}

describe('a Kubernetes API that hangs', () => {
  it('gets a bounded 504 for a write, is reported unreachable, and recovers', async () => {
    await eventually(async () => ((await kubernetes()).ok ? true : undefined), {
      what: 'Kubernetes reported up',
    });
    const before = await eventually(
      async () => {
        const t = await traffic();
        return t.virtualService ? t : undefined;
      },
      { what: 'the reviews VirtualService in the cache' },
    );
    const subsets = (before.routes[0]?.destinations ?? []).map((d) => d.subset ?? '');
    expect(subsets.length).toBeGreaterThan(1);
    const weights = Object.fromEntries(subsets.map((s, i) => [s, i === 0 ? 100 : 0]));

    signal('SIGSTOP');
    const started = Date.now();
    const res = await fetch(`${app}${TRAFFIC}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-meshlens-csrf': '1' },
      body: JSON.stringify({
        weights,
        resourceVersion: before.virtualService?.resourceVersion,
      }),
      signal: AbortSignal.timeout(20_000),
    });
    const elapsed = Date.now() - started;
    const problem = (await res.json()) as { type: string; detail: string; source: string };
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(problem).toMatchObject({ type: 'upstream-timeout', source: 'kubernetes' });
    expect(problem.detail).toContain('The Kubernetes API did not answer within 2 s');
    expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);

    const down = await kubernetes();
    expect(down).toMatchObject({ ok: false, stale: true, syncedAt: expect.any(String) });
    expect(down.error).toContain('did not answer within 2 s');

    signal('SIGCONT');
    await eventually(async () => ((await kubernetes()).ok ? true : undefined), {
      timeoutMs: 30_000,
      what: 'Kubernetes reported up again',
    });
    const after = await traffic();
    expect(after.virtualService?.resourceVersion).toBe(before.virtualService?.resourceVersion);
    expect(after.routes).toEqual(before.routes);

    const audit = fs
      .readFileSync(path.join(stack?.dir ?? '', 'meshlens.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"event":"meshlens.audit"'));
    expect(audit.map((l) => JSON.parse(l) as { result: string }).map((e) => e.result)).toEqual([
      'timeout',
    ]);
  });
});
