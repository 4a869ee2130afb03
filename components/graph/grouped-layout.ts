import type { Core, LayoutOptions, NodeCollection } from 'cytoscape';
import { packBoxes } from './pack-boxes';

/**
 * Above this many nodes, one dagre run over the whole compound graph takes seconds (10 s for 1000
 * nodes in 10 namespace boxes on the bench machine): dagre's compound ordering grows much faster than
 * the graph. Laying out each namespace on its own and packing the boxes takes a few hundred ms.
 */
export const GROUPED_LAYOUT_MIN_NODES = 300;

const GAP = 60;

/**
 * A layered left-to-right layout per outermost box (cluster boxes when drawn, else namespace boxes),
 * the boxes then packed in rows; nodes outside any box (the unknown caller, external hosts) form one
 * more group, placed first. Calls across boxes do not shape the layout: at this size the picture is
 * read box by box.
 */
export function runGroupedLayout(cy: Core, layout: LayoutOptions): void {
  const clusters = cy.nodes('[role = "cluster"]');
  const outer = clusters.nonempty() ? clusters : cy.nodes('[role = "namespace"]');
  const groups: { id: string; nodes: NodeCollection }[] = outer.map((box) => ({
    id: box.id(),
    nodes: box.descendants(),
  }));
  const loose = cy
    .nodes()
    .orphans()
    .filter((n) => n.data('role') !== 'namespace' && n.data('role') !== 'cluster');
  if (loose.nonempty()) groups.unshift({ id: '', nodes: loose.union(loose.descendants()) });

  for (const g of groups) g.nodes.union(g.nodes.edgesWith(g.nodes)).layout(layout).run();
  const sizes = groups.map((g) => {
    const box = g.id === '' ? g.nodes.boundingBox() : cy.getElementById(g.id).boundingBox();
    return { id: g.id, width: box.w, height: box.h, x1: box.x1, y1: box.y1 };
  });
  const corners = packBoxes(sizes, GAP);
  cy.batch(() => {
    for (const [i, g] of groups.entries()) {
      const size = sizes[i];
      const corner = corners.get(g.id);
      if (size === undefined || corner === undefined) continue;
      const dx = corner.x - size.x1;
      const dy = corner.y - size.y1;
      g.nodes
        .filter((n) => n.isChildless())
        .positions((n) => {
          const p = n.position();
          return { x: p.x + dx, y: p.y + dy };
        });
    }
  });
}
