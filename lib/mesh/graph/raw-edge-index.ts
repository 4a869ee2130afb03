import type { Protocol } from '../types';
import { isKnown } from './node-ids';

type Labels = Readonly<Record<string, string>>;

/**
 * Same raw edge: EDGE_LABELS equal except reporter and request_protocol. Spelled out rather than
 * looped over a list so that property reads stay named (fast) instead of keyed (megamorphic).
 * The two labels the index narrows by are already equal.
 */
function sameEdge(a: Labels, b: Labels): boolean {
  return (
    a['destination_workload'] === b['destination_workload'] &&
    a['destination_version'] === b['destination_version'] &&
    a['source_version'] === b['source_version'] &&
    a['source_workload_namespace'] === b['source_workload_namespace'] &&
    a['destination_service_namespace'] === b['destination_service_namespace'] &&
    a['destination_workload_namespace'] === b['destination_workload_namespace'] &&
    a['source_canonical_service'] === b['source_canonical_service'] &&
    a['source_app'] === b['source_app'] &&
    a['destination_canonical_service'] === b['destination_canonical_service'] &&
    a['destination_app'] === b['destination_app'] &&
    sameCluster(a['source_cluster'], b['source_cluster']) &&
    sameCluster(a['destination_cluster'], b['destination_cluster'])
  );
}

/**
 * Some Istio versions leave one reporter's cluster "unknown" (istio/istio#29373) where the other
 * reporter names it: still the same edge, or picking one reporter would turn into counting both.
 */
function sameCluster(a: string | undefined, b: string | undefined): boolean {
  return a === b || !isKnown(a) || !isKnown(b);
}

interface Entry<T> {
  readonly labels: Labels;
  readonly protocol: Protocol;
  readonly value: T;
}

/**
 * Finds the entry of a raw edge from any sample's labels. Every sample is looked up (an edge's 20
 * duration buckets, two reporters), so instead of joining twelve labels into a string key per sample,
 * which allocated and hashed ~150 characters each time and dominated buildGraph, it narrows by two
 * short labels in nested maps and compares the rest in place. The few edges sharing a callee service
 * and a caller workload (versions, protocols, namespaces) are told apart by the full comparison.
 */
export class RawEdgeIndex<T> {
  private readonly byService = new Map<string | undefined, Map<string | undefined, Entry<T>[]>>();
  /** Every value in the order first seen, as a Map keyed by the joined labels kept them. */
  readonly values: T[] = [];

  /** The value for the sample's raw edge, made by `create` (from these labels) on first sight. */
  getOrCreate(labels: Labels, protocol: Protocol, create: (labels: Labels) => T): T {
    const service = labels['destination_service_name'];
    let byCaller = this.byService.get(service);
    if (byCaller === undefined) {
      byCaller = new Map();
      this.byService.set(service, byCaller);
    }
    const caller = labels['source_workload'];
    let entries = byCaller.get(caller);
    if (entries === undefined) {
      entries = [];
      byCaller.set(caller, entries);
    }
    for (const e of entries)
      if (e.protocol === protocol && sameEdge(e.labels, labels)) return e.value;
    const value = create(labels);
    entries.push({ labels, protocol, value });
    this.values.push(value);
    return value;
  }
}
