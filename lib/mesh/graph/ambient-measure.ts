/**
 * Which reporter measures each edge once ambient telemetry is in the mix, per ambient view.
 *
 * One call web → flights through the waypoint is reported three times over: ztunnel's L4 for
 * web → waypoint (reporter source and destination, destination_service = the service web addressed),
 * ztunnel's L4 for waypoint → flights-v1 (reporter destination, from the server's node), and the
 * waypoint's L7 for web → flights-v1 (reporter waypoint). A sidecar client calling through the waypoint
 * adds its own L7 for client → waypoint. Adding these up would count the call twice or three times.
 *
 * - total: the waypoint's L7 is the edge caller → callee. The server leg (waypoint → callee) carries
 *   the L4 of every caller the waypoint served, so it is shared among them by their share of the
 *   waypoint's requests into that callee and folded into those edges; the client legs (caller →
 *   waypoint) and a sidecar's own L7 to the waypoint repeat the same traffic and are left out. Where
 *   the waypoint reported nothing for a caller or callee, the legs stay as they are, through a
 *   waypoint node, rather than vanish. ztunnel's L4 between a caller and an ambient callee without a
 *   waypoint is folded into the L7 edge between the same two when a sidecar caller measured one.
 * - waypoint: the waypoint's L7 becomes two hops, caller → waypoint and waypoint → callee, and each
 *   ztunnel leg folds into its own hop; no sharing is needed. The waypoint's own TCP counts are not
 *   drawn: ztunnel's legs measure the same bytes.
 * - ztunnel: the waypoint's reports are left out; ztunnel's L4 legs are drawn as reported. Sidecars'
 *   own reports stay, as in the other views.
 */
import type { AmbientView } from '../types';
import type { L4Totals, Measured, WaypointRef } from './aggregate';
import type { AmbientIdentity } from './ambient-identity';
import { destinationWorkloadId, sourceWorkloadId } from './ambient-identity';
import type { RawEdge, ReporterView } from './pick-reporter';
import { workloadId } from './node-ids';
import { emptyView, mtlsAmount } from './pick-reporter';

type Labels = Readonly<Record<string, string>>;

const UNKNOWN = 'unknown';

/** The waypoint as a plain workload callee: no service or app, so every graph type draws its node. */
function toWaypoint(labels: Labels, w: WaypointRef): Labels {
  return {
    ...labels,
    destination_workload: w.name,
    destination_workload_namespace: w.namespace,
    destination_service_name: UNKNOWN,
    destination_service_namespace: UNKNOWN,
    destination_canonical_service: UNKNOWN,
    destination_app: UNKNOWN,
    destination_version: UNKNOWN,
  };
}

/** The waypoint as a plain workload caller. */
function fromWaypoint(labels: Labels, w: WaypointRef): Labels {
  return {
    ...labels,
    source_workload: w.name,
    source_workload_namespace: w.namespace,
    source_canonical_service: UNKNOWN,
    source_app: UNKNOWN,
    source_version: UNKNOWN,
  };
}

function l4Of(edge: RawEdge, view: ReporterView): L4Totals {
  return {
    sentBytes: view.sentBytes,
    receivedBytes: view.receivedBytes,
    connections: view.connections,
    mtls: mtlsAmount(edge, view),
  };
}

function scaled(l4: L4Totals, share: number): L4Totals {
  return {
    sentBytes: l4.sentBytes * share,
    receivedBytes: l4.receivedBytes * share,
    connections: l4.connections * share,
    mtls: l4.mtls * share,
  };
}

function addL4(m: Measured, l4: L4Totals): void {
  if (m.l4 === undefined) {
    m.l4 = { ...l4 };
    return;
  }
  m.l4.sentBytes += l4.sentBytes;
  m.l4.receivedBytes += l4.receivedBytes;
  m.l4.connections += l4.connections;
  m.l4.mtls += l4.mtls;
}

/** A TCP view holding only the given L4 (a share of a leg, measured by ztunnel). */
function tcpView(l4: L4Totals): ReporterView {
  const v = emptyView();
  v.sentBytes = l4.sentBytes;
  v.receivedBytes = l4.receivedBytes;
  v.connections = l4.connections;
  v.mtls = l4.mtls;
  return v;
}

const pairKey = (source: string, target: string): string => `${source}>${target}`;

/** Spreads L4 over L7 measurements by their request rates; false when they carry no requests. */
function share(l4: L4Totals, over: readonly Measured[]): boolean {
  const total = over.reduce((sum, m) => sum + m.view.requests, 0);
  if (!(total > 0)) return false;
  for (const m of over) addL4(m, scaled(l4, m.view.requests / total));
  return true;
}

