import type { ReactNode } from 'react';
import type { Span, TagValue } from '@/lib/mesh/traces/types';
import { formatDurationUs } from './format-duration';

export interface SpanDetailProps {
  readonly span: Span;
  readonly traceStartUs: number;
  readonly skewUs: number | undefined;
  readonly isOrphan: boolean;
}

function KeyValues({
  title,
  values,
}: {
  title: string;
  values: Readonly<Record<string, TagValue>>;
}): ReactNode {
  const entries = Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section>
      <h4 className="mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">
        {title} ({entries.length})
      </h4>
      {entries.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">none</p>
      ) : (
        <table className="w-full text-xs">
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k} className="border-b border-slate-100 align-top dark:border-slate-800">
                <th
                  scope="row"
                  className="w-2/5 py-0.5 pr-2 text-left font-mono font-normal text-slate-600 dark:text-slate-300"
                >
                  {k}
                </th>
                <td className="py-0.5 font-mono break-all">{String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Everything about one span: timing, ids, tags, process and logs. */
export function SpanDetail({ span, traceStartUs, skewUs, isOrphan }: SpanDetailProps): ReactNode {
  return (
    <section
      aria-label={`Span ${span.operation}`}
      data-testid="span-detail"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <h3 className="font-semibold">
        {span.error && (
          <span className="mr-1 text-red-700 dark:text-red-400">
            <span aria-hidden>⚠ </span>Error ·
          </span>
        )}
        {span.service}{' '}
        <span className="font-normal text-slate-600 dark:text-slate-300">{span.operation}</span>
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-600 dark:text-slate-300">Kind</dt>
        <dd>{span.kind}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Duration</dt>
        <dd>{formatDurationUs(span.durationUs)}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Starts at</dt>
        <dd>+{formatDurationUs(span.startUs - traceStartUs)}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Span id</dt>
        <dd className="font-mono">{span.spanId}</dd>
        <dt className="text-slate-600 dark:text-slate-300">Parent</dt>
        <dd className="font-mono">
          {span.parentId ?? 'none (root)'}
          {isOrphan && ' — missing from the trace'}
          {span.followsFrom && ' (follows from)'}
        </dd>
      </dl>
      {skewUs !== undefined && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          Shifted by {skewUs > 0 ? '+' : '−'}
          {formatDurationUs(Math.abs(skewUs))} for clock skew: its host&apos;s clock disagreed with
          its caller&apos;s.
        </p>
      )}
      {span.warnings?.map((w) => (
        <p key={w} className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          Warning: {w}
        </p>
      ))}
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        <KeyValues title="Tags" values={span.tags} />
        <div className="flex flex-col gap-4">
          <KeyValues title={`Process ${span.process.serviceName}`} values={span.process.tags} />
          <section>
            <h4 className="mb-1 text-xs font-semibold text-slate-600 uppercase dark:text-slate-300">
              Logs ({span.logs.length})
            </h4>
            {span.logs.length === 0 ? (
              <p className="text-xs text-slate-500 dark:text-slate-400">none</p>
            ) : (
              <ul className="flex flex-col gap-1 text-xs">
                {span.logs.map((l, i) => (
                  <li key={i} className="font-mono">
                    <span className="text-slate-600 dark:text-slate-300">
                      +{formatDurationUs(l.timestampUs - traceStartUs)}
                    </span>{' '}
                    {Object.entries(l.fields)
                      .map(([k, v]) => `${k}=${String(v)}`)
                      .join(' ')}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
