import {
  startStack,
  type ProcessStack,
  type Stack,
  type StackOptions,
} from '../scripts/stack/index';

const TEST_DEFAULTS = { scrapeIntervalSeconds: 1, historyMinutes: 10, log: () => {} };

/** Starts the demo stack for one test file; `afterAll(stack.stop)` ends it. */
export function startTestStack(opts: StackOptions = {}): Promise<Stack> {
  return startStack({ ...TEST_DEFAULTS, ...opts });
}

/** {@link startTestStack} with the simulator in a child process, for tests that signal it. */
export function startTestStackWithSimulatorProcess(opts: StackOptions = {}): Promise<ProcessStack> {
  return startStack({ ...TEST_DEFAULTS, ...opts, simulatorProcess: true });
}

/** Polls `probe` until it returns a value, a bounded number of times. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 1_000, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(
    `${what} not met within ${timeoutMs / 1000} s${lastError ? `: ${String(lastError)}` : ''}`,
  );
}

export async function getJson(
  url: string,
): Promise<{ status: number; type: string; body: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: await res.json(),
  };
}

export async function promQuery(
  prometheusUrl: string,
  query: string,
): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const url = `${prometheusUrl}/api/v1/query?query=${encodeURIComponent(query)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as {
    status: string;
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  if (body.status !== 'success') throw new Error(`Prometheus: ${JSON.stringify(body)}`);
  return body.data.result;
}
