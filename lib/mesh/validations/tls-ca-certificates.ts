import { isRecord, type Json } from '@/lib/mesh/istio/read';
import type { IstioObject } from '@/lib/mesh/types';
import { formatPath, type PathSegment } from './path';
import type { Validation } from './types';

/**
 * IST0128 NoServerCertificateVerificationDestinationLevel and IST0129 …PortLevel, warnings as in
 * istioctl's destinationrule CaCertificateAnalyzer (istio/istio pkg/config/analysis/analyzers/
 * destinationrule/ca-certificates.go): a SIMPLE or MUTUAL origination with no CA names nothing to
 * verify the server's identity against. Istio counts a `credentialName` as the CA only on a rule with a `workloadSelector`,
 * and looks at the top-level traffic policy and its port-level settings, not at subsets'.
 */
export const NO_CA_DESTINATION_CODE = 'IST0128';
export const NO_CA_PORT_CODE = 'IST0129';

const VERIFYING_MODES = new Set(['SIMPLE', 'MUTUAL']);

/** The TLS mode when `tls` originates TLS that should verify the server but names no CA. */
function unverifiedMode(tls: unknown, hasSelector: boolean): string | undefined {
  if (!isRecord(tls) || typeof tls.mode !== 'string' || !VERIFYING_MODES.has(tls.mode))
    return undefined;
  if (typeof tls.caCertificates === 'string' && tls.caCertificates !== '') return undefined;
  if (hasSelector && typeof tls.credentialName === 'string' && tls.credentialName !== '')
    return undefined;
  return tls.mode;
}

function portLabel(settings: Json): string {
  const port = settings.port;
  return isRecord(port) && typeof port.number === 'number' ? `port ${port.number}` : 'this port';
}

export function checkTlsCaCertificates(obj: IstioObject): Validation[] {
  if (obj.kind !== 'DestinationRule') return [];
  const policy = obj.spec.trafficPolicy;
  if (!isRecord(policy)) return [];
  const host = typeof obj.spec.host === 'string' ? obj.spec.host : 'its host';
  const hasSelector = obj.spec.workloadSelector !== undefined && obj.spec.workloadSelector !== null;
  const fix = `Set caCertificates (a CA file on the proxy)${hasSelector ? ' or credentialName' : ', or credentialName with a workloadSelector,'} so the server's certificate is verified, or use ISTIO_MUTUAL for a service in the mesh.`;
  const found = (code: string, path: PathSegment[], what: string): Validation => ({
    code,
    severity: 'warning',
    message: `${what} with no caCertificates to verify the certificate ${host} presents: the proxy trusts its system CA bundle at best, and any certificate where VERIFY_CERTIFICATE_AT_CLIENT is off. ${fix}`,
    path: formatPath(path),
  });
  const out: Validation[] = [];
  const top = unverifiedMode(policy.tls, hasSelector);
  if (top)
    out.push(found(NO_CA_DESTINATION_CODE, ['spec', 'trafficPolicy', 'tls'], `TLS mode is ${top}`));
  const ports = Array.isArray(policy.portLevelSettings) ? policy.portLevelSettings : [];
  ports.forEach((settings: unknown, i) => {
    if (!isRecord(settings)) return;
    const mode = unverifiedMode(settings.tls, hasSelector);
    if (mode)
      out.push(
        found(
          NO_CA_PORT_CODE,
          ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'],
          `TLS mode for ${portLabel(settings)} is ${mode}`,
        ),
      );
  });
  return out;
}
