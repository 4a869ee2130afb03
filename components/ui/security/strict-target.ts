import type {
  NamespaceSecurity,
  PeerMode,
  PostureSource,
  StrictReadiness,
  WorkloadSecurity,
} from '@/lib/api/security';

/** What "Require STRICT" acts on: a whole namespace, or one workload in it. */
export interface StrictTarget {
  readonly namespace: string;
  /** Absent: the namespace-wide policy. */
  readonly workload?: string;
  /** matchLabels naming the workload's pods; required with `workload`. */
  readonly selector?: Readonly<Record<string, string>>;
  readonly mode: PeerMode;
  readonly source: PostureSource | null;
  readonly readiness: StrictReadiness;
  /** The window the plaintext callers were observed in. */
  readonly window: string;
  /** Namespace-wide: workloads whose own policy keeps another mode. */
  readonly workloadOverrides?: number;
}

/** "shop" or "workload payments in shop", as the plan and the results say it. */
export function targetText(target: StrictTarget): string {
  return target.workload === undefined
    ? `namespace ${target.namespace}`
    : `workload ${target.workload} in ${target.namespace}`;
}

/**
 * The PeerAuthentication that already decides the target's mode, when the posture names one: the
 * namespace-wide policy of the namespace, or the workload's own (selector or port-level) policy.
 */
export function decidingPolicy(target: StrictTarget): string | undefined {
  const s = target.source;
  if (s?.kind !== 'PeerAuthentication' || s.namespace !== target.namespace) return undefined;
  const scopes = target.workload === undefined ? ['namespace'] : ['workload', 'port'];
  return scopes.includes(s.scope) ? s.name : undefined;
}

/** The name a new policy takes: Istio's convention `default` namespace-wide, the workload's own. */
export function newPolicyName(target: StrictTarget): string {
  return target.workload ?? 'default';
}

/** A selector from the workload's labels: its pod labels when known, else app and version. */
export function workloadSelector(
  podLabels: Readonly<Record<string, string>> | undefined,
  app: string | undefined,
  version: string | undefined,
): Readonly<Record<string, string>> | undefined {
  if (podLabels && Object.keys(podLabels).length > 0) return podLabels;
  if (app === undefined) return undefined;
  return { app, ...(version !== undefined && { version }) };
}

/** The namespace-wide target of an overview card. */
export function namespaceTarget(ns: NamespaceSecurity, window: string): StrictTarget {
  return {
    namespace: ns.name,
    mode: ns.mode,
    source: ns.modeSource,
    readiness: ns.strictReadiness,
    window,
    workloadOverrides: ns.workloadOverrides,
  };
}

/** One workload's target; without a selector the action says why it cannot write. */
export function workloadTarget(
  w: WorkloadSecurity,
  selector: Readonly<Record<string, string>> | undefined,
  window: string,
): StrictTarget {
  return {
    namespace: w.namespace,
    workload: w.name,
    ...(selector && { selector }),
    mode: w.mode,
    source: w.modeSource,
    readiness: w.strictReadiness,
    window,
  };
}
