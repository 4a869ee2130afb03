import { parse } from 'yaml';
import { z } from 'zod';
import { isRecord } from '@/lib/mesh/istio/read';
import type { InventoryConfigMap, IstioObject } from '@/lib/mesh/types';
import type { MeshConfig, Validation } from './types';

/**
 * istioctl's telemetry.ProviderAnalyzer and LightstepAnalyzer
 * (pkg/config/analysis/analyzers/telemetry/{providers,lightstep}.go): IST0157 an access-logging entry
 * of a Telemetry that names no provider, while the mesh config sets no default access-logging
 * provider, so Istio ignores the entry (a disabled entry needs no provider); IST0002 tracing through
 * a Lightstep provider of the mesh config, which Istio deprecates.
 */
export const INVALID_PROVIDER_CODE = 'IST0157';
export const DEPRECATED_CODE = 'IST0002';

const MeshProviders = z.object({
  defaultProviders: z
    .object({ accessLogging: z.array(z.unknown()).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  extensionProviders: z
    .array(z.object({ name: z.string(), lightstep: z.unknown().optional() }).catch({ name: '' }))
    .optional()
    .catch(undefined),
});
type MeshProviders = z.infer<typeof MeshProviders>;

/** The mesh config Istio reads: ConfigMap `istio` (the default revision's), key `mesh`. */
function meshConfigMap(configMaps: readonly InventoryConfigMap[]): InventoryConfigMap | undefined {
  return configMaps.find((c) => c.name === 'istio');
}

/** The providers the mesh config defines; unreadable counts as none. */
function meshProviders(configMap: InventoryConfigMap | undefined): MeshProviders {
  const text = configMap?.data.mesh;
  if (text === undefined) return {};
  try {
    const read = MeshProviders.safeParse(parse(text, { maxAliasCount: 20 }) ?? {});
    return read.success ? read.data : {};
  } catch {
    return {};
  }
}

function emptyProviderFindings(obj: IstioObject): Validation[] {
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

function lightstepFindings(obj: IstioObject, lightstep: ReadonlySet<string>): Validation[] {
  const tracing = Array.isArray(obj.spec.tracing) ? obj.spec.tracing : [];
  return tracing.flatMap((raw, index) => {
    const providers = isRecord(raw) && Array.isArray(raw.providers) ? raw.providers : [];
    return providers.flatMap((p) => {
      const name = isRecord(p) && typeof p.name === 'string' ? p.name : '';
      if (!lightstep.has(name)) return [];
      return [
        {
          code: DEPRECATED_CODE,
          severity: 'warning',
          message: `Deprecated: the Lightstep provider ${name} is deprecated; migrate this tracing to an OpenTelemetry provider.`,
          path: `spec.tracing[${index}].providers`,
        },
      ];
    });
  });
}

export function checkTelemetryProviders(obj: IstioObject, mesh: MeshConfig): Validation[] {
  if (obj.kind !== 'Telemetry') return [];
  const { configMaps } = mesh.inventory;
  // Without the control plane's ConfigMaps the mesh's providers are unknown.
  if (configMaps === undefined) return [];
  const providers = meshProviders(meshConfigMap(configMaps));
  const lightstep = new Set(
    (providers.extensionProviders ?? [])
      .filter((p) => p.lightstep !== undefined)
      .map((p) => p.name),
  );
  const hasDefault = (providers.defaultProviders?.accessLogging?.length ?? 0) > 0;
  return [...(hasDefault ? [] : emptyProviderFindings(obj)), ...lightstepFindings(obj, lightstep)];
}
