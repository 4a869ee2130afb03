import type { Collection, Core, SingularElementArgument } from 'cytoscape';
import { matchesFilter, type FilterSubject, type ParsedFilter } from './filter-expr';

function subjectOf(ele: SingularElementArgument): FilterSubject {
  const d = ele.data() as Partial<FilterSubject>;
  return ele.isEdge()
    ? { health: d.health ?? 'unknown' }
    : { name: d.name, namespace: d.namespace, kind: d.kind, health: d.health ?? 'unknown' };
}

/**
 * Gives `cls` to exactly `want`. Only elements that change are touched: cytoscape's addClass and
 * removeClass restyle every element they are called on, even one whose classes stay the same, which
 * at 1000 services cost every refresh a restyle of the whole graph.
 */
export function setClass(cy: Core, cls: string, want: Collection): void {
  const have = cy.elements(`.${cls}`);
  have.difference(want).removeClass(cls);
  want.difference(have).addClass(cls);
}

/**
 * Hides what `hide` matches (with boxes left empty by it) and, when `find` has terms, rings its
 * matches and fades the rest. Classes only: no element is removed, so positions survive.
 */
export function applyFilters(cy: Core, find: ParsedFilter, hide: ParsedFilter): void {
  let hidden = cy.collection();
  if (hide.terms.length > 0) {
    hidden = cy.nodes('[role = "node"]').filter((n) => matchesFilter(hide, subjectOf(n)));
    // Inner app boxes first, then the namespace boxes around them, then the cluster boxes.
    for (const role of ['box', 'namespace', 'cluster'])
      hidden = hidden.union(
        cy.nodes(`[role = "${role}"]`).filter((box) => box.children().difference(hidden).empty()),
      );
  }
  let found = cy.collection();
  let faded = cy.collection();
  if (find.terms.length > 0) {
    const candidates = cy.elements('[role != "namespace"][role != "cluster"]');
    found = candidates.filter((e) => matchesFilter(find, subjectOf(e)));
    faded = candidates.difference(found);
  }
  cy.batch(() => {
    setClass(cy, 'hidden', hidden);
    setClass(cy, 'found', found);
    setClass(cy, 'faded', faded);
  });
}
