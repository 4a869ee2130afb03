import type { SimSpan, SimTrace } from './trace-types.js';

export interface TraceQuery {
  service: string;
  operation?: string;
  tags?: Readonly<Record<string, string>>;
  startMinUs?: number;
  startMaxUs?: number;
  durationMinUs?: number;
  durationMaxUs?: number;
  limit: number;
}

export interface DependencyLink {
  parent: string;
  child: string;
  callCount: number;
}

/** A bounded ring of traces (oldest evicted first), indexed by ID, with Jaeger's query semantics. */
export class TraceStore {
  private readonly ring: (SimTrace | undefined)[];
  private next = 0;
  private readonly byId = new Map<string, SimTrace>();
  private readonly operations = new Map<string, Map<string, SimSpan['kind']>>();

  constructor(readonly capacity: number) {
    this.ring = new Array<SimTrace | undefined>(Math.max(1, capacity));
  }

  add(trace: SimTrace): void {
    const evicted = this.ring[this.next];
    if (evicted) this.byId.delete(evicted.traceId);
    this.ring[this.next] = trace;
    this.next = (this.next + 1) % this.ring.length;
    this.byId.set(trace.traceId, trace);
    for (const s of trace.spans) {
      let ops = this.operations.get(s.service);
      if (!ops) this.operations.set(s.service, (ops = new Map()));
      ops.set(s.operation, s.kind);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(traceId: string): SimTrace | undefined {
    return this.byId.get(normalizeTraceId(traceId));
  }

  services(): string[] {
    return [...this.operations.keys()].sort();
  }

  operationsOf(service: string, spanKind?: string): { name: string; spanKind: string }[] {
    const ops = this.operations.get(service);
    if (!ops) return [];
    return [...ops]
      .filter(([, kind]) => !spanKind || kind === spanKind)
      .map(([name, kind]) => ({ name, spanKind: kind }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Newest first. A trace matches when one of its spans meets every condition (as Jaeger does). */
  find(q: TraceQuery): SimTrace[] {
    const out: SimTrace[] = [];
    for (const t of this.newestFirst()) {
      if (out.length >= q.limit) break;
      if (t.spans.some((s) => spanMatches(s, q))) out.push(t);
    }
    return out;
  }

  /** Service-to-service call counts from client→server span pairs of traces started in the window. */
  dependencies(endUs: number, lookbackUs: number): DependencyLink[] {
    const counts = new Map<string, number>();
    for (const t of this.newestFirst()) {
      if (t.startUs > endUs || t.startUs < endUs - lookbackUs) continue;
      const byId = new Map(t.spans.map((s) => [s.spanId, s]));
      for (const s of t.spans) {
        const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
        if (!parent || parent.service === s.service) continue;
        const key = `${parent.service}\u0000${s.service}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return [...counts].map(([key, callCount]) => {
      const [parent = '', child = ''] = key.split('\u0000');
      return { parent, child, callCount };
    });
  }

  private *newestFirst(): Iterable<SimTrace> {
    const n = this.ring.length;
    for (let i = 1; i <= n; i++) {
      const t = this.ring[(this.next - i + n) % n];
      if (t) yield t;
    }
  }
}

function spanMatches(s: SimSpan, q: TraceQuery): boolean {
  if (s.service !== q.service) return false;
  if (q.operation && s.operation !== q.operation) return false;
  if (q.startMinUs !== undefined && s.startUs < q.startMinUs) return false;
  if (q.startMaxUs !== undefined && s.startUs > q.startMaxUs) return false;
  if (q.durationMinUs !== undefined && s.durationUs < q.durationMinUs) return false;
  if (q.durationMaxUs !== undefined && s.durationUs > q.durationMaxUs) return false;
  for (const [k, v] of Object.entries(q.tags ?? {})) {
    const actual = k === 'error' ? String(s.error) : k === 'span.kind' ? s.kind : s.tags[k];
    if (actual !== v) return false;
  }
  return true;
}

/** Jaeger accepts IDs with or without leading zeros; ours are always 32 hex digits. */
function normalizeTraceId(id: string): string {
  return id.toLowerCase().padStart(32, '0');
}
