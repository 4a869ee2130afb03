/**
 * The Istio objects that apply to a workload, an app or a service, for the detail pages: routing
 * objects (VirtualService, DestinationRule, ServiceEntry) whose hosts name its services, the
 * Gateways those VirtualServices are bound to or whose selector picks its pods, and the policies
 * (PeerAuthentication, AuthorizationPolicy) istiod attaches to its workloads: by selector in their
 * namespace, namespace-wide, or mesh-wide from the root namespace. In ambient mode also the
 * HTTPRoutes and GRPCRoutes that route a service (GAMMA parentRefs) or send traffic to it as a
 * backend, and the waypoint serving its L7.
 */
import { refText, waypointLabelOf } from '@/lib/mesh/ambient/labels';
import { policiesFor } from '@/lib/mesh/security/authz/applies';
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { readGatewaySpec } from '@/lib/mesh/istio/gateway';
import { ISTIO_KIND_NAMES, type IstioKindName } from '@/lib/mesh/istio/kinds';
import { readPeerAuthenticationSpec } from '@/lib/mesh/istio/peer-authentication';
import { readServiceEntrySpec } from '@/lib/mesh/istio/service-entry';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
import {
  backendRefsOf,
  isServiceRef,
  parentRefsOf,
  type ObjectRef,
} from '@/lib/mesh/istio/route-refs';
import type { Inventory, InventoryService, InventoryWorkload, IstioObject } from '@/lib/mesh/types';
import { hostMatches, resolveHost, serviceFqdn } from '@/lib/mesh/validations/hosts';
import { destinationsOf, labelsMatch } from '@/lib/mesh/validations/spec-walk';

type Labels = Readonly<Record<string, string>>;

/** How an object reaches the subject. */
export type AppliesVia =
  /** Its hosts name one of the subject's services. */
  | 'host'
  /** A VirtualService routing to one of the subject's services from other hosts. */
  | 'route'
  /** An HTTPRoute or GRPCRoute whose parentRefs name one of the subject's services (GAMMA). */
  | 'parent'
  /** An HTTPRoute or GRPCRoute sending traffic to one of the subject's services as a backend. */
  | 'backend'
  /** The waypoint (a Gateway API Gateway) serving the subject's L7 traffic. */
  | 'waypoint'
  /** A Gateway a VirtualService that applies is bound to. */
  | 'gateway'
  /** A workload selector (or a Gateway API targetRef) that picks the subject's pods. */
  | 'selector'
  /** A policy without selector in the subject's namespace. */
  | 'namespace'
  /** A policy without selector in the root namespace. */
  | 'mesh';

export interface AppliedConfig {
  readonly kind: IstioKindName;
  readonly namespace: string;
  readonly name: string;
  readonly via: AppliesVia;
}

/** What the objects are matched against: the subject's workloads and services, all in one namespace. */
export interface ConfigSubject {
  readonly namespace: string;
  /** The pod labels of each workload: one for a workload, each member's for an app. */
  readonly workloads: readonly Labels[];
  /** The FQDNs of its services: the service itself, or those selecting the workloads. */
  readonly hosts: readonly string[];
  /** `namespace/name` of the waypoints serving its workloads' L7 (ambient only). */
  readonly waypoints?: readonly string[];
}

export type SubjectRef =
  | { readonly kind: 'workload'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'app'; readonly namespace: string; readonly app: string }
  | { readonly kind: 'service'; readonly namespace: string; readonly name: string };

const selects = (s: InventoryService, labels: Labels): boolean =>
  Object.keys(s.selector).length > 0 && labelsMatch(s.selector, labels);

/** The subject the inventory knows under `ref`; undefined when it has no such workload, app or service. */
export function configSubject(ref: SubjectRef, inventory: Inventory): ConfigSubject | undefined {
  const services = inventory.services.filter((s) => s.namespace === ref.namespace);
  const workloads = inventory.workloads.filter((w) => w.namespace === ref.namespace);
  if (ref.kind === 'service') {
    const service = services.find((s) => s.name === ref.name);
    if (!service) return undefined;
    const selected = workloads.filter((w) => selects(service, w.labels));
    return {
      namespace: ref.namespace,
      workloads: selected.map((w) => w.labels),
      hosts: [serviceFqdn(service)],
      ...serviceWaypoints(service, selected),
    };
  }
  const members = workloads.filter((w) =>
    ref.kind === 'workload' ? w.name === ref.name : w.app === ref.app,
  );
  if (members.length === 0) return undefined;
  return {
    namespace: ref.namespace,
    workloads: members.map((w) => w.labels),
    hosts: services.filter((s) => members.some((w) => selects(s, w.labels))).map(serviceFqdn),
    ...waypointsOf(members),
  };
}

function waypointsOf(members: readonly InventoryWorkload[]): { waypoints?: string[] } {
  const keys = new Set<string>();
  for (const w of members) {
    const waypoint = w.dataPlane?.waypoint;
    if (waypoint) keys.add(refText(waypoint));
  }
  return keys.size > 0 ? { waypoints: [...keys].sort() } : {};
}

/**
 * The waypoint of traffic addressed to a service: the Service's own `istio.io/use-waypoint` wins
 * over its namespace's and pods' (`none` opts it out, as hotels-db in the demo), else its pods'.
 */
