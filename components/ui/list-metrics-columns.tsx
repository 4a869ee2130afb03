import type { ReactNode } from 'react';
import type { Health } from '@/lib/mesh/types';
import { formatMs, formatPercent, formatRps } from './format';
import { HealthBadge } from './health-badge';
import { SortHeader } from './sort/sort-header';
import type { TableSort } from './sort/sort-state';
import { Sparkline } from './sparkline';
import { asOfText, type TimeRange } from './time-controls';

/** The columns every list has, in this order: Health, Requests/s, Error rate, p95. */
type MetricKey = 'health' | 'rps' | 'errorRate' | 'p95';

/** What a list row says about its inbound traffic over the window; null where metrics are unavailable. */
export interface RowMetrics {
  readonly health: Health;
  readonly rps: number | null;
  readonly errorRate: number | null;
  readonly p95Ms: number | null;
  readonly sparkline: readonly number[] | null;
}

/** "over the last 1h", or "over the 1h ending 11:00, Dec 5" for a past moment. */
function windowWords({ window, end }: TimeRange): string {
  return end === null ? `over the last ${window}` : `over the ${window} ending ${asOfText(end)}`;
}

/** The sortable headers of the metrics columns. */
export function MetricHeaders<K extends string>({
  sort,
  onSort,
}: {
  readonly sort: TableSort<K | MetricKey>;
  readonly onSort: (key: K | MetricKey) => void;
}): ReactNode {
  const header = { sort, onSort };
  return (
    <>
      <SortHeader<K | MetricKey> sortKey="health" {...header}>
        Health
      </SortHeader>
      <SortHeader<K | MetricKey> sortKey="rps" isNumeric {...header}>
        Requests/s
      </SortHeader>
      <SortHeader<K | MetricKey> sortKey="errorRate" isNumeric {...header}>
        Error rate
      </SortHeader>
      <SortHeader<K | MetricKey> sortKey="p95" isNumeric {...header}>
        p95
      </SortHeader>
    </>
  );
}

export interface MetricCellsProps {
  readonly row: RowMetrics;
  /** The window the rates, p95 and sparkline describe. */
  readonly range: TimeRange;
  /** The error cell's content when a list says more than the inbound share. */
  readonly errors?: ReactNode;
}

/** The metrics cells of a row: health, the sparkline beside the rate, error share and p95. */
export function MetricCells({ row, range, errors }: MetricCellsProps): ReactNode {
  return (
    <>
      <td className="px-3 py-2">
        <HealthBadge health={row.health} />
      </td>
      <td className="px-3 py-2 text-right whitespace-nowrap">
        <span className="flex items-center justify-end gap-2">
          {row.sparkline !== null ? (
            <Sparkline points={row.sparkline} label={`Requests/s ${windowWords(range)}`} />
          ) : null}
          <span className="min-w-[3.5rem] leading-5">
            {row.rps === null ? '—' : formatRps(row.rps)}
          </span>
        </span>
      </td>
      <td
        className={`px-3 py-2 text-right ${errors === undefined && row.errorRate ? 'text-red-700 dark:text-red-400' : ''}`}
      >
        {errors ?? (row.errorRate === null ? '—' : formatPercent(row.errorRate))}
      </td>
      <td className="px-3 py-2 text-right">{row.p95Ms === null ? '—' : formatMs(row.p95Ms)}</td>
    </>
  );
}
