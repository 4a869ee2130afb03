/** Reading a V8 CPU profile (CDP `Profiler.stop`) as "where did the milliseconds go". */

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: CallFrame;
    readonly children?: readonly number[];
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FrameCost {
  readonly frame: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

function frameKey(f: CallFrame): string {
  const file = f.url.split('/').pop() ?? '';
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
}

/**
 * Self and inclusive time per function, heaviest inclusive first. A recursive function counts once
 * per sample in its inclusive time.
 */
export function costsByFrame(profile: CpuProfile): FrameCost[] {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (leaf === undefined) return;
    const leafKey = frameKey(leaf.callFrame);
    self.set(leafKey, (self.get(leafKey) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined) break;
      const key = frameKey(node.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return [...total]
    .map(([frame, totalMs]) => ({ frame, totalMs, selfMs: self.get(frame) ?? 0 }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

export function formatCosts(costs: readonly FrameCost[], limit: number): string {
  return costs
    .slice(0, limit)
    .map(
      (c) => `${c.totalMs.toFixed(0).padStart(6)} ${c.selfMs.toFixed(0).padStart(6)}  ${c.frame}`,
    )
    .join('\n');
}
