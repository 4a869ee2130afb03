/**
 * The part of Istio's mesh config (the `mesh` key of ConfigMap `istio` in the control plane's
 * namespace) that Meshlens' views depend on, read leniently: a field that is missing or of the wrong
 * type keeps Istio's default, as istiod does.
 * Ref https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { ISTIO_DEFAULT_TLS_SETTINGS, type MeshTlsSettings } from '../security/mtls/client-tls';

/** A mesh config is a page of settings; aliases have no business in it beyond a few. */
const MAX_ALIASES = 20;

const MeshFields = z.object({
  rootNamespace: z.string().min(1).optional().catch(undefined),
  enableAutoMtls: z.boolean().optional().catch(undefined),
});

export function defaultMeshSettings(why: string): MeshTlsSettings {
  return { ...ISTIO_DEFAULT_TLS_SETTINGS, origin: `Istio's defaults: ${why}` };
}

/** The settings from the `mesh` text of ConfigMap `name`; Istio's defaults where it says nothing. */
export function readMeshConfig(text: string | undefined, name: string): MeshTlsSettings {
  if (text === undefined || text.trim() === '')
    return defaultMeshSettings(`ConfigMap ${name} has no mesh key`);
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: MAX_ALIASES });
  } catch {
    return defaultMeshSettings(`ConfigMap ${name}'s mesh key is not YAML`);
  }
  const fields = MeshFields.safeParse(raw ?? {});
  const read = fields.success ? fields.data : {};
  return {
    rootNamespace: read.rootNamespace ?? ISTIO_DEFAULT_TLS_SETTINGS.rootNamespace,
    autoMtls: read.enableAutoMtls ?? ISTIO_DEFAULT_TLS_SETTINGS.autoMtls,
    origin: `mesh config in ConfigMap ${name}`,
  };
}
