/**
 * The security posture of the mesh, of each namespace and of each workload, from the inventory, the
 * Istio objects and the calls observed in the window: the one computation behind GET /api/security,
 * which the header lock, the overview cards, the workloads list and the graph's panels all read.
 */
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import type { Inventory, InventoryWorkload, IstioObject } from '@/lib/mesh/types';
import { resolveHost } from '@/lib/mesh/validations/hosts';
import { labelsMatch } from '@/lib/mesh/validations/spec-walk';
import { appliedPolicies } from '../authz/applies';
import type { MtlsStatus, ObservedCall, PeerMode, PostureSource } from '../types';
import {
  autoMtlsSource,
  clientTlsFor,
  ruleTls,
  sendsMtls,
  type MeshTlsSettings,
} from './client-tls';
import {
  meshPeerMode,
  namespacePeerMode,
  ownNamespaceMode,
  peerAuthentications,
  workloadPeerMode,
} from './peer-mode';
import { plaintextCallers, readiness } from './readiness';
import { meshStatus, namespaceStatus, type ScopeModes } from './status';
import type {
  ClientTls,
  MeshSecurity,
  NamespaceSecurity,
  PortMode,
  WorkloadSecurity,
} from './types';

export interface PostureInput {
  readonly inventory: Inventory;
  /** Every Istio object Meshlens reads; only PeerAuthentications, DestinationRules and AuthorizationPolicies count. */
  readonly objects: readonly IstioObject[];
  /** Calls into the namespaces reported, as the destination proxies saw them. */
  readonly calls: readonly ObservedCall[];
  /** The namespaces to report on (the mesh-wide status is the mesh's whatever they are). */
  readonly namespaces: readonly string[];
  readonly settings: MeshTlsSettings;
}

export interface Posture {
  readonly mesh: MeshSecurity;
  readonly namespaces: readonly NamespaceSecurity[];
  readonly workloads: readonly WorkloadSecurity[];
}

/** The DestinationRule whose host covers a whole scope (`*.local`, `*.<ns>.svc.cluster.local`). */
function scopeRule(objects: readonly IstioObject[], host: string): ClientTls | undefined {
  for (const dr of objects) {
    if (dr.kind !== 'DestinationRule') continue;
    const written = readDestinationRuleSpec(dr.spec).host;
    if (written === undefined || resolveHost(written, dr.namespace) !== host) continue;
    const tls = ruleTls(dr);
    if (tls) return tls;
  }
  return undefined;
}

const peerSide = (mode: PeerMode): ScopeModes['peer'] => (mode === 'UNSET' ? '' : mode);

function workloadStatus(
  mode: PeerMode,
  portModes: readonly PortMode[],
  client: ClientTls,
  hasSidecar: boolean,
): MtlsStatus {
  // Without a sidecar nothing terminates mTLS: the workload speaks and accepts plaintext only.
  if (!hasSidecar) return 'disabled';
  const server = [mode, ...portModes.map((p) => p.mode)];
  if (server.every((m) => m === 'STRICT')) return sendsMtls(client) ? 'enabled' : 'partial';
  if (server.every((m) => m === 'DISABLE')) return 'disabled';
  if (mode === 'UNSET' && portModes.length === 0) return 'unset';
  return 'partial';
}

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

