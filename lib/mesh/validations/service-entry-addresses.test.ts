import { describe, expect, it } from 'vitest';
import { istio, meshOf } from '@/lib/mesh/testing/mesh';
import type { IstioObject } from '@/lib/mesh/types';
import { checkServiceEntryAddresses } from './service-entry-addresses';
import type { MeshConfig } from './types';

const se = (spec: Record<string, unknown>, status?: Record<string, unknown>): IstioObject => ({
  ...istio('ServiceEntry', 'default', 'se', {
    hosts: ['istio.io'],
    location: 'MESH_EXTERNAL',
    resolution: 'DNS',
    ...spec,
  }),
  ...(status && { status }),
});
const port = (protocol?: string) => ({
  number: 443,
  name: 'https',
  ...(protocol !== undefined && { protocol }),
});
const paths = (obj: IstioObject, mesh: MeshConfig = meshOf([])) =>
  checkServiceEntryAddresses(obj, mesh).map((v) => `${v.code} ${v.severity} ${v.path}`);

function withMeshConfig(proxyMetadata: Record<string, string>): MeshConfig {
  const mesh = meshOf([]);
  const text = `defaultConfig:\n  proxyMetadata:\n${Object.entries(proxyMetadata)
    .map(([k, v]) => `    ${k}: "${v}"`)
    .join('\n')}\n`;
  return {
    ...mesh,
    inventory: {
      ...mesh.inventory,
      configMaps: [{ namespace: 'istio-system', name: 'istio', data: { mesh: text } }],
    },
  };
}

describe('checkServiceEntryAddresses (IST0134)', () => {
  it('warns about each port without a protocol or TCP (any case) when there are no addresses', () => {
    expect(paths(se({ ports: [port(), port(''), port('TCP'), port('tcp')] }))).toEqual([
      'IST0134 warning spec.ports[0]',
      'IST0134 warning spec.ports[1]',
      'IST0134 warning spec.ports[2]',
      'IST0134 warning spec.ports[3]',
    ]);
  });

  it('accepts other protocols, and any port once addresses are given or allocated', () => {
    expect(paths(se({ ports: [port('HTTPS'), port('HTTP'), port('TLS')] }))).toEqual([]);
    expect(paths(se({ addresses: ['10.0.0.1'], ports: [port('TCP')] }))).toEqual([]);
  });

  it('counts addresses istiod allocated in the status only where DNS capture lets proxies use them', () => {
    const allocated = se({ ports: [port('TCP')] }, { addresses: [{ value: '240.240.0.1' }] });
    expect(paths(allocated, withMeshConfig({ ISTIO_META_DNS_CAPTURE: 'true' }))).toEqual([]);
    expect(paths(allocated, withMeshConfig({ ISTIO_META_DNS_CAPTURE: 'false' }))).toHaveLength(1);
    expect(paths(allocated)).toHaveLength(1);
  });

  it('accepts it when the mesh config turns on DNS capture with auto-allocation', () => {
    const obj = se({ ports: [port('TCP')] });
    const on = { ISTIO_META_DNS_CAPTURE: 'true' };
    expect(paths(obj, withMeshConfig({ ...on, ISTIO_META_DNS_AUTO_ALLOCATE: 'true' }))).toEqual([]);
    expect(paths(obj, withMeshConfig({ ...on, PILOT_ENABLE_IP_AUTOALLOCATE: 'true' }))).toEqual([]);
    expect(paths(obj, withMeshConfig(on))).toHaveLength(1);
    expect(paths(obj, withMeshConfig({ ISTIO_META_DNS_AUTO_ALLOCATE: 'true' }))).toHaveLength(1);
  });

  it('ignores other kinds', () => {
    expect(paths(istio('Sidecar', 'default', 's', { ports: [port()] }))).toEqual([]);
  });
});
