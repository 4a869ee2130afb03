import type { IstioObject } from '@/lib/mesh/types';
import { otherGateways, readGatewayDetail, type ServerTls } from './gateway-servers';
import { formatPath } from './path';
import { labelsMatch } from './spec-walk';
import type { MeshConfig, Validation } from './types';

/**
 * IST0138 GatewayDuplicateCertificate, a warning (istioctl's gateway CertificateAnalyzer, istio/istio
 * pkg/config/analysis/analyzers/gateway/certificate.go): another Gateway on the same workload serves
 * the same certificate. A browser reuses an HTTP/2 connection for every host the certificate covers,
 * and the second Gateway's hosts then answer 404 on that connection.
 */
export const DUPLICATE_CERTIFICATE_CODE = 'IST0138';

/** The certificate a server presents; undefined when it names none (nothing can be duplicated). */
function certificateOf(tls: ServerTls | undefined): string | undefined {
  if (!tls || (!tls.credentialName && !tls.serverCertificate)) return undefined;
  return JSON.stringify([
    tls.credentialName ?? '',
    tls.serverCertificate ?? '',
    tls.privateKey ?? '',
  ]);
}

function describeCertificate(tls: ServerTls): string {
  return tls.credentialName
    ? `credential '${tls.credentialName}'`
    : `certificate file ${tls.serverCertificate ?? ''}`;
}

export function checkGatewayDuplicateCertificate(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Gateway') return [];
  const gateway = readGatewayDetail(obj.spec);
  // As istioctl: the other Gateway counts when this one's selector is empty or within the other's,
  // so it runs at least on the pods the other one does.
  const others = otherGateways(obj, mesh)
    .map((o) => ({ name: `${o.namespace}/${o.name}`, detail: readGatewayDetail(o.spec) }))
    .filter((o) => labelsMatch(gateway.selector, o.detail.selector));
  return gateway.servers.flatMap((server): Validation[] => {
    const certificate = certificateOf(server.tls);
    if (!certificate || !server.tls) return [];
    const sharing = others
      .filter((o) => o.detail.servers.some((s) => certificateOf(s.tls) === certificate))
      .map((o) => o.name)
      .sort();
    if (sharing.length === 0) return [];
    return [
      {
        code: DUPLICATE_CERTIFICATE_CODE,
        severity: 'warning',
        message: `Gateway ${sharing.join(', ')} on the same workload also serves ${describeCertificate(server.tls)}. Clients reuse one HTTP/2 connection for every host the certificate covers and get 404s for the other Gateway's hosts; serve these hosts from one Gateway, or give each Gateway its own certificate.`,
        path: formatPath([...server.path, 'tls']),
      },
    ];
  });
}
