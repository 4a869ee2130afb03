/**
 * istioctl's gateway CertificateAnalyzer cases (testdata gateway-duplicate-certificate.yaml,
 * analyzers_test.go "certificate duplication in Gateway"), rebuilt with our own objects.
 */
import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { checkGatewayDuplicateCertificate } from './gateway-duplicate-certificate';
import { istio, meshOf } from '../testing/mesh';

const ingress = { istio: 'ingressgateway' };
const internal = { istio: 'ingressgateway', type: 'internal' };

function gateway(
  namespace: string,
  name: string,
  selector: Record<string, string>,
  tls?: Record<string, unknown>,
): IstioObject {
  return istio('Gateway', namespace, name, {
    selector,
    servers: [
      {
        port: { number: tls ? 443 : 80, name: 'p', protocol: tls ? 'HTTPS' : 'HTTP' },
        hosts: [`${name}.example.com`],
        ...(tls && { tls }),
      },
    ],
  });
}

const cred = (credentialName: string) => ({ mode: 'SIMPLE', credentialName });

function reported(gateways: IstioObject[]): string[] {
  const mesh = meshOf(gateways);
  return gateways.flatMap((g) =>
    checkGatewayDuplicateCertificate(g, mesh).map(
      (v) => `${g.namespace}/${g.name} ${v.code} ${v.severity} ${v.path ?? ''}`,
    ),
  );
}

describe('checkGatewayDuplicateCertificate (IST0138)', () => {
  it('same credential on the same selector: both gateways', () => {
    expect(
      reported([
        gateway('istio-system', 'g1', ingress, cred('wildcard')),
        gateway('istio-system', 'g2', ingress, cred('wildcard')),
      ]),
    ).toEqual([
      'istio-system/g1 IST0138 warning spec.servers[0].tls',
      'istio-system/g2 IST0138 warning spec.servers[0].tls',
    ]);
  });

  it('only the gateway whose selector is within the other, across namespaces', () => {
    expect(
      reported([
        gateway('default', 'narrow', ingress, cred('shared')),
        gateway('istio-system', 'wide', internal, cred('shared')),
      ]),
    ).toEqual(['default/narrow IST0138 warning spec.servers[0].tls']);
  });

  it('the message names the other gateway and the credential', () => {
    const a = gateway('istio-system', 'g1', ingress, cred('wildcard'));
    const b = gateway('istio-system', 'g2', ingress, cred('wildcard'));
    expect(checkGatewayDuplicateCertificate(a, meshOf([a, b]))[0]?.message).toContain(
      "istio-system/g2 on the same workload also serves credential 'wildcard'",
    );
  });

  it('certificate files count as one certificate with their key', () => {
    const files = (key: string) => ({
      mode: 'SIMPLE',
      serverCertificate: '/etc/certs/cert.pem',
      privateKey: key,
    });
    expect(
      reported([
        gateway('istio-system', 'g1', ingress, files('/etc/certs/key.pem')),
        gateway('istio-system', 'g2', ingress, files('/etc/certs/key.pem')),
      ]),
    ).toHaveLength(2);
    expect(
      reported([
        gateway('istio-system', 'g1', ingress, files('/etc/certs/a.pem')),
        gateway('istio-system', 'g2', ingress, files('/etc/certs/b.pem')),
      ]),
    ).toEqual([]);
  });

  it('different credentials, plain HTTP, or TLS without a certificate: nothing', () => {
    expect(
      reported([
        gateway('istio-system', 'g1', ingress, cred('one')),
        gateway('istio-system', 'g2', ingress, cred('two')),
        gateway('default', 'h1', ingress),
        gateway('default', 'h2', ingress),
        gateway('default', 'r1', ingress, { httpsRedirect: true }),
        gateway('default', 'r2', ingress, { httpsRedirect: true }),
      ]),
    ).toEqual([]);
  });
});
