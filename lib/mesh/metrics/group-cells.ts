/**
 * Accumulation per group and step, shared by the request and TCP breakdowns: samples are added to
 * the cell of their group (the grouping labels' values, and the reporter when both are kept apart)
 * at their timestamp, then read back as one series per group, busiest first.
 */
import type { Series } from '../types';

/**
 * Which proxy's report counts: Kiali's choice, plus the waypoint (ambient mode, where only the
 * waypoint reports L7) and `auto` (the sidecar's report, else the waypoint's: see reporter.ts);
 * `both` keeps each reporter as its own series.
 */
export type ReporterChoice = 'source' | 'destination' | 'waypoint' | 'both' | 'auto';
export type Reporter = 'source' | 'destination' | 'waypoint';

/** One group's series over the window. */
export interface Grouped<P> {
  /** The grouping labels' values joined, e.g. "v2", "bookinfo/productpage-v1", "503"; "all" ungrouped. */
  readonly key: string;
  /** With reporter `both`: whose report this series is. */
  readonly reporter?: Reporter;
  readonly points: readonly P[];
}

function keyOf(labels: Readonly<Record<string, string>>, by: readonly string[]): string {
  if (by.length === 0) return 'all';
  return by
    .map((l) => (labels[l] === undefined || labels[l] === '' ? 'unknown' : labels[l]))
    .join('/');
}

export class GroupCells<A> {
  private readonly cells = new Map<string, Map<number, A>>();

  constructor(
    private readonly labels: readonly string[],
    private readonly reporter: ReporterChoice,
    private readonly empty: () => A,
  ) {}

  /** Calls `add` with the cell of each finite sample of `series`. */
  addSeries(series: readonly Series[], add: (acc: A, v: number, s: Series) => void): void {
    for (const s of series) {
      const id =
        this.reporter === 'both'
          ? `${keyOf(s.labels, this.labels)}\n${s.labels.reporter ?? ''}`
          : keyOf(s.labels, this.labels);
      let byT = this.cells.get(id);
      if (!byT) this.cells.set(id, (byT = new Map()));
      for (const p of s.points) {
        if (!Number.isFinite(p.v)) continue;
        let acc = byT.get(p.t);
        if (!acc) byT.set(p.t, (acc = this.empty()));
        add(acc, p.v, s);
      }
    }
  }

  /**
   * One series per group over `timestamps` (a step with no sample is `point(t, undefined)`), the
   * largest `weight` summed over the window first.
   */
  groups<P>(
    timestamps: readonly number[],
    point: (t: number, acc: A | undefined) => P,
    weight: (p: P) => number,
  ): Grouped<P>[] {
    const groups = [...this.cells].map(([id, byT]) => {
      const [key = 'unknown', who] = id.split('\n');
      const points = timestamps.map((t) => point(t, byT.get(t)));
      const group: Grouped<P> =
        who === 'source' || who === 'destination' || who === 'waypoint'
          ? { key, reporter: who, points }
          : { key, points };
      return { group, total: points.reduce((sum, p) => sum + weight(p), 0) };
    });
    return groups
      .sort((a, b) => b.total - a.total || a.group.key.localeCompare(b.group.key))
      .map((g) => g.group);
  }
}
