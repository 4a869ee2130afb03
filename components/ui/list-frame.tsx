import type { ReactNode } from 'react';
import type { ApiProblem } from '@/lib/client/api-fetch';
import type { ListMetricsNotes as Notes } from '@/lib/api/list-query';
import { ListMetricsNotes } from './list-metrics-notes';
import { NamespaceSelect } from './namespace-filter';
import { PageHeader } from './page-header';
import { ProblemAlert } from './problem-alert';
import { TimeControls, type TimeRange } from './time-controls';

export interface ListFrameProps {
  /** "Services": the heading, and in "Loading services…" and "No services.". */
  readonly title: string;
  readonly selected: readonly string[];
  readonly onSelect: (namespaces: string[]) => void;
  readonly range: TimeRange;
  readonly onRange: (patch: Partial<TimeRange>) => void;
  readonly error: ApiProblem | null;
  /** The answer once there is one. */
  readonly notes: Notes | undefined;
  /** What the rows show instead when metrics are unavailable. */
  readonly withoutMetrics?: string;
  /** Rows in the answer; undefined while there is none. */
  readonly rows: number | undefined;
  /** Notes of the list's own beneath the metrics' (another source that failed). */
  readonly extraNotes?: ReactNode;
  /** The table, rendered only when there are rows. */
  readonly children: ReactNode;
}

/**
 * A list page's frame: heading with the namespace picker, the time controls, why metrics are
 * missing, and the table, or what stands in for it while loading and when empty.
 */
export function ListFrame(props: ListFrameProps): ReactNode {
  const titleId = `${props.title.toLowerCase()}-title`;
  const noun = props.title.toLowerCase();
  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-4">
      <PageHeader
        title={props.title}
        titleId={titleId}
        actions={<NamespaceSelect selected={props.selected} onChange={props.onSelect} />}
      />
      <div className="flex flex-wrap items-center gap-3">
        <TimeControls window={props.range.window} end={props.range.end} onChange={props.onRange} />
      </div>
      {props.error ? <ProblemAlert problem={props.error} /> : null}
      <ListMetricsNotes notes={props.notes} withoutMetrics={props.withoutMetrics} />
      {props.extraNotes}
      {props.rows === undefined && !props.error ? (
        <p className="text-sm text-slate-500">Loading {noun}…</p>
      ) : null}
      {props.rows !== undefined && props.rows > 0 ? props.children : null}
      {props.rows === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No {noun}.</p>
      ) : null}
    </section>
  );
}
