'use client';

import type { CSSProperties, ReactNode } from 'react';
import type { SpanNode } from '@/lib/mesh/traces/span-tree';
import type { CriticalSection } from '@/lib/mesh/traces/types';
import { formatDurationUs } from './format-duration';
import { TickLines } from './time-ruler';

export interface WaterfallRowProps {
  readonly node: SpanNode;
  readonly row: number;
  readonly style: CSSProperties;
  readonly color: string;
  readonly traceStartUs: number;
  readonly durationUs: number;
  readonly ticks: readonly number[];
  readonly isCollapsed: boolean;
  readonly isSelected: boolean;
  readonly isFocused: boolean;
  readonly isHighlighted: boolean;
  readonly critical: readonly CriticalSection[] | undefined;
  readonly onToggle: () => void;
  readonly onSelect: () => void;
}

const pct = (us: number, total: number): string => `${(us / total) * 100}%`;

/** One span: the tree column (indent, toggle, service, operation) and its bar on the time axis. */
export function WaterfallRow(props: WaterfallRowProps): ReactNode {
  const { node, color, traceStartUs, durationUs, critical } = props;
  const { span } = node;
  const left = span.startUs - traceStartUs;
  const endPct = ((left + span.durationUs) / durationUs) * 100;
  const hasChildren = node.children.length > 0;
  // The duration goes after the bar; a bar reaching the right edge takes it before its start, or
  // inside itself when it also starts near the left.
  const startPct = (left / durationUs) * 100;
  const labelInside = endPct > 80 && startPct < 20;
  const labelStyle: CSSProperties =
    endPct <= 80
      ? { left: `${endPct}%` }
      : labelInside
        ? { right: `${100 - endPct}%`, textShadow: '0 0 2px rgb(0 0 0 / 0.9)' }
        : { right: `${100 - startPct}%` };
  return (
    <div
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={hasChildren ? !props.isCollapsed : undefined}
      aria-selected={props.isSelected}
      aria-label={`${span.service} ${span.operation}, ${formatDurationUs(span.durationUs)}${span.error ? ', error' : ''}${props.isHighlighted ? ', on the chosen edge' : ''}`}
      tabIndex={props.isFocused ? 0 : -1}
      data-row={props.row}
      data-span-id={span.spanId}
      data-service={span.service}
      data-highlighted={props.isHighlighted ? '1' : undefined}
      data-error={span.error ? '1' : undefined}
      onClick={props.onSelect}
      style={props.style}
      className={`absolute inset-x-0 grid cursor-pointer grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 ${
        props.isSelected
          ? 'bg-sky-100 dark:bg-sky-900/60'
          : props.isHighlighted
            ? 'bg-amber-50 hover:bg-amber-100 dark:bg-amber-950/50 dark:hover:bg-amber-900/50'
            : 'hover:bg-slate-100 dark:hover:bg-slate-800/60'
      }`}
    >
      <div
        className="flex min-w-0 items-center gap-1 pr-2"
        style={{ paddingLeft: Math.min(node.depth, 24) * 12 + 4 }}
      >
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-label={props.isCollapsed ? 'Expand' : 'Collapse'}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle();
            }}
            className="w-4 shrink-0 text-slate-500 dark:text-slate-400"
          >
            {props.isCollapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span
          aria-hidden
          className="size-2.5 shrink-0 rounded-sm"
          style={{ backgroundColor: color }}
        />
        {span.error && (
          <span aria-hidden className="shrink-0 font-bold text-red-600 dark:text-red-400">
            ⚠
          </span>
        )}
        <span className="shrink-0 font-semibold">{span.service.split('.')[0]}</span>
        <span className="truncate text-slate-600 dark:text-slate-300">{span.operation}</span>
        {props.isHighlighted && (
          <span className="ml-auto shrink-0 rounded bg-amber-200 px-1 text-[10px] font-semibold text-amber-950 dark:bg-amber-700 dark:text-amber-50">
            {span.kind === 'client'
              ? 'edge · caller'
              : span.kind === 'server'
                ? 'edge · callee'
                : 'edge'}
          </span>
        )}
      </div>
      <div className="relative h-full">
        <TickLines ticks={props.ticks} durationUs={durationUs} />
        <div
          className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${
            span.error ? 'ring-2 ring-red-600 dark:ring-red-400' : ''
          } ${props.isHighlighted ? 'outline-2 outline-offset-1 outline-amber-500' : ''}`}
          style={{
            left: pct(left, durationUs),
            width: `max(2px, ${pct(span.durationUs, durationUs)})`,
            backgroundColor: color,
          }}
        />
        {critical?.map((c) => (
          <div
            key={c.startUs}
            data-critical="1"
            className="absolute top-1/2 h-1 -translate-y-1/2 bg-slate-950 dark:bg-white"
            style={{
              left: pct(c.startUs - traceStartUs, durationUs),
              width: `max(1px, ${pct(c.endUs - c.startUs, durationUs)})`,
            }}
          />
        ))}
        <span
          className={`absolute top-1/2 -translate-y-1/2 px-1 text-[11px] whitespace-nowrap tabular-nums ${
            labelInside ? 'text-white' : 'text-slate-700 dark:text-slate-200'
          }`}
          style={labelStyle}
        >
          {formatDurationUs(span.durationUs)}
        </span>
      </div>
    </div>
  );
}