interface ServerLeg {
  readonly edge: RawEdge;
  readonly view: ReporterView;
  readonly waypoint: WaypointRef;
}

export function measureAmbient(
  raw: readonly RawEdge[],
  mode: AmbientView,
  id: AmbientIdentity,
): Measured[] {
  const out: Measured[] = [];
  /** L7 measurements by caller → callee workload ids (waypoint hops included), for folding L4. */
  const l7ByPair = new Map<string, Measured[]>();
  /** The waypoints' L7 measurements by callee: who shares a server leg. */
  const waypointL7Into = new Map<string, Measured[]>();
  /** The waypoints' own TCP views by callee: who shares a server leg of plain TCP. */
  const waypointTcpInto = new Map<string, { edge: RawEdge; view: ReporterView }[]>();
  const throughWaypoint = new Set<string>();
  const serverLegs = new Map<string, ServerLeg[]>();
  const useWaypoint = mode !== 'ztunnel';

  const index = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  const emit = (m: Measured, src: string | undefined, dst: string | undefined): void => {
    out.push(m);
    if (m.protocol !== 'tcp' && src !== undefined && dst !== undefined)
      index(l7ByPair, pairKey(src, dst), m);
  };

  // A sidecar caller's own L7 to a waypoint is that hop's better witness (it sees failures first).
  const ownHops = new Set<string>();
  for (const edge of raw) {
    const src = sourceWorkloadId(edge.labels);
    const dst = destinationWorkloadId(edge.labels);
    if (edge.protocol === 'tcp' || src === undefined || dst === undefined) continue;
    if (id.waypoints.has(dst) && edge.source !== undefined) ownHops.add(pairKey(src, dst));
    if (useWaypoint && edge.waypoint !== undefined && edge.source === undefined)
      throughWaypoint.add(src);
  }
  if (useWaypoint) {
    for (const edge of raw) {
      const src = sourceWorkloadId(edge.labels);
      if (edge.protocol === 'tcp' && edge.waypoint !== undefined && src !== undefined)
        throughWaypoint.add(src);
    }
  }

  // L7: sidecars' and waypoints' requests.
  for (const edge of raw) {
    if (edge.protocol === 'tcp') continue;
    const src = sourceWorkloadId(edge.labels);
    const dst = destinationWorkloadId(edge.labels);
    const dstWaypoint = dst !== undefined ? id.waypoints.get(dst) : undefined;
    if (dstWaypoint !== undefined) {
      // A sidecar's call to a waypoint: the waypoint's own report of the same requests wins in total.
      const view = edge.source ?? edge.destination;
      if (view === undefined) continue;
      if (mode === 'total' && src !== undefined && throughWaypoint.has(src)) continue;
      const m = {
        labels: toWaypoint(edge.labels, dstWaypoint),
        protocol: edge.protocol,
        view,
        mtls: mtlsAmount(edge, view),
        waypoint: dstWaypoint,
      };
      emit(m, src, dst);
      continue;
    }
    const own = edge.source ?? (useWaypoint ? undefined : edge.destination);
    const view = own ?? (useWaypoint ? (edge.waypoint ?? edge.destination) : undefined);
    if (view === undefined) continue;
    const byWaypoint = view === edge.waypoint;
    const waypoint = byWaypoint && dst !== undefined ? id.waypointOf(dst) : undefined;
    const base = { protocol: edge.protocol, view, mtls: mtlsAmount(edge, view) };
    if (!byWaypoint) {
      emit({ ...base, labels: edge.labels }, src, dst);
      continue;
    }
    if (mode === 'waypoint' && waypoint !== undefined && dst !== undefined) {
      const hopFrom = workloadId(waypoint.namespace, waypoint.name);
      if (src === undefined || !ownHops.has(pairKey(src, hopFrom))) {
        emit(
          {
            ...base,
            labels: toWaypoint(edge.labels, waypoint),
            reportedBy: 'waypoint',
            waypoint,
          },
          src,
          hopFrom,
        );
      }
      emit(
        { ...base, labels: fromWaypoint(edge.labels, waypoint), reportedBy: 'waypoint', waypoint },
        hopFrom,
        dst,
      );
      continue;
    }
    const m: Measured = {
      ...base,
      labels: edge.labels,
      reportedBy: 'waypoint',
      ...(waypoint !== undefined && { waypoint }),
    };
    emit(m, src, dst);
    if (dst !== undefined) index(waypointL7Into, dst, m);
  }

  // L4: ztunnel's legs and direct connections, sidecars' TCP.
  for (const edge of raw) {
    if (edge.protocol !== 'tcp') continue;
    const src = sourceWorkloadId(edge.labels);
    const dst = destinationWorkloadId(edge.labels);
    if (mode === 'total' && edge.waypoint !== undefined && dst !== undefined)
      index(waypointTcpInto, dst, { edge, view: edge.waypoint });
    const view = edge.source ?? edge.destination;
    if (view === undefined) continue;
    const l4 = l4Of(edge, view);
    const srcWaypoint = src !== undefined ? id.waypoints.get(src) : undefined;
    const dstWaypoint = dst !== undefined ? id.waypoints.get(dst) : undefined;
    const asIs = (labels: Labels, waypoint?: WaypointRef): void =>
      emit(
        {
          labels,
          protocol: 'tcp',
          view,
          mtls: l4.mtls,
          reportedBy: 'ztunnel',
          ...(waypoint !== undefined && { waypoint }),
        },
        src,
        dst,
      );

    if (dstWaypoint !== undefined) {
      // Client leg: caller → waypoint.
      const labels = toWaypoint(edge.labels, dstWaypoint);
      if (mode === 'total' && src !== undefined && throughWaypoint.has(src)) continue;
      const hops =
        src !== undefined && dst !== undefined ? l7ByPair.get(pairKey(src, dst)) : undefined;
      if (mode === 'waypoint' && hops !== undefined && share(l4, hops)) continue;
      asIs(labels, dstWaypoint);
      continue;
    }
    if (srcWaypoint !== undefined) {
      // Server leg: waypoint → callee.
      const labels = fromWaypoint(edge.labels, srcWaypoint);
      if (mode === 'total' && dst !== undefined) {
        index(serverLegs, dst, { edge, view, waypoint: srcWaypoint });
        continue;
      }
      const hops =
        src !== undefined && dst !== undefined ? l7ByPair.get(pairKey(src, dst)) : undefined;
      if (mode === 'waypoint' && hops !== undefined && share(l4, hops)) continue;
      asIs(labels, srcWaypoint);
      continue;
    }
    const reporterSide = view === edge.source ? src : dst;
    const byZtunnel = reporterSide !== undefined && id.modeOf(reporterSide) === 'ambient';
    const pair =
      src !== undefined && dst !== undefined ? l7ByPair.get(pairKey(src, dst)) : undefined;
    if (byZtunnel && mode !== 'ztunnel' && pair !== undefined && share(l4, pair)) continue;
    emit(
      {
        labels: edge.labels,
        protocol: 'tcp',
        view,
        mtls: l4.mtls,
        ...(byZtunnel && { reportedBy: 'ztunnel' as const }),
      },
      src,
      dst,
    );
  }

  if (mode === 'total') foldServerLegs(out, serverLegs, waypointL7Into, waypointTcpInto);
  return out;
}

