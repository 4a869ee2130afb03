/**
 * The PeerAuthentication mode a workload's server side enforces, composed as istiod does
 * (pilot/pkg/model/authentication.go ComposePeerAuthentication): the workload's own policy (a
 * selector, in its namespace; a selector in the root namespace is ignored), else the namespace-wide
 * one, else the mesh-wide one in the root namespace; UNSET inherits from the level above, and with
 * nothing above it Istio accepts both (PERMISSIVE). Port-level modes count only on a workload policy.
 * Ref https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
import { readPeerAuthenticationSpec, type MtlsMode } from '@/lib/mesh/istio/peer-authentication';
import type { IstioObject } from '@/lib/mesh/types';
import { labelsMatch } from '@/lib/mesh/validations/spec-walk';
import type { PeerMode, PostureSource } from '../types';
import type { PortMode } from './types';

/** The mode a scope ends up with and the policy that decided it (null: nothing did). */
export interface DecidedMode {
  readonly mode: PeerMode;
  readonly source: PostureSource | null;
}

export interface WorkloadPeerMode extends DecidedMode {
  readonly portModes: readonly PortMode[];
}

/** The workload a PeerAuthentication may select: its namespace and its pods' labels. */
export interface PeerTarget {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

const byName = (a: IstioObject, b: IstioObject): number =>
  a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

/** The PeerAuthentications of the mesh, in a stable order (istiod takes the oldest; names stand in). */
export function peerAuthentications(objects: readonly IstioObject[]): IstioObject[] {
  return objects.filter((o) => o.kind === 'PeerAuthentication').sort(byName);
}

const selectorOf = (pa: IstioObject) => readPeerAuthenticationSpec(pa.spec).matchLabels;
const modeOf = (pa: IstioObject): MtlsMode => readPeerAuthenticationSpec(pa.spec).mode;

function source(
  pa: IstioObject,
  scope: PostureSource['scope'],
  mode: MtlsMode,
  detail: string,
): PostureSource {
  return {
    kind: 'PeerAuthentication',
    namespace: pa.namespace,
    name: pa.name,
    scope,
    detail: `${mode}, ${detail}`,
  };
}

/** The mesh-wide policy's mode: the selector-less PeerAuthentication in the root namespace. */
export function meshPeerMode(policies: readonly IstioObject[], rootNamespace: string): DecidedMode {
  const mesh = policies.find((pa) => pa.namespace === rootNamespace && !selectorOf(pa));
  if (!mesh || modeOf(mesh) === 'UNSET') return { mode: 'UNSET', source: null };
  return { mode: modeOf(mesh), source: source(mesh, 'mesh', modeOf(mesh), 'mesh-wide') };
}

/** A namespace's own selector-less policy, when it sets a mode. */
export function ownNamespaceMode(
  namespace: string,
  policies: readonly IstioObject[],
  rootNamespace: string,
): DecidedMode | undefined {
  if (namespace === rootNamespace) return undefined;
  const own = policies.find((pa) => pa.namespace === namespace && !selectorOf(pa));
  if (!own || modeOf(own) === 'UNSET') return undefined;
  return {
    mode: modeOf(own),
    source: source(own, 'namespace', modeOf(own), `namespace-wide in ${namespace}`),
  };
}

/** The namespace-wide effective mode: the namespace's own policy, else the mesh's. */
export function namespacePeerMode(
  namespace: string,
  policies: readonly IstioObject[],
  rootNamespace: string,
): DecidedMode {
  return (
    ownNamespaceMode(namespace, policies, rootNamespace) ?? meshPeerMode(policies, rootNamespace)
  );
}

/** The workload's own policy: a selector in its namespace (not the root's) that its labels match. */
function workloadPolicy(
  target: PeerTarget,
  policies: readonly IstioObject[],
  rootNamespace: string,
): IstioObject | undefined {
  if (target.namespace === rootNamespace) return undefined;
  return policies.find((pa) => {
    const selector = selectorOf(pa);
    return pa.namespace === target.namespace && selector && labelsMatch(selector, target.labels);
  });
}

/** The mode the workload's sidecar enforces on every port, and the ports that differ. */
export function workloadPeerMode(
  target: PeerTarget,
  policies: readonly IstioObject[],
  rootNamespace: string,
): WorkloadPeerMode {
  const inherited = namespacePeerMode(target.namespace, policies, rootNamespace);
  const own = workloadPolicy(target, policies, rootNamespace);
  if (!own) return { ...inherited, portModes: [] };
  const ownMode = modeOf(own);
  const decided: DecidedMode =
    ownMode === 'UNSET'
      ? inherited
      : {
          mode: ownMode,
          source: source(own, 'workload', ownMode, `selects this workload in ${own.namespace}`),
        };
  const portModes = readPeerAuthenticationSpec(own.spec).portModes.flatMap(
    ({ port, mode }): PortMode[] =>
      mode === 'UNSET' || mode === decided.mode
        ? []
        : [{ port, mode, source: source(own, 'port', mode, `port ${port} of this workload`) }],
  );
  return { ...decided, portModes };
}
