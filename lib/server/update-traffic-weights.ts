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
import { defaultRouteIndex, type TrafficRoute } from '@/lib/mesh/traffic/route-weights';
import {
  routesOfTarget,
  weightTargetFor,
  weightsPatch,
  type WeightTargetKind,
} from '@/lib/mesh/traffic/weight-target';
import type { IstioObject } from '@/lib/mesh/types';
import { validateWeights, type Weights } from '@/lib/mesh/traffic/weights';
import { auditResultOf, auditWrite } from './audit-log';
import { getIstioWriter, readLiveIstioObject } from './live-istio';
import { readCluster } from './read-cluster';
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
      `${live.kind} ${live.namespace}/${live.name} changed since you loaded it (now at version ${live.resourceVersion}); nothing was written. Review the change, then re-apply your weights on the latest version.`,
      { resourceVersion: live.resourceVersion },
    );
  }

  override extras(): Record<string, unknown> {
    const current: WeightsConflict = {
      resourceVersion: this.live.resourceVersion,
      routes: routesOfTarget(this.live),
      ...(this.yours && { diff: yamlDiff(this.live, this.yours) }),
    };
    return { current };
  }
}

function routeOf(
  obj: IstioObject,
  index: number | undefined,
): { index: number; route: TrafficRoute } {
  const routes = routesOfTarget(obj);
  const i = index ?? defaultRouteIndex(routes);
  const route = routes[i];
  if (route === undefined) {
    throw new InvalidError(
      `${obj.kind} ${obj.name} has no ${obj.kind === 'VirtualService' ? 'HTTP route' : 'rule'} ${i}.`,
      [{ path: 'route', message: `no route ${i}; it has ${routes.length}` }],
    );
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
    return { ...obj, spec: { ...obj.spec, ...weightsPatch(obj, index, weights) } };
  } catch {
    return undefined;
  }
}

function summary(route: TrafficRoute, index: number, weights: Weights): string {
  const changes = route.destinations.flatMap((d) => {
    const key = d.subset ?? (route.subsets?.includes(d.host) === true ? d.host : undefined);
    const next = key === undefined ? undefined : weights[key];
    return next === undefined ? [] : [`${key} ${d.weight}→${next}`];
  });
  return `route ${index}: ${changes.join(', ')}`;
}

/**
 * Sets the weights of one route of the service's HTTPRoute or GRPCRoute (GAMMA), else of its
 * VirtualService: the object the split shows (weightTargetFor). The live object must
 * still be at `resourceVersion`, and the merge patch carries it too, so a concurrent change between
 * the read and the write is a 409 from the API server rather than a lost update.
 */
export async function updateTrafficWeights(
  req: UpdateWeightsRequest,
): Promise<UpdateWeightsResponse> {
  const service = { namespace: req.namespace, name: req.service };
  const cached = weightTargetFor(
    listIstioObjects(getInformers(), { kinds: ['VirtualService', 'HTTPRoute', 'GRPCRoute'] }),
    service,
    (await readCluster()).inventory.services.find(
      (s) => s.namespace === req.namespace && s.name === req.service,
    )?.ports,
  );
  const kind: WeightTargetKind = cached?.kind ?? 'VirtualService';
  const target = {
    action: 'update-weights',
    kind,
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
        `No VirtualService or HTTPRoute routes ${req.namespace}/${req.service}; create one before splitting its traffic.`,
        [{ path: 'weights', message: 'the service has no VirtualService or HTTPRoute' }],
      );
    }
    const live = await readLiveIstioObject(kind, cached.namespace, cached.name, client);
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

    let stored: IstioObject;
    try {
      stored = await getIstioWriter(client).mergePatch(
        kind,
        live.namespace,
        live.name,
        {
          metadata: { resourceVersion: req.resourceVersion },
          spec: weightsPatch(live, index, req.weights),
        },
        { dryRun: req.dryRun },
      );
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const fresh = await readLiveIstioObject(kind, live.namespace, live.name, client);
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
      kind,
      namespace: target.namespace,
      name: target.name,
    };
    const err = asUserWriteError(caught, denied, req.identity);
    const detail = err instanceof Error ? err.message : String(err);
    auditWrite({ ...target, diffSummary, result: auditResultOf(err), detail });
    throw err;
  }
}
