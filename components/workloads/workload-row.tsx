import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatPercent } from '@/components/ui/format';
import { MetricCells } from '@/components/ui/list-metrics-columns';
import type { TimeRange } from '@/components/ui/time-controls';
import { tracesHref } from '@/components/ui/traces-href';
import type { WorkloadSecurity } from '@/lib/api/security';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import { graphHref } from './links';
import { MtlsCell } from './mtls-cell';
import { DataPlaneState } from './data-plane-state';

const LINK = 'text-sky-700 hover:underline dark:text-sky-400';
const ERROR_TEXT = 'text-red-700 dark:text-red-400';

function podsClass(w: WorkloadListItem): string {
  if (w.desiredReplicas > 0 && w.readyReplicas === 0) return `font-semibold ${ERROR_TEXT}`;
  if (w.readyReplicas < w.desiredReplicas)
    return 'font-semibold text-amber-800 dark:text-amber-300';
  return '';
}

/** Inbound errors, and below them the workload's own failing calls when there are any. */
function ErrorRates({ w }: { w: WorkloadListItem }): ReactNode {
  if (w.errorRate === null) return '—';
  return (
    <>
      <span className={w.errorRate > 0 ? ERROR_TEXT : ''}>{formatPercent(w.errorRate)}</span>
      {w.outboundErrorRate ? (
        <span className={`block text-xs ${ERROR_TEXT}`}>
          {formatPercent(w.outboundErrorRate)} of its calls
        </span>
      ) : null}
    </>
  );
}

export interface WorkloadRowProps {
  readonly w: WorkloadListItem;
  readonly range: TimeRange;
  /** Its mTLS posture; undefined while loading or when /api/security failed. */
  readonly security?: WorkloadSecurity | undefined;
}

export function WorkloadRow({ w, range, security }: WorkloadRowProps): ReactNode {
  const appVersion = [w.app, w.version].filter(Boolean).join(' · ');
  return (
    <tr
      data-testid="workload-row"
      data-workload={`${w.namespace}/${w.name}`}
      className={`border-b border-slate-100 last:border-0 dark:border-slate-800 ${w.captureWarnings.length === 0 ? '' : 'bg-amber-50/60 dark:bg-amber-950/30'}`}
    >
      <th scope="row" className="px-3 py-2 text-left font-medium">
        <Link
          href={`/workloads/${encodeURIComponent(w.namespace)}/${encodeURIComponent(w.name)}`}
          className={LINK}
        >
          {w.name}
        </Link>
        {appVersion ? (
          <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
            {appVersion}
          </span>
        ) : null}
      </th>
      <td className="px-3 py-2">{w.namespace}</td>
      <td className="px-3 py-2 text-slate-700 dark:text-slate-300">{w.kind}</td>
      <td className={`px-3 py-2 text-right ${podsClass(w)}`}>
        {w.readyReplicas}/{w.desiredReplicas}
      </td>
      <td className="px-3 py-2">
        <DataPlaneState
          dataPlane={w.dataPlane}
          namespace={w.namespace}
          namespaceInjects={w.namespaceInjects}
          warnings={w.captureWarnings}
        />
      </td>
      <td className="px-3 py-2">
        <MtlsCell security={security} />
      </td>
      <MetricCells row={w} range={range} errors={<ErrorRates w={w} />} />
      <td className="px-3 py-2 text-xs whitespace-nowrap">
        <Link href={graphHref(w)} className={LINK}>
          Graph<span className="sr-only"> of {w.name}</span>
        </Link>
        <span aria-hidden className="px-1.5 text-slate-400">
          ·
        </span>
        <Link href={tracesHref({ namespace: w.namespace, target: w.name })} className={LINK}>
          Traces<span className="sr-only"> of {w.name}</span>
        </Link>
      </td>
    </tr>
  );
}
