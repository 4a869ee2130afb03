import 'server-only';
import gatewayApiSchemas from '@/lib/kube/gateway-api-crd-schemas.json';
import istioSchemas from '@/lib/kube/istio-crd-schemas.gen.json';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { readInventory } from '@/lib/kube/inventory';
import type { CrdSchemas } from '@/lib/mesh/validations/schema';
import type { MeshConfig } from '@/lib/mesh/validations/types';

/**
 * Istio's, generated from its CRDs by scripts/gen-crd-schemas.ts, and the Gateway API's (keyed by the
 * domain kind, K8sGateway for its Gateway); carried by the app, not read at run time.
 */
export const CRD_SCHEMAS: CrdSchemas = { ...istioSchemas, ...gatewayApiSchemas };

const SYNC_TIMEOUT_MS = 5_000;

/** Every Istio object and the inventory from the informer caches, with the cache revision they reflect. */
export async function readMeshConfig(): Promise<{
  readonly mesh: MeshConfig;
  readonly revision: number;
}> {
  const informers = getInformers();
  await informers.ready(SYNC_TIMEOUT_MS);
  const revision = informers.revision();
  return {
    mesh: { objects: listIstioObjects(informers), inventory: readInventory(informers) },
    revision,
  };
}