/**
 * total: each server leg's L4 goes to the callers the waypoint served, by their requests (or, for
 * plain TCP through the waypoint, by the waypoint's own byte counts); with no such caller the leg is
 * drawn as it is. Callees with waypoint TCP but no server leg keep the waypoint's own TCP numbers.
 */
function foldServerLegs(
  out: Measured[],
  serverLegs: ReadonlyMap<string, readonly ServerLeg[]>,
  waypointL7Into: ReadonlyMap<string, readonly Measured[]>,
  waypointTcpInto: ReadonlyMap<string, readonly { edge: RawEdge; view: ReporterView }[]>,
): void {
  for (const [dst, legs] of serverLegs) {
    const l7 = waypointL7Into.get(dst) ?? [];
    const tcp = waypointTcpInto.get(dst) ?? [];
    const tcpTotal = tcp.reduce((s, t) => s + t.view.sentBytes + t.view.receivedBytes, 0);
    for (const leg of legs) {
      const l4 = l4Of(leg.edge, leg.view);
      if (share(l4, l7)) continue;
      if (tcpTotal > 0) {
        for (const t of tcp) {
          const part = scaled(l4, (t.view.sentBytes + t.view.receivedBytes) / tcpTotal);
          out.push({
            labels: t.edge.labels,
            protocol: 'tcp',
            view: tcpView(part),
            mtls: part.mtls,
            reportedBy: 'ztunnel',
            waypoint: leg.waypoint,
          });
        }
        continue;
      }
      out.push({
        labels: fromWaypoint(leg.edge.labels, leg.waypoint),
        protocol: 'tcp',
        view: leg.view,
        mtls: l4.mtls,
        reportedBy: 'ztunnel',
        waypoint: leg.waypoint,
      });
    }
  }
  for (const [dst, views] of waypointTcpInto) {
    if (serverLegs.has(dst)) continue;
    for (const { edge, view } of views) {
      out.push({
        labels: edge.labels,
        protocol: 'tcp',
        view,
        mtls: mtlsAmount(edge, view),
        reportedBy: 'waypoint',
      });
    }
  }
}
