import { isObject, type Json } from './object-forms';
import type { KubeObject } from './types';

/**
 * What istiod writes into the status of Gateway API objects, decided from the cluster's state alone
 * (no I/O): route parents with Accepted/ResolvedRefs, Gateways with Accepted/Programmed, addresses and
 * listeners, GatewayClasses with Accepted. Reasons and messages are Istio's where Istio has them.
 */

export const GATEWAY_CONTROLLER = 'istio.io/gateway-controller';
/** The controllers istiod answers for: ingress/egress gateways and waypoints. */
const ISTIO_CONTROLLERS = new Set([GATEWAY_CONTROLLER, 'istio.io/mesh-controller']);
const GATEWAY_API = 'gateway.networking.k8s.io';

/** Read-only lookups into the cluster the decisions depend on. */
export interface GatewayWorld {
  service(namespace: string, name: string): KubeObject | undefined;
  gateway(namespace: string, name: string): KubeObject | undefined;
  gatewayClass(name: string): KubeObject | undefined;
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
  referenceGrants(namespace: string): readonly KubeObject[];
  /** Every HTTPRoute and GRPCRoute, for the listeners' attachedRoutes. */
  routes(): readonly KubeObject[];
}

export interface Verdict {
  ok: boolean;
  reason: string;
  message: string;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration: number;
  lastTransitionTime: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const records = (value: unknown): Json[] => list(value).filter(isObject);
const spec = (obj: KubeObject): Json => (isObject(obj.spec) ? obj.spec : {});
const namespaceOf = (obj: KubeObject): string => obj.metadata.namespace ?? '';
const ok = (reason: string, message: string): Verdict => ({ ok: true, reason, message });
const fail = (reason: string, message: string): Verdict => ({ ok: false, reason, message });

function matchesSelector(selector: Json, labels: Readonly<Record<string, string>>): boolean {
  const matchLabels = isObject(selector.matchLabels) ? selector.matchLabels : {};
  if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) return false;
  return records(selector.matchExpressions).every((e) => {
    const key = str(e.key) ?? '';
    const values = list(e.values).map(String);
    const value = labels[key];
    switch (e.operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}

/** The route kinds a listener takes when allowedRoutes.kinds is empty: those of its protocol. */
function defaultKinds(protocol: string | undefined): string[] {
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS':
    case 'HBONE':
      return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS':
      return ['TLSRoute', 'TCPRoute'];
    case 'TCP':
      return ['TCPRoute'];
    default:
      return [];
  }
}

export function listenerKinds(listener: Json): string[] {
  const allowed = isObject(listener.allowedRoutes) ? listener.allowedRoutes : {};
  const kinds = records(allowed.kinds)
    .filter((k) => (str(k.group) ?? GATEWAY_API) === GATEWAY_API)
    .map((k) => str(k.kind) ?? '');
  return kinds.length > 0 ? kinds : defaultKinds(str(listener.protocol));
}

function listenerAllowsNamespace(
  listener: Json,
  gateway: KubeObject,
  routeNamespace: string,
  world: GatewayWorld,
): boolean {
  const allowed = isObject(listener.allowedRoutes) ? listener.allowedRoutes : {};
  const namespaces = isObject(allowed.namespaces) ? allowed.namespaces : {};
  switch (str(namespaces.from) ?? 'Same') {
    case 'All':
      return true;
    case 'Selector':
      return (
        isObject(namespaces.selector) &&
        matchesSelector(namespaces.selector, world.namespaceLabels(routeNamespace) ?? {})
      );
    default:
      return routeNamespace === namespaceOf(gateway);
  }
}

function hostnameMatches(listenerHost: string, routeHost: string): boolean {
  const suffix = (host: string): string | undefined =>
    host.startsWith('*.') ? host.slice(1) : undefined;
  const l = suffix(listenerHost);
  const r = suffix(routeHost);
  if (l === undefined && r === undefined) return listenerHost === routeHost;
  if (l !== undefined && r === undefined) return routeHost.endsWith(l);
  if (l === undefined && r !== undefined) return listenerHost.endsWith(r);
  return (l ?? '').endsWith(r ?? '') || (r ?? '').endsWith(l ?? '');
}

function hostnamesIntersect(listener: Json, route: KubeObject): boolean {
  const listenerHost = str(listener.hostname);
  const routeHosts = list(spec(route).hostnames).map(String);
  return (
    listenerHost === undefined ||
    routeHosts.length === 0 ||
    routeHosts.some((h) => hostnameMatches(listenerHost, h))
  );
}

/** Whether istiod owns a Gateway: its class exists and names one of Istio's controllers. */
function classController(gateway: KubeObject, world: GatewayWorld): string | undefined {
  const className = str(spec(gateway).gatewayClassName) ?? '';
  const controller = world.gatewayClass(className)?.spec;
  return isObject(controller) ? str(controller.controllerName) : undefined;
}

/** The listeners of a Gateway a route's parentRef lands on, or why it lands on none. */
function attach(
  route: KubeObject,
  ref: Json,
  gateway: KubeObject,
  world: GatewayWorld,
): { listeners: Json[]; verdict: Verdict } {
  const named = records(spec(gateway).listeners).filter(
    (l) =>
      (ref.sectionName === undefined || l.name === ref.sectionName) &&
      (ref.port === undefined || l.port === ref.port),
  );
  const where = `${namespaceOf(gateway)}/${gateway.metadata.name}`;
  if (named.length === 0)
    return {
      listeners: [],
      verdict: fail('NoMatchingParent', `no listener of ${where} matches the sectionName or port`),
    };
  const allowed = named.filter(
    (l) =>
      listenerAllowsNamespace(l, gateway, namespaceOf(route), world) &&
      listenerKinds(l).includes(route.kind),
  );
  if (allowed.length === 0)
    return {
      listeners: [],
      verdict: fail(
        'NotAllowedByListeners',
        `no listener of ${where} allows ${route.kind} from namespace ${namespaceOf(route)}`,
      ),
    };
  const hosts = allowed.filter((l) => hostnamesIntersect(l, route));
  if (hosts.length === 0)
    return {
      listeners: [],
      verdict: fail(
        'NoMatchingListenerHostname',
        `no hostname of the route matches a listener of ${where}`,
      ),
    };
  return { listeners: hosts, verdict: ok('Accepted', 'Route was valid') };
}

/** A parentRef's verdict; undefined when the parent belongs to another controller (Istio stays out). */
export function parentVerdict(
  route: KubeObject,
  ref: Json,
  world: GatewayWorld,
): Verdict | undefined {
  const namespace = str(ref.namespace) ?? namespaceOf(route);
  const name = str(ref.name) ?? '';
  const group = str(ref.group) ?? GATEWAY_API;
  const kind = str(ref.kind) ?? 'Gateway';
  if (group === '' && kind === 'Service')
    return world.service(namespace, name)
      ? ok('Accepted', 'Route was valid')
      : fail('NoMatchingParent', `parent service ${namespace}/${name} not found`);
  if (group !== GATEWAY_API || kind !== 'Gateway')
    return fail('NoMatchingParent', `unsupported parent kind ${group}/${kind}`);
  const gateway = world.gateway(namespace, name);
  if (!gateway) return fail('NoMatchingParent', `parent gateway ${namespace}/${name} not found`);
  const controller = classController(gateway, world);
  if (controller !== undefined && !ISTIO_CONTROLLERS.has(controller)) return undefined;
  return attach(route, ref, gateway, world).verdict;
}

function grantAllows(grant: KubeObject, route: KubeObject, backendName: string): boolean {
  const s = spec(grant);
  const from = records(s.from).some(
    (f) => f.group === GATEWAY_API && f.kind === route.kind && f.namespace === namespaceOf(route),
  );
  const to = records(s.to).some(
    (t) =>
      t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === backendName),
  );
  return from && to;
}

/** ResolvedRefs of the whole route: the first backendRef that does not resolve decides. */
export function backendVerdict(route: KubeObject, world: GatewayWorld): Verdict {
  for (const rule of records(spec(route).rules)) {
    for (const ref of records(rule.backendRefs)) {
      const group = str(ref.group) ?? '';
      const kind = str(ref.kind) ?? 'Service';
      const name = str(ref.name) ?? '';
      const namespace = str(ref.namespace) ?? namespaceOf(route);
      if (group !== '' || kind !== 'Service')
        return fail(
          'InvalidKind',
          `referencing unsupported backendRef: group "${group}" kind "${kind}"`,
        );
      if (
        namespace !== namespaceOf(route) &&
        !world.referenceGrants(namespace).some((g) => grantAllows(g, route, name))
      )
        return fail(
          'RefNotPermitted',
          `backendRef ${name}/${namespace} not accessible to a ${route.kind} in namespace "${namespaceOf(route)}" (missing a ReferenceGrant?)`,
        );
      if (!world.service(namespace, name))
        return fail('BackendNotFound', `backend(${name}.${namespace}.svc.cluster.local) not found`);
    }
  }
  return ok('ResolvedRefs', 'All references resolved');
}

/** Conditions at `now`, keeping a condition's lastTransitionTime while its status is unchanged. */
export function conditions(
  previous: unknown,
  next: readonly { type: string; verdict: Verdict; negative?: boolean }[],
  generation: number,
  now: string,
): Condition[] {
  const before = records(previous);
  return next.map(({ type, verdict, negative }) => {
    const status = verdict.ok !== (negative ?? false) ? 'True' : 'False';
    const old = before.find((c) => c.type === type);
    return {
      type,
      status,
      reason: verdict.reason,
      message: verdict.message,
      observedGeneration: generation,
      lastTransitionTime: old && old.status === status ? (str(old.lastTransitionTime) ?? now) : now,
    };
  });
}

/** status.parents of an HTTPRoute or GRPCRoute: other controllers' entries kept, Istio's rewritten. */
export function routeStatus(route: KubeObject, world: GatewayWorld, now: string): Json {
  const previous = isObject(route.status) ? records(route.status.parents) : [];
  const generation = route.metadata.generation ?? 1;
  const resolved = backendVerdict(route, world);
  const ours = records(spec(route).parentRefs).flatMap((parentRef) => {
    const accepted = parentVerdict(route, parentRef, world);
    if (!accepted) return [];
    const old = previous.find(
      (p) =>
        p.controllerName === GATEWAY_CONTROLLER &&
        JSON.stringify(p.parentRef) === JSON.stringify(parentRef),
    );
    return [
      {
        parentRef,
        controllerName: GATEWAY_CONTROLLER,
        conditions: conditions(
          old?.conditions,
          [
            { type: 'Accepted', verdict: accepted },
            { type: 'ResolvedRefs', verdict: resolved },
          ],
          generation,
          now,
        ),
      },
    ];
  });
  const others = previous.filter((p) => p.controllerName !== GATEWAY_CONTROLLER);
  return { ...(isObject(route.status) ? route.status : {}), parents: [...others, ...ours] };
}

/** The Service istiod deploys for a Gateway: `<name>-<class>`, a waypoint's is named as the Gateway. */
export function gatewayServiceName(gateway: KubeObject, controller: string): string {
  const className = str(spec(gateway).gatewayClassName) ?? '';
  return controller === GATEWAY_CONTROLLER
    ? `${gateway.metadata.name}-${className}`
    : gateway.metadata.name;
}

function attachedRoutes(gateway: KubeObject, listener: Json, world: GatewayWorld): number {
  return world.routes().filter((route) =>
    records(spec(route).parentRefs).some((ref) => {
      const kind = str(ref.kind) ?? 'Gateway';
      const group = str(ref.group) ?? GATEWAY_API;
      if (group !== GATEWAY_API || kind !== 'Gateway') return false;
      if ((str(ref.namespace) ?? namespaceOf(route)) !== namespaceOf(gateway)) return false;
      if (ref.name !== gateway.metadata.name) return false;
      return attach(route, ref, gateway, world).listeners.includes(listener);
    }),
  ).length;
}

/**
 * A Gateway's status, or undefined when its class names another controller. A Gateway whose class
 * does not exist is neither accepted nor programmed.
 */
export function gatewayStatus(
  gateway: KubeObject,
  world: GatewayWorld,
  now: string,
): Json | undefined {
  const previous = isObject(gateway.status) ? gateway.status : {};
  const generation = gateway.metadata.generation ?? 1;
  const className = str(spec(gateway).gatewayClassName) ?? '';
  const controller = classController(gateway, world);
  if (controller === undefined) {
    const missing = fail('Invalid', `GatewayClass "${className}" not found`);
    return {
      ...previous,
      conditions: conditions(
        previous.conditions,
        [
          { type: 'Accepted', verdict: missing },
          { type: 'Programmed', verdict: missing },
        ],
        generation,
        now,
      ),
    };
  }
  if (!ISTIO_CONTROLLERS.has(controller)) return undefined;
  const namespace = namespaceOf(gateway);
  const serviceName = gatewayServiceName(gateway, controller);
  const service = world.service(namespace, serviceName);
  const host = `${serviceName}.${namespace}.svc.cluster.local`;
  const ports = records(spec(gateway).listeners).map((l) => `${host}:${String(l.port)}`);
  const serviceSpec = service && isObject(service.spec) ? service.spec : undefined;
  const clusterIP = str(serviceSpec?.clusterIP);
  const programmed = service
    ? ok(
        'Programmed',
        `Resource programmed, assigned to service(s) ${[...new Set(ports)].join(', ')}`,
      )
    : fail('NoResources', `service ${namespace}/${serviceName} not found`);
  const previousListeners = records(previous.listeners);
  return {
    ...previous,
    addresses: service
      ? [
          clusterIP && clusterIP !== 'None'
            ? { type: 'IPAddress', value: clusterIP }
            : { type: 'Hostname', value: host },
        ]
      : [],
    conditions: conditions(
      previous.conditions,
      [
        { type: 'Accepted', verdict: ok('Accepted', 'Resource accepted') },
        { type: 'Programmed', verdict: programmed },
      ],
      generation,
      now,
    ),
    listeners: records(spec(gateway).listeners).map((listener) => {
      const fine = (reason: string): Verdict => ok(reason, 'No errors found');
      return {
        name: listener.name,
        supportedKinds: listenerKinds(listener).map((kind) => ({ group: GATEWAY_API, kind })),
        attachedRoutes: attachedRoutes(gateway, listener, world),
        conditions: conditions(
          previousListeners.find((l) => l.name === listener.name)?.conditions,
          [
            { type: 'Accepted', verdict: fine('Accepted') },
            { type: 'NoConflicts', verdict: fine('NoConflicts'), negative: true },
            { type: 'Programmed', verdict: fine('Programmed') },
            { type: 'ResolvedRefs', verdict: fine('ResolvedRefs') },
          ],
          generation,
          now,
        ),
      };
    }),
  };
}

/** Accepted for the classes istiod handles; undefined for every other class. */
export function gatewayClassStatus(gatewayClass: KubeObject, now: string): Json | undefined {
  const controller = str(spec(gatewayClass).controllerName) ?? '';
  if (!ISTIO_CONTROLLERS.has(controller)) return undefined;
  const previous = isObject(gatewayClass.status) ? gatewayClass.status : {};
  return {
    ...previous,
    conditions: conditions(
      previous.conditions,
      [{ type: 'Accepted', verdict: ok('Accepted', 'Handled by Istio controller') }],
      gatewayClass.metadata.generation ?? 1,
      now,
    ),
  };
}
