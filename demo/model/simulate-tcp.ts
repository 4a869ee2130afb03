import type { CallSpec } from '../scenarios/topology.js';
import { behaviourModel } from './behaviour.js';
import {
  destinationReport,
  reportConnections,
  sourceReport,
  waypointReport,
  ztunnelReport,
  type ConnectionTraffic,
  type Report,
} from './reports.js';
import type { ResolvedFlow } from './routing.js';
import type { SimContext } from './sim-context.js';
import type { WorkloadInfo } from './workloads.js';

const NEW_CONNECTION_SHARE = 0.02;

/**
 * `queries` TCP round trips along one flow. istio_tcp_sent_bytes_total counts the response
 * direction and istio_tcp_received_bytes_total the request direction, on every reporter: the
 * client's sidecar or ztunnel, the waypoint when the flow goes through one, the server's sidecar or
 * ztunnel.
 */
export function simulateTcp(
  sim: SimContext,
  caller: WorkloadInfo | null,
  call: CallSpec,
  flow: ResolvedFlow,
  queries: number,
): void {
  if (queries <= 0 || flow.endpoints.length === 0) return;
  const envoyCaller = caller && (caller.hasSidecar || caller.isGateway) ? caller : null;
  const ambientCaller = caller?.ambient ? caller : null;
  const wp = flow.waypoint;
  const upstreamPeer = wp?.workload ?? envoyCaller ?? ambientCaller;
  const perEndpoint = new Map<string, { ep: (typeof flow.endpoints)[number]; n: number }>();
  for (let i = 0; i < queries; i++) {
    const ep = flow.endpoints[sim.rng.int(flow.endpoints.length)];
    if (!ep) continue;
    const entry = perEndpoint.get(ep.workload.key) ?? { ep, n: 0 };
    entry.n++;
    perEndpoint.set(ep.workload.key, entry);
  }
  for (const { ep, n } of perEndpoint.values()) {
    const destination = ep.workload;
    const mtls =
      wp || ambientCaller
        ? destination.hasSidecar || destination.ambient
        : envoyCaller !== null &&
          ((destination.hasSidecar && !flow.tlsDisabled) || destination.ambient);
    // STRICT refuses a plaintext connection in the handshake; neither side records it.
    if (
      !mtls &&
      (destination.hasSidecar || destination.ambient) &&
      sim.view.mtlsMode(destination) === 'STRICT'
    )
      continue;
    const b = behaviourModel(sim.behaviours[destination.key]);
    const traffic: ConnectionTraffic = {
      received: n * (call.requestBytes ?? 200),
      sent: Math.round(n * Math.exp(b.responseBytes.mu)),
      opened: sim.rng.round(n * NEW_CONNECTION_SHARE),
    };
    const reports: Report[] = [];
    if (wp) {
      if (envoyCaller) reports.push(sourceReport(envoyCaller, wp.workload, wp.addressed, true));
      if (ambientCaller)
        for (const side of ['source', 'destination'] as const)
          reports.push(ztunnelReport(side, ambientCaller, wp.workload, wp.addressed, true));
      reports.push(waypointReport(envoyCaller ?? ambientCaller, destination, flow.service));
    } else if (envoyCaller)
      reports.push(sourceReport(envoyCaller, destination, flow.service, mtls));
    else if (ambientCaller)
      reports.push(ztunnelReport('source', ambientCaller, destination, flow.service, mtls));
    if (destination.hasSidecar)
      reports.push(destinationReport(upstreamPeer, destination, flow.service, mtls));
    else if (destination.ambient)
      reports.push(ztunnelReport('destination', upstreamPeer, destination, flow.service, mtls));
    for (const r of reports) reportConnections(sim.state, r, traffic);
  }
}
