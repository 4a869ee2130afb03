'use client';

import { useReducer, useState, type ReactNode } from 'react';
import type { TrafficResponse } from '@/lib/api/traffic';
import { useUpdateTrafficWeightsMutation, weightsConflictOf } from '@/lib/client/use-traffic';
import type { TrafficRoute } from '@/lib/mesh/traffic/route-weights';
import { allTo, presets, type Weights } from '@/lib/mesh/traffic/weights';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { dryRunThenApply } from '@/lib/client/dry-run-then-apply';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, SMALL_BUTTON } from './button-styles';
import { ConflictPanel } from './conflict-panel';
import { DiffView } from './diff-view';
import {
  activeDraft,
  draftReducer,
  INITIAL_DRAFT,
  isDirty,
  sameWeights,
  stableSubset,
  type ServerRoute,
} from './weight-draft';
import { WeightSliders } from './weight-sliders';

export interface WeightEditorProps {
  readonly namespace: string;
  readonly service: string;
  readonly traffic: TrafficResponse;
}

const weightsOf = (route: TrafficRoute | undefined): Weights =>
  Object.fromEntries((route?.destinations ?? []).map((d) => [d.subset ?? d.host, d.weight]));

/**
 * The canary slider: draft → preview → apply with the loaded resourceVersion. The preview is a dry
 * run, so its diff shows what the API server will store, admission defaults included.
 */