function serviceWaypoints(
  service: InventoryService,
  selected: readonly InventoryWorkload[],
): { waypoints?: string[] } {
  const own = waypointLabelOf(service.labels, service.namespace);
  if (own === 'none') return {};
  return own ? { waypoints: [refText(own)] } : waypointsOf(selected);
}

/** How an HTTPRoute or GRPCRoute reaches the subject: as its parent (GAMMA) first, else as a backend. */
function gatewayRouteVia(route: IstioObject, hosts: readonly string[]): AppliesVia | undefined {
  const names = (ref: ObjectRef): boolean =>
    isServiceRef(ref) && hosts.includes(resolveHost(ref.name, ref.namespace));
  if (parentRefsOf(route).some(names)) return 'parent';
  return backendRefsOf(route).some(names) ? 'backend' : undefined;
}

/** `ns/name` or `name` (the VirtualService's namespace); `mesh` is the sidecars, not a Gateway. */
function gatewayKey(ref: string, vsNamespace: string): string | undefined {
  if (ref === 'mesh') return undefined;
  const slash = ref.indexOf('/');
  return slash < 0 ? `${vsNamespace}/${ref}` : ref;
}

function peerAuthenticationVia(
  pa: IstioObject,
  subject: ConfigSubject,
  rootNamespace: string,
): AppliesVia | undefined {
  const selector = readPeerAuthenticationSpec(pa.spec).matchLabels;
  if (selector) {
    // istiod ignores a selector in the root namespace for workloads of other namespaces.
    const own = pa.namespace === subject.namespace && subject.namespace !== rootNamespace;
    return own && subject.workloads.some((l) => labelsMatch(selector, l)) ? 'selector' : undefined;
  }
  if (pa.namespace === rootNamespace) return 'mesh';
  return pa.namespace === subject.namespace ? 'namespace' : undefined;
}

function authorizationVia(
  policy: IstioObject,
  subject: ConfigSubject,
  rootNamespace: string,
): AppliesVia | undefined {
  for (const labels of subject.workloads) {
    const [applied] = policiesFor(
      { namespace: subject.namespace, labels },
      [policy],
      rootNamespace,
    );
    if (applied) return applied.scope === 'targetRef' ? 'selector' : applied.scope;
  }
  return undefined;
}

function routingVia(o: IstioObject, hosts: readonly string[]): AppliesVia | undefined {
  const names = (host: string): boolean => hosts.includes(resolveHost(host, o.namespace));
  switch (o.kind) {
    case 'VirtualService':
      // A wildcard host is a gateway's catch-all, not about this service: only named hosts count.
      if (readVirtualServiceSpec(o.spec).hosts.some(names)) return 'host';
      return destinationsOf(o).some((d) => names(d.host)) ? 'route' : undefined;
    case 'DestinationRule': {
      const host = readDestinationRuleSpec(o.spec).host;
      if (host === undefined) return undefined;
      // Istio does apply a wildcard rule (`*.local`) to every host it covers.
      const fqdn = resolveHost(host, o.namespace);
      return hosts.some((h) => hostMatches(fqdn, h)) ? 'host' : undefined;
    }
    case 'ServiceEntry':
      return readServiceEntrySpec(o.spec).hosts.some(names) ? 'host' : undefined;
    case 'HTTPRoute':
    case 'GRPCRoute':
      return gatewayRouteVia(o, hosts);
    default:
      return undefined;
  }
}

/**
 * The objects that apply to `subject`, each once with the first way it is reached, in the Istio
 * config list's kind order, then by namespace and name.
 */
export function configAppliesTo(
  subject: ConfigSubject,
  objects: readonly IstioObject[],
  rootNamespace: string,
): AppliedConfig[] {
  const applied: AppliedConfig[] = [];
  const add = (o: IstioObject, via: AppliesVia | undefined): void => {
    if (via) applied.push({ kind: o.kind, namespace: o.namespace, name: o.name, via });
  };
  const boundGateways = new Set<string>();
  for (const o of objects) {
    const via = routingVia(o, subject.hosts);
    add(o, via);
    if (via && o.kind === 'VirtualService')
      for (const g of readVirtualServiceSpec(o.spec).gateways) {
        const key = gatewayKey(g.ref, o.namespace);
        if (key) boundGateways.add(key);
      }
  }
  for (const o of objects) {
    if (o.kind === 'PeerAuthentication') add(o, peerAuthenticationVia(o, subject, rootNamespace));
    else if (o.kind === 'AuthorizationPolicy') add(o, authorizationVia(o, subject, rootNamespace));
    else if (o.kind === 'Gateway') {
      // Gateway selectors pick pods in any namespace (istiod's default scope).
      const selector = readGatewaySpec(o.spec).selector;
      const picks =
        selector !== undefined &&
        Object.keys(selector).length > 0 &&
        subject.workloads.some((l) => labelsMatch(selector, l));
      add(
        o,
        picks ? 'selector' : boundGateways.has(`${o.namespace}/${o.name}`) ? 'gateway' : undefined,
      );
    } else if (o.kind === 'K8sGateway' && subject.waypoints?.includes(`${o.namespace}/${o.name}`))
      add(o, 'waypoint');
  }
  return applied.sort(
    (a, b) =>
      ISTIO_KIND_NAMES.indexOf(a.kind) - ISTIO_KIND_NAMES.indexOf(b.kind) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}
