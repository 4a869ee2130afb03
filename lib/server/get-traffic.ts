import 'server-only';
import type { TrafficParams, TrafficQuery, TrafficResponse } from '@/lib/api/traffic';
import { objectAccess, visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { getConfig } from '@/lib/config';
import { NotFoundError } from '@/lib/errors';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import { backendServices, gatewayRoutesFor } from '@/lib/mesh/traffic/gateway-route';
import { virtualServicesFor } from '@/lib/mesh/traffic/service-routing';
import { computeTrafficSplit } from '@/lib/mesh/traffic/split';
import { windowSeconds, type Sample } from '@/lib/mesh/types';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { trafficQueries } from '@/lib/prometheus/traffic-queries';
import { readCluster } from './read-cluster';
import { routesAgeSeconds } from './routes-age';
import { routingChanges } from './routing-changes';
import { checkTimeRange, metricsUnavailable } from './time-range';

export type TrafficRequest = TrafficParams & Pick<TrafficQuery, 'window' | 'end'>;

/**
 * GET /api/traffic/{namespace}/{service}: the VirtualService and DestinationRules, or the attached
 * HTTPRoute / GRPCRoute, from the informer caches; the observed split from two PromQL queries per
 * service (the service, and each backend Service of its route). A Prometheus outage still returns
 * the configured split, with `metricsError` saying why the observed side is missing.
 */
export async function getTraffic(
  req: TrafficRequest,
  identity: Identity,
): Promise<TrafficResponse> {
  await visibleOrRefuse(identity, [req.namespace]);
  const { inventory } = await readCluster();
  const istioObjects = listIstioObjects(getInformers(), {
    kinds: ['VirtualService', 'DestinationRule', 'HTTPRoute', 'GRPCRoute'],
  });
  const service = { namespace: req.namespace, name: req.service };
  const known = inventory.services.find(
    (s) => s.namespace === req.namespace && s.name === req.service,
  );
  const gatewayRoute = gatewayRoutesFor(istioObjects, service, known?.ports)[0];
  // Requests a route sent on are labelled with the backend Service it picked, not this one.
  const measured = [
    service,
    ...(gatewayRoute ? backendServices(gatewayRoute) : []).filter(
      (b) => b.namespace !== service.namespace || b.name !== service.name,
    ),
  ];

  let requests: Sample[] = [];
  let durations: Sample[] = [];
  let metricsError: string | undefined;
  try {
    await checkTimeRange(req.window, req.end);
    const prometheus = getPrometheusClient();
    const answers = await Promise.all(
      measured.map(async (m) => {
        const queries = trafficQueries(m.namespace, m.name, req.window);
        return Promise.all([
          prometheus.instantQuery(queries.requests, req.end),
          prometheus.instantQuery(queries.durations, req.end),
        ]);
      }),
    );
    requests = answers.flatMap(([r]) => r);
    durations = answers.flatMap(([, d]) => d);
  } catch (err) {
    metricsError = metricsUnavailable(err);
  }

  const split = computeTrafficSplit({
    service,
    istioObjects,
    inventory,
    requests,
    durations,
    window: req.window,
    routesAgeSeconds: routesAgeSeconds(
      `${req.namespace}/${req.service}`,
      JSON.stringify([
        ...virtualServicesFor(istioObjects, service).map((vs) => vs.spec.http ?? null),
        gatewayRoute?.spec.rules ?? null,
      ]),
    ),
  });
  if (known === undefined && split.virtualService === null && !split.gatewayRoute) {
    throw new NotFoundError(`There is no service ${req.namespace}/${req.service}.`);
  }
  const router = split.gatewayRoute ?? split.virtualService;
  const to = req.end ?? Date.now();
  const log = routingChanges();
  return {
    ...split,
    readOnly: getConfig().readOnly,
    access: router
      ? await objectAccess(
          identity,
          split.gatewayRoute?.kind ?? 'VirtualService',
          router.namespace,
          router.name,
        )
      : { update: false, delete: false },
    ...(metricsError !== undefined && { metricsError }),
    changes: {
      seenSince: log.since,
      items: log.forService(service, to - windowSeconds(req.window) * 1000, to),
    },
  };
}
