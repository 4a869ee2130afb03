/** GET /api/status. Declared only here; lib/server/get-status.ts builds it, the shell reads it. */

export interface SourceState {
  readonly ok: boolean;
  readonly error?: string;
}

export interface KubernetesSourceState extends SourceState {
  readonly server: string;
  /** When the informer caches last heard from the API server (ISO 8601), the oldest resource's. */
  readonly syncedAt?: string;
  /** The caches hold data but it may be out of date (API unreachable or watches silent). */
  readonly stale?: boolean;
}

export interface StatusResponse {
  readonly meshName: string;
  readonly sources: {
    readonly prometheus: SourceState & { readonly url: string };
    readonly kubernetes: KubernetesSourceState;
    readonly jaeger: SourceState & { readonly url?: string; readonly configured: boolean };
  };
  readonly readOnly: boolean;
}
