/**
 * istioctl's gateway SecretAnalyzer cases (testdata gateway-secrets.yaml, analyzers_test.go
 * "gatewaySecret"), rebuilt with our own objects; IST0161 from Secret types only (no data known).
 */
import { describe, expect, it } from 'vitest';
import type { InventorySecret, IstioObject } from '@/lib/mesh/types';
import { checkGatewaySecrets } from './gateway-secrets';
import { istio, meshOf, pod } from '../testing/mesh';
import type { MeshConfig } from './types';

const ingressPod = pod('istio-system', 'istio-ingressgateway-1', { istio: 'ingressgateway' });
const customPod = pod('custom', 'custom-gateway-1', { myapp: 'custom-gateway' });

function mesh(secrets: readonly InventorySecret[] | undefined): MeshConfig {
  const base = meshOf([], [], [ingressPod, customPod]);
  return { ...base, inventory: { ...base.inventory, ...(secrets && { secrets }) } };
}

const tlsSecret: InventorySecret = {
  namespace: 'istio-system',
  name: 'httpbin-credential',
  type: 'kubernetes.io/tls',
};

function gateway(selector: Record<string, string>, tls?: Record<string, unknown>): IstioObject {
  return istio('Gateway', 'default', 'gw', {
    selector,
    servers: [
      { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['a.example.com'] },
      {
        port: { number: 443, name: 'https', protocol: 'HTTPS' },
        hosts: ['a.example.com'],
        ...(tls && { tls }),
      },
    ],
  });
}

const check = (gw: IstioObject, secrets: readonly InventorySecret[] | undefined = [tlsSecret]) =>
  checkGatewaySecrets(gw, mesh(secrets)).map((v) => [v.code, v.severity, v.path]);

describe('checkGatewaySecrets (IST0101 credentialName, IST0161)', () => {
  const simple = (credentialName: string) => ({ mode: 'SIMPLE', credentialName });

  it("finds the Secret in the gateway workload's namespace, not the Gateway's", () => {
    expect(check(gateway({ istio: 'ingressgateway' }, simple('httpbin-credential')))).toEqual([]);
  });

  it('a credential that does not exist there is not found (bogusCredentialName, wrongnamespace)', () => {
    expect(check(gateway({ istio: 'ingressgateway' }, simple('httpbin-credential-bogus')))).toEqual(
      [['IST0101', 'error', 'spec.servers[1].tls.credentialName']],
    );
    const found = checkGatewaySecrets(
      gateway({ myapp: 'custom-gateway' }, simple('httpbin-credential')),
      mesh([tlsSecret]),
    );
    expect(found.map((v) => v.code)).toEqual(['IST0101']);
    expect(found[0]?.message).toContain('namespace custom');
    expect(found[0]?.message).toContain('there is one in istio-system');
  });

  it('`ns/name` names the namespace explicitly', () => {
    expect(
      check(gateway({ myapp: 'custom-gateway' }, simple('istio-system/httpbin-credential'))),
    ).toEqual([]);
  });

  it('no credentialName, no TLS, no selected pod, or unknown Secrets: nothing', () => {
    expect(check(gateway({ istio: 'ingressgateway' }, { mode: 'SIMPLE' }))).toEqual([]);
    expect(check(gateway({ istio: 'ingressgateway' }))).toEqual([]);
    // The selector itself is checkGatewayPorts' finding.
    expect(check(gateway({ istio: 'nothing' }, simple('missing')))).toEqual([]);
    const unknown = checkGatewaySecrets(
      gateway({ istio: 'ingressgateway' }, simple('missing')),
      mesh(undefined),
    );
    expect(unknown).toEqual([]);
  });

  it('a Secret of a type that cannot hold a certificate is invalid (IST0161)', () => {
    const pull: InventorySecret = {
      namespace: 'istio-system',
      name: 'registry',
      type: 'kubernetes.io/dockerconfigjson',
    };
    expect(check(gateway({ istio: 'ingressgateway' }, simple('registry')), [pull])).toEqual([
      ['IST0161', 'error', 'spec.servers[1].tls.credentialName'],
    ]);
  });

  it('kubernetes.io/tls, Opaque and custom types pass (their keys are not known)', () => {
    for (const type of ['kubernetes.io/tls', 'Opaque', 'example.com/cert']) {
      const secret = { ...tlsSecret, type };
      expect(
        check(gateway({ istio: 'ingressgateway' }, simple('httpbin-credential')), [secret]),
      ).toEqual([]);
    }
  });
});
