import { parse } from 'yaml';
import { z } from 'zod';
import { isRecord } from '@/lib/mesh/istio/read';
import type { InventoryConfigMap, IstioObject } from '@/lib/mesh/types';
import { formatPath } from './path';
import type { MeshConfig, Validation } from './types';

/**
 * IST0134 ServiceEntryAddressesRequired, a warning as in istioctl's serviceentry
 * ProtocolAddressesAnalyzer (istio/istio pkg/config/analysis/analyzers/serviceentry/
 * protocoladdresses.go): a TCP port (or one without a protocol) of a ServiceEntry without addresses
 * has no VIP to tell its hosts apart, so its traffic may reach another service on the same port.
 * Istio skips it when the mesh config's proxy metadata turns on DNS capture with address
 * auto-allocation, or when istiod allocated addresses in the ServiceEntry's status.
 */
export const ADDRESSES_REQUIRED_CODE = 'IST0134';

const MAX_ALIASES = 20;

const ProxyMetadata = z
  .object({
    defaultConfig: z.object({ proxyMetadata: z.record(z.string(), z.unknown()) }),
  })
  .transform((m) => m.defaultConfig.proxyMetadata);

/** The control plane's mesh config ConfigMaps: `istio` and `istio-<revision>`. */
const isMeshConfigMap = (cm: InventoryConfigMap): boolean =>
  (cm.name === 'istio' || cm.name.startsWith('istio-')) &&
  !cm.name.startsWith('istio-sidecar-injector');

function autoAllocates(cm: InventoryConfigMap): boolean {
  let raw: unknown;
  try {
    raw = parse(cm.data.mesh ?? '', { maxAliasCount: MAX_ALIASES });
  } catch {
    return false;
  }
  const meta = ProxyMetadata.safeParse(raw);
  if (!meta.success) return false;
  const on = (key: string): boolean => meta.data[key] === 'true';
  return (
    on('ISTIO_META_DNS_CAPTURE') &&
    (on('ISTIO_META_DNS_AUTO_ALLOCATE') || on('PILOT_ENABLE_IP_AUTOALLOCATE'))
  );
}

const nonEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

export function checkServiceEntryAddresses(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'ServiceEntry') return [];
  if (nonEmptyList(obj.spec.addresses) || nonEmptyList(obj.status?.addresses)) return [];
  if ((mesh.inventory.configMaps ?? []).filter(isMeshConfigMap).some(autoAllocates)) return [];
  const ports = Array.isArray(obj.spec.ports) ? obj.spec.ports : [];
  return ports.flatMap((port: unknown, i): Validation[] => {
    if (!isRecord(port)) return [];
    const protocol = typeof port.protocol === 'string' ? port.protocol : '';
    if (protocol !== '' && protocol.toUpperCase() !== 'TCP') return [];
    const number = typeof port.number === 'number' ? `Port ${port.number}` : 'This port';
    return [
      {
        code: ADDRESSES_REQUIRED_CODE,
        severity: 'warning',
        message: `${number} is ${protocol === '' ? 'without a protocol, so TCP' : 'TCP'}, and this ServiceEntry has no addresses: without a virtual IP, proxies cannot tell its hosts from any other service on the same port. Add addresses, set the port's protocol (HTTP, HTTPS, TLS, …), or turn on DNS capture with address auto-allocation in the mesh's proxyMetadata.`,
        path: formatPath(['spec', 'ports', i]),
      },
    ];
  });
}
