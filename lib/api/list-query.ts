import type { Window } from '@/lib/mesh/types';

/**
 * GET /api/services, /api/workloads and /api/apps: which namespaces, and the time the rows' rates,
 * p95 and sparklines describe.
 */
export interface ListQuery {
  /** Absent (or empty in the query string): every namespace. */
  readonly namespaces?: readonly string[];
  /** 1m when absent: the lists judge "now" unless asked otherwise. */
  readonly window: Window;
  /** The moment the window ends, epoch ms (`end` in the URL: RFC 3339 or Unix seconds); now when absent. */
  readonly end?: number;
}

/** What a list says beside its rows about the metrics in them. */
export interface ListMetricsNotes {
  /** Why rates, p95 and sparklines are null. */
  readonly metricsError?: string;
  /** What else is missing and why (latencies, sparklines), while the rates stand. */
  readonly warnings?: readonly string[];
}
