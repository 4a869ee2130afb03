import { describe, expect, it } from 'vitest';
import { istio } from '@/lib/mesh/testing/mesh';
import { checkTlsCaCertificates } from './tls-ca-certificates';

const dr = (spec: Record<string, unknown>) =>
  checkTlsCaCertificates(
    istio('DestinationRule', 'default', 'db-tls', { host: 'db.prod.svc.cluster.local', ...spec }),
  ).map((v) => `${v.code} ${v.severity} ${v.path}`);

describe('checkTlsCaCertificates (IST0128, IST0129)', () => {
  it('warns about SIMPLE and MUTUAL without caCertificates at the rule level', () => {
    expect(dr({ trafficPolicy: { tls: { mode: 'SIMPLE' } } })).toEqual([
      'IST0128 warning spec.trafficPolicy.tls',
    ]);
    expect(
      dr({
        trafficPolicy: {
          tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem' },
        },
      }),
    ).toEqual(['IST0128 warning spec.trafficPolicy.tls']);
  });

  it('warns per port, beside the rule level, naming the port', () => {
    const found = checkTlsCaCertificates(
      istio('DestinationRule', 'default', 'db', {
        host: 'db',
        trafficPolicy: {
          tls: { mode: 'MUTUAL' },
          portLevelSettings: [
            { port: { number: 443 }, tls: { mode: 'SIMPLE' } },
            { port: { number: 8443 }, tls: { mode: 'SIMPLE', caCertificates: '/ca.pem' } },
          ],
        },
      }),
    );
    expect(found.map((v) => `${v.code} ${v.path}`)).toEqual([
      'IST0128 spec.trafficPolicy.tls',
      'IST0129 spec.trafficPolicy.portLevelSettings[0].tls',
    ]);
    expect(found[1]?.message).toContain('port 443 is SIMPLE');
  });

  it('counts credentialName as the CA only on a rule with a workloadSelector', () => {
    const tls = { mode: 'SIMPLE', credentialName: 'db-credential' };
    expect(dr({ trafficPolicy: { tls } })).toEqual(['IST0128 warning spec.trafficPolicy.tls']);
    expect(
      dr({ trafficPolicy: { tls }, workloadSelector: { matchLabels: { app: 'db' } } }),
    ).toEqual([]);
    expect(
      dr({
        trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls }] },
        workloadSelector: { matchLabels: { app: 'db' } },
      }),
    ).toEqual([]);
  });

  it('accepts a CA, ISTIO_MUTUAL, DISABLE and subsets (which istioctl does not read)', () => {
    expect(dr({ trafficPolicy: { tls: { mode: 'SIMPLE', caCertificates: '/ca.pem' } } })).toEqual(
      [],
    );
    expect(dr({ trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })).toEqual([]);
    expect(dr({ trafficPolicy: { tls: { mode: 'DISABLE' } } })).toEqual([]);
    expect(dr({ subsets: [{ name: 'v1', trafficPolicy: { tls: { mode: 'SIMPLE' } } }] })).toEqual(
      [],
    );
  });

  it('ignores other kinds', () => {
    expect(
      checkTlsCaCertificates(
        istio('Gateway', 'default', 'g', { trafficPolicy: { tls: { mode: 'SIMPLE' } } }),
      ),
    ).toEqual([]);
  });
});
