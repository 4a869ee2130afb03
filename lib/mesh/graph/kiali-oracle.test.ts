/**
 * Kiali as an oracle. Kiali's own graph tests feed one set of Istio metrics to its workload, app,
 * versionedApp and service graphs (fixtures/kiali/graph). We turn Kiali's workload graph back
 * into the samples it stands for, build our four graph types from them, and compare node sets, edges,
 * rates and `outside` marks with Kiali's other outputs. That checks our aggregation per graph type
 * against an independent implementation; the formats differ, so nothing is compared as JSON.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphType, Sample } from '../types';
import { buildGraph } from './build-graph';
import type { CallOptions, Peer, Target } from '../testing/graph-samples';
import { UNKNOWN_PEER, graphInput, request, tcpBytes } from '../testing/graph-samples';

const DIR = new URL('../../../fixtures/kiali/graph/', import.meta.url);

interface KialiNode {
  readonly id: string;
  readonly nodeType: string;
  readonly namespace: string;
  readonly workload?: string;
  readonly app?: string;
  readonly version?: string;
  readonly service?: string;
  readonly isBox?: string;
  readonly isOutside?: boolean;
  readonly traffic?: readonly {
    readonly protocol: string;
    readonly rates: Readonly<Record<string, string>>;
  }[];
}

interface KialiEdge {
  readonly source: string;
  readonly target: string;
  readonly traffic: {
    readonly protocol: string;
    readonly rates: Readonly<Record<string, string>>;
    readonly responses: Readonly<
      Record<
        string,
        {
          readonly flags: Readonly<Record<string, string>>;
          readonly hosts?: Readonly<Record<string, string>>;
        }
      >
    >;
  };
}

interface KialiGraph {
  readonly elements: {
    readonly nodes: readonly { data: KialiNode }[];
    readonly edges: readonly { data: KialiEdge }[];
  };
}

const load = (file: string): KialiGraph =>
  JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as KialiGraph;

/** Our id for a Kiali node. */
function ourId(n: KialiNode): string {
  if (n.nodeType === 'unknown') return 'unknown';
  if (n.nodeType === 'service')
    return n.service === 'unknown' ? 'unknown:destination' : `svc:${n.namespace}:${n.service}`;
  if (n.nodeType === 'workload') return `wl:${n.namespace}:${n.workload}`;
  if (n.nodeType === 'box' || n.version === undefined) return `app:${n.namespace}:${n.app}`;
  return `ver:${n.namespace}:${n.app}:${n.version}`;
}

/** The samples behind Kiali's workload graph: one per response code and flag. */
function samplesFrom(g: KialiGraph): { requests: Sample[]; tcpSent: Sample[] } {
  const nodes = new Map(g.elements.nodes.map(({ data }) => [data.id, data]));
  const requests: Sample[] = [];
  const tcpSent: Sample[] = [];
  for (const { data: e } of g.elements.edges) {
    const s = nodes.get(e.source);
    const d = nodes.get(e.target);
    if (s === undefined || d === undefined) throw new Error('dangling Kiali edge');
    const from: Peer =
      s.nodeType === 'unknown'
        ? UNKNOWN_PEER
        : { ns: s.namespace, wl: s.workload ?? '', app: s.app, version: s.version };
    const firstHost = Object.keys(Object.values(e.traffic.responses)[0]?.hosts ?? {})[0];
    const target: Target =
      d.nodeType === 'service'
        ? { svc: d.service ?? 'unknown' }
        : {
            ns: d.namespace,
            wl: d.workload,
            app: d.app,
            version: d.version,
            svc: firstHost?.split(':')[0] ?? 'unknown',
          };
    const reporter: CallOptions['reporter'] = s.nodeType === 'unknown' ? 'destination' : 'source';
    const { protocol, rates, responses } = e.traffic;
    if (protocol === 'tcp') {
      tcpSent.push(tcpBytes(from, target, Number(rates['tcp']), { reporter }));
      continue;
    }
    const total = Number(rates[protocol]);
    for (const [code, { flags }] of Object.entries(responses)) {
      for (const [flag, percent] of Object.entries(flags)) {
        const value = (total * Number(percent)) / 100;
        const o: CallOptions =
          protocol === 'grpc'
            ? { protocol: 'grpc', grpc: code, flags: flag, reporter }
            : { code, flags: flag, reporter };
        requests.push(request(from, target, value, o));
      }
    }
  }
  return { requests, tcpSent };
}

const CASES: readonly [GraphType, string][] = [
  ['workload', 'test_workload_graph.expected'],
  ['app', 'test_app_graph.expected'],
  ['versionedApp', 'test_versioned_app_graph.expected'],
  ['service', 'test_service_graph.expected'],
];

describe('buildGraph against Kiali graph outputs', () => {
  const source = samplesFrom(load('test_workload_graph.expected'));

  for (const [type, file] of CASES) {
    it(`${type} graph: same nodes, edges, rates and outside marks`, () => {
      const kiali = load(file);
      const ours = buildGraph(
        graphInput({
          ...source,
          type,
          namespaces: ['bookinfo'],
          inventory: { namespaces: [], services: [], workloads: [], pods: [] },
        }),
      );
      const kNodes = new Map(kiali.elements.nodes.map(({ data }) => [data.id, data]));

      // Kiali's service graph drops traffic to a workload reached without a service (kiali-2412);
      // ours keeps it as a workload node.
      const extra = type === 'service' ? ['wl:bookinfo:kiali-2412'] : [];
      expect(ours.nodes.map((n) => n.id).sort()).toEqual(
        [...[...kNodes.values()].map(ourId), ...extra].sort(),
      );

      const kEdges = new Map<string, number>();
      for (const { data: e } of kiali.elements.edges) {
        const s = kNodes.get(e.source);
        const t = kNodes.get(e.target);
        if (s === undefined || t === undefined) throw new Error('dangling Kiali edge');
        kEdges.set(
          `${ourId(s)}>${ourId(t)}:${e.traffic.protocol}`,
          Number(e.traffic.rates[e.traffic.protocol]),
        );
      }
      if (type === 'service') kEdges.set('unknown>wl:bookinfo:kiali-2412:http', 50);
      expect(new Set(ours.edges.map((e) => e.id))).toEqual(new Set(kEdges.keys()));
      for (const e of ours.edges)
        expect(e.rps ?? e.bytesPerSecond, e.id).toBeCloseTo(kEdges.get(e.id) ?? NaN, 6);

      for (const k of kNodes.values()) {
        const n = ours.nodes.find((x) => x.id === ourId(k));
        expect(n?.outside === true, ourId(k)).toBe(k.isOutside === true);
        if (k.isBox !== undefined) {
          expect(n?.isBox).toBe(true);
          continue;
        }
        const inbound = (k.traffic ?? []).reduce(
          (sum, t) => sum + Number(t.rates['httpIn'] ?? 0) + Number(t.rates['grpcIn'] ?? 0),
          0,
        );
        expect(n?.rps, ourId(k)).toBeCloseTo(inbound, 6);
      }
    });
  }
});
