'use client';

import type { ReactNode } from 'react';
import type { Health } from '@/lib/mesh/types';
import { edgeWidth } from './edge-width';
import { PALETTES } from './graph-theme';
import { LockIcon } from '@/components/ui/lock-icon';
import { useTheme } from './use-theme';

const SHAPE_PATHS: readonly { label: string; path: string }[] = [
  { label: 'Workload', path: 'M12 3a9 9 0 1 0 0.01 0Z' },
  { label: 'App', path: 'M5 6h14a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H5a3 3 0 0 1-3-3V9a3 3 0 0 1 3-3Z' },
  { label: 'Service', path: 'M12 3 22 20H2Z' },
  { label: 'External host', path: 'M7 3h10l5 9-5 9H7l-5-9Z' },
  { label: 'Unknown caller', path: 'M8 2h8l6 6v8l-6 6H8l-6-6V8Z' },
];

const HEALTH_TEXT: readonly { health: Health; text: string }[] = [
  { health: 'healthy', text: 'Healthy' },
  { health: 'degraded', text: 'Degraded: some 5xx, or ≥ 10% 4xx' },
  { health: 'failing', text: 'Failing: ≥ 10% 5xx, or ≥ 20% 4xx' },
  { health: 'idle', text: 'Idle: deployed, no traffic in the window' },
  { health: 'unknown', text: 'Unknown: no rule applies' },
];

const RATES = [1, 10, 100, 1000] as const;

function Swatch(props: {
  path: string;
  stroke: string;
  fill: string;
  dash?: string;
  opacity?: number;
}): ReactNode {
  return (
    <svg
      aria-hidden
      width="24"
      height="24"
      viewBox="0 0 24 24"
      className="shrink-0"
      opacity={props.opacity}
    >
      <path
        d={props.path}
        stroke={props.stroke}
        fill={props.fill}
        strokeWidth="2"
        strokeDasharray={props.dash}
      />
    </svg>
  );
}

function Line(props: { colour: string; width?: number; dash?: string }): ReactNode {
  return (
    <svg aria-hidden width="40" height="12" className="shrink-0">
      <line
        x1="2"
        y1="6"
        x2="38"
        y2="6"
        stroke={props.colour}
        strokeWidth={props.width ?? 2.5}
        strokeDasharray={props.dash}
      />
    </svg>
  );
}

const ROW = 'flex items-center gap-2';

/** Every mark the canvas draws, drawn the same way, in the current theme's colours. */
export function Legend({ id, onClose }: { id: string; onClose: () => void }): ReactNode {
  const p = PALETTES[useTheme()];
  const ok = p.health.healthy;
  const circle = SHAPE_PATHS[0]?.path ?? '';
  return (
    <section
      id={id}
      aria-label="Legend"
      className="absolute top-full right-0 z-30 mt-2 grid w-[36rem] grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-slate-300 bg-white p-4 text-xs shadow-xl dark:border-slate-600 dark:bg-slate-900"
    >
      <div className="col-span-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold">Legend</h2>
        <button
          type="button"
          onClick={onClose}
          className="rounded px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:hover:bg-slate-800"
        >
          Close legend
        </button>
      </div>
      <div className="flex flex-col gap-1">
        <h3 className="font-semibold">Node shape: kind</h3>
        {SHAPE_PATHS.map((s) => (
          <div key={s.label} className={ROW}>
            <Swatch path={s.path} stroke={ok.border} fill={ok.fill} />
            {s.label}
          </div>
        ))}
        <h3 className="mt-2 font-semibold">Node border</h3>
        <div className={ROW}>
          <Swatch path={circle} stroke={ok.border} fill={ok.fill} dash="3 2" opacity={0.6} />
          Faded, dashed: outside the selected namespaces
        </div>
        <div className={ROW}>
          <Swatch path={circle} stroke="#64748b" fill="#94a3b8" dash="3 2" />
          Grey, dashed: Restricted, namespaces you may not see (no names or numbers)
        </div>
        <div className={ROW}>
          <svg aria-hidden width="24" height="24" viewBox="0 0 24 24" className="shrink-0">
            <circle cx="12" cy="12" r="9" stroke={ok.border} fill={ok.fill} strokeWidth="1.5" />
            <circle cx="12" cy="12" r="6" stroke={ok.border} fill="none" strokeWidth="1.5" />
          </svg>
          Double: workload without a sidecar (plaintext, no proxy metrics)
        </div>
        <h3 className="mt-2 font-semibold">Authorization overlay (workload graph)</h3>
        <div className={ROW}>
          <Line colour={p.authzDeny} dash="6 4" /> Dashed red: the AuthorizationPolicies deny it
        </div>
        <div className={ROW}>
          <Line colour={p.authzDepends} dash="2 3" /> Dotted amber: depends on request attributes
          (paths, methods, headers, JWT claims) the metrics do not carry
        </div>
        <div className={ROW}>
          <Line colour={ok.edge} /> Unchanged: allowed
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <h3 className="font-semibold">Node colour: health</h3>
        {HEALTH_TEXT.map(({ health, text }) => (
          <div key={health} className={ROW}>
            <Swatch
              path={circle}
              stroke={p.health[health].border}
              fill={p.health[health].fill}
              dash={health === 'idle' ? '3 2' : undefined}
            />
            {text}
          </div>
        ))}
        <h3 className="mt-2 font-semibold">Edge colour: error rate (5xx, gRPC errors)</h3>
        <div className={ROW}>
          <Line colour={ok.edge} /> No errors
        </div>
        <div className={ROW}>
          <Line colour={p.health.degraded.edge} /> Some errors (degraded)
        </div>
        <div className={ROW}>
          <Line colour={p.health.failing.edge} /> ≥ 10% errors (failing)
        </div>
        <div className={ROW}>
          <Line colour={p.tcpEdge} dash="6 3" /> TCP (bytes, no status codes)
        </div>
        <h3 className="mt-2 font-semibold">Edge width: request rate (log scale)</h3>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {RATES.map((r) => (
            <span key={r} className="flex items-center gap-1">
              <Line colour={ok.edge} width={edgeWidth(r)} />
              {r}/s
            </span>
          ))}
        </div>
        <h3 className="mt-2 font-semibold">mTLS label</h3>
        <div className={ROW}>
          <LockIcon /> all traffic mTLS · ◐ 60% mTLS: partly · no mark: plaintext
        </div>
        <h3 className="mt-2 font-semibold">Halo</h3>
        <div className={ROW}>
          <span aria-hidden className="size-3 rounded-full" style={{ background: p.selected }} />
          Selected
          <span aria-hidden className="ml-3 size-3 rounded-full" style={{ background: p.found }} />
          Matches Find (the rest fades)
        </div>
      </div>
    </section>
  );
}
