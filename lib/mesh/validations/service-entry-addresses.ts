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
 * auto-allocation, or when istiod allocated addresses in the ServiceEntry's status and DNS capture
 * lets proxies use them.
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

function proxyMetadataOf(cm: InventoryConfigMap): Readonly<Record<string, unknown>> {
  let raw: unknown;
  try {
    raw = parse(cm.data.mesh ?? '', { maxAliasCount: MAX_ALIASES });
  } catch {
    return {};
  }
  const meta = ProxyMetadata.safeParse(raw);
  return meta.success ? meta.data : {};
}

const on = (meta: Readonly<Record<string, unknown>>, key: string): boolean => meta[key] === 'true';
const capturesDns = (meta: Readonly<Record<string, unknown>>): boolean =>
  on(meta, 'ISTIO_META_DNS_CAPTURE');
const autoAllocates = (meta: Readonly<Record<string, unknown>>): boolean =>
  capturesDns(meta) &&
  (on(meta, 'ISTIO_META_DNS_AUTO_ALLOCATE') || on(meta, 'PILOT_ENABLE_IP_AUTOALLOCATE'));

const nonEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length > 0;

export function checkServiceEntryAddresses(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'ServiceEntry') return [];
  // Without the mesh config at hand, Istio's defaults hold, as for istioctl: no DNS capture.
  const metas = (mesh.inventory.configMaps ?? []).filter(isMeshConfigMap).map(proxyMetadataOf);
  if (nonEmptyList(obj.spec.addresses) || metas.some(autoAllocates)) return [];
  // Addresses istiod allocated in the status serve only proxies that capture DNS.
  if (nonEmptyList(obj.status?.addresses) && metas.some(capturesDns)) return [];
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