function summary(mtls: MtlsStatus, sources: readonly PostureSource[], ns: NamespaceSecurity[]) {
  const decidedBy = sources.find((s) => s.kind !== 'MeshConfig');
  const by = decidedBy
    ? `: ${decidedBy.kind} ${decidedBy.namespace}/${decidedBy.name} is ${decidedBy.detail.split(',')[0]}`
    : '';
  if (mtls === 'enabled') return `mTLS enabled mesh-wide${by}`;
  if (mtls === 'disabled') return `mTLS disabled mesh-wide${by}`;
  if (mtls === 'unset')
    return 'No mesh-wide PeerAuthentication or DestinationRule sets mTLS: workloads accept plaintext';
  const strict = ns.filter((n) => n.mode === 'STRICT').map((n) => n.name);
  const plain = ns.filter((n) => n.mode !== 'STRICT').map((n) => n.name);
  const parts = [
    strict.length > 0 ? `${listed(strict)} ${strict.length === 1 ? 'is' : 'are'} STRICT` : '',
    plain.length > 0
      ? `${listed(plain)} ${plain.length === 1 ? 'accepts' : 'accept'} plaintext`
      : '',
  ].filter(Boolean);
  return `mTLS partially enabled${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

function workloadSecurity(
  w: InventoryWorkload,
  input: PostureInput,
  policies: readonly IstioObject[],
  callers: ReturnType<typeof plaintextCallers>,
): WorkloadSecurity {
  const { rootNamespace } = input.settings;
  const target = { namespace: w.namespace, labels: w.labels };
  const peer = workloadPeerMode(target, policies, rootNamespace);
  const service = input.inventory.services
    .filter(
      (s) =>
        s.namespace === w.namespace &&
        Object.keys(s.selector).length > 0 &&
        labelsMatch(s.selector, w.labels),
    )
    .sort((a, b) => a.name.localeCompare(b.name))[0];
  const clientTls = clientTlsFor(service, input.objects, input.settings);
  return {
    namespace: w.namespace,
    name: w.name,
    mode: peer.mode,
    mtls: workloadStatus(peer.mode, peer.portModes, clientTls, w.hasSidecar),
    modeSource: peer.source,
    portModes: peer.portModes,
    clientTls,
    hasSidecar: w.hasSidecar,
    podLabels: w.labels,
    strictReadiness: readiness(callers.get(`${w.namespace}/${w.name}`) ?? []),
    policies: appliedPolicies(target, input.objects, rootNamespace),
  };
}

export function securityPosture(input: PostureInput): Posture {
  const { rootNamespace, autoMtls } = input.settings;
  const policies = peerAuthentications(input.objects);
  const meshPeer = meshPeerMode(policies, rootNamespace);
  const meshRule = scopeRule(input.objects, '*.local');
  const meshModes: ScopeModes = { peer: peerSide(meshPeer.mode), client: meshRule?.mode ?? '' };
  const callers = plaintextCallers(input.calls, input.inventory, rootNamespace);
  const scope = new Set(input.namespaces);
  const workloads = input.inventory.workloads
    .filter((w) => scope.has(w.namespace))
    .map((w) => workloadSecurity(w, input, policies, callers));
  const namespaces = [...scope].sort().map((name): NamespaceSecurity => {
    const decided = namespacePeerMode(name, policies, rootNamespace);
    const own = ownNamespaceMode(name, policies, rootNamespace);
    const rule = scopeRule(input.objects, `*.${name}.svc.cluster.local`);
    const mine = workloads.filter((w) => w.namespace === name);
    return {
      name,
      mtls: namespaceStatus(
        { peer: peerSide(own?.mode ?? 'UNSET'), client: rule?.mode ?? '' },
        meshModes,
        autoMtls,
      ),
      mode: decided.mode,
      modeSource: decided.source,
      workloadOverrides: mine.filter((w) => w.mode !== decided.mode || w.portModes.length > 0)
        .length,
      strictReadiness: readiness(
        mine
          .flatMap((w) => w.strictReadiness.plaintextCallers)
          .sort((a, b) => b.rps - a.rps || b.bytesPerSecond - a.bytesPerSecond),
      ),
    };
  });
  const sources = [
    ...(meshPeer.source ? [meshPeer.source] : []),
    ...(meshRule?.source ? [meshRule.source] : []),
    autoMtlsSource(input.settings),
  ];
  const mtls = meshStatus(meshModes, autoMtls);
  // The summary speaks of application namespaces: those with a sidecar, the control plane aside.
  const inMesh = new Set(
    workloads.filter((w) => w.hasSidecar && w.namespace !== rootNamespace).map((w) => w.namespace),
  );
  return {
    mesh: {
      mtls,
      autoMtls,
      sources,
      summary: summary(
        mtls,
        sources,
        namespaces.filter((n) => inMesh.has(n.name)),
      ),
    },
    namespaces,
    workloads,
  };
}
