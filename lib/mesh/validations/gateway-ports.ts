import type { InventoryService, IstioObject } from '@/lib/mesh/types';
import { describeSelector, gatewayPods, readGatewayDetail, servicesOfPod } from './gateway-servers';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * istioctl's IngressGatewayPortAnalyzer (istio/istio pkg/config/analysis/analyzers/gateway/gateway.go):
 * IST0101 ReferencedResourceNotFound, an error, when the Gateway's selector picks no pod, and IST0162
 * GatewayPortNotDefinedOnService, a warning, for a server port no Service of the selected pods exposes.
 * IST0104 GatewayPortNotOnWorkload is the code istioctl used for the latter before 1.20.
 */
export const GATEWAY_SELECTOR_NOT_FOUND_CODE = 'IST0101';
export const GATEWAY_PORT_NOT_ON_SERVICE_CODE = 'IST0162';

/**
 * The ports a gateway listener may use behind `services`: each TCP Service port and its numeric
 * targetPort. Istio binds a server port equal to a Service port on that port's targetPort, and one
 * equal to a targetPort as it is; a named targetPort leaves only the Service port.
 */
function reachablePorts(services: readonly InventoryService[]): Set<number> {
  const ports = new Set<number>();
  for (const svc of services) {
    for (const p of svc.ports) {
      if ((p.protocol || 'TCP').toUpperCase() !== 'TCP') continue;
      ports.add(p.port);
      const target = typeof p.targetPort === 'string' ? Number(p.targetPort) : p.targetPort;
      if (target !== undefined && Number.isInteger(target) && target > 0) ports.add(target);
    }
  }
  return ports;
}

function describePorts(services: readonly InventoryService[]): string {
  const ports = services.flatMap((s) =>
    s.ports.map((p) =>
      p.targetPort !== undefined && p.targetPort !== p.port
        ? `${p.port}→${p.targetPort}`
        : `${p.port}`,
    ),
  );
  return [...new Set(ports)].join(', ');
}

/**
 * Whether finding no pod for `selector` proves it wrong. Not when Meshlens watches only some
 * namespaces and not the control plane's, where gateway pods usually run; nor for the selectors of
 * Istio's own ingress and egress gateways, which istioctl assumes installed when analysing files and
 * Kiali always accepts: their pods may simply be out of view.
 */
function selectorProvablyUnmatched(selector: Readonly<Record<string, string>>, mesh: MeshConfig) {
  const keys = Object.keys(selector);
  const istioDefault =
    keys.length === 1 &&
    (selector.istio === 'ingressgateway' || selector.istio === 'egressgateway');
  const namespaces = mesh.inventory.namespaces;
  const root = mesh.rootNamespace ?? 'istio-system';
  return !istioDefault && (namespaces.length === 0 || namespaces.some((n) => n.name === root));
}

export function checkGatewayPorts(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Gateway') return [];
  // No pod known at all means the inventory could not list them, not that none runs.
  if (mesh.inventory.pods.length === 0) return [];
  const gateway = readGatewayDetail(obj.spec);
  const selector = describeSelector(gateway.selector);
  const pods = gatewayPods(gateway, mesh);
  if (pods.length === 0)
    return selectorProvablyUnmatched(gateway.selector, mesh)
      ? [
          {
            code: GATEWAY_SELECTOR_NOT_FOUND_CODE,
            severity: 'error',
            message: `No pod has the labels ${selector}, so no gateway proxy serves this Gateway and its servers are never applied. Fix the selector to match the gateway deployment's pod labels (e.g. istio=ingressgateway), or deploy that gateway.`,
            path: 'spec.selector',
          },
        ]
      : [];
  const services = [
    ...new Map(
      pods.flatMap((p) => servicesOfPod(p, mesh)).map((s) => [`${s.namespace}/${s.name}`, s]),
    ).values(),
  ];
  const reachable = reachablePorts(services);
  const where = [...new Set(pods.map((p) => p.namespace))].join(', ');
  return gateway.servers.flatMap((server): Validation[] => {
    if (server.port === undefined || reachable.has(server.port)) return [];
    return [
      {
        code: GATEWAY_PORT_NOT_ON_SERVICE_CODE,
        severity: 'warning',
        message: services.length
          ? `Port ${server.port} is not exposed by the Service of the gateway workload (${selector} in ${where}): ${services.map((s) => `${s.namespace}/${s.name}`).join(', ')} offer ${describePorts(services) || 'no port'}. Traffic through the Service never reaches this listener; use one of those ports (the Service port or its targetPort) or add ${server.port} to the Service.`
          : `Port ${server.port} is not exposed by any Service: no Service selects the gateway workload's pods (${selector} in ${where}), so nothing reaches this listener through a Service. Create one that exposes the port.`,
        path: formatPath([...server.path, 'port', 'number']),
      },
    ];
  });
}
