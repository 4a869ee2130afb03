import type { IstioObject } from '@/lib/mesh/types';
import { gatewayPods, readGatewayDetail } from './gateway-servers';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * istioctl's gateway SecretAnalyzer (istio/istio pkg/config/analysis/analyzers/gateway/secret.go):
 * IST0101 ReferencedResourceNotFound, an error, for a server's `tls.credentialName` with no Secret in
 * the namespace of the gateway workload (not the Gateway's own), and IST0161 InvalidGatewayCredential,
 * an error, for a Secret that cannot hold the certificate. Meshlens knows Secrets' names and types,
 * never their data: a missing key, a malformed or expired certificate are not checked.
 */
export const CREDENTIAL_NOT_FOUND_CODE = 'IST0101';
export const INVALID_GATEWAY_CREDENTIAL_CODE = 'IST0161';

/**
 * Secret types whose keys are fixed by Kubernetes for another purpose: none carries the `tls.crt` /
 * `tls.key` or `cert` / `key` pair Istio reads. `kubernetes.io/tls`, `Opaque` and custom types may.
 */
const NOT_A_CERTIFICATE: ReadonlySet<string> = new Set([
  'kubernetes.io/service-account-token',
  'kubernetes.io/dockercfg',
  'kubernetes.io/dockerconfigjson',
  'kubernetes.io/basic-auth',
  'kubernetes.io/ssh-auth',
  'bootstrap.kubernetes.io/token',
]);

/** `ns/name` names a Secret in that namespace; a bare name is in the gateway workload's. */
function secretKey(credentialName: string, workloadNamespace: string): [string, string] {
  const slash = credentialName.indexOf('/');
  return slash < 0
    ? [workloadNamespace, credentialName]
    : [credentialName.slice(0, slash), credentialName.slice(slash + 1)];
}

export function checkGatewaySecrets(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Gateway') return [];
  const secrets = mesh.inventory.secrets;
  if (!secrets) return [];
  const gateway = readGatewayDetail(obj.spec);
  // Istio reads credentials where the gateway runs; with no pod selected checkGatewayPorts reports
  // the selector and there is no namespace to look in.
  const pod = gatewayPods(gateway, mesh)[0];
  if (!pod) return [];
  return gateway.servers.flatMap((server): Validation[] => {
    const credentialName = server.tls?.credentialName;
    if (!credentialName) return [];
    const [namespace, name] = secretKey(credentialName, pod.namespace);
    const path = formatPath([...server.path, 'tls', 'credentialName']);
    const secret = secrets.find((s) => s.namespace === namespace && s.name === name);
    if (!secret) {
      const elsewhere = secrets
        .filter((s) => s.name === name)
        .map((s) => s.namespace)
        .sort();
      return [
        {
          code: CREDENTIAL_NOT_FOUND_CODE,
          severity: 'error',
          message: `Secret '${name}' does not exist in namespace ${namespace}, where this gateway's workload runs and Istio looks for its credentials${elsewhere.length ? ` (there is one in ${elsewhere.join(', ')})` : ''}. The server on port ${server.port ?? '?'} has no certificate and its TLS handshakes fail. Create it there (kubectl create secret tls ${name} -n ${namespace} --cert=… --key=…) or fix credentialName.`,
          path,
        },
      ];
    }
    if (!NOT_A_CERTIFICATE.has(secret.type)) return [];
    return [
      {
        code: INVALID_GATEWAY_CREDENTIAL_CODE,
        severity: 'error',
        message: `Secret ${namespace}/${name} is of type ${secret.type}, which holds no TLS certificate and key, so the gateway cannot serve TLS with it. Point credentialName at a kubernetes.io/tls Secret (tls.crt, tls.key, optional ca.crt) or an Opaque one (cert, key, optional cacert).`,
        path,
      },
    ];
  });
}
