import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { describe, expect, it } from 'vitest';
import { applyElements } from './apply-elements';
import { styledDataFields } from './graph-styles';
import { testGraph, testNode } from './graph-fixture';
import { toElements } from './to-elements';

cytoscape.use(dagre);

/** Leaf positions: a box's position follows its children, so it may grow when a child arrives. */
const positions = (cy: cytoscape.Core): Map<string, string> =>
  new Map(cy.nodes(':childless').map((n) => [n.id(), JSON.stringify(n.position())]));

const STYLED = styledDataFields('none');

describe('applyElements on a headless cytoscape', () => {
  it('lays out once, then refreshes data without moving anything', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    expect(applyElements(cy, toElements(testGraph()), STYLED)).toBe('layout');
    const before = positions(cy);
    expect(applyElements(cy, toElements(testGraph([], 500)), STYLED)).toBe('data');
    expect(positions(cy)).toEqual(before);
    expect(cy.getElementById('wl:bookinfo:productpage-v1').data('rps')).toBeUndefined();
    expect(cy.getElementById('unknown>wl:bookinfo:productpage-v1').data('rateLabel')).toBe(
      '500 rps',
    );
  });

  it('places a new node without moving the others, and removes departed ones', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    applyElements(cy, toElements(testGraph()), STYLED);
    const before = positions(cy);
    const grown = testGraph([testNode('wl:bookinfo:ratings-v1')]);
    const withEdge = {
      ...grown,
      edges: [...grown.edges, { ...grown.edges[1]!, id: 'r', target: 'wl:bookinfo:ratings-v1' }],
    };
    expect(applyElements(cy, toElements(withEdge), STYLED)).toBe('placed');
    for (const [id, p] of before) expect(positions(cy).get(id), id).toBe(p);
    const source = cy.getElementById('wl:bookinfo:productpage-v1').position();
    expect(cy.getElementById('wl:bookinfo:ratings-v1').position().x).toBeGreaterThan(source.x);

    applyElements(cy, toElements(testGraph()), STYLED);
    expect(cy.getElementById('wl:bookinfo:ratings-v1').empty()).toBe(true);
  });

  it('restyles only the elements whose drawn fields changed', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    applyElements(cy, toElements(testGraph([], 100.2)), STYLED);
    const restyled: string[] = [];
    cy.on('style', (event) => {
      restyled.push((event.target as cytoscape.SingularElementReturnValue).id());
    });
    const edge = 'unknown>wl:bookinfo:productpage-v1';
    // The same width (1 + 1.5 log10(1 + rps), to 0.1) and another rate label: nothing drawn changes.
    applyElements(cy, toElements(testGraph([], 100.6)), STYLED);
    expect(cy.getElementById(edge).data('rateLabel')).toBe('101 rps');
    expect(cy.getElementById(edge).data('rate')).toBe(100.6);
    expect(restyled).not.toContain(edge);

    applyElements(cy, toElements(testGraph([], 500)), STYLED);
    expect(restyled).toContain(edge);
    restyled.length = 0;
    applyElements(cy, toElements(testGraph([], 501)), styledDataFields('rate'));
    expect(restyled).toContain(edge);
  });
});
