'use client';

import { useCallback, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useRefreshInterval } from '@/lib/client/refresh-interval';
import { useGraphQuery } from '@/lib/client/use-graph';
import type { GraphResponse } from '@/lib/api/graph';
import type { AuthzVerdict } from '@/lib/api/security';
import { useSecurityQuery } from '@/lib/client/use-security';
import type { MeshGraph } from '@/lib/mesh/types';
import { useNamespacesQuery } from '@/lib/client/use-namespaces';
import { PageHeader } from '@/components/ui/page-header';
import { authzMarks } from './authz-overlay';
import { AuthzStatus } from './authz-status';
import { ElementList } from './element-list';
import { parseFilter } from './filter-expr';
import { GraphCanvas } from './graph-canvas';
import { GraphProblem, GraphStatus } from './graph-status';
import { GraphToolbar } from './graph-toolbar';
import { RestrictedPanel } from './restricted-panel';
import { SidePanel } from './side-panel';
import { toElements } from './to-elements';
import { defaultNamespaces, GRAPH_REFRESH_MS } from './url-state';
import { useGraphViewState } from './use-graph-view-state';

/**
 * The graph without the restricted node and its edges, for the parts that read names and numbers
 * (element list, side panel); the canvas draws the restricted node from the full response.
 */
function withoutRestricted(graph: GraphResponse): MeshGraph {
  return {
    ...graph,
    nodes: graph.nodes.flatMap((n) => (n.kind === 'restricted' ? [] : [n])),
    edges: graph.edges.flatMap((e) => ('restricted' in e ? [] : [e])),
  };
}

const NO_MARKS: ReadonlyMap<string, AuthzVerdict> = new Map();

export function GraphView(): ReactNode {
  const [view, update] = useGraphViewState();
  const namespacesQuery = useNamespacesQuery();
  const allNamespaces = useMemo(
    () => (namespacesQuery.data ?? []).map((n) => n.name).sort(),
    [namespacesQuery.data],
  );
  const namespaces = useMemo(
    () =>
      view.namespaces.length > 0 ? view.namespaces : defaultNamespaces(namespacesQuery.data ?? []),
    [view.namespaces, namespacesQuery.data],
  );
  const { intervalMs } = useRefreshInterval();
  const refreshMs = view.refresh === 'default' ? intervalMs : GRAPH_REFRESH_MS[view.refresh];
  // A past moment does not change: only a live view refreshes.
  const refetchInterval = refreshMs > 0 && view.end === null ? refreshMs : false;
  const graphState = useGraphQuery(
    {
      namespaces,
      type: view.type,
      window: view.window,
      ...(view.end !== null && { end: view.end }),
      idle: view.idle,
      ambient: view.ambient,
    },
    refetchInterval,
  );
  const { graph: response } = graphState;
  const elements = useMemo(
    () => (response ? toElements(response, { clusterBoxes: view.clusters }) : null),
    [response, view.clusters],
  );
  const graph = useMemo(() => (response ? withoutRestricted(response) : undefined), [response]);
  const multiCluster = useMemo(
    () => graph?.nodes.some((n) => n.cluster !== undefined) === true,
    [graph],
  );
  const restrictedSelected =
    view.selected !== null &&
    response?.nodes.some((n) => n.id === view.selected && n.kind === 'restricted') === true;
  const find = useMemo(() => parseFilter(view.find), [view.find]);
  const hide = useMemo(() => parseFilter(view.hide), [view.hide]);
  const isStale = graphState.error !== null && graph !== undefined;
  // The overlay and the side panel's authorization sections share one answer.
  const security = useSecurityQuery(namespaces, view.window, {
    enabled: namespaces.length > 0 && (view.authz || view.selected !== null),
    refetchInterval,
  });
  const verdicts = security.data?.edges;
  const marks = useMemo(
    () =>
      view.authz && view.type === 'workload' && graph && verdicts
        ? authzMarks(graph.edges, verdicts)
        : NO_MARKS,
    [view.authz, view.type, graph, verdicts],
  );

  const select = useCallback((id: string | null) => update({ selected: id }), [update]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape' && view.selected !== null) update({ selected: null });
  };

  return (
    <section aria-labelledby="graph-title" className="flex flex-col gap-3" onKeyDown={onKeyDown}>
      <PageHeader
        title="Graph"
        titleId="graph-title"
        actions={<GraphStatus state={graphState} end={view.end} />}
      />
      <GraphToolbar
        view={view}
        update={update}
        allNamespaces={allNamespaces}
        namespaces={namespaces}
        defaultRefreshMs={intervalMs}
        find={find}
        hide={hide}
        multiCluster={multiCluster}
      />
      {view.authz ? (
        <AuthzStatus
          type={view.type}
          marks={marks}
          isPending={security.isPending}
          error={security.error}
          onUseWorkloadGraph={() => update({ type: 'workload', selected: null })}
        />
      ) : null}
      <div className="flex gap-3">
        <div className="relative h-[calc(100vh-15rem)] min-h-[28rem] min-w-0 flex-1 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <ElementList
            graph={graph}
            hide={hide}
            selected={view.selected}
            onSelect={select}
            authz={marks}
          />
          <GraphProblem state={graphState} />
          <div
            data-stale={isStale ? '1' : undefined}
            className={`h-full transition-opacity ${isStale ? 'opacity-40 grayscale' : ''}`}
          >
            <GraphCanvas
              elements={elements}
              labels={view.labels}
              animate={view.animate}
              find={find}
              hide={hide}
              selected={view.selected}
              onSelect={select}
              authz={marks}
            />
          </div>
          {graph && graph.nodes.length === 0 ? (
            <p className="absolute inset-0 m-auto h-fit max-w-md text-center text-sm text-slate-600 dark:text-slate-300">
              No traffic in {namespaces.join(', ')} over the last {view.window}. Turn on idle nodes
              to see what is deployed.
            </p>
          ) : null}
        </div>
        {restrictedSelected ? (
          <RestrictedPanel onClose={() => update({ selected: null })} />
        ) : view.selected !== null && graph ? (
          <SidePanel
            graph={graph}
            type={view.type}
            selected={view.selected}
            window={view.window}
            end={view.end ?? undefined}
            refetchInterval={refetchInterval}
            onClose={() => update({ selected: null })}
            security={security.data}
          />
        ) : null}
      </div>
    </section>
  );
}
