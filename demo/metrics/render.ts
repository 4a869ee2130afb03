import type { ModelState } from '../model/state.js';
import type { MetricsShape } from '../scenarios/topology.js';
import { LE_VALUES, istioFamilies } from './families.js';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4';

/**
 * The Prometheus text exposition of the istio_* metrics as an Envoy sidecar's /stats/prometheus
 * writes it: a `# TYPE` line per family, no `# HELP`, a blank line after each family. Families with
 * no series are left out, as Envoy does.
 */
export function renderMetrics(state: ModelState, shape?: MetricsShape): string {
  const out: string[] = [];
  for (const family of istioFamilies(shape)) {
    const start = out.length;
    if (family.kind === 'counter') {
      for (const { labels, value } of family.series(state))
        out.push(`${family.name}{${labels}} ${value}\n`);
    } else {
      for (const { labels, histogram } of family.series(state)) {
        let cumulative = 0;
        const prefix = `${family.name}_bucket{${labels},le="`;
        for (let i = 0; i < LE_VALUES.length; i++) {
          cumulative += histogram.counts[i] ?? 0;
          out.push(`${prefix}${LE_VALUES[i]}"} ${cumulative}\n`);
        }
        out.push(
          `${family.name}_sum{${labels}} ${roundSum(histogram.sum)}\n`,
          `${family.name}_count{${labels}} ${cumulative}\n`,
        );
      }
    }
    if (out.length > start) {
      out.splice(start, 0, `# TYPE ${family.name} ${family.kind}\n`);
      out.push('\n');
    }
  }
  return out.join('');
}

/** Sums are kept in floating point; a few decimals are all a rate() of them needs. */
export function roundSum(sum: number): number {
  return Math.round(sum * 1000) / 1000;
}
