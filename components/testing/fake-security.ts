import type { EdgeVerdict, SecurityResponse, WorkloadSecurity } from '@/lib/api/security';

/** One verdict on a shop workload-graph edge, for the authorization views' tests. */
export function testVerdict(
  source: string,
  target: string,
  extra: Partial<EdgeVerdict> = {},
): EdgeVerdict {
  return {
    sourceId: `wl:shop:${source}`,
    targetId: `wl:shop:${target}`,
    source,
    sourceNamespace: 'shop',
    target,
    targetNamespace: 'shop',
    principal: `spiffe://cluster.local/ns/shop/sa/${source}`,
    rps: 2,
    verdict: 'allow',
    forbiddenRps: 0,
    explanation: `ALLOW policy shop/payments-allow matches ${source}'s principal.`,
    ...extra,
  };
}

export function testWorkloadSecurity(
  name: string,
  extra: Partial<WorkloadSecurity> = {},
): WorkloadSecurity {
  return {
    namespace: 'shop',
    name,
    mode: 'PERMISSIVE',
    mtls: 'partial',
    modeSource: null,
    portModes: [],
    clientTls: { mode: 'AUTO', source: null },
    hasSidecar: true,
    strictReadiness: { ready: true, plaintextCallers: [] },
    policies: [],
    ...extra,
  };
}

export function testSecurity(
  edges: readonly EdgeVerdict[],
  workloads: readonly WorkloadSecurity[] = [],
): SecurityResponse {
  return {
    timestamp: 0,
    mesh: { mtls: 'partial', autoMtls: true, sources: [], summary: '' },
    namespaces: [],
    workloads,
    edges,
  };
}
