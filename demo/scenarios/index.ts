import { buildDemoScenario } from './demo.js';
import { buildScaleScenario } from './scale.js';
import type { BuiltScenario } from './topology.js';

export type ScenarioName = BuiltScenario['name'];

export interface ScenarioOptions {
  /** scale only: number of services (1..3000). */
  services?: number;
}

export function buildScenario(
  name: ScenarioName,
  seed: number,
  opts: ScenarioOptions = {},
): BuiltScenario {
  return name === 'scale'
    ? buildScaleScenario(seed, opts.services ?? 500)
    : buildDemoScenario(seed);
}

export type { BuiltScenario } from './topology.js';
