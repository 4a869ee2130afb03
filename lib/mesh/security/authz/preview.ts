/**
 * What a new or edited AuthorizationPolicy would change on the traffic flowing now: every observed
 * call into a workload the policy applies to (before or after the edit, so a narrowed selector
 * counts too) evaluated against the policies as they are and as they would be.
 */
import type { Inventory, IstioObject } from '@/lib/mesh/types';
import type { AuthzVerdict, ObservedCall } from '@/lib/mesh/security/types';
import { DEFAULT_ROOT_NAMESPACE, policiesFor } from './applies';
import { targetOf } from './edge-verdicts';
import { evaluateCall } from './evaluate';

/** lib/api/security.ts re-exports these as the preview's response. */
export interface AuthorizationChange {
  readonly source: string;
  readonly sourceNamespace: string;
  readonly target: string;
  readonly targetNamespace: string;
  readonly rps: number;
  readonly before: AuthzVerdict;
  readonly after: AuthzVerdict;
  readonly dependsOn?: readonly string[];
}

export interface AuthorizationPreview {
  /** Only edges whose verdict changes, largest rate first. */
  readonly changes: readonly AuthorizationChange[];
  /** Observed edges into the policy's workloads whose verdict stays the same. */
  readonly unchanged: number;
}

const sameObject = (a: IstioObject, b: IstioObject): boolean =>
  a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;

export function previewAuthorization(
  calls: readonly ObservedCall[],
  policiesBefore: readonly IstioObject[],
  changed: IstioObject,
  inventory: Inventory,
  rootNamespace: string = DEFAULT_ROOT_NAMESPACE,
): AuthorizationPreview {
  const previous = policiesBefore.find((p) => sameObject(p, changed));
  const after = [...policiesBefore.filter((p) => !sameObject(p, changed)), changed];
  const touches = (policy: IstioObject | undefined, target: ReturnType<typeof targetOf>) =>
    policy !== undefined && policiesFor(target, [policy], rootNamespace).length > 0;

  const changes: { change: AuthorizationChange; bytes: number }[] = [];
  let unchanged = 0;
  for (const call of calls) {
    const target = targetOf(call, inventory);
    if (!touches(changed, target) && !touches(previous, target)) continue;
    const was = evaluateCall(call, policiesFor(target, policiesBefore, rootNamespace));
    const will = evaluateCall(call, policiesFor(target, after, rootNamespace));
    const dependsOn = will.dependsOn ?? was.dependsOn;
    if (was.verdict === will.verdict) {
      unchanged++;
      continue;
    }
    changes.push({
      change: {
        source: call.source,
        sourceNamespace: call.sourceNamespace,
        target: call.target,
        targetNamespace: call.targetNamespace,
        rps: call.rps,
        before: was.verdict,
        after: will.verdict,
        ...(dependsOn && { dependsOn }),
      },
      bytes: call.bytesPerSecond,
    });
  }
  // TCP-only callers have no request rate: their bytes order them among themselves.
  changes.sort((a, b) => b.change.rps - a.change.rps || b.bytes - a.bytes);
  return { changes: changes.map((c) => c.change), unchanged };
}
