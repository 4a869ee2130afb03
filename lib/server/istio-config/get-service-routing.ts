import 'server-only';
import type { ExistingRoutingObject, ServiceRouting } from '@/lib/api/routing';
import { NotFoundError } from '@/lib/errors';
import { toEditableManifest } from '@/lib/mesh/istio-yaml';
import { resolveHost } from '@/lib/mesh/validations/hosts';
import { subsetsFromInventory } from '@/lib/mesh/routing-forms/subsets-from-inventory';
import type { IstioObject } from '@/lib/mesh/types';
import { readLive } from './live';
import { readMeshConfig } from './mesh-config';

async function existing(obj: IstioObject | undefined): Promise<ExistingRoutingObject | null> {
  if (!obj) return null;
  const live = await readLive(obj.kind, obj.namespace, obj.name);
  return {
    name: obj.name,
    resourceVersion: live.resourceVersion,
    manifest: toEditableManifest(live.raw),
  };
}

/** What the routing forms start from for one service, from the informer caches. */
export async function getServiceRouting(
  namespace: string,
  service: string,
): Promise<ServiceRouting> {
  const { mesh } = await readMeshConfig();
  if (!mesh.inventory.services.some((s) => s.namespace === namespace && s.name === service))
    throw new NotFoundError(`Service ${namespace}/${service} does not exist.`);
  const fqdn = resolveHost(service, namespace);
  const inNamespace = mesh.objects.filter((o) => o.namespace === namespace);
  const hosts = (o: IstioObject): string[] =>
    (Array.isArray(o.spec.hosts) ? o.spec.hosts : [o.spec.host])
      .filter((h): h is string => typeof h === 'string')
      .map((h) => resolveHost(h, namespace));
  const [virtualService, destinationRule] = await Promise.all([
    existing(inNamespace.find((o) => o.kind === 'VirtualService' && hosts(o).includes(fqdn))),
    existing(inNamespace.find((o) => o.kind === 'DestinationRule' && hosts(o).includes(fqdn))),
  ]);
  return {
    namespace,
    service,
    subsets: subsetsFromInventory(mesh.inventory, namespace, service),
    virtualService,
    destinationRule,
  };
}