export function WeightEditor({ namespace, service, traffic }: WeightEditorProps): ReactNode {
  const editable = traffic.routes.filter((r) => r.subsets !== undefined);
  const [chosenRoute, setChosenRoute] = useState(traffic.defaultRoute);
  const route = editable.find((r) => r.index === chosenRoute) ?? editable[0];
  const router = traffic.gatewayRoute ?? traffic.virtualService;
  const resourceVersion = router?.resourceVersion ?? '';
  const kind = traffic.gatewayRoute?.kind ?? 'VirtualService';
  const server: ServerRoute = {
    route: route?.index ?? 0,
    resourceVersion,
    weights: weightsOf(route),
  };
  const [state, dispatch] = useReducer(draftReducer, INITIAL_DRAFT);
  const preview = useUpdateTrafficWeightsMutation(namespace, service);
  const apply = useUpdateTrafficWeightsMutation(namespace, service);
  const [appliedVersion, setAppliedVersion] = useState<string | null>(null);

  if (route?.subsets === undefined || !router) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        No route of this service can be split by weight
        {traffic.routes[0]?.notEditable ? `: ${traffic.routes[0].notEditable}` : ''}.
      </p>
    );
  }
  const subsets = route.subsets;
  const draft = activeDraft(state, server);
  const weights = draft?.weights ?? server.weights;
  const dirty = isDirty(draft);
  const base = draft?.baseResourceVersion ?? resourceVersion;
  const movedMeanwhile = dirty && base !== resourceVersion;
  const conflict = weightsConflictOf(apply.error);
  const busy = apply.isPending || preview.isPending;
  const stable = stableSubset(subsets, server.weights) ?? subsets[0] ?? '';
  const previewFits =
    preview.variables !== undefined && sameWeights(preview.variables.weights, weights);

  const write = async (against: string): Promise<void> => {
    const vars = { route: route.index, weights, resourceVersion: against };
    setAppliedVersion(null);
    try {
      const result = await dryRunThenApply(apply.mutateAsync, (dryRun) => [{ ...vars, dryRun }]);
      dispatch({ type: 'applied', resourceVersion: result.resourceVersion });
      setAppliedVersion(result.resourceVersion);
      // The preview described the change now written; keeping it would suggest something pending.
      preview.reset();
    } catch {
      // apply.error holds the problem; the panels below show it.
    }
  };
  const replace = (next: Weights): void => dispatch({ type: 'replace', server, weights: next });
  const discard = (): void => {
    dispatch({ type: 'discard' });
    apply.reset();
    preview.reset();
  };

  return (
    <section
      aria-labelledby="weights-title"
      className="flex flex-col gap-4"
      data-testid="weight-editor"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="weights-title" className="text-base font-semibold">
          Change the split
        </h3>
        {editable.length > 1 ? (
          <label className="flex items-center gap-2 text-xs">
            Route
            <select
              value={route.index}
              disabled={dirty}
              onChange={(e) => setChosenRoute(Number(e.target.value))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            >
              {editable.map((r) => (
                <option key={r.index} value={r.index}>
                  {r.name ?? `#${r.index}`}{' '}
                  {r.unreachable ? '(never matches)' : r.match ? '(matched)' : '(default)'}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>

      {movedMeanwhile && !conflict ? (
        <ConflictPanel
          title={`The ${kind} changed since you started editing`}
          detail={`It moved from version ${base} to ${resourceVersion}. Applying your draft as is would be refused; review their change first.`}
          subsets={subsets}
          base={draft?.baseWeights ?? {}}
          theirs={server.weights}
          yours={weights}
          busy={busy}
          onReapply={() => void write(resourceVersion)}
          onDiscard={discard}
        />
      ) : null}

      <WeightSliders
        subsets={subsets}
        weights={weights}
        locks={state.locks}
        disabled={busy}
        onChange={(subset, value) => dispatch({ type: 'set', server, subset, value })}
        onToggleLock={(subset) => dispatch({ type: 'toggle-lock', subset })}
      />

      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Presets">
        <span className="text-xs text-slate-500 dark:text-slate-400">Presets</span>
        {presets(subsets, stable).map((p) => (
          <button
            key={p.label}
            type="button"
            className={SMALL_BUTTON}
            disabled={busy}
            onClick={() => replace(p.weights)}
          >
            {p.label}
          </button>
        ))}
        {subsets
          .filter((s) => s !== stable)
          .map((s) => (
            <button
              key={s}
              type="button"
              className={SMALL_BUTTON}
              disabled={busy}
              onClick={() => replace(allTo(subsets, s))}
            >
              Promote {s}
            </button>
          ))}
        <button
          type="button"
          className={SMALL_BUTTON}
          disabled={busy}
          onClick={() => replace(allTo(subsets, stable))}
        >
          Roll back to {stable}
        </button>
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={SECONDARY_BUTTON}
          disabled={!dirty || busy}
          onClick={() =>
            preview.mutate({ route: route.index, weights, resourceVersion: base, dryRun: true })
          }
        >
          Preview
        </button>
        <button
          type="button"
          className={PRIMARY_BUTTON}
          disabled={!dirty || busy || movedMeanwhile}
          onClick={() => void write(base)}
        >
          {apply.isPending ? 'Applying…' : 'Apply'}
        </button>
        <button
          type="button"
          className={SECONDARY_BUTTON}
          disabled={!dirty || busy}
          onClick={discard}
        >
          Discard
        </button>
        <span className="text-xs text-slate-500 tabular-nums dark:text-slate-400">
          Total {Object.values(weights).reduce((a, b) => a + b, 0)}% · version {base}
        </span>
      </div>

      {appliedVersion !== null && !dirty ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Applied (version {appliedVersion}). The observed split follows as Prometheus sees the new
          traffic, within about a {traffic.observed.window} window.
        </p>
      ) : null}

      {conflict ? (
        <ConflictPanel
          title="Changed meanwhile: nothing was written"
          detail={apply.error?.detail ?? ''}
          subsets={subsets}
          base={draft?.baseWeights ?? server.weights}
          theirs={weightsOf(conflict.routes[route.index])}
          yours={weights}
          diff={conflict.diff}
          busy={busy}
          onReapply={() => void write(conflict.resourceVersion)}
          onDiscard={discard}
        />
      ) : null}
      {[apply.error, preview.error].map((error, i) =>
        error && error.status !== 409 ? <ProblemAlert key={i} problem={error} /> : null,
      )}

      {preview.data?.diff && previewFits ? (
        <div className="flex flex-col gap-1" data-testid="preview">
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Preview: the {kind} as the API server would store it (dry run), against the live one.
          </p>
          <DiffView lines={preview.data.diff} label={`YAML diff of the ${kind}`} />
        </div>
      ) : null}
    </section>
  );
}
