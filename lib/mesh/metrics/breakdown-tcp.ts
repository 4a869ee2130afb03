/**
 * TCP golden metrics of one node split into groups, beside the request breakdown (breakdown.ts):
 * bytes each way and connections opened and closed per second. TCP carries no response code, so a
 * split by code is one group.
 */
import type { Series } from '../types';
import { groupLabels, SERIES_LABEL, type BreakdownBy, type Direction } from './breakdown';
import { GroupCells, type Grouped, type ReporterChoice } from './group-cells';

/** The counters, as {@link SERIES_LABEL} tags them in the one TCP query. */
export const TCP_COUNTERS = ['sent', 'received', 'opened', 'closed'] as const;
type TcpCounter = (typeof TCP_COUNTERS)[number];

export interface TcpBreakdownPoint {
  readonly t: number;
  /** istio_tcp_sent_bytes_total: the responding side's bytes. */
  readonly sentBytesPerSecond: number;
  /** istio_tcp_received_bytes_total: the calling side's bytes. */
  readonly receivedBytesPerSecond: number;
  readonly openedPerSecond: number;
  readonly closedPerSecond: number;
}

export type TcpBreakdownGroup = Grouped<TcpBreakdownPoint>;

/** The grouping labels for TCP: none for a split by response code. */
export function tcpGroupLabels(direction: Direction, by: BreakdownBy): readonly string[] {
  return by === 'code' ? [] : groupLabels(direction, by);
}

export interface TcpBreakdownInput {
  readonly labels: readonly string[];
  readonly reporter: ReporterChoice;
  readonly timestamps: readonly number[];
  /** Counter rates by the group labels, tagged by SERIES_LABEL with a TCP_COUNTERS name. */
  readonly tcp: readonly Series[];
}

const traffic = (p: TcpBreakdownPoint): number =>
  p.sentBytesPerSecond + p.receivedBytesPerSecond + p.openedPerSecond + p.closedPerSecond;

/**
 * One series per group (steps with no sample count as idle), most bytes first. A group whose
 * counters are all zero over the window is no TCP traffic and left out, so an HTTP-only workload
 * has no TCP groups at all.
 */
export function tcpBreakdownGroups(input: TcpBreakdownInput): TcpBreakdownGroup[] {
  const cells = new GroupCells<Record<TcpCounter, number>>(input.labels, input.reporter, () => ({
    sent: 0,
    received: 0,
    opened: 0,
    closed: 0,
  }));
  cells.addSeries(input.tcp, (acc, v, s) => {
    const counter = TCP_COUNTERS.find((c) => c === s.labels[SERIES_LABEL]);
    if (counter) acc[counter] += v;
  });
  const groups = cells.groups(
    input.timestamps,
    (t, acc): TcpBreakdownPoint => ({
      t,
      sentBytesPerSecond: acc?.sent ?? 0,
      receivedBytesPerSecond: acc?.received ?? 0,
      openedPerSecond: acc?.opened ?? 0,
      closedPerSecond: acc?.closed ?? 0,
    }),
    traffic,
  );
  return groups.filter((g) => g.points.some((p) => traffic(p) > 0));
}
