'use client';

import cytoscape, { type Core, type ElementDefinition, type Position } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AuthzVerdict } from '@/lib/api/security';
import { applyElements, fitGraph, showsEverything } from './apply-elements';
import { applyAuthzOverlay } from './authz-overlay';
import { applyFilters } from './canvas-filters';
import { CanvasControls } from './canvas-controls';
import type { ParsedFilter } from './filter-expr';
import { graphStylesheet, styledDataFields } from './graph-styles';
import { ARROW_DIRECTIONS, nearestInDirection } from './keyboard-nav';
import type { EdgeLabelMode } from './url-state';
import { useTheme } from './use-theme';
import { useTrafficAnimation } from './use-traffic-animation';

cytoscape.use(dagre);

/** Where arrow-key navigation starts from: the selected node, or the middle of the selected edge. */
function anchorOf(cy: Core, id: string | null): Position | null {
  if (id === null) return null;
  const edge = cy.edges().getElementById(id);
  if (edge.nonempty()) return edge.midpoint();
  const node = cy.nodes().getElementById(id);
  return node.nonempty() ? node.position() : null;
}

declare global {
  interface Window {
    /** The live cytoscape instance, for the e2e tests and the browser benchmark. */
    __cy?: Core;
  }
}

export interface GraphCanvasProps {
  readonly elements: readonly ElementDefinition[] | null;
  readonly labels: EdgeLabelMode;
  readonly animate: boolean;
  readonly find: ParsedFilter;
  readonly hide: ParsedFilter;
  readonly selected: string | null;
  readonly onSelect: (id: string | null) => void;
  /** The authorization overlay's mark per edge id; empty when the overlay is off. */
  readonly authz: ReadonlyMap<string, AuthzVerdict>;
}

export function GraphCanvas(props: GraphCanvasProps): ReactNode {
  const { elements, labels, animate, find, hide, selected, onSelect, authz } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const onSelectRef = useRef(onSelect);
  const [cy, setCy] = useState<Core | null>(null);
  const theme = useTheme();

  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const instance = cytoscape({
      container: containerRef.current,
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    instance.on('tap', (event) => {
      const target: unknown = event.target;
      if (target === instance) return onSelectRef.current(null);
      const ele = event.target as cytoscape.SingularElementReturnValue;
      const role: unknown = ele.data('role');
      onSelectRef.current(role === 'namespace' || role === 'cluster' ? null : ele.id());
    });
    // Cytoscape only watches the window, but the side panel narrows the container too. A graph the
    // user saw whole stays whole (a zoom change, never a position change); one they zoomed into stays.
    let wasWhole = true;
    instance.on('viewport', () => {
      wasWhole = showsEverything(instance);
    });
    const resize = new ResizeObserver(() => {
      const refit = wasWhole && instance.nodes().nonempty();
      instance.resize();
      if (refit) fitGraph(instance);
    });
    if (containerRef.current) resize.observe(containerRef.current);
    window.__cy = instance;
    setCy(instance);
    return () => {
      resize.disconnect();
      delete window.__cy;
      instance.destroy();
    };
  }, []);

  useEffect(() => {
    if (cy === null || elements === null) return;
    // A DOM attribute rather than state: the tests and the benchmark wait on it, React never reads it.
    if (applyElements(cy, elements, styledDataFields(labels)) === 'layout')
      containerRef.current?.setAttribute('data-ready', '1');
  }, [cy, elements, labels]);

  useEffect(() => {
    cy?.style(graphStylesheet({ theme, labels, animate }));
  }, [cy, theme, labels, animate]);

  useEffect(() => {
    if (cy !== null) applyFilters(cy, find, hide);
  }, [cy, elements, find, hide]);

  useEffect(() => {
    if (cy !== null) applyAuthzOverlay(cy, authz);
  }, [cy, elements, authz]);

  useEffect(() => {
    if (cy === null) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (selected !== null) cy.getElementById(selected).select();
    });
  }, [cy, elements, selected]);

  useTrafficAnimation(cy, animate);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const direction = ARROW_DIRECTIONS[event.key];
    if (cy === null || direction === undefined) return;
    event.preventDefault();
    const nodes = cy
      .nodes('[role != "namespace"][role != "cluster"]')
      .filter((n) => n.visible() && n.isChildless())
      .nodes();
    const candidates = nodes
      .map((n) => ({ id: n.id(), p: n.position() }))
      .filter((c) => c.id !== selected);
    const from = anchorOf(cy, selected);
    const next =
      from === null
        ? ([...candidates].sort((a, b) => a.p.x - b.p.x || a.p.y - b.p.y)[0]?.id ?? null)
        : nearestInDirection(from, candidates, direction);
    if (next === null) return;
    onSelect(next);
    const node = cy.getElementById(next);
    const extent = cy.extent();
    const p = node.position();
    if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2) cy.center(node);
  };

  return (
    <div className="relative h-full w-full">
      <div
        ref={containerRef}
        data-testid="graph"
        role="application"
        aria-label="Mesh graph. Arrow keys move between nodes; Escape closes the details panel."
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="h-full w-full rounded-md outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      />
      <CanvasControls cy={cy} />
    </div>
  );
}
