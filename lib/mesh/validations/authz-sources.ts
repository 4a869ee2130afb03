import { readAuthorizationPolicySpec } from '@/lib/mesh/istio/authorization-policy';
import {
  ISTIO_DEFAULT_TLS_SETTINGS,
  clientTlsFor,
  sendsMtls,
} from '@/lib/mesh/security/mtls/client-tls';
import { peerAuthentications, workloadPeerMode } from '@/lib/mesh/security/mtls/peer-mode';
import type { InventoryWorkload, IstioObject } from '@/lib/mesh/types';
import { formatPath, type PathSegment } from './path';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0101 ReferencedResourceNotFound for `from.source.namespaces` and `notNamespaces` naming no
 * namespace, an error as istioctl's AuthorizationPoliciesAnalyzer reports it (prefix and suffix
 * wildcards match as Istio matches them). Kiali: KIA0101.
 */
export const REFERENCED_NOT_FOUND_CODE = 'IST0101';
/** Kiali's "Service Account not found for this principal": a principal no workload presents. */
export const PRINCIPAL_NOT_FOUND_CODE = 'KIA0106';
/** Kiali's "This field requires mTLS to be enabled": identities exist only on mTLS connections. */
export const MTLS_REQUIRED_CODE = 'KIA0105';

/** Istio's string match for namespaces and principals: exact, `*`, `prefix*` or `*suffix`. */
function matches(value: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}

const PRINCIPAL = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/;

/** The workloads a policy reaches by selector or namespace (targetRefs reach no sidecar). */
function reached(obj: IstioObject, mesh: MeshConfig): InventoryWorkload[] {
  const spec = readAuthorizationPolicySpec(obj.spec);
  if (spec.targetRefs.length > 0) return [];
  const root = obj.namespace === ISTIO_DEFAULT_TLS_SETTINGS.rootNamespace;
  return mesh.inventory.workloads.filter(
    (w) => (root || w.namespace === obj.namespace) && labelsMatch(spec.matchLabels ?? {}, w.labels),
  );
}

/** Workloads whose callers cannot present an identity: mTLS turned off, or nobody sends it. */
function withoutMtls(workloads: readonly InventoryWorkload[], mesh: MeshConfig): string[] {
  const policies = peerAuthentications(mesh.objects);
  const settings = ISTIO_DEFAULT_TLS_SETTINGS;
  return workloads
    .filter((w) => {
      if (!w.hasSidecar) return false;
      const peer = workloadPeerMode(w, policies, settings.rootNamespace);
      if (peer.mode === 'DISABLE') return true;
      const service = mesh.inventory.services.find(
        (s) =>
          s.namespace === w.namespace &&
          Object.keys(s.selector).length > 0 &&
          labelsMatch(s.selector, w.labels),
      );
      return service !== undefined && !sendsMtls(clientTlsFor(service, mesh.objects, settings));
    })
    .map((w) => `${w.namespace}/${w.name}`);
}

function namespaceFindings(
  values: readonly string[],
  path: readonly PathSegment[],
  mesh: MeshConfig,
): Validation[] {
  const names = mesh.inventory.namespaces.map((n) => n.name);
  return values.flatMap((ns, i) =>
    names.some((n) => matches(n, ns))
      ? []
      : [
          {
            code: REFERENCED_NOT_FOUND_CODE,
            severity: 'error' as const,
            message: `Referenced namespace not found: "${ns}". No namespace of that name exists, so this source never matches; check the spelling.`,
            path: formatPath([...path, i]),
          },
        ],
  );
}

function principalFindings(
  values: readonly string[],
  path: readonly PathSegment[],
  mesh: MeshConfig,
): Validation[] {
  return values.flatMap((principal, i) => {
    const m = PRINCIPAL.exec(principal);
    if (!m || principal.includes('*')) return [];
    const [, ns, sa] = m;
    const inNamespace = mesh.inventory.workloads.filter((w) => w.namespace === ns);
    const namespaceKnown = mesh.inventory.namespaces.some((n) => n.name === ns);
    // Only judge service accounts where the inventory knows which ones the workloads run as.
    const accounts = inNamespace.flatMap((w) => (w.serviceAccount ? [w.serviceAccount] : []));
    if (namespaceKnown && (accounts.length === 0 || accounts.includes(sa ?? ''))) return [];
    return [
      {
        code: PRINCIPAL_NOT_FOUND_CODE,
        severity: 'warning' as const,
        message: namespaceKnown
          ? `No workload in ${ns} runs as service account ${sa}, so no caller presents the principal "${principal}". Running as: ${[...new Set(accounts)].join(', ')}.`
          : `The principal "${principal}" names namespace ${ns}, which does not exist: no caller presents it.`,
        path: formatPath([...path, i]),
      },
    ];
  });
}

const IDENTITY_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'];

export function checkAuthzSources(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'AuthorizationPolicy') return [];
  const spec = readAuthorizationPolicySpec(obj.spec);
  const plaintextTargets = withoutMtls(reached(obj, mesh), mesh);
  const out: Validation[] = [];
  for (const rule of spec.rules) {
    rule.from.forEach((source, j) => {
      const at = (field: string): PathSegment[] => [...rule.path, 'from', j, 'source', field];
      for (const field of ['namespaces', 'notNamespaces'])
        out.push(...namespaceFindings(source[field] ?? [], at(field), mesh));
      for (const field of ['principals', 'notPrincipals'])
        out.push(...principalFindings(source[field] ?? [], at(field), mesh));
      const identity = IDENTITY_FIELDS.find((f) => (source[f] ?? []).length > 0);
      if (identity !== undefined && plaintextTargets.length > 0)
        out.push({
          code: MTLS_REQUIRED_CODE,
          severity: 'warning',
          message: `${identity} match only callers that present an mTLS identity, but ${plaintextTargets.slice(0, 3).join(', ')}${plaintextTargets.length > 3 ? ` and ${plaintextTargets.length - 3} more` : ''} ${plaintextTargets.length === 1 ? 'gets' : 'get'} plaintext (mTLS disabled, or clients told not to send it): this source never matches there. Enable mTLS (PeerAuthentication PERMISSIVE or STRICT, DestinationRule ISTIO_MUTUAL or auto mTLS).`,
          path: formatPath(at(identity)),
        });
    });
  }
  return out;
}
