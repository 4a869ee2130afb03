import 'server-only';
import type { TracesQuery, TracesResponse, TracingState } from '@/lib/api/traces';
import { windowSeconds } from '@/lib/mesh/types';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { getConfig } from '@/lib/config';
import { getJaegerClient } from '@/lib/jaeger/client';
import { getInformers } from '@/lib/kube/informers';
import { readInventory } from '@/lib/kube/inventory';
import { resolveEndpoint } from '@/lib/mesh/traces/resolve-endpoint';
import { redactTrace } from '@/lib/mesh/traces/redact-trace';
import { selectTraces } from '@/lib/mesh/traces/select-traces';
import type { Trace } from '@/lib/mesh/traces/types';
import type { Inventory } from '@/lib/mesh/types';

/**
 * Jaeger can only search by service (and span tags), not by "a span of B under a span of A", so we
 * fetch more traces than asked and keep those that really cross the edge. The factor is a bet on how
 * many of a service's traces come through one of its callers; it is bounded so that one page view
 * never asks Jaeger for more than MAX_FETCH traces per service.
 */
const FETCH_FACTOR = 5;
const MAX_FETCH = 1000;
/** Kubernetes only sharpens name resolution; traces must not wait long for it. */
const INVENTORY_WAIT_MS = 1_000;

export function tracingState(): TracingState {
  const ui = getConfig().jaegerUiUrl;
  return {
    configured: getJaegerClient() !== undefined,
    ...(ui ? { jaegerUiUrl: ui.replace(/\/+$/, '') } : {}),
  };
}

async function inventoryOrUndefined(): Promise<Inventory | undefined> {
  try {
    const informers = getInformers();
    await informers.ready(INVENTORY_WAIT_MS);
    return readInventory(informers);
  } catch {
    return undefined;
  }
}

/** The traces across `source → target` in `namespace` (or touching one of them) in the window. */
export async function getTraces(
  req: TracesQuery,
  identity: Identity,
  nowMs = Date.now(),
): Promise<TracesResponse> {
  const visible = await visibleOrRefuse(identity, [req.namespace]);
  const client = getJaegerClient();
  if (!client) {
    return {
      traces: [],
      tracing: { configured: false },
      operations: [],
      searched: { services: [], traces: 0 },
    };
  }
  const inventory = await inventoryOrUndefined();
  const source =
    req.source === undefined ? undefined : resolveEndpoint(req.namespace, req.source, inventory);
  const target =
    req.target === undefined ? undefined : resolveEndpoint(req.namespace, req.target, inventory);
  const endUs = (req.end ?? nowMs) * 1000;
  const base = {
    startUs: endUs - windowSeconds(req.window) * 1e6,
    endUs,
    limit: Math.min(req.limit * FETCH_FACTOR, MAX_FETCH),
    ...(req.minDurationMs !== undefined ? { minDurationMs: req.minDurationMs } : {}),
  };
  // Search the callee: every request that reached it left a server span there, and a service has
  // fewer callers than a busy caller has callees, so fewer unrelated traces come back. A request the
  // caller's proxy failed (fault injection, circuit breaking) never reaches the callee, so when
  // errors are asked for, the caller's failing traces are searched too.
  const primary = target ?? source;
  const searches: { service: string; tags?: Record<string, string> }[] = (
    primary?.jaegerServices ?? []
  )
    .slice(0, 3)
    .map((service) => ({ service, ...(req.errorsOnly ? { tags: { error: 'true' } } : {}) }));
  if (req.errorsOnly && source && target)
    for (const service of source.jaegerServices.slice(0, 3))
      searches.push({ service, tags: { error: 'true' } });
  // Ambient callees emit no spans: the waypoint in front of them is where their requests are traced.
  if (source?.isWaypoint === true && target !== undefined && !req.errorsOnly)
    for (const service of source.jaegerServices) searches.push({ service });
  const results = await Promise.all(searches.map((s) => client.searchTraces({ ...base, ...s })));
  // Redacted before selection, so the operations and summaries name no hidden service either.
  const candidates: Trace[] =
    identity.kind === 'anonymous'
      ? results.flat()
      : results.flat().map((t) => redactTrace(t, visible));
  const { traces, operations } = selectTraces(candidates, {
    ...(source ? { source: source.endpoint } : {}),
    ...(target ? { target: target.endpoint } : {}),
    errorsOnly: req.errorsOnly,
    ...(req.minDurationMs !== undefined ? { minDurationMs: req.minDurationMs } : {}),
    ...(req.operation !== undefined ? { operation: req.operation } : {}),
    sort: req.sort,
    limit: req.limit,
  });
  return {
    traces,
    tracing: tracingState(),
    operations,
    searched: { services: [...new Set(searches.map((s) => s.service))], traces: candidates.length },
  };
}
