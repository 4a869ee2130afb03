import 'server-only';
import type { ExistingRoutingObject, ServiceRouting } from '@/lib/api/routing';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { NotFoundError } from '@/lib/errors';
import { toEditableManifest } from '@/lib/mesh/istio/yaml';
import { readDestinationRuleSpec } from '@/lib/mesh/istio/destination-rule';
import { readVirtualServiceSpec } from '@/lib/mesh/istio/virtual-service';
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
  identity: Identity,
): Promise<ServiceRouting> {
  await visibleOrRefuse(identity, [namespace]);
  const { mesh } = await readMeshConfig();
  if (!mesh.inventory.services.some((s) => s.namespace === namespace && s.name === service))
    throw new NotFoundError(`Service ${namespace}/${service} does not exist.`);
  const fqdn = resolveHost(service, namespace);
  const inNamespace = mesh.objects.filter((o) => o.namespace === namespace);
  const isService = (h: string): boolean => resolveHost(h, namespace) === fqdn;
  const routes = (o: IstioObject): boolean =>
    o.kind === 'VirtualService' && readVirtualServiceSpec(o.spec).hosts.some((h) => isService(h));
  const rules = (o: IstioObject): boolean => {
    const host = o.kind === 'DestinationRule' ? readDestinationRuleSpec(o.spec).host : undefined;
    return host !== undefined && isService(host);
  };
  const [virtualService, destinationRule] = await Promise.all([
    existing(inNamespace.find(routes)),
    existing(inNamespace.find(rules)),
  ]);
  return {
    namespace,
    service,
    subsets: subsetsFromInventory(mesh.inventory, namespace, service),
    virtualService,
    destinationRule,
  };
}
