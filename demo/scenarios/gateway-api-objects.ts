import type { KubeObject } from '../kube/types.js';

/**
 * Builders for the Gateway API objects a scenario ships (gateway.networking.k8s.io/v1, standard
 * channel), with the status Istio's controllers write once they have accepted them, so a freshly
 * seeded demo looks like a cluster that has been running for a while.
 */

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
const API_VERSION = `${GATEWAY_API_GROUP}/v1`;
export const GATEWAY_CONTROLLER = 'istio.io/gateway-controller';
export const MESH_CONTROLLER = 'istio.io/mesh-controller';
/** When the demo's objects were "applied": a fixed instant keeps the scenario deterministic. */
const SINCE = '2026-01-05T09:00:00Z';

function condition(type: string, reason: string, message: string): Record<string, unknown> {
  return {
    type,
    status: 'True',
    reason,
    message,
    lastTransitionTime: SINCE,
    observedGeneration: 1,
  };
}

export function gatewayClass(
  name: string,
  controllerName: string,
  description: string,
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'GatewayClass',
    metadata: { name, generation: 1 },
    spec: { controllerName, description },
    status: { conditions: [condition('Accepted', 'Accepted', 'Handled by Istio controller')] },
  };
}

export interface ListenerDef {
  name: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'HBONE' | 'TCP';
  hostname?: string;
  allowedRoutes?: Record<string, unknown>;
}

export function k8sGateway(
  namespace: string,
  name: string,
  gatewayClassName: string,
  listeners: readonly ListenerDef[],
  opts: { labels?: Record<string, string>; address: string; attachedRoutes?: number },
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'Gateway',
    metadata: {
      name,
      namespace,
      generation: 1,
      ...(opts.labels ? { labels: opts.labels } : {}),
    },
    spec: { gatewayClassName, listeners: listeners.map((l) => ({ ...l })) },
    status: {
      addresses: [{ type: 'IPAddress', value: opts.address }],
      conditions: [
        condition('Accepted', 'Accepted', 'Resource accepted'),
        condition('Programmed', 'Programmed', 'Resource programmed, assigned to service(s)'),
      ],
      listeners: listeners.map((l) => ({
        name: l.name,
        attachedRoutes: opts.attachedRoutes ?? 0,
        supportedKinds:
          l.protocol === 'HBONE'
            ? []
            : [
                { group: GATEWAY_API_GROUP, kind: 'HTTPRoute' },
                { group: GATEWAY_API_GROUP, kind: 'GRPCRoute' },
              ],
        conditions: [
          condition('Accepted', 'Accepted', 'No errors found'),
          condition('Programmed', 'Programmed', 'No errors found'),
          condition('ResolvedRefs', 'ResolvedRefs', 'No errors found'),
        ],
      })),
    },
  };
}

export interface ParentRefDef {
  group?: string;
  kind?: string;
  namespace?: string;
  name: string;
  port?: number;
  sectionName?: string;
}

export function httpRoute(
  namespace: string,
  name: string,
  spec: { parentRefs: readonly ParentRefDef[] } & Record<string, unknown>,
  controllerName: string,
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'HTTPRoute',
    metadata: { name, namespace, generation: 1 },
    spec,
    status: {
      parents: spec.parentRefs.map((parentRef) => ({
        parentRef,
        controllerName,
        conditions: [
          condition('Accepted', 'Accepted', 'Route was valid'),
          condition('ResolvedRefs', 'ResolvedRefs', 'All references resolved'),
        ],
      })),
    },
  };
}

export function referenceGrant(
  namespace: string,
  name: string,
  from: readonly { group: string; kind: string; namespace: string }[],
  to: readonly { group: string; kind: string; name?: string }[],
): KubeObject {
  return {
    apiVersion: API_VERSION,
    kind: 'ReferenceGrant',
    metadata: { name, namespace, generation: 1 },
    spec: { from: from.map((f) => ({ ...f })), to: to.map((t) => ({ ...t })) },
  };
}

/**
 * A TCPRoute of the experimental channel (v1alpha2). The demo runs no status controller for it:
 * Meshlens does not read the kind, and the config page lists it as not checked.
 */
export function tcpRoute(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: `${GATEWAY_API_GROUP}/v1alpha2`,
    kind: 'TCPRoute',
    metadata: { name, namespace },
    spec,
  };
}
