import type { ConfigSource } from '../kube/types.js';
import type { CallSpec, Topology } from '../scenarios/topology.js';
import { workloadKey } from '../scenarios/topology.js';
import { compileMesh, type CompiledMesh } from './mesh.js';
import { peerAuthMode, type MtlsMode } from './mtls.js';
import { resolveCall, type ResolvedFlow } from './routing.js';
import type { WorkloadInfo } from './workloads.js';

/** 'outside' for clients outside the mesh, else "namespace/workload". */
export type CallerKey = string;
export const OUTSIDE = 'outside';

export interface IndexedCall {
  index: number;
  call: CallSpec;
  callerKey: CallerKey;
}

/**
 * The mesh as of one config revision, with memoised routing: flows per (call, request class) and
 * the PeerAuthentication mode per workload. Child calls are ordered so that every workload's
 * inbound requests are known before its own outbound calls are generated.
 */
export class MeshView {
  private readonly flowCache = new Map<string, ResolvedFlow[]>();
  private readonly mtlsCache = new Map<string, MtlsMode>();
  readonly rootCalls: IndexedCall[] = [];
  readonly childCallsByCaller = new Map<CallerKey, IndexedCall[]>();
  readonly workloadOrder: CallerKey[];

  constructor(
    readonly mesh: CompiledMesh,
    readonly topology: Topology,
  ) {
    topology.calls.forEach((call, index) => {
      const callerKey = call.from === 'outside' ? OUTSIDE : workloadKey(call.from);
      const indexed = { index, call, callerKey };
      if (call.rps !== undefined) this.rootCalls.push(indexed);
      else
        this.childCallsByCaller.set(callerKey, [
          ...(this.childCallsByCaller.get(callerKey) ?? []),
          indexed,
        ]);
    });
    this.workloadOrder = this.topologicalOrder();
  }

  caller(key: CallerKey): WorkloadInfo | null {
    return key === OUTSIDE ? null : (this.mesh.workloads.get(key) ?? null);
  }

  flows(c: IndexedCall, classId: number): ResolvedFlow[] {
    const cacheKey = `${c.index}#${classId}`;
    let flows = this.flowCache.get(cacheKey);
    if (!flows) {
      const caller = this.caller(c.callerKey);
      const headers = this.topology.requestClasses[classId]?.headers ?? {};
      flows =
        c.callerKey !== OUTSIDE && !caller ? [] : resolveCall(this.mesh, caller, c.call, headers);
      this.flowCache.set(cacheKey, flows);
    }
    return flows;
  }

  mtlsMode(w: WorkloadInfo): MtlsMode {
    let mode = this.mtlsCache.get(w.key);
    if (!mode) {
      mode = peerAuthMode(this.mesh, w);
      this.mtlsCache.set(w.key, mode);
    }
    return mode;
  }

  /** Kahn's algorithm over caller → destination-workload edges; a cycle's members go last. */
  private topologicalOrder(): CallerKey[] {
    const edges = new Map<CallerKey, Set<CallerKey>>();
    const indegree = new Map<CallerKey, number>();
    for (const key of this.mesh.workloads.keys()) indegree.set(key, 0);
    for (const [callerKey, calls] of this.childCallsByCaller) {
      const targets = new Set<CallerKey>();
      for (const c of calls) {
        for (let classId = 0; classId < this.topology.requestClasses.length; classId++) {
          for (const f of this.flows(c, classId))
            for (const ep of f.endpoints) targets.add(ep.workload.key);
        }
      }
      targets.delete(callerKey);
      edges.set(callerKey, targets);
      for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
    }
    const queue = [...indegree].filter(([, d]) => d === 0).map(([k]) => k);
    const order: CallerKey[] = [];
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i] as CallerKey;
      order.push(key);
      for (const t of edges.get(key) ?? []) {
        const d = (indegree.get(t) ?? 0) - 1;
        indegree.set(t, d);
        if (d === 0) queue.push(t);
      }
    }
    const seen = new Set(order);
    for (const key of indegree.keys()) if (!seen.has(key)) order.push(key);
    return order;
  }
}

/** Caches the view for the current revision; edits through the API show up on the next tick. */
export class MeshViewSource {
  private view: MeshView | null = null;

  constructor(
    private readonly config: ConfigSource,
    private readonly topology: Topology,
  ) {}

  current(): MeshView {
    const revision = this.config.revision();
    if (!this.view || this.view.mesh.revision !== revision) {
      this.view = new MeshView(compileMesh(this.config), this.topology);
    }
    return this.view;
  }
}
