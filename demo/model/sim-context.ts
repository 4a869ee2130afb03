import type { Topology } from '../scenarios/topology.js';
import type { Rng } from './random.js';
import type { ModelState } from './state.js';
import type { MeshView } from './view.js';

/** What one advance step shares with the per-request simulation. */
export interface SimContext {
  state: ModelState;
  rng: Rng;
  view: MeshView;
  behaviours: Topology['behaviours'];
  /** End of the step being simulated; ejections are timed from here. */
  nowMs: number;
  /** Counts a request that reached a workload's application (it will make its own calls). */
  arrive(workloadKey: string, classId: number): void;
}
