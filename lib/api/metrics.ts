import type {
  BreakdownBy,
  BreakdownGroup,
  Direction,
  ReporterChoice,
} from '@/lib/mesh/metrics/breakdown';
import type { TcpBreakdownGroup } from '@/lib/mesh/metrics/breakdown-tcp';
import type { RequestPoint, TcpPoint } from '@/lib/mesh/metrics/series';
import type { GraphType, Protocol, Window } from '@/lib/mesh/types';

/**
 * GET /api/metrics. The points are the domain's (lib/mesh/metrics/series.ts shapes them per step);
 * the envelope around them is declared here.
 */

/** One step of an http/grpc series; rates in requests per second, errorRate 0..1. */
export type RequestMetricsPoint = RequestPoint;

export type TcpMetricsPoint = TcpPoint;

interface MetricsMeta {
  readonly window: Window;
  readonly stepSeconds: number;
  /** The graph whose counting rules the points follow: the request's, or read off the node ids. */
  readonly type: GraphType;
  /** The protocols the points count; a node's request view holds both http and grpc. */
  readonly protocols: readonly Protocol[];
}

export type MetricsResponse = MetricsMeta &
  (
    | { readonly protocol: 'http' | 'grpc'; readonly points: readonly RequestMetricsPoint[] }
    | { readonly protocol: 'tcp'; readonly points: readonly TcpMetricsPoint[] }
  );

/**
 * GET /api/metrics?node=<id>&direction=inbound|outbound&by=version|remote|code[&reporter=…]: the
 * node's golden metrics split into groups, for the detail pages.
 */
export interface BreakdownResponse {
  readonly window: Window;
  readonly stepSeconds: number;
  readonly node: string;
  readonly direction: Direction;
  readonly by: BreakdownBy;
  readonly reporter: ReporterChoice;
  /** HTTP and gRPC requests. */
  readonly groups: readonly BreakdownGroup[];
  /** TCP connections; empty when the window saw none. */
  readonly tcpGroups: readonly TcpBreakdownGroup[];
}
