/**
 * What `istioctl analyze` assumes of a cluster it is not shown: Istio's default ingress gateway, a pod
 * labelled `istio: ingressgateway` behind the Service `istio-ingressgateway` in the control plane's
 * namespace, unless the mesh config turns the ingress controller off. Without it, files written for
 * that gateway (most of Istio's examples) would report their gateway as selecting nothing.
 */
import { parse } from 'yaml';
import { isRecord } from '../istio/read';

const CONTROL_PLANE_NAMESPACE = 'istio-system';
const DEFAULT_INGRESS_SERVICE = 'istio-ingressgateway';
const MAX_ALIASES = 20;

/** The ports of Istio's default ingress Service, each forwarded to the same pod port. */
const PORTS: readonly (readonly [string, number])[] = [
  ['http2', 80],
  ['https', 443],
  ['tcp', 31400],
  ['tls', 15443],
];

function meshFields(meshConfig: string | undefined): Record<string, unknown> {
  if (meshConfig === undefined) return {};
  try {
    const value: unknown = parse(meshConfig, { maxAliasCount: MAX_ALIASES });
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

/** The assumed ingress Pod and Service as manifests; none when the mesh config sets it OFF. */
export function defaultIngressManifests(meshConfig?: string): Record<string, unknown>[] {
  const fields = meshFields(meshConfig);
  if (fields.ingressControllerMode === 'OFF') return [];
  const service =
    typeof fields.ingressService === 'string' && fields.ingressService !== ''
      ? fields.ingressService
      : DEFAULT_INGRESS_SERVICE;
  const labels = { istio: 'ingressgateway' };
  return [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `${service}-dummypod`, namespace: CONTROL_PLANE_NAMESPACE, labels },
      spec: { containers: [{ name: 'istio-proxy' }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service, namespace: CONTROL_PLANE_NAMESPACE },
      spec: {
        selector: labels,
        ports: PORTS.map(([name, port]) => ({ name, port, protocol: 'TCP', targetPort: port })),
      },
    },
  ];
}
