import type { TrafficModel } from '../model/advance.js';
import { Rng, hashString } from '../model/random.js';
import type { IndexedCall } from '../model/view.js';
import { sampleTrace } from './sample-trace.js';
import type { TraceStore } from './store.js';
import type { SimTrace } from './trace-types.js';

/**
 * Samples traces from the traffic model's routing at Topology.tracesPerSecond per traced root call
 * (calls from outside the mesh start no trace: the gateway's client span is the root, as in Istio).
 */
export class Tracer {
  private readonly rng: Rng;

  constructor(
    private readonly model: TrafficModel,
    readonly store: TraceStore,
  ) {
    this.rng = new Rng(hashString('traces', model.seed));
  }

  /** Traces for requests started in [fromMs, toMs), at the configured sampling rate. */
  generate(fromMs: number, toMs: number): void {
    this.emit(fromMs, toMs, this.model.topology.tracesPerSecond);
  }

  /** About `count` traces spread over a past interval, so the traces view has data at once. */
  seedHistory(fromMs: number, toMs: number, count: number): void {
    const roots = this.tracedRoots().length;
    const seconds = (toMs - fromMs) / 1000;
    if (roots > 0 && seconds > 0) this.emit(fromMs, toMs, count / roots / seconds);
  }

  private tracedRoots(): IndexedCall[] {
    return this.model.views
      .current()
      .rootCalls.filter((c) => c.callerKey !== 'outside' && c.call.protocol !== 'tcp');
  }

  private emit(fromMs: number, toMs: number, perSecond: number): void {
    const view = this.model.views.current();
    const seconds = (toMs - fromMs) / 1000;
    if (seconds <= 0) return;
    const batch: SimTrace[] = [];
    for (const root of this.tracedRoots()) {
      const n = this.rng.round(perSecond * seconds);
      for (let i = 0; i < n; i++) {
        const startMs = fromMs + this.rng.next() * (toMs - fromMs);
        const trace = sampleTrace(
          view,
          this.model.topology.behaviours,
          root,
          this.pickClass(root),
          startMs,
          this.rng,
        );
        if (trace) batch.push(trace);
      }
    }
    batch.sort((a, b) => a.startUs - b.startUs);
    for (const t of batch) this.store.add(t);
  }

  private pickClass(root: IndexedCall): number {
    const shares = root.call.classShares;
    if (!shares) return 0;
    let r = this.rng.next();
    for (let i = 0; i < shares.length; i++) {
      r -= shares[i] ?? 0;
      if (r < 0) return i;
    }
    return 0;
  }
}
