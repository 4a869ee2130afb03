import type { InventoryService } from '@/lib/mesh/types';
import { isSystemNamespace } from './system-namespaces';
import type { MeshConfig, ResourceFinding, Validation } from './types';

/**
 * istioctl's service.PortNameAnalyzer (pkg/config/analysis/analyzers/service/portname.go): IST0118 a
 * Service port whose protocol Istio cannot tell from its `appProtocol` or `<protocol>[-suffix]` name,
 * so it falls back to protocol sniffing; IST0150 the same on an ExternalName Service (or a port named
 * plain `tcp` there), whose traffic the proxy may then not forward.
 */
export const PORT_NAME_CODE = 'IST0118';
export const EXTERNAL_NAME_PORT_CODE = 'IST0150';

/** Istio's protocol names (pkg/config/protocol), lower-cased. */
const PROTOCOLS = new Set([
  'tcp',
  'udp',
  'grpc',
  'grpc-web',
  'http',
  'http_proxy',
  'http2',
  'https',
  'tls',
  'mongo',
  'redis',
  'mysql',
]);

/** Kubernetes' standard appProtocol values Istio maps to its own. */
const KUBERNETES_APP_PROTOCOLS = new Set([
  'kubernetes.io/h2c',
  'kubernetes.io/ws',
  'kubernetes.io/wss',
]);

/** Ports Istio treats as TCP when nothing names their protocol: SMTP, DNS, MySQL, MongoDB. */
const WELL_KNOWN_PORTS = new Set([25, 53, 3306, 27017]);

/** The `gateway.istio.io/managed` values of the Services Istio generates for its gateways and waypoints. */
const ISTIO_MANAGED = new Set([
  'istio.io-gateway-controller',
  'istio.io-mesh-controller',
  'istio.io-eastwest-controller',
]);

type Port = InventoryService['ports'][number];

/** True when Istio can name the port's protocol, as its ConvertProtocol does. */
function protocolKnown(port: Port): boolean {
  if (port.protocol.toUpperCase() === 'UDP') return true;
  const name = port.appProtocol ?? port.name ?? '';
  if (port.appProtocol !== undefined && KUBERNETES_APP_PROTOCOLS.has(name)) return true;
  if (name.toLowerCase().startsWith('grpc-web')) return true;
  const prefix = name.split('-')[0]?.toLowerCase() ?? '';
  return PROTOCOLS.has(prefix) || WELL_KNOWN_PORTS.has(port.port);
}

/**
 * Istio's control plane (label `istio`, or `release: istio`), the Services Istio generates itself, and
 * those in front of Istio's gateway pods (selected by their `istio` label), whose ports are Istio's.
 */
function ownedByIstio(svc: InventoryService): boolean {
  const labels = svc.labels ?? {};
  return (
    'istio' in labels ||
    labels.release === 'istio' ||
    ISTIO_MANAGED.has(labels['gateway.istio.io/managed'] ?? '') ||
    'istio' in svc.selector
  );
}

function portFinding(svc: InventoryService, port: Port, index: number): Validation | undefined {
  const externalName = typeOf(svc) === 'ExternalName';
  if (protocolKnown(port) && !(externalName && port.name === 'tcp')) return undefined;
  const label = port.name ? `Port name ${port.name}` : 'An unnamed port';
  const target = port.targetPort ?? port.port;
  return externalName
    ? {
        code: EXTERNAL_NAME_PORT_CODE,
        severity: 'warning',
        message: `${label} (port ${port.port}) of this ExternalName Service does not name a protocol the proxy forwards as is: traffic to it as TCP may not be forwarded correctly. Name it for its protocol, e.g. https-${port.port} or tls-${port.port}.`,
        path: `spec.ports[${index}]`,
      }
    : {
        code: PORT_NAME_CODE,
        severity: 'info',
        message: `${label} (port: ${port.port}, targetPort: ${target}) doesn't follow Istio's naming convention <protocol>[-<suffix>], so Istio has to sniff the protocol. Name it e.g. http-${port.port} or tcp-${port.port}, or set appProtocol.`,
        path: `spec.ports[${index}]`,
      };
}

/**
 * A Service's type, or undefined when the inventory does not tell and the Service has no selector: an
 * ExternalName Service selects nothing, and its ports are judged differently.
 */
function typeOf(svc: InventoryService): string | undefined {
  return svc.type ?? (Object.keys(svc.selector).length > 0 ? 'ClusterIP' : undefined);
}

export function analyzeServicePortNames(mesh: MeshConfig): ResourceFinding[] {
  return mesh.inventory.services
    .filter((svc) => typeOf(svc) !== undefined && !isSystemNamespace(svc.namespace))
    .filter((svc) => !ownedByIstio(svc))
    .flatMap((svc) =>
      svc.ports.flatMap((port, index) => {
        const validation = portFinding(svc, port, index);
        if (!validation) return [];
        return [
          { resource: { kind: 'Service', namespace: svc.namespace, name: svc.name }, validation },
        ];
      }),
    );
}
