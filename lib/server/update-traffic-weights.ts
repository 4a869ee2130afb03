import 'server-only';
import type {
  TrafficParams,
  UpdateWeightsBody,
  UpdateWeightsResponse,
  WeightsConflict,
} from '@/lib/api/traffic';
import { userName, type Identity } from '@/lib/auth/identity';
import { kubeClientFor } from '@/lib/auth/user-kube-client';
import { ConflictError, InvalidError } from '@/lib/errors';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import {
  defaultRouteIndex,
  readRoutes,
  setRouteWeights,
  type TrafficRoute,
} from '@/lib/mesh/traffic/route-weights';
import { virtualServicesFor } from '@/lib/mesh/traffic/service-routing';
import type { IstioObject } from '@/lib/mesh/types';
import { validateWeights, type Weights } from '@/lib/mesh/traffic/weights';
import { auditResultOf, auditWrite } from './audit-log';
import { getIstioWriter, readLiveIstioObject } from './live-istio';
import { noteRoutingWrite } from './routing-changes';
import { asUserWriteError } from './user-write-errors';
import { toManifestYaml, yamlDiff } from './yaml-diff';

export type UpdateWeightsRequest = TrafficParams &
  UpdateWeightsBody & {
    readonly dryRun: boolean;
    /** Who acts: the patch is made with their client, so the API server's RBAC decides. */
    readonly identity: Identity;
  };

/** A 409 that carries what the editor needs to show "theirs vs yours" and offer a re-apply. */
export class WeightsConflictError extends ConflictError {
  constructor(
    readonly live: IstioObject,
    /** The live object with the requested weights applied, when they still fit it. */
    readonly yours: IstioObject | undefined,
  ) {
    super(
      `VirtualService ${live.namespace}/${live.name} changed since you loaded it (now at version ${live.resourceVersion}); nothing was written. Review the change, then re-apply your weights on the latest version.`,
      { resourceVersion: live.resourceVersion },
    );
  }

  override extras(): Record<string, unknown> {
    const current: WeightsConflict = {
      resourceVersion: this.live.resourceVersion,
      routes: readRoutes(this.live.spec),
      ...(this.yours && { diff: yamlDiff(this.live, this.yours) }),
    };
    return { current };
  }
}

function routeOf(
  obj: IstioObject,
  index: number | undefined,
): { index: number; route: TrafficRoute } {
  const routes = readRoutes(obj.spec);
  const i = index ?? defaultRouteIndex(routes);
  const route = routes[i];
  if (route === undefined) {
    throw new InvalidError(`VirtualService ${obj.name} has no HTTP route ${i}.`, [
      { path: 'route', message: `no route ${i}; it has ${routes.length}` },
    ]);
  }
  if (route.subsets === undefined) {
    throw new InvalidError(
      `Route ${i} cannot be split by weight: ${route.notEditable ?? 'unknown reason'}.`,
      [{ path: 'route', message: route.notEditable ?? 'not editable' }],
    );
  }
  return { index: i, route };
}

/** The object with the weights applied to the route, or undefined when they do not fit it. */
function withWeights(obj: IstioObject, index: number, weights: Weights): IstioObject | undefined {
  try {
    const { route } = routeOf(obj, index);
    if (validateWeights(weights, route.subsets ?? []).length > 0) return undefined;
    const http = setRouteWeights(obj.spec, index, weights);
    return { ...obj, spec: { ...obj.spec, http } };
  } catch {
    return undefined;
  }
}

function summary(route: TrafficRoute, index: number, weights: Weights): string {
  const changes = route.destinations
    .filter((d) => d.subset !== undefined && weights[d.subset] !== undefined)
    .map((d) => `${d.subset} ${d.weight}→${weights[d.subset ?? '']}`);
  return `route ${index}: ${changes.join(', ')}`;
}

/**
 * Sets the weights of one route of the service's VirtualService. The live object must
 * still be at `resourceVersion`, and the merge patch carries it too, so a concurrent change between
 * the read and the write is a 409 from the API server rather than a lost update.
 */
export async function updateTrafficWeights(
  req: UpdateWeightsRequest,
): Promise<UpdateWeightsResponse> {
  const service = { namespace: req.namespace, name: req.service };
  const cached = virtualServicesFor(
    listIstioObjects(getInformers(), { kinds: ['VirtualService'] }),
    service,
  )[0];
  const target = {
    action: 'update-weights',
    kind: 'VirtualService',
    namespace: cached?.namespace ?? req.namespace,
    name: cached?.name ?? req.service,
    who: userName(req.identity),
    dryRun: req.dryRun,
  };
  const client = kubeClientFor(req.identity);
  let diffSummary = JSON.stringify(req.weights);
  try {
    if (cached === undefined) {
      throw new InvalidError(
        `No VirtualService routes ${req.namespace}/${req.service}; create one before splitting its traffic.`,
        [{ path: 'weights', message: 'the service has no VirtualService' }],
      );
    }
    const live = await readLiveIstioObject('VirtualService', cached.namespace, cached.name, client);
    const { index, route } = routeOf(live, req.route);
    diffSummary = summary(route, index, req.weights);
    if (live.resourceVersion !== req.resourceVersion)
      throw new WeightsConflictError(live, withWeights(live, index, req.weights));
    const errors = validateWeights(req.weights, route.subsets ?? []);
    if (errors.length > 0)
      throw new InvalidError(
        `These weights cannot be written: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`,
        errors,
      );

    const http = setRouteWeights(live.spec, index, req.weights);
    let stored: IstioObject;
    try {
      stored = await getIstioWriter(client).mergePatch(
        'VirtualService',
        live.namespace,
        live.name,
        { metadata: { resourceVersion: req.resourceVersion }, spec: { http } },
        { dryRun: req.dryRun },
      );
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const fresh = await readLiveIstioObject('VirtualService', live.namespace, live.name, client);
      throw new WeightsConflictError(fresh, withWeights(fresh, index, req.weights));
    }
    auditWrite({ ...target, diffSummary, result: 'ok' });
    if (!req.dryRun) noteRoutingWrite(stored, 'changed', req.identity, diffSummary);
    return req.dryRun
      ? {
          resourceVersion: stored.resourceVersion,
          dryRun: true,
          yaml: toManifestYaml(stored),
          diff: yamlDiff(live, stored),
        }
      : { resourceVersion: stored.resourceVersion, dryRun: false };
  } catch (caught) {
    const denied = {
      verb: 'update',
      kind: 'VirtualService',
      namespace: target.namespace,
      name: target.name,
    };
    const err = asUserWriteError(caught, denied, req.identity);
    const detail = err instanceof Error ? err.message : String(err);
    auditWrite({ ...target, diffSummary, result: auditResultOf(err), detail });
    throw err;
  }
}
