import type { KubeObject } from '../kube/types.js';

/** Builders for the Istio CRDs a scenario ships (networking.istio.io/v1, security.istio.io/v1). */

const NETWORKING = 'networking.istio.io/v1';

export function virtualService(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): KubeObject {
  return { apiVersion: NETWORKING, kind: 'VirtualService', metadata: { name, namespace }, spec };
}

export function destinationRule(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): KubeObject {
  return { apiVersion: NETWORKING, kind: 'DestinationRule', metadata: { name, namespace }, spec };
}

export function gateway(namespace: string, name: string, hosts: readonly string[]): KubeObject {
  return {
    apiVersion: NETWORKING,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 8080, name: 'http', protocol: 'HTTP' }, hosts }],
    },
  };
}

export function serviceEntry(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): KubeObject {
  return { apiVersion: NETWORKING, kind: 'ServiceEntry', metadata: { name, namespace }, spec };
}

export function peerAuthentication(
  namespace: string,
  name: string,
  mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE',
  selector?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name, namespace },
    spec: { ...(selector ? { selector: { matchLabels: selector } } : {}), mtls: { mode } },
  };
}

/** The subsets v1..vn keyed on the version label, as in Bookinfo's destination-rule-all.yaml. */
export function versionSubsets(versions: readonly string[]): Record<string, unknown>[] {
  return versions.map((v) => ({ name: v, labels: { version: v } }));
}

export function authorizationPolicy(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name, namespace },
    spec,
  };
}

/** The apiVersion the demo writes each of the other Istio kinds in (the one Meshlens reads). */
const API_VERSIONS = {
  Sidecar: NETWORKING,
  RequestAuthentication: 'security.istio.io/v1',
  ProxyConfig: 'networking.istio.io/v1beta1',
  Telemetry: 'telemetry.istio.io/v1',
} as const;

export function istioObject(
  kind: keyof typeof API_VERSIONS,
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): KubeObject {
  return { apiVersion: API_VERSIONS[kind], kind, metadata: { name, namespace }, spec };
}
