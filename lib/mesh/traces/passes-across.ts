import type { Span, Trace } from './types';

/** One side of a graph edge, as trace spans can be matched to it. */
export interface Endpoint {
  /** Unset: any namespace. */
  readonly namespace?: string;
  /** Istio canonical service names (`istio.canonical_service`; Jaeger service "<name>.<namespace>"). */
  readonly services: readonly string[];
  /** Workload (Deployment, StatefulSet…) names, matched through the pod name in Envoy's node_id. */
  readonly workloads: readonly string[];
}

/** A hop of a request from one endpoint to the other: the caller's span and the callee's. */
export interface Hop {
  readonly fromSpanId: string;
  /** Unset when the request never reached the callee (fault injection, circuit breaker, no route). */
  readonly toSpanId?: string;
}

/**
 * "reviews.bookinfo" is an Istio service name (canonical service "reviews" in namespace "bookinfo");
 * a bare name may be a canonical service or a workload in any namespace.
 */
export function endpointFromName(name: string): Endpoint {
  const dot = name.lastIndexOf('.');
  if (dot > 0)
    return { namespace: name.slice(dot + 1), services: [name.slice(0, dot)], workloads: [] };
  return { services: [name], workloads: [name] };
}

/** Envoy's node_id: "sidecar~10.244.0.14~reviews-v2-5b4c8d9f7-x9k2p.bookinfo~bookinfo.svc.cluster.local". */
function podOf(span: Span): { pod: string; namespace: string } | undefined {
  const nodeId = span.tags.node_id;
  if (typeof nodeId !== 'string') return undefined;
  const podNs = nodeId.split('~')[2];
  const dot = podNs?.lastIndexOf('.') ?? -1;
  if (!podNs || dot <= 0) return undefined;
  return { pod: podNs.slice(0, dot), namespace: podNs.slice(dot + 1) };
}

// Pod name suffixes of a workload: Deployment "-<template hash>-<5>", DaemonSet/ReplicaSet "-<5>",
// StatefulSet "-<ordinal>".
const POD_SUFFIX = /^(?:[a-z0-9]{5,10}-)?[a-z0-9]{5}$|^\d+$/;

function stringTag(span: Span, key: string): string | undefined {
  const v = span.tags[key];
  return typeof v === 'string' ? v : undefined;
}

/** The namespace a span's proxy lives in, from Istio's tags, else from node_id or "<svc>.<ns>". */
export function namespaceOf(span: Span): string | undefined {
  const dot = span.service.lastIndexOf('.');
  return (
    stringTag(span, 'istio.namespace') ??
    podOf(span)?.namespace ??
    (dot > 0 ? span.service.slice(dot + 1) : undefined)
  );
}

function spanIn(span: Span, ep: Endpoint): boolean {
  const ns = namespaceOf(span);
  if (ep.namespace !== undefined && ns !== undefined && ns !== ep.namespace) return false;
  const canonical = stringTag(span, 'istio.canonical_service');
  for (const svc of ep.services) {
    if (canonical === svc) return true;
    if (span.service === svc) return true;
    if (ns !== undefined && span.service === `${svc}.${ns}`) return true;
  }
  if (ep.workloads.length > 0) {
    const pod = podOf(span)?.pod;
    if (pod) {
      for (const w of ep.workloads)
        if (pod.startsWith(`${w}-`) && POD_SUFFIX.test(pod.slice(w.length + 1))) return true;
    }
  }
  return false;
}

/** "outbound|9080|v1|reviews.bookinfo.svc.cluster.local" → the called service and namespace. */
function outboundService(span: Span): { service: string; namespace: string } | undefined {
  const cluster = stringTag(span, 'upstream_cluster');
  const host = cluster?.startsWith('outbound|') ? cluster.split('|')[3] : undefined;
  const [service, namespace, svc] = host?.split('.') ?? [];
  return service && namespace && svc === 'svc' ? { service, namespace } : undefined;
}

/**
 * Every hop from `source` to `target` in the trace: a span of the target whose parent is a span of
 * the source (with Istio, the caller sidecar's client span and the callee sidecar's server span), and
 * a source client span addressed to the target service that has no child because the request never
 * got there. When source and target are the same, only client→server pairs count, so a service's
 * own internal spans are not taken for calls to itself.
 */
export function findHops(trace: Trace, source: Endpoint, target: Endpoint): Hop[] {
  const byId = new Map<string, Span>();
  for (const s of trace.spans) if (!byId.has(s.spanId)) byId.set(s.spanId, s);
  const hasChild = new Set<string>();
  const hops: Hop[] = [];
  for (const s of trace.spans) {
    if (s.parentId === undefined) continue;
    hasChild.add(s.parentId);
    const parent = byId.get(s.parentId);
    if (!parent || !spanIn(parent, source) || !spanIn(s, target)) continue;
    if (spanIn(s, source) && !(parent.kind === 'client' && s.kind === 'server')) continue;
    hops.push({ fromSpanId: parent.spanId, toSpanId: s.spanId });
  }
  for (const s of trace.spans) {
    if (s.kind !== 'client' || hasChild.has(s.spanId) || !spanIn(s, source)) continue;
    const called = outboundService(s);
    if (!called || (target.namespace !== undefined && called.namespace !== target.namespace))
      continue;
    if (target.services.includes(called.service)) hops.push({ fromSpanId: s.spanId });
  }
  return hops;
}

/** Does this trace contain a call from `source` to `target`? Names as in `endpointFromName`. */
export function passesAcross(
  trace: Trace,
  source: string | Endpoint,
  target: string | Endpoint,
): boolean {
  const src = typeof source === 'string' ? endpointFromName(source) : source;
  const tgt = typeof target === 'string' ? endpointFromName(target) : target;
  return findHops(trace, src, tgt).length > 0;
}

/** Spans a node alone touches: those of the endpoint. */
export function touches(trace: Trace, ep: Endpoint): boolean {
  return trace.spans.some((s) => spanIn(s, ep));
}
