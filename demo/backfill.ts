import { writeBackfill } from './metrics/openmetrics.js';
import type { ModelState } from './model/state.js';
import type { BuiltScenario } from './scenarios/topology.js';

export interface BackfillRequest {
  scenario: BuiltScenario;
  seed: number;
  hours: number;
  stepSeconds: number;
  outFile: string;
  /** End of the history; default now, floored to the step. */
  endMs?: number;
  /** Added to every series; default the demo Prometheus's job and instance (scripts/stack/prometheus.ts). */
  extraLabels?: Readonly<Record<string, string>>;
  /**
   * Byte histograms triple the file (1 h at 10 s is ~840 MB with them, ~16 s of startup with
   * promtool); off by default, so their rate() starts with the live scrapes.
   */
  byteHistograms?: boolean;
}

/**
 * Writes `hours` of Istio metrics history as OpenMetrics for promtool, and returns the model state
 * at its end: pass it as startSimulator's startState so live counters continue the history.
 */
export function backfill(req: BackfillRequest): { endMs: number; state: ModelState } {
  const stepMs = Math.max(1, Math.round(req.stepSeconds * 1000));
  const endMs = req.endMs ?? Math.floor(Date.now() / stepMs) * stepMs;
  const fromMs = endMs - Math.round((req.hours * 3_600_000) / stepMs) * stepMs;
  const state = writeBackfill(req.scenario, req.seed, fromMs, endMs, stepMs, req.outFile, {
    extraLabels: req.extraLabels ?? { job: 'mesh', instance: 'simulator' },
    byteHistograms: req.byteHistograms ?? false,
  });
  return { endMs, state };
}
