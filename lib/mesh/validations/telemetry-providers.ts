import { parse } from 'yaml';
import { z } from 'zod';
import { isRecord } from '@/lib/mesh/istio/read';
import type { InventoryConfigMap, IstioObject } from '@/lib/mesh/types';
import type { MeshConfig, Validation } from './types';

/**
 * istioctl's telemetry.ProviderAnalyzer (pkg/config/analysis/analyzers/telemetry/providers.go):
 * IST0157 an access-logging entry of a Telemetry that names no provider, while the mesh config sets
 * no default access-logging provider: Istio ignores the entry. A disabled entry needs no provider.
 */
export const INVALID_PROVIDER_CODE = 'IST0157';

const MeshDefaults = z.object({
  defaultProviders: z
    .object({ accessLogging: z.array(z.unknown()).optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/** The mesh config Istio reads: ConfigMap `istio` (the default revision's), key `mesh`. */
function meshConfigMap(configMaps: readonly InventoryConfigMap[]): InventoryConfigMap | undefined {
  return configMaps.find((c) => c.name === 'istio');
}

/** True when the mesh config names default access-logging providers; unreadable counts as none. */
function hasDefaultAccessLogging(configMap: InventoryConfigMap | undefined): boolean {
  const text = configMap?.data.mesh;
  if (text === undefined) return false;
  try {
    const read = MeshDefaults.safeParse(parse(text, { maxAliasCount: 20 }) ?? {});
    return read.success && (read.data.defaultProviders?.accessLogging?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

export function checkTelemetryProviders(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Telemetry') return [];
  const { configMaps } = mesh.inventory;
  // Without the control plane's ConfigMaps the mesh defaults are unknown: they may supply the provider.
  if (configMaps === undefined || hasDefaultAccessLogging(meshConfigMap(configMaps))) return [];
  const entries = Array.isArray(obj.spec.accessLogging) ? obj.spec.accessLogging : [];
  return entries.flatMap((raw, index) => {
    const entry = isRecord(raw) ? raw : {};
    if (entry.disabled === true) return [];
    if (Array.isArray(entry.providers) && entry.providers.length > 0) return [];
    return [
      {
        code: INVALID_PROVIDER_CODE,
        severity: 'warning',
        message: `The Telemetry ${obj.name} in namespace "${obj.namespace}" has an access-logging entry with empty providers, and the mesh config sets no default access-logging provider: it will be ignored. Name a provider (e.g. envoy), or set defaultProviders.accessLogging in the mesh config.`,
        path: `spec.accessLogging[${index}]`,
      },
    ];
  });
}
