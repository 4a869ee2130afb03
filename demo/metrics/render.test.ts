import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_LABEL_NAMES, TCP_LABEL_NAMES } from '../model/istio-labels.js';
import { StaticConfig } from '../model/static-config.js';
import { newModelState } from '../model/state.js';
import { miniMesh, run } from '../model/testing.js';
import { advance, createTrafficModel } from '../model/advance.js';
import { buildScenario } from '../scenarios/index.js';
import { renderMetrics } from './render.js';

const README = path.resolve(import.meta.dirname, '../../fixtures/README.md');

/** The 25 label names from the fixtures README's code block, in order. */
function readmeLabels(): string[] {
  const text = fs.readFileSync(README, 'utf8');
  const block =
    /carry \*\*25 labels\*\*, in this order:\s*```\s*([\s\S]*?)```/.exec(text)?.[1] ?? '';
  return block.split(/[\s,]+/).filter(Boolean);
}

function labelNames(line: string): string[] {
  const block = /\{(.*)\}/.exec(line)?.[1] ?? '';
  return [...block.matchAll(/([a-z_]+)="(?:[^"\\]|\\.)*"/g)].map((m) => m[1] ?? '');
}

function demoMetrics(seconds: number): string {
  const s = buildScenario('demo', 42);
  const model = createTrafficModel(s, new StaticConfig(s.objects));
  const state = newModelState(42, 0);
  for (let t = 0; t < seconds; t++) advance(model, state, t * 1000, (t + 1) * 1000);
  return renderMetrics(state, s.topology.metrics);
}

