import { describe, expect, it } from 'vitest';
import { adjustClockSkew } from './adjust-clock-skew';
import { criticalPath } from './critical-path';
import { endpointFromName, findHops } from './passes-across';
import { serviceSelfTimes } from './self-time';
import { buildSpanTree, visibleNodes } from './span-tree';
import { rootSpan, summarizeTrace } from './summarize-trace';
import { envoySpan } from './testing';
import type { Span, Trace } from './types';

/** A seeded pseudo-random source, so the generated trace is the same on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const SERVICES = Array.from({ length: 25 }, (_, i) => `svc-${i}`);

/**
 * An Istio-shaped trace of `hops * 2` spans: each hop is a client span in the caller and a server
 * span in the callee, called one after the other from a random earlier server span; some callees'
 * clocks are skewed, and one parent is missing.
 */
function generate(hops: number): Trace {
  const next = rng(7);
  const spans: Span[] = [];
  const servers: Span[] = [];
  const skewOf = new Map(SERVICES.map((s, i) => [s, i % 5 === 0 ? -3_000 : 0]));
  const wl = (svc: string) => ({
    canonical: svc,
    namespace: 'ns',
    pod: `${svc}-v1-5b4c8d9f7-abcde`,
  });
  const root = envoySpan('root', 'server', wl('svc-0'), {
    startUs: 1_000_000,
    durationUs: 10_000_000,
  });
  spans.push(root);
  servers.push(root);
  const cursor = new Map<string, number>([['root', root.startUs]]);
  for (let i = 0; servers.length < hops + 1 && i < hops * 4; i++) {
    const parent = servers[Math.floor(next() * servers.length)]!;
    const at = (cursor.get(parent.spanId) ?? parent.startUs) + 5;
    const parentEnd = parent.startUs + parent.durationUs;
    const room = parentEnd - at - 10;
    if (room < 40) continue;
    const dur = Math.max(20, Math.floor(room * (0.05 + next() * 0.2)));
    cursor.set(parent.spanId, at + dur);
    const callee = SERVICES[Math.floor(next() * SERVICES.length)]!;
    const caller = parent.service.split('.')[0]!;
    const client = envoySpan(`c${i}`, 'client', wl(caller), {
      parentId: parent.spanId,
      startUs: at,
      durationUs: dur,
    });
    const server = envoySpan(`s${i}`, 'server', wl(callee), {
      parentId: client.spanId,
      startUs: at + 2 + (skewOf.get(callee) ?? 0),
      durationUs: dur - 4,
      error: next() < 0.01,
      process: { serviceName: `${callee}.ns`, tags: { ip: `10.0.0.${SERVICES.indexOf(callee)}` } },
    });
    spans.push(client, server);
    servers.push(server);
  }
  const lost = spans.length - 1;
  spans[lost] = { ...spans[lost]!, parentId: 'never-recorded' };
  return { traceId: 'big', spans: spans.sort((a, b) => a.startUs - b.startUs) };
}

describe('a generated 5,000-span trace', () => {
  const big = generate(2_500);

  it('has its 5,000 spans in one tree with one orphan, and stays correct throughout', () => {
    expect(big.spans.length).toBeGreaterThanOrEqual(4_999);
    const t0 = performance.now();
    const { trace: adjusted, adjustments } = adjustClockSkew(big);
    const t1 = performance.now();
    const tree = buildSpanTree(adjusted);
    const t2 = performance.now();
    const path = criticalPath(adjusted);
    const t3 = performance.now();
    const self = serviceSelfTimes(adjusted);
    const t4 = performance.now();
    const hops = findHops(adjusted, endpointFromName('svc-0.ns'), endpointFromName('svc-1.ns'));
    const t5 = performance.now();
    const rows = visibleNodes(tree, new Set([0]));
    const t6 = performance.now();
    console.log(
      `5,000-span trace (${big.spans.length} spans): skew ${(t1 - t0).toFixed(1)} ms, tree ${(t2 - t1).toFixed(1)} ms, ` +
        `critical path ${(t3 - t2).toFixed(1)} ms, self time ${(t4 - t3).toFixed(1)} ms, hops ${(t5 - t4).toFixed(1)} ms, ` +
        `collapse ${(t6 - t5).toFixed(1)} ms`,
    );

    expect(tree.nodes).toHaveLength(big.spans.length);
    expect(new Set(tree.nodes.map((n) => n.index)).size).toBe(big.spans.length);
    expect(tree.orphans.size).toBe(1);
    expect(rows.length).toBe(2); // the collapsed root and the orphan

    // Every skewed server span now sits inside its client span.
    expect(adjustments.length).toBeGreaterThan(0);
    const byId = new Map(adjusted.spans.map((s) => [s.spanId, s]));
    for (const s of adjusted.spans) {
      const p = s.parentId ? byId.get(s.parentId) : undefined;
      if (!p || s.kind !== 'server') continue;
      expect(s.startUs).toBeGreaterThanOrEqual(p.startUs);
      expect(s.startUs + s.durationUs).toBeLessThanOrEqual(p.startUs + p.durationUs);
    }

    // The critical path tiles the root exactly: contiguous sections, newest first.
    const root = rootSpan(adjusted)!;
    expect(root.spanId).toBe('root');
    expect(path[0]?.endUs).toBe(root.startUs + root.durationUs);
    expect(path.at(-1)?.startUs).toBe(root.startUs);
    for (let i = 1; i < path.length; i++) expect(path[i]!.endUs).toBe(path[i - 1]!.startUs);

    const total = self.reduce((sum, s) => sum + s.spanCount, 0);
    expect(total).toBe(big.spans.length);
    expect(hops.every((h) => byId.get(h.fromSpanId)?.service === 'svc-0.ns')).toBe(true);
    expect(summarizeTrace(adjusted)).toMatchObject({
      spanCount: big.spans.length,
      services: expect.any(Array),
    });
  });
});
