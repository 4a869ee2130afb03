import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

interface Counter {
  sent: number;
}

const GLOBAL_KEY = Symbol.for('meshlens.prometheusQueryCount');

// On globalThis because the client that counts is process-wide too (getPrometheusClient): a second
// bundled copy of this module must not count into a store the route never reads.
function storage(): AsyncLocalStorage<Counter> {
  const store = globalThis as { [GLOBAL_KEY]?: AsyncLocalStorage<Counter> };
  store[GLOBAL_KEY] ??= new AsyncLocalStorage<Counter>();
  return store[GLOBAL_KEY];
}

/**
 * Runs `work` and counts the Prometheus queries it sent itself. A query answered from the client's
 * cache, or joined while another request's identical query was in flight, is not sent by this work:
 * the HTTP call runs, and is counted, in the context of whoever started it.
 */
export async function countPrometheusQueries<T>(
  work: () => Promise<T>,
): Promise<{ readonly result: T; readonly queries: number }> {
  const counter: Counter = { sent: 0 };
  const result = await storage().run(counter, work);
  return { result, queries: counter.sent };
}

/** Called by the client just before it sends a query over HTTP. */
export function noteQuerySent(): void {
  const counter = storage().getStore();
  if (counter) counter.sent++;
}
