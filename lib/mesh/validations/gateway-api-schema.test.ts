import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IstioObject } from '@/lib/mesh/types';
import { toManifest } from './index';
import { validateSchema, type CrdSchemas } from './schema';

// Read as data, as the server merges them: Istio's schemas beside the Gateway API's.
const file = (name: string): CrdSchemas =>
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../kube', name), 'utf8'),
  ) as CrdSchemas;
const SCHEMAS: CrdSchemas = {
  ...file('istio-crd-schemas.gen.json'),
  ...file('gateway-api-crd-schemas.json'),
};

const k8sGateway: IstioObject = {
  kind: 'K8sGateway',
  apiVersion: 'gateway.networking.k8s.io/v1',
  namespace: 'travel',
  name: 'waypoint',
  resourceVersion: '1',
  labels: {},
  spec: {
    gatewayClassName: 'istio-waypoint',
    listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
  },
};

const gatewayClass: IstioObject = {
  kind: 'GatewayClass',
  apiVersion: 'gateway.networking.k8s.io/v1',
  namespace: '',
  name: 'istio',
  resourceVersion: '1',
  labels: {},
  spec: { controllerName: 'istio.io/gateway-controller' },
};

describe('the editor’s schema check on Gateway API kinds', () => {
  it('checks kind Gateway against the Gateway API schema when its group says so', () => {
    const manifest = toManifest(k8sGateway);
    expect(manifest.kind).toBe('Gateway');
    expect(validateSchema(manifest, SCHEMAS)).toEqual([]);
    // The same spec under Istio's group is checked against Istio's Gateway: its fields are unknown there.
    const asIstio = { ...manifest, apiVersion: 'networking.istio.io/v1' };
    expect(validateSchema(asIstio, SCHEMAS).length).toBeGreaterThan(0);
  });

  it('accepts a GatewayClass written without a namespace', () => {
    const manifest = toManifest(gatewayClass);
    expect(manifest.metadata).toEqual({ name: 'istio' });
    expect(validateSchema(manifest, SCHEMAS)).toEqual([]);
  });

  it('refuses a Gateway API Gateway with a wrong apiVersion, naming the group to use', () => {
    const wrong = { ...toManifest(k8sGateway), apiVersion: 'gateway.networking.k8s.io/v9' };
    const [finding] = validateSchema(wrong, SCHEMAS);
    expect(finding).toMatchObject({ code: 'IST0106', path: 'apiVersion' });
    expect(finding?.message).toContain('gateway.networking.k8s.io/v1');
  });

  it('refuses the domain name K8sGateway as a wire kind', () => {
    const manifest = { ...toManifest(k8sGateway), kind: 'K8sGateway' };
    expect(validateSchema(manifest, SCHEMAS)[0]).toMatchObject({ path: 'kind' });
  });
});