describe('renderMetrics', () => {
  const text = demoMetrics(30);
  const lines = text.split('\n');

  it('uses exactly the README label set and order (25 HTTP, 23 TCP)', () => {
    const expected = readmeLabels();
    expect(expected).toHaveLength(25);
    expect([...HTTP_LABEL_NAMES]).toEqual(expected);
    expect(TCP_LABEL_NAMES).toEqual(
      expected.filter((n) => n !== 'response_code' && n !== 'grpc_response_status'),
    );
    for (const line of lines.filter((l) => l.startsWith('istio_requests_total{')))
      expect(labelNames(line)).toEqual(expected);
    const tcp = lines.filter((l) => l.startsWith('istio_tcp_'));
    expect(tcp.length).toBeGreaterThan(0);
    for (const line of tcp) expect(labelNames(line)).toEqual(TCP_LABEL_NAMES);
  });

  // istio.io "Istio Standard Metrics": grpc_response_status is a gRPC label, yet istio_stats.cc puts
  // it on every HTTP-family series; for plain HTTP its value is empty (the istio/proxy expectations
  // in fixtures/prometheus/istio-proxy-expected/ template it from GrpcResponseStatus, "" for HTTP),
  // which Prometheus stores as the label being absent.
  it('gives istio_requests_total grpc_response_status: the gRPC status for gRPC, empty for HTTP', () => {
    const requests = lines.filter((l) => l.startsWith('istio_requests_total{'));
    const status = (l: string): string | undefined => /grpc_response_status="([^"]*)"/.exec(l)?.[1];
    const http = requests.filter((l) => l.includes('request_protocol="http"'));
    const grpc = requests.filter((l) => l.includes('request_protocol="grpc"'));
    expect(http.length).toBeGreaterThan(0);
    expect(grpc.length).toBeGreaterThan(0);
    for (const l of http) expect(status(l)).toBe('');
    for (const l of grpc) expect(status(l)).toMatch(/^\d{1,2}$/);
  });

  it('writes every family with a TYPE line, no HELP, and a blank line after it', () => {
    expect(text).not.toContain('# HELP');
    const families = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(families).toEqual([
      'istio_requests_total counter',
      'istio_request_duration_milliseconds histogram',
      'istio_request_bytes histogram',
      'istio_response_bytes histogram',
      'istio_tcp_sent_bytes_total counter',
      'istio_tcp_received_bytes_total counter',
      'istio_tcp_connections_opened_total counter',
      'istio_tcp_connections_closed_total counter',
    ]);
    const blocks = text.split('\n\n').filter((b) => b.trim() !== '');
    expect(blocks).toHaveLength(8);
    for (const b of blocks) expect(b.startsWith('# TYPE ')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(true);
  });

  it("uses Envoy's default buckets, le printed like {:.32g}, cumulative, +Inf equal to _count", () => {
    const first =
      lines.find((l) => l.startsWith('istio_request_duration_milliseconds_bucket{')) ?? '';
    const labels = first.slice(first.indexOf('{') + 1, first.indexOf(',le="'));
    const les = lines.filter((l) =>
      l.startsWith(`istio_request_duration_milliseconds_bucket{${labels},le=`),
    );
    expect(les.map((l) => /le="([^"]+)"/.exec(l)?.[1])).toEqual([
      '0.5',
      '1',
      '5',
      '10',
      '25',
      '50',
      '100',
      '250',
      '500',
      '1000',
      '2500',
      '5000',
      '10000',
      '30000',
      '60000',
      '300000',
      '600000',
      '1800000',
      '3600000',
      '+Inf',
    ]);
    const values = les.map((l) => Number(l.split(' ').pop()));
    for (let i = 1; i < values.length; i++)
      expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] ?? 0);
    const count = lines.find((l) =>
      l.startsWith(`istio_request_duration_milliseconds_count{${labels}}`),
    );
    expect(Number(count?.split(' ').pop())).toBe(values[values.length - 1]);
  });

  it('has source- and destination-reported series, unknown sources from outside, and external hosts', () => {
    expect(text).toContain('reporter="source",source_workload="istio-ingressgateway"');
    expect(text).toMatch(
      /reporter="destination",source_workload="unknown",.*destination_workload="istio-ingressgateway"/,
    );
    expect(text).toMatch(
      /reporter="source",source_workload="payments-v1",.*destination_workload="unknown",.*destination_service="api\.stripe\.example",.*destination_service_name="api\.stripe\.example"/,
    );
    expect(text).not.toMatch(
      /reporter="destination",[^\n]*destination_service="api\.stripe\.example"/,
    );
    expect(text).toMatch(/request_protocol="grpc",response_code="200",grpc_response_status="0"/);
    expect(text).not.toMatch(/reporter="source",source_workload="legacy-batch"/);
  });

  it('keeps counters monotonic across scrapes', () => {
    const { scenario, config } = miniMesh({ rps: 20 });
    const state = run(scenario, config, 5);
    const read = (): Map<string, number> =>
      new Map(
        renderMetrics(state)
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
      );
    const before = read();
    run(scenario, config, 5, state);
    const after = read();
    for (const [series, v] of before) expect(after.get(series)).toBeGreaterThanOrEqual(v);
  });

  // Prints its timings as figures; the generous timeout only keeps a loaded CI machine from failing it.
  it('renders the 3000-service scale mesh', { timeout: 60_000 }, () => {
    const t0 = performance.now();
    const s = buildScenario('scale', 1, { services: 3000 });
    const built = performance.now();
    const model = createTrafficModel(s, new StaticConfig(s.objects));
    const state = newModelState(1, 0);
    advance(model, state, 0, 5000);
    const advanced = performance.now();
    const body = renderMetrics(state, s.topology.metrics);
    const rendered = performance.now();
    console.log(
      `scale 3000: build ${(built - t0).toFixed(0)} ms, first 5 s of traffic ${(advanced - built).toFixed(0)} ms, ` +
        `render ${(rendered - advanced).toFixed(0)} ms for ${state.http.size} series / ${(body.length / 1e6).toFixed(1)} MB`,
    );
    expect(state.http.size).toBeGreaterThan(3000);
  });
});
