import type { Health } from '@/lib/mesh/types';

/** Response shapes of the Meshlens API, as DESIGN.md's contract states them. */
export interface SourceState {
  readonly ok: boolean;
  readonly error?: string;
}

export interface StatusResponse {
  readonly meshName: string;
  readonly sources: {
    readonly prometheus: SourceState & { readonly url: string };
    readonly kubernetes: SourceState & { readonly server: string };
    readonly jaeger: SourceState & { readonly url?: string; readonly configured: boolean };
  };
  readonly readOnly: boolean;
}

export interface NamespaceSummary {
  readonly name: string;
  readonly services: number;
  readonly workloads: number;
  /** Requests per second into the namespace's workloads; null when metrics are unavailable. */
  readonly rps: number | null;
  /** Share of those requests that failed, 0..1; null when metrics are unavailable. */
  readonly errorRate: number | null;
  readonly health: Health;
  /** Degraded or failing workloads, worst first. */
  readonly unhealthy: readonly { readonly name: string; readonly health: Health }[];
  /** Health-threshold annotations that could not be used. */
  readonly problems: readonly {
    readonly object: string;
    readonly value: string;
    readonly message: string;
  }[];
  /** Why rps and errorRate are null, for the card to say so. */
  readonly metricsError?: string;
}
