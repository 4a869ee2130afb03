import type { ReactNode } from 'react';
import type { ListMetricsNotes as Notes } from '@/lib/api/list-query';

const NOTE = 'text-sm text-amber-800 dark:text-amber-300';

/** Why a list's rates are missing, or which of its latencies and sparklines are and why. */
export function ListMetricsNotes({
  notes,
  withoutMetrics = '',
}: {
  readonly notes: Notes | undefined;
  /** What the rows show instead, said after the reason: "Health comes from pod readiness alone." */
  readonly withoutMetrics?: string;
}): ReactNode {
  return (
    <>
      {notes?.metricsError ? (
        <p role="status" className={NOTE}>
          Metrics unavailable: {notes.metricsError}
          {withoutMetrics ? `. ${withoutMetrics}` : null}
        </p>
      ) : null}
      {notes?.warnings?.map((w) => (
        <p key={w} role="status" className={NOTE}>
          {w}
        </p>
      ))}
    </>
  );
}
