import type { CallSpec } from '../scenarios/topology.js';
import { behaviourModel } from './behaviour.js';
import { UNKNOWN_PEER, peerOf } from './istio-labels.js';
import { serviceLabels } from './reports.js';
import type { ResolvedFlow } from './routing.js';
import type { SimContext } from './sim-context.js';
import { recordTcp } from './state.js';
import type { WorkloadInfo } from './workloads.js';

/** Clients keep a small pool of long-lived connections per peer; only churn beyond it closes. */
const POOL_SIZE = 4;
const NEW_CONNECTION_SHARE = 0.02;

/**
 * `queries` TCP round trips along one flow. istio_tcp_sent_bytes_total counts the response
 * direction and istio_tcp_received_bytes_total the request direction, on both reporters.
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
    const mtls = envoyCaller !== null && destination.hasSidecar && !flow.tlsDisabled;
    // STRICT refuses a plaintext connection in the handshake; neither side records it.
    if (!mtls && destination.hasSidecar && sim.view.mtlsMode(destination) === 'STRICT') continue;
    const b = behaviourModel(sim.behaviours[destination.key]);
    const received = n * (call.requestBytes ?? 200);
    const sent = Math.round(n * Math.exp(b.responseBytes.mu));
    const opened = sim.rng.round(n * NEW_CONNECTION_SHARE);
    const sides: Array<['source' | 'destination', WorkloadInfo | null]> = [];
    if (envoyCaller) sides.push(['source', envoyCaller]);
    if (destination.hasSidecar) sides.push(['destination', envoyCaller]);
    for (const [reporter, source] of sides) {
      const key = `${reporter[0]}|${source?.key ?? '-'}|${destination.key}|${flow.service.fqdn}|${mtls ? 1 : 0}`;
      const existing = sim.state.tcp.get(key);
      const openAfter = (existing?.opened ?? 0) + opened;
      const closed = Math.max(0, Math.min(opened, openAfter - (existing?.closed ?? 0) - POOL_SIZE));
      recordTcp(
        sim.state,
        key,
        () => ({
          reporter,
          source: source ? peerOf(source, mtls) : UNKNOWN_PEER,
          destination: peerOf(destination, mtls),
          service: serviceLabels(flow),
          protocol: 'tcp',
          responseCode: '',
          grpcStatus: '',
          flags: '-',
          security: reporter === 'source' ? 'unknown' : mtls ? 'mutual_tls' : 'none',
        }),
        { sent, received, opened, closed },
      );
    }
  }
}
