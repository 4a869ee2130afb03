import type { Span, SpanKind, Trace } from './types';

/** Test data: a span with defaults, and an Istio-style hop (caller's client span → callee's server span). */
export function span(
  spanId: string,
  fields: Partial<Omit<Span, 'spanId'>> & { service?: string } = {},
): Span {
  const service = fields.service ?? 'svc.ns';
  return {
    traceId: 't1',
    spanId,
    service,
    operation: fields.operation ?? `op-${spanId}`,
    startUs: 0,
    durationUs: 10,
    tags: {},
    logs: [],
    error: false,
    process: { serviceName: service, tags: {} },
    kind: 'unspecified',
    ...fields,
  };
}

export function trace(spans: readonly Span[]): Trace {
  return { traceId: 't1', spans: [...spans].sort((a, b) => a.startUs - b.startUs) };
}

/** A span made by an Istio sidecar: process "<canonical>.<ns>", node_id naming the pod. */
export function envoySpan(
  spanId: string,
  kind: Extract<SpanKind, 'client' | 'server'>,
  workload: { canonical: string; namespace: string; pod: string },
  fields: Partial<Span> = {},
): Span {
  const service = `${workload.canonical}.${workload.namespace}`;
  return span(spanId, {
    service,
    kind,
    process: { serviceName: service, tags: {} },
    ...fields,
    tags: {
      node_id: `sidecar~10.0.0.1~${workload.pod}.${workload.namespace}~${workload.namespace}.svc.cluster.local`,
      'istio.canonical_service': workload.canonical,
      'istio.namespace': workload.namespace,
      component: 'proxy',
      ...fields.tags,
    },
  });
}
