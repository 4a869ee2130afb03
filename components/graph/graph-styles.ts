import type { Css, StylesheetJson, StylesheetStyle } from 'cytoscape';
import type { Health } from '@/lib/mesh/types';
import { AUTHZ_CLASSES } from './authz-overlay';
import { PALETTES, type Theme } from './graph-theme';
import type { EdgeLabelMode } from './url-state';

const FONT = 'ui-sans-serif, system-ui, "DejaVu Sans", sans-serif';
const HEALTHS: readonly Health[] = ['healthy', 'degraded', 'failing', 'idle', 'unknown'];

const LABEL_FIELD: Readonly<Record<EdgeLabelMode, string | null>> = {
  none: null,
  rate: 'rateLabel',
  error: 'errorLabel',
  p95: 'p95Label',
  mtls: 'mtlsLabel',
};

/** Shapes by kind; the legend draws the same ones. */
export const KIND_SHAPES = {
  workload: 'ellipse',
  app: 'round-rectangle',
  service: 'round-triangle',
  external: 'hexagon',
  unknown: 'octagon',
} as const;

const node = (selector: string, style: Css.Node): StylesheetStyle => ({ selector, style });
const edge = (selector: string, style: Css.Edge): StylesheetStyle => ({ selector, style });

export interface StyleOptions {
  readonly theme: Theme;
  readonly labels: EdgeLabelMode;
  /** Dashed edges whose dashes use-traffic-animation moves along. */
  readonly animate: boolean;
}

/**
 * The data fields the stylesheet reads (selectors and data() mappings): a refresh that changes none of
 * an element's can skip restyling it. graph-styles.test.ts keeps this in step with the stylesheet.
 */
export function styledDataFields(labels: EdgeLabelMode): ReadonlySet<string> {
  const fields = ['role', 'kind', 'health', 'label', 'outside', 'noSidecar', 'protocol', 'width'];
  const labelField = LABEL_FIELD[labels];
  return new Set(labelField === null ? fields : [...fields, labelField]);
}

/*
 * In a graph with compound nodes cytoscape dirties an element's whole family (parents, descendants and
 * their edges) for every property it applies to it: at 1000 services style was a third of the first
 * draw's work. So defaults (30 px nodes, centred labels) are left out, and edge label fonts come only
 * with edge labels.
 */
export function graphStylesheet({ theme, labels, animate }: StyleOptions): StylesheetJson {
  const p = PALETTES[theme];
  const labelField = LABEL_FIELD[labels];
  const textBox = {
    'text-background-color': p.textBackground,
    'text-background-opacity': 0.85,
    'text-background-padding': '2px',
    'text-background-shape': 'roundrectangle',
  } as const;
  return [
    node('node', {
      'font-family': FONT,
      'font-size': 10,
      color: p.text,
      label: 'data(label)',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'min-zoomed-font-size': 6,
      'border-width': 3,
      // Cytoscape 3.34 counts the default 'none' image as loaded in one of its two passes over a node's
      // images and restyles the node on every draw (_private.backgrounding flips); no images, no flip.
      'background-image': [],
      ...textBox,
    }),
    ...Object.entries(KIND_SHAPES).map(([kind, shape]) =>
      node(`node[role = "node"][kind = "${kind}"]`, { shape }),
    ),
    node('node[role = "node"][kind = "app"]', { width: 36, height: 26 }),
    ...HEALTHS.map((h) =>
      node(`node[role = "node"][health = "${h}"]`, {
        'border-color': p.health[h].border,
        'background-color': p.health[h].fill,
      }),
    ),
    node('node[role = "node"][health = "idle"]', { 'border-style': 'dashed' }),
    node('node[role = "node"][?noSidecar]', { 'border-style': 'double', 'border-width': 5 }),
    node('node[role = "cluster"], node[role = "namespace"], node[role = "box"]', {
      shape: 'round-rectangle',
      'text-valign': 'top',
      'text-margin-y': -4,
      'font-weight': 'bold',
      color: p.namespaceText,
      'border-width': 1,
      'border-color': p.namespaceBorder,
      padding: '14px',
      'text-max-width': '320px',
      'text-background-opacity': 0,
    }),
    node('node[role = "namespace"]', {
      'background-color': p.namespaceFill,
      'background-opacity': 0.6,
      'font-size': 12,
    }),
    node('node[role = "box"]', { 'background-color': p.boxFill, 'font-size': 10, padding: '8px' }),
    node('node[role = "cluster"]', {
      'background-opacity': 0,
      'border-width': 2,
      'font-size': 13,
      padding: '24px',
    }),
    node('node[?outside]', { 'border-style': 'dashed', opacity: 0.6 }),
    // Namespaces the person may not see: grey and dashed whatever the theme's health colours say.
    node('node[kind = "restricted"]', {
      shape: 'round-rectangle',
      width: 44,
      height: 30,
      'background-color': '#94a3b8',
      'border-color': '#64748b',
      'border-style': 'dashed',
      'border-width': 2,
    }),
    edge('edge', {
      'curve-style': 'bezier',
      width: 'data(width)',
      'line-color': p.health.healthy.edge,
      'target-arrow-color': p.health.healthy.edge,
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      ...(labelField === null
        ? {}
        : {
            label: `data(${labelField})`,
            'font-family': FONT,
            'font-size': 9,
            color: p.text,
            'min-zoomed-font-size': 6,
            ...textBox,
          }),
    }),
    ...HEALTHS.map((h) =>
      edge(`edge[health = "${h}"]`, {
        'line-color': p.health[h].edge,
        'target-arrow-color': p.health[h].edge,
      }),
    ),
    edge('edge[protocol = "tcp"]', {
      'line-style': 'dashed',
      'line-dash-pattern': [6, 3],
      'line-color': p.tcpEdge,
      'target-arrow-color': p.tcpEdge,
    }),
    ...(animate ? [edge('edge', { 'line-style': 'dashed', 'line-dash-pattern': [8, 6] })] : []),
    // The authorization overlay (authz-overlay.ts sets the classes) wins over health and protocol:
    // colour and dash pattern both differ, so the two marks never read as error colours alone.
    edge(`.${AUTHZ_CLASSES.deny}`, {
      'line-color': p.authzDeny,
      'target-arrow-color': p.authzDeny,
      'target-arrow-shape': 'tee',
      'line-style': 'dashed',
      'line-dash-pattern': [6, 4],
      'z-index': 2,
    }),
    edge(`.${AUTHZ_CLASSES.depends}`, {
      'line-color': p.authzDepends,
      'target-arrow-color': p.authzDepends,
      'line-style': 'dashed',
      'line-dash-pattern': [2, 3],
      'z-index': 1,
    }),
    node(':selected', {
      'underlay-color': p.selected,
      'underlay-opacity': 0.35,
      'underlay-padding': 6,
    }),
    node('.found', { 'underlay-color': p.found, 'underlay-opacity': 0.45, 'underlay-padding': 8 }),
    node('.faded', { opacity: 0.25 }),
    node('.hidden', { display: 'none' }),
  ];
}
