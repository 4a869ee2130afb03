/**
 * Who would break if a workload went STRICT: the callers its proxy saw sending plaintext in the
 * window. Only the destination reporter knows what it accepted (connection_security_policy none or
 * mutual_tls); a call it could not classify counts as plaintext when the caller cannot send mTLS (no
 * sidecar, or unknown to the mesh).
 */
import { isKnown } from '@/lib/mesh/graph/node-ids';
import type { Inventory } from '@/lib/mesh/types';
import type { ObservedCall } from '../types';
import type { PlaintextCaller, StrictReadiness } from './types';

function callerHasSidecar(call: ObservedCall, inventory: Inventory): boolean | undefined {
  if (!isKnown(call.source)) return undefined;
  return inventory.workloads.find(
    (w) => w.namespace === call.sourceNamespace && w.name === call.source,
  )?.hasSidecar;
}

function plaintextReason(call: ObservedCall, inventory: Inventory): string | undefined {
  const sidecar = callerHasSidecar(call, inventory);
  const who =
    sidecar === undefined
      ? 'source unknown to the mesh'
      : sidecar
        ? 'source has a sidecar'
        : 'source has no sidecar';
  if (call.security === 'none') return `connection_security_policy=none, ${who}`;
  if (call.security === 'unknown' && sidecar !== true)
    return `connection security not reported, ${who}`;
  return undefined;
}

/** More would not help a person guess; the inventory may hold many sidecar-less workloads. */
const MAX_CANDIDATES = 5;

/**
 * Who an unknown caller of a target may be: the workloads without a sidecar in the target's
 * namespace (the control plane aside). Callers from elsewhere, or from outside the cluster as a
 * gateway's are, stay plainly unknown rather than get a guess.
 */
function sidecarLess(inventory: Inventory, namespace: string, rootNamespace: string): string[] {
  if (namespace === rootNamespace) return [];
  return inventory.workloads
    .filter((w) => !w.hasSidecar && w.namespace === namespace)
    .map((w) => `${w.namespace}/${w.name}`)
    .sort()
    .slice(0, MAX_CANDIDATES);
}

/** The plaintext callers of every target in the calls, keyed `namespace/workload`, largest rate first. */
export function plaintextCallers(
  calls: readonly ObservedCall[],
  inventory: Inventory,
  rootNamespace: string,
): Map<string, PlaintextCaller[]> {
  const byTarget = new Map<string, Map<string, PlaintextCaller>>();
  for (const call of calls) {
    const why = plaintextReason(call, inventory);
    if (why === undefined || call.rps + call.bytesPerSecond <= 0) continue;
    const key = `${call.targetNamespace}/${call.target}`;
    const callers = byTarget.get(key) ?? new Map<string, PlaintextCaller>();
    byTarget.set(key, callers);
    const id = `${call.sourceNamespace}/${call.source}`;
    const seen = callers.get(id);
    const candidates = isKnown(call.source)
      ? []
      : sidecarLess(inventory, call.targetNamespace, rootNamespace);
    callers.set(id, {
      source: call.source,
      namespace: call.sourceNamespace,
      target: call.target,
      rps: (seen?.rps ?? 0) + call.rps,
      bytesPerSecond: (seen?.bytesPerSecond ?? 0) + call.bytesPerSecond,
      why: seen?.why ?? why,
      ...(candidates.length > 0 && { candidates }),
    });
  }
  return new Map(
    [...byTarget].map(([key, callers]) => [
      key,
      [...callers.values()].sort((a, b) => b.rps - a.rps || b.bytesPerSecond - a.bytesPerSecond),
    ]),
  );
}

export function readiness(callers: readonly PlaintextCaller[]): StrictReadiness {
  return { ready: callers.length === 0, plaintextCallers: callers };
}

/** Readiness when no traffic could be read: not ready, and why. */
export function unknownReadiness(reason: string): StrictReadiness {
  return { ready: false, plaintextCallers: [], unknown: reason };
}
