import type { Core } from 'cytoscape';
import type { AuthzVerdict, EdgeVerdict } from '@/lib/api/security';
import type { MeshEdge } from '@/lib/mesh/types';
import { setClass } from './canvas-filters';

/** The classes the overlay gives edges; graph-styles.ts draws them. Allowed edges keep their look. */
export const AUTHZ_CLASSES = { deny: 'authz-deny', depends: 'authz-depends' } as const;

/** The verdicts on one graph edge: EdgeVerdict ids are workload-graph node ids, as the edge's ends. */
export function verdictsOfEdge(
  edge: Pick<MeshEdge, 'source' | 'target'>,
  verdicts: readonly EdgeVerdict[],
): EdgeVerdict[] {
  return verdicts.filter((v) => v.sourceId === edge.source && v.targetId === edge.target);
}

const SEVERITY: Readonly<Record<AuthzVerdict, number>> = { allow: 0, depends: 1, deny: 2 };

/**
 * One mark for an edge that several verdicts reach (one caller workload with several principals): the
 * most severe, so a denied part is never hidden behind an allowed one.
 */
export function worstVerdict(verdicts: readonly EdgeVerdict[]): AuthzVerdict | undefined {
  let worst: AuthzVerdict | undefined;
  for (const v of verdicts)
    if (worst === undefined || SEVERITY[v.verdict] > SEVERITY[worst]) worst = v.verdict;
  return worst;
}

/** Each graph edge's mark by edge id; edges no verdict reaches are left out. */
export function authzMarks(
  edges: readonly Pick<MeshEdge, 'id' | 'source' | 'target'>[],
  verdicts: readonly EdgeVerdict[],
): Map<string, AuthzVerdict> {
  const byEnds = new Map<string, EdgeVerdict[]>();
  for (const v of verdicts) {
    const key = `${v.sourceId}>${v.targetId}`;
    byEnds.set(key, [...(byEnds.get(key) ?? []), v]);
  }
  const out = new Map<string, AuthzVerdict>();
  for (const e of edges) {
    const worst = worstVerdict(byEnds.get(`${e.source}>${e.target}`) ?? []);
    if (worst !== undefined) out.set(e.id, worst);
  }
  return out;
}

/**
 * Puts the marks on the canvas as classes: positions and data stay, so turning the overlay on or a
 * refresh of the verdicts never lays the graph out again. An empty map clears the overlay.
 */
export function applyAuthzOverlay(cy: Core, marks: ReadonlyMap<string, AuthzVerdict>): void {
  const edges = cy.edges();
  cy.batch(() => {
    setClass(
      cy,
      AUTHZ_CLASSES.deny,
      edges.filter((e) => marks.get(e.id()) === 'deny'),
    );
    setClass(
      cy,
      AUTHZ_CLASSES.depends,
      edges.filter((e) => marks.get(e.id()) === 'depends'),
    );
  });
}
