import 'server-only';
import type { BreakdownResponse } from '@/lib/api/metrics';
import { visibleOrRefuse } from '@/lib/auth/access';
import type { Identity } from '@/lib/auth/identity';
import { UpstreamUnavailableError } from '@/lib/errors';
import {
  breakdownGroups,
  groupLabels,
  type BreakdownBy,
  type Direction,
  type ReporterChoice,
} from '@/lib/mesh/metrics/breakdown';
import { tcpBreakdownGroups, tcpGroupLabels } from '@/lib/mesh/metrics/breakdown-tcp';
import { metricsRange } from '@/lib/mesh/metrics/range';
import { ofReporter, resolveReporter } from '@/lib/mesh/metrics/reporter';
import { backendServices, gatewayRoutesFor } from '@/lib/mesh/traffic/gateway-route';
import { getInformers } from '@/lib/kube/informers';
import { listIstioObjects } from '@/lib/kube/istio-config';
import type { ServiceRef } from '@/lib/mesh/traffic/service-routing';
import type { Window } from '@/lib/mesh/types';
import { breakdownQueries } from '@/lib/prometheus/breakdown-queries';
import { getPrometheusClient } from '@/lib/prometheus/client';
import { countPrometheusQueries } from '@/lib/prometheus/query-count';
import type { NodeArg } from './get-metrics';
import { readCluster } from './read-cluster';
import { checkTimeRange } from './time-range';
import { withDeadline } from './with-deadline';

export interface BreakdownRequest {
  readonly node: NodeArg;
  readonly direction: Direction;
  readonly by: BreakdownBy;
  readonly reporter: ReporterChoice;
  readonly window: Window;
  readonly end?: number;
}

const DEADLINE_MS = 10_000;

/**
 * The other Services a Gateway API route attached to this one sends its requests to, and the
 * waypoints of the mesh's ambient workloads (see BreakdownQueryTarget).
 */
async function serviceContext(service: {
  readonly namespace: string;
  readonly service: string;
}): Promise<{ backends: ServiceRef[]; waypoints: string[] }> {
  const { inventory } = await readCluster();
  const ref = { namespace: service.namespace, name: service.service };
  const known = inventory.services.find(
    (s) => s.namespace === ref.namespace && s.name === ref.name,
  );
  const route = gatewayRoutesFor(
    listIstioObjects(getInformers(), { kinds: ['HTTPRoute', 'GRPCRoute'] }),
    ref,
    known?.ports,
  )[0];
  const backends = (route ? backendServices(route) : []).filter(
    (b) => b.namespace !== ref.namespace || b.name !== ref.name,
  );
  const waypoints = inventory.workloads.flatMap((w) =>
    w.dataPlane?.waypoint ? [w.dataPlane.waypoint.name] : [],
  );
  return { backends, waypoints };
}

/** A node's golden metrics split by version, remote end or response code: three range queries. */
export async function getBreakdown(
  req: BreakdownRequest,
  identity: Identity,
): Promise<{ readonly body: BreakdownResponse; readonly queries: number }> {
  const ref = req.node.ref;
  await visibleOrRefuse(identity, 'namespace' in ref ? [ref.namespace] : []);
  const limits = await checkTimeRange(req.window, req.end);
  const range = metricsRange(req.window, req.end ?? Date.now(), limits.scrapeIntervalSeconds);
  const q = breakdownQueries(
    { ...req, node: ref, ...(ref.kind === 'service' && (await serviceContext(ref))) },
    range.rateSeconds,
  );
  const prom = getPrometheusClient();
  const run = (query: string) =>
    prom.rangeQuery(query, range.startMs, range.endMs, range.stepSeconds);
  const { result, queries } = await withDeadline(
    countPrometheusQueries(() => Promise.all([run(q.requests), run(q.histograms), run(q.tcp)])),
    DEADLINE_MS,
    () =>
      new UpstreamUnavailableError(
        'prometheus',
        `Prometheus did not answer within ${DEADLINE_MS / 1000} s.`,
      ),
  );
  const [allRequests, allHistograms, tcp] = result;
  const reporter = resolveReporter(req.reporter, req.direction, allRequests);
  const requests = ofReporter(allRequests, reporter);
  const histograms = ofReporter(allHistograms, reporter);
  return {
    queries,
    body: {
      window: req.window,
      stepSeconds: range.stepSeconds,
      node: req.node.id,
      direction: req.direction,
      by: req.by,
      reporter,
      groups: breakdownGroups({
        labels: groupLabels(req.direction, req.by),
        reporter,
        timestamps: range.timestamps,
        requests,
        histograms,
      }),
      tcpGroups: tcpBreakdownGroups({
        labels: tcpGroupLabels(req.direction, req.by),
        reporter: req.reporter,
        timestamps: range.timestamps,
        tcp,
      }),
    },
  };
}
