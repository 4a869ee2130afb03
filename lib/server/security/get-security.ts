import 'server-only';
import type { SecurityResponse } from '@/lib/api/security';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { isProblemError } from '@/lib/errors';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { readMeshSettings } from '@/lib/kube/mesh-config';
import { isKnown } from '@/lib/mesh/graph/node-ids';
import { RESTRICTED_NODE_ID } from '@/lib/mesh/graph/restrict-graph';
import { edgeVerdicts } from '@/lib/mesh/security/authz/edge-verdicts';
import { securityPosture } from '@/lib/mesh/security/mtls/posture';
import { unknownReadiness } from '@/lib/mesh/security/mtls/readiness';
import type { EdgeVerdict } from '@/lib/mesh/security/authz/edge-verdicts';
import type { PlaintextCaller, StrictReadiness } from '@/lib/mesh/security/mtls/types';
import type { ObservedCall } from '@/lib/mesh/security/types';
import type { Window } from '@/lib/mesh/types';
import { readCluster } from '../read-cluster';
import { checkTimeRange } from '../time-range';
import { readObservedCalls } from './observed-calls';

interface Calls {
  readonly calls: readonly ObservedCall[];
  readonly metricsError?: string;
}

/** Posture without traffic is still posture: a Prometheus that cannot answer is said, not thrown. */
async function callsOrError(
  namespaces: readonly string[],
  window: Window,
  endMs: number | undefined,
): Promise<Calls> {
  try {
    return { calls: await readObservedCalls(namespaces, window, undefined, endMs) };
  } catch (err) {
    if (!isProblemError(err)) throw err;
    return { calls: [], metricsError: err.detail };
  }
}

type Judged = { readonly strictReadiness: StrictReadiness };

const withReadiness = <T extends Judged>(x: T, strictReadiness: StrictReadiness): T => ({
  ...x,
  strictReadiness,
});

/** A caller in a namespace the person may not see is named as the graph names it: restricted. */
function redactCaller(caller: PlaintextCaller, visible: ReadonlySet<string>): PlaintextCaller {
  if (!isKnown(caller.namespace) || visible.has(caller.namespace)) return caller;
  return { ...caller, source: RESTRICTED_NODE_ID, namespace: RESTRICTED_NODE_ID };
}

function redactEdge(edge: EdgeVerdict, visible: ReadonlySet<string>): EdgeVerdict {
  if (!isKnown(edge.sourceNamespace) || visible.has(edge.sourceNamespace)) return edge;
  return {
    ...edge,
    sourceId: RESTRICTED_NODE_ID,
    source: RESTRICTED_NODE_ID,
    sourceNamespace: RESTRICTED_NODE_ID,
    principal: RESTRICTED_NODE_ID,
    explanation: edge.explanation
      .split(`${edge.sourceNamespace}/${edge.source}`)
      .join('a caller in a namespace you may not see'),
  };
}

/**
 * GET /api/security: the mesh-wide mTLS status, each namespace's and workload's mode with where it
 * comes from and who would break under STRICT, the AuthorizationPolicies reaching each workload and
 * their verdict on every observed edge. The namespaces asked for (all the person may see without
 * them); callers from namespaces they may not see are shown as restricted.
 */
export async function getSecurity(
  identity: Identity,
  asked: readonly string[] | undefined,
  window: Window,
  endMs?: number,
): Promise<SecurityResponse> {
  // A past end must be one Prometheus still holds; today's end is always fine.
  if (endMs !== undefined) await checkTimeRange(window, endMs);
  const [cluster, visible] = await Promise.all([
    readCluster(),
    visibleOrRefuse(identity, asked ?? []),
  ]);
  const all = cluster.inventory.namespaces.map((n) => n.name);
  const namespaces = [
    ...(asked ?? (identity.kind === 'anonymous' ? all : all.filter((n) => visible.has(n)))),
  ].sort();
  const objects = listIstioObjects(getInformers(), {
    kinds: ['PeerAuthentication', 'DestinationRule', 'AuthorizationPolicy'],
  });
  const [{ calls, metricsError }, settings] = await Promise.all([
    callsOrError(namespaces, window, endMs),
    readMeshSettings(),
  ]);
  const posture = securityPosture({
    inventory: cluster.inventory,
    objects,
    calls,
    namespaces,
    settings,
  });
  const edges = edgeVerdicts(calls, objects, cluster.inventory, settings.rootNamespace);
  const judged =
    metricsError === undefined
      ? posture
      : {
          ...posture,
          namespaces: posture.namespaces.map((n) =>
            withReadiness(n, unknownReadiness(metricsError)),
          ),
          workloads: posture.workloads.map((w) => withReadiness(w, unknownReadiness(metricsError))),
        };
  const response: SecurityResponse = {
    timestamp: Date.now(),
    ...judged,
    edges,
    ...(metricsError !== undefined && { metricsError }),
  };
  if (identity.kind === 'anonymous') return response;
  const redactReadiness = <T extends Judged>(x: T): T =>
    withReadiness(x, {
      ...x.strictReadiness,
      plaintextCallers: x.strictReadiness.plaintextCallers.map((c) => redactCaller(c, visible)),
    });
  return {
    ...response,
    namespaces: response.namespaces.map(redactReadiness),
    workloads: response.workloads.map(redactReadiness),
    edges: response.edges.map((e) => redactEdge(e, visible)),
  };
}
