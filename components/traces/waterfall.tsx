'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { visibleNodes } from '@/lib/mesh/traces/span-tree';
import { TimeRuler } from './time-ruler';
import { WaterfallRow } from './waterfall-row';
import { rulerTicks, type WaterfallModel } from './waterfall-model';

export interface WaterfallProps {
  readonly model: WaterfallModel;
  readonly colors: ReadonlyMap<string, string>;
  readonly showCriticalPath: boolean;
  /** Index (in trace.spans) of the selected span. */
  readonly selected: number | undefined;
  readonly onSelect: (index: number) => void;
}

const ROW_PX = 26;
const MAX_HEIGHT_PX = 560;

/**
 * Jaeger UI's timeline in spirit: a collapsible span tree beside bars on one time axis. Rows are
 * virtualised, so a 5,000-span trace renders only the few dozen rows in view. Keyboard: arrows move
 * (Right/Left also expand and collapse, or go to the child and the parent), Home/End, Enter selects.
 */
export function Waterfall({
  model,
  colors,
  showCriticalPath,
  selected,
  onSelect,
}: WaterfallProps): ReactNode {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [focused, setFocused] = useState(0);
  const rows = useMemo(() => visibleNodes(model.tree, collapsed), [model.tree, collapsed]);
  const ticks = useMemo(() => rulerTicks(model.durationUs), [model.durationUs]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusAfterRender = useRef(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
    // Rows on the first paint, before the scroll box has been measured.
    initialRect: { width: 0, height: MAX_HEIGHT_PX },
  });

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-row="${focused}"]`)?.focus();
  });

  const toggle = (index: number): void =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });

  const moveTo = (row: number): void => {
    const r = Math.max(0, Math.min(rows.length - 1, row));
    setFocused(r);
    focusAfterRender.current = true;
    virtualizer.scrollToIndex(r, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const node = rows[focused];
    if (!node) return;
    const open = node.children.length > 0 && !collapsed.has(node.index);
    const handlers: Record<string, () => void> = {
      ArrowDown: () => moveTo(focused + 1),
      ArrowUp: () => moveTo(focused - 1),
      Home: () => moveTo(0),
      End: () => moveTo(rows.length - 1),
      ArrowRight: () =>
        open ? moveTo(focused + 1) : node.children.length > 0 && toggle(node.index),
      ArrowLeft: () => {
        if (open) return toggle(node.index);
        for (let r = focused - 1; r >= 0; r--)
          if ((rows[r]?.depth ?? 0) < node.depth) return moveTo(r);
      },
      Enter: () => onSelect(node.index),
      ' ': () => onSelect(node.index),
    };
    const handler = handlers[e.key];
    if (!handler) return;
    e.preventDefault();
    handler();
  };

  return (
    <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-end border-b border-slate-200 px-0 pt-1 text-xs dark:border-slate-700">
        <div className="flex items-center gap-2 px-2 pb-1">
          <span className="font-medium">Service · operation</span>
          <button
            type="button"
            className="rounded px-1 text-sky-700 hover:underline dark:text-sky-300"
            onClick={() => setCollapsed(new Set())}
          >
            Expand all
          </button>
          <button
            type="button"
            className="rounded px-1 text-sky-700 hover:underline dark:text-sky-300"
            onClick={() =>
              setCollapsed(new Set(model.tree.roots.flatMap((r) => r.children.map((c) => c.index))))
            }
          >
            Collapse
          </button>
        </div>
        <TimeRuler ticks={ticks} durationUs={model.durationUs} />
      </div>
      <div
        ref={scrollRef}
        className="overflow-y-auto"
        style={{ height: Math.min(MAX_HEIGHT_PX, rows.length * ROW_PX + 2) }}
        data-testid="waterfall"
      >
        <div
          role="tree"
          aria-label="Spans of the trace"
          onKeyDown={onKeyDown}
          className="relative"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const node = rows[item.index];
            if (!node) return null;
            return (
              <WaterfallRow
                key={node.index}
                node={node}
                row={item.index}
                style={{ top: item.start, height: item.size }}
                color={colors.get(node.span.service) ?? '#64748b'}
                traceStartUs={model.startUs}
                durationUs={model.durationUs}
                ticks={ticks}
                isCollapsed={collapsed.has(node.index)}
                isSelected={selected === node.index}
                isFocused={focused === item.index}
                isHighlighted={model.highlighted.has(node.span.spanId)}
                critical={showCriticalPath ? model.critical.get(node.span.spanId) : undefined}
                onToggle={() => toggle(node.index)}
                onSelect={() => {
                  setFocused(item.index);
                  onSelect(node.index);
                }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
