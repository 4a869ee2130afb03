import type { Core, ElementDefinition, SingularElementReturnValue } from 'cytoscape';
import type cytoscapeDagre from 'cytoscape-dagre';
import { diffElements, needsFullLayout, structureKey } from './diff-elements';
import { GROUPED_LAYOUT_MIN_NODES, runGroupedLayout } from './grouped-layout';
import { placeNewNodes, type Point } from './place-new-nodes';

/** Roomy enough that the demo's labels never touch at 1440×900, tight enough that it fits unzoomed. */
export const LAYOUT_SPACING = { rank: 150, sep: 56 } as const;

export function dagreLayout(): cytoscapeDagre.DagreLayoutOptions {
  return {
    name: 'dagre',
    rankDir: 'LR',
    rankSep: LAYOUT_SPACING.rank - 30,
    nodeSep: 22,
    edgeSep: 12,
    nodeDimensionsIncludeLabels: true,
    // fitGraph fits afterwards, capping the zoom.
    fit: false,
    animate: false,
  };
}

/** Keeps a freshly fitted small graph from being blown up to giant nodes and labels. */
export const MAX_FIT_ZOOM = 1.3;

/** Fits what is shown, without blowing a small graph up to giant nodes and labels. */
export function fitGraph(cy: Core): void {
  const shown = cy.elements(':visible');
  cy.fit(shown, 24);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(shown);
  }
}

/** True when every shown element is inside the viewport. */
export function showsEverything(cy: Core): boolean {
  const box = cy.elements(':visible').boundingBox();
  const view = cy.extent();
  return box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
}

export type ApplyOutcome = 'layout' | 'placed' | 'data';

function currentStructure(cy: Core): Map<string, string> {
  const out = new Map<string, string>();
  cy.elements().forEach((ele) => {
    out.set(ele.id(), structureKey({ data: ele.data() as ElementDefinition['data'] }));
  });
  return out;
}

/** Data fields that define structure; cytoscape refuses them in data() and they cannot differ here. */
function withoutStructure(data: ElementDefinition['data']): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...data };
  for (const key of ['id', 'parent', 'source', 'target']) delete rest[key];
  return rest;
}

/**
 * Writes a refresh's data onto an element. Cytoscape restyles an element on every data() write, and
 * restyling ~1000 edges was most of a refresh's cost at 1000 services, though most of them only change
 * numbers nothing draws (rate labels while labels are off). Such changes go straight into the data
 * object data() hands out (the element's own), so the next read sees them; only a change to a field in
 * `styled` goes through data() and restyles.
 */
function writeData(
  ele: SingularElementReturnValue,
  data: Record<string, unknown>,
  styled: ReadonlySet<string>,
): void {
  const current = ele.data() as Record<string, unknown>;
  let changed = false;
  for (const key in data) {
    if (current[key] === data[key]) continue;
    if (styled.has(key)) {
      ele.data(data);
      return;
    }
    changed = true;
  }
  if (changed) Object.assign(current, data);
}

/**
 * Brings the canvas to `elements` with as little movement as possible: a pure data refresh rewrites
 * data in place (no layout: positions are what the user has been reading), a few new nodes are placed
 * beside their neighbours, and only a mostly new picture gets a full dagre layout. `styled` names the
 * data fields the stylesheet reads.
 */
export function applyElements(
  cy: Core,
  elements: readonly ElementDefinition[],
  styled: ReadonlySet<string>,
): ApplyOutcome {
  const diff = diffElements(currentStructure(cy), elements);
  const first = cy.nodes().length === 0;
  const full = first || needsFullLayout(diff);
  let positions = new Map<string, Point>();
  if (!full && diff.addedNodeIds.length > 0) {
    const existing = new Map<string, Point>();
    cy.nodes().forEach((n) => {
      if (n.isChildless() && !diff.removed.includes(n.id())) existing.set(n.id(), n.position());
    });
    const links = elements.flatMap((e) =>
      'source' in e.data ? [{ source: String(e.data.source), target: String(e.data.target) }] : [],
    );
    positions = placeNewNodes(diff.addedNodeIds, links, existing, LAYOUT_SPACING);
  }
  cy.batch(() => {
    for (const id of diff.removed) cy.getElementById(id).remove();
    for (const def of diff.updated) {
      const id = def.data.id;
      if (id === undefined) continue;
      writeData(cy.getElementById(id), withoutStructure(def.data), styled);
    }
    cy.add(
      diff.added.map((def) => {
        const p = def.data.id === undefined ? undefined : positions.get(def.data.id);
        return p === undefined ? def : { ...def, position: { x: p.x, y: p.y } };
      }),
    );
  });
  if (full) {
    if (cy.nodes('[role = "node"]').length >= GROUPED_LAYOUT_MIN_NODES)
      runGroupedLayout(cy, dagreLayout());
    else cy.layout(dagreLayout()).run();
    fitGraph(cy);
    return 'layout';
  }
  return diff.added.length > 0 ? 'placed' : 'data';
}
