import 'server-only';
import gatewayApiSchemas from '@/lib/kube/gateway-api-crd-schemas.json';
import istioSchemas from '@/lib/kube/istio-crd-schemas.gen.json';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { readInventory } from '@/lib/kube/inventory';
import { getSideReads } from '@/lib/kube/side-reads';
import { getConfig } from '@/lib/config';
import { meshRootNamespace } from '@/lib/mesh/manifests/build-mesh';
import type { CrdSchemas } from '@/lib/mesh/validations/schema';
import type { MeshConfig } from '@/lib/mesh/validations/types';

/**
 * Istio's, generated from its CRDs by scripts/gen-crd-schemas.ts, and the Gateway API's (keyed by the
 * domain kind, K8sGateway for its Gateway); carried by the app, not read at run time.
 */
export const CRD_SCHEMAS: CrdSchemas = { ...istioSchemas, ...gatewayApiSchemas };

const SYNC_TIMEOUT_MS = 5_000;
/** The first poll of Secrets and ConfigMaps is waited for this long; later ones run in the background. */
const SIDE_READS_WAIT_MS = 3_000;

/**
 * Every Istio object and the inventory from the informer caches (with the polled Secrets and
 * control-plane ConfigMaps), with the revision they reflect: equal revisions, equal mesh.
 */
export async function readMeshConfig(): Promise<{
  readonly mesh: MeshConfig;
  readonly revision: string;
}> {
  const informers = getInformers();
  await informers.ready(SYNC_TIMEOUT_MS);
  // After the informers: the Secrets are read in the namespaces they know.
  const side = getSideReads();
  await side.ready(SIDE_READS_WAIT_MS);
  const revision = `${informers.revision()}:${side.revision()}`;
  const inventory = readInventory(informers, side);
  return {
    mesh: {
      objects: listIstioObjects(informers),
      inventory,
      rootNamespace: meshRootNamespace(inventory.configMaps, getConfig().istioNamespace),
    },
    revision,
  };
}
