import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  defaultNamespaces,
  parseGraphViewState,
  serializeGraphViewState,
  type GraphViewState,
} from './url-state';

const parse = (qs: string): GraphViewState => parseGraphViewState(new URLSearchParams(qs));

describe('graph url state', () => {
  it('reads defaults from an empty query and writes them back as nothing', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(serializeGraphViewState(DEFAULT_VIEW)).toBe('');
  });

  it('round-trips every field', () => {
    const view: GraphViewState = {
      namespaces: ['bookinfo', 'shop'],
      type: 'versionedApp',
      window: '6h',
      end: Date.parse('2026-12-05T11:00:00Z'),
      refresh: '30s',
      idle: true,
      ambient: 'waypoint',
      labels: 'p95',
      animate: true,
      authz: true,
      clusters: true,
      find: 'reviews health:failing',
      hide: 'kind:service',
      selected: 'wl:bookinfo:productpage-v1',
    };
    expect(parse(serializeGraphViewState(view))).toEqual(view);
  });

  it('takes any window within the limits in one spelling, and an end as RFC 3339 or Unix seconds', () => {
    expect(parse('window=1h30m').window).toBe('90m');
    expect(parse('window=45d').window).toBe('5m');
    expect(parse('end=1796468400').end).toBe(1_796_468_400_000);
    expect(serializeGraphViewState({ ...DEFAULT_VIEW, end: 1_796_468_400_000 })).toBe(
      'end=2026-12-05T11%3A00%3A00Z',
    );
  });

  it('keeps cluster boxes in the URL', () => {
    expect(parse('clusters=true').clusters).toBe(true);
    expect(parse('clusters=yes').clusters).toBe(false);
    expect(serializeGraphViewState({ ...DEFAULT_VIEW, clusters: true })).toBe('clusters=true');
  });

  it('keeps the ambient view in the URL, dropping one it does not know', () => {
    expect(parse('ambient=ztunnel').ambient).toBe('ztunnel');
    expect(parse('ambient=sideways').ambient).toBe('total');
    expect(serializeGraphViewState({ ...DEFAULT_VIEW, ambient: 'waypoint' })).toBe(
      'ambient=waypoint',
    );
  });

  it('drops malformed values instead of failing', () => {
    const view = parse(
      'namespaces=Bad_NS,shop,,shop&type=pods&window=2hours&end=soon&labels=x&refresh=5s',
    );
    expect(view.namespaces).toEqual(['shop']);
    expect(view.type).toBe('workload');
    expect(view.window).toBe('5m');
    expect(view.end).toBeNull();
    expect(view.labels).toBe('none');
    expect(view.refresh).toBe('default');
  });

  it('defaults to the application namespaces that run something', () => {
    const ns = (name: string, workloads = 3): { name: string; workloads: number } => ({
      name,
      workloads,
    });
    const all = [
      ns('bookinfo'),
      ns('default', 0),
      ns('istio-system'),
      ns('kube-system'),
      ns('shop'),
    ];
    expect(defaultNamespaces(all)).toEqual(['bookinfo', 'shop']);
    expect(defaultNamespaces([ns('default', 0), ns('kube-system')])).toEqual(['default']);
    expect(defaultNamespaces([ns('istio-system')])).toEqual(['istio-system']);
  });
});
