/**
 * The automatic reporter choice. In sidecar mode the server's (inbound) or client's (outbound) proxy
 * reports L7; in ambient mode only the waypoint does, naming the real client and server. One query
 * asks both reporters, and the sidecar's report wins when there is one, so nothing counts twice.
 */
import type { Series } from '../types';
import type { Direction } from './breakdown';
import type { Reporter, ReporterChoice } from './group-cells';

/** The sidecar reporter that speaks for a node's side of the traffic. */
export const sideReporter = (direction: Direction): 'source' | 'destination' =>
  direction === 'inbound' ? 'destination' : 'source';

/** The reporters an L7 query selects: one, both sidecar ones (undefined: no filter), or auto's two. */
export function l7Reporters(
  choice: ReporterChoice,
  direction: Direction,
): readonly Reporter[] | undefined {
  if (choice === 'both') return undefined;
  if (choice === 'auto') return [sideReporter(direction), 'waypoint'];
  return [choice];
}

/**
 * ztunnel's report on the node's side for the TCP counters whenever the waypoint may be read: the
 * waypoint's own TCP series describe its two legs, and the far ztunnel names the waypoint as peer.
 */
export function tcpReporter(choice: ReporterChoice, direction: Direction): Reporter | undefined {
  if (choice === 'both') return undefined;
  return choice === 'auto' || choice === 'waypoint' ? sideReporter(direction) : choice;
}

/** Auto resolved from the answer: the sidecar's report when any series has one, else the waypoint's. */
export function resolveReporter(
  choice: ReporterChoice,
  direction: Direction,
  requests: readonly Series[],
): Exclude<ReporterChoice, 'auto'> {
  if (choice !== 'auto') return choice;
  const side = sideReporter(direction);
  const hasSide = requests.some((s) => s.labels.reporter === side);
  return hasSide || !requests.some((s) => s.labels.reporter === 'waypoint') ? side : 'waypoint';
}

/** The series of one reporter; all of them when both are kept. */
export function ofReporter(series: readonly Series[], reporter: ReporterChoice): Series[] {
  return reporter === 'both' || reporter === 'auto'
    ? [...series]
    : series.filter((s) => s.labels.reporter === undefined || s.labels.reporter === reporter);
}
