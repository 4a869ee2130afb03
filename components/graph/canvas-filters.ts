import type { Core, SingularElementArgument } from 'cytoscape';
import { matchesFilter, type FilterSubject, type ParsedFilter } from './filter-expr';

function subjectOf(ele: SingularElementArgument): FilterSubject {
  const d = ele.data() as Partial<FilterSubject>;
  return ele.isEdge()
    ? { health: d.health ?? 'unknown' }
    : { name: d.name, namespace: d.namespace, kind: d.kind, health: d.health ?? 'unknown' };
}

/**
 * Hides what `hide` matches (with boxes left empty by it) and, when `find` has terms, rings its
 * matches and fades the rest. Classes only: no element is removed, so positions survive.
 */
export function applyFilters(cy: Core, find: ParsedFilter, hide: ParsedFilter): void {
  cy.batch(() => {
    cy.elements().removeClass('found faded hidden');
    if (hide.terms.length > 0) {
      cy.nodes('[role = "node"]')
        .filter((n) => matchesFilter(hide, subjectOf(n)))
        .addClass('hidden');
      // Inner app boxes first, then the namespace boxes around them.
      for (const role of ['box', 'namespace'])
        cy.nodes(`[role = "${role}"]`)
          .filter((box) => box.children().not('.hidden').empty())
          .addClass('hidden');
    }
    if (find.terms.length > 0) {
      const found = cy
        .elements('[role != "namespace"]')
        .filter((e) => matchesFilter(find, subjectOf(e)));
      found.addClass('found');
      cy.elements('[role != "namespace"]').not(found).addClass('faded');
    }
  });
}
