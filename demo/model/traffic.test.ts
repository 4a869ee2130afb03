import { describe, expect, it } from 'vitest';
import { virtualService } from '../scenarios/istio-objects.js';
import { newModelState } from './state.js';
import { NS, miniMesh, requests, run, seriesLabels } from './testing.js';

const SRC = { reporter: 'source', source_workload: 'client' };
const DST = { reporter: 'destination', source_workload: 'client' };

describe('traffic model routing', () => {
  it('splits traffic by VirtualService weights (80/20)', () => {
    const { scenario, config } = miniMesh({ rps: 100 });
    const state = run(scenario, config, 120);
    const v1 = requests(state, { ...SRC, destination_workload: 'server-v1' });
    const v2 = requests(state, { ...SRC, destination_workload: 'server-v2' });
    expect(v1 + v2).toBeGreaterThan(10_000);
    expect(v1 / (v1 + v2)).toBeCloseTo(0.8, 1);
  });

  it('follows config edits: a new weight changes the split on the next tick', () => {
    const { scenario, config } = miniMesh({ rps: 100 });
    const state = run(scenario, config, 10);
    const before = requests(state, { ...SRC, destination_workload: 'server-v2' });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [{ route: [{ destination: { host: 'server', subset: 'v2' }, weight: 100 }] }],
      }),
    );
    run(scenario, config, 30, state);
    expect(requests(state, { ...SRC, destination_workload: 'server-v2' }) - before).toBeGreaterThan(
      2_500,
    );
    // v1 stopped growing at the edit: same count as a run that never went past it.
    const untilEdit = run(scenario, miniMesh({ rps: 100 }).config, 10);
    expect(requests(state, { ...SRC, destination_workload: 'server-v1' })).toBe(
      requests(untilEdit, { ...SRC, destination_workload: 'server-v1' }),
    );
  });

  it('routes on header matches for the share of requests that carry the header', () => {
    const { scenario, config } = miniMesh({ rps: 100, jasonShare: 0.25 });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [
          {
            match: [{ headers: { 'end-user': { exact: 'jason' } } }],
            route: [{ destination: { host: 'server', subset: 'v2' } }],
          },
          { route: [{ destination: { host: 'server', subset: 'v1' } }] },
        ],
      }),
    );
    const state = run(scenario, config, 60);
    const v2 = requests(state, { ...SRC, destination_workload: 'server-v2' });
    const v1 = requests(state, { ...SRC, destination_workload: 'server-v1' });
    expect(v2 / (v1 + v2)).toBeCloseTo(0.25, 1);
  });

  it('aborts injected faults at the client: status + FI, no destination report, no upstream', () => {
    const { scenario, config } = miniMesh({ rps: 100 });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [
          {
            fault: { abort: { percentage: { value: 30 }, httpStatus: 555 } },
            route: [{ destination: { host: 'server', subset: 'v1' } }],
          },
        ],
      }),
    );
    const state = run(scenario, config, 60);
    const aborted = requests(state, {
      ...SRC,
      response_code: '555',
      response_flags: 'FI',
      destination_workload: 'unknown',
      destination_service: `server.${NS}.svc.cluster.local`,
    });
    const all = requests(state, SRC);
    expect(aborted / all).toBeCloseTo(0.3, 1);
    expect(requests(state, { reporter: 'destination', response_code: '555' })).toBe(0);
  });

  it('injects no fault when the fault sets no percentage, as Envoy does with what Istio sends it', () => {
    const { scenario, config } = miniMesh({ rps: 100 });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [
          {
            fault: { abort: { httpStatus: 555 }, delay: { fixedDelay: '2s' } },
            route: [{ destination: { host: 'server', subset: 'v1' } }],
          },
        ],
      }),
    );
    const state = run(scenario, config, 30);
    expect(requests(state, SRC)).toBeGreaterThan(1_000);
    expect(requests(state, { ...SRC, response_code: '555' })).toBe(0);
    expect(requests(state, { ...SRC, response_flags: 'DI' })).toBe(0);
  });

  it('sends a lone destination everything even with weight 0, and none to an unweighted one beside others', () => {
    const vs = virtualService(NS, 'server', {
      hosts: ['server'],
      http: [
        {
          match: [{ headers: { 'end-user': { exact: 'jason' } } }],
          route: [{ destination: { host: 'server', subset: 'v2' }, weight: 0 }],
        },
        {
          route: [
            { destination: { host: 'server', subset: 'v1' }, weight: 30 },
            { destination: { host: 'server', subset: 'v2' } },
          ],
        },
      ],
    });
    const jason = miniMesh({ rps: 100, jasonShare: 1 });
    jason.config.apply(vs);
    const lone = run(jason.scenario, jason.config, 30);
    expect(requests(lone, { ...SRC, destination_workload: 'server-v1' })).toBe(0);
    expect(requests(lone, { ...SRC, destination_workload: 'server-v2' })).toBeGreaterThan(1_000);
    const others = miniMesh({ rps: 100 });
    others.config.apply(vs);
    const split = run(others.scenario, others.config, 30);
    expect(requests(split, { ...SRC, destination_workload: 'server-v2' })).toBe(0);
    expect(requests(split, { ...SRC, destination_workload: 'server-v1' })).toBeGreaterThan(1_000);
  });

  it('adds fixed delays (DI) and turns requests slower than the route timeout into 504 UT', () => {
    const { scenario, config } = miniMesh({ rps: 50 });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [
          {
            timeout: '1s',
            fault: { delay: { percentage: { value: 50 }, fixedDelay: '2s' } },
            route: [{ destination: { host: 'server', subset: 'v1' } }],
          },
        ],
      }),
    );
    const state = run(scenario, config, 40);
    const timedOut = requests(state, { ...SRC, response_code: '504', response_flags: 'DI,UT' });
    expect(timedOut / requests(state, SRC)).toBeCloseTo(0.5, 1);
    expect(requests(state, { ...DST, response_code: '0', response_flags: 'DC' })).toBe(timedOut);
  });

  it('answers 503 NC for a subset no DestinationRule defines', () => {
    const { scenario, config } = miniMesh({ rps: 50 });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [{ route: [{ destination: { host: 'server', subset: 'v9' } }] }],
      }),
    );
    const state = run(scenario, config, 10);
    expect(requests(state, { ...SRC, response_code: '503', response_flags: 'NC' })).toBe(
      requests(state, SRC),
    );
    expect(requests(state, { reporter: 'destination' })).toBe(0);
  });

  it('retries retriable failures: extra attempts appear on the destination side only', () => {
    const { scenario, config } = miniMesh({
      rps: 100,
      server: { errorRate: 0.3, errorStatus: 503 },
    });
    config.apply(
      virtualService(NS, 'server', {
        hosts: ['server'],
        http: [
          {
            retries: { attempts: 2, retryOn: '5xx' },
            route: [{ destination: { host: 'server', subset: 'v1' } }],
          },
        ],
      }),
    );
    const state = run(scenario, config, 60);
    const clientSide = requests(state, SRC);
    const serverSide = requests(state, DST);
    expect(serverSide / clientSide).toBeCloseTo(1 + 0.3 + 0.09, 1);
    const exhausted = requests(state, { ...SRC, response_code: '503', response_flags: 'URX' });
    expect(exhausted / clientSide).toBeCloseTo(0.027, 1);
  });

  it('ejects a failing pod with outlier detection, so 5xx drop', () => {
    const failing = { errorRate: 0.25, errorStatus: 503, errorPods: [0] };
    const base = miniMesh({ rps: 100, server: failing, serverReplicas: 2 });
    const noRetries = virtualService(NS, 'server', {
      hosts: ['server'],
      http: [
        { retries: { attempts: 0 }, route: [{ destination: { host: 'server', subset: 'v1' } }] },
      ],
    });
    base.config.apply(noRetries);
    const without = run(base.scenario, base.config, 60);
    const withOd = miniMesh({ rps: 100, server: failing, serverReplicas: 2 });
    withOd.config.apply(noRetries);
    withOd.config.apply({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'server', namespace: NS },
      spec: {
        host: 'server',
        subsets: [{ name: 'v1', labels: { version: 'v1' } }],
        trafficPolicy: {
          outlierDetection: {
            consecutive5xxErrors: 2,
            interval: '1s',
            baseEjectionTime: '30s',
            maxEjectionPercent: 50,
          },
        },
      },
    });
    const withEjection = run(withOd.scenario, withOd.config, 60);
    const rate = (s: typeof without): number =>
      requests(s, { ...SRC, response_code: '503' }) / requests(s, SRC);
    expect(rate(without)).toBeCloseTo(0.25, 1);
    expect(rate(withEjection)).toBeLessThan(rate(without) / 3);
  });
});

describe('traffic model mTLS and peers', () => {
  it('reports mutual_tls on the destination side and unknown on the source side between sidecars', () => {
    const { scenario, config } = miniMesh({ rps: 20, mtls: 'STRICT' });
    const labels = seriesLabels(run(scenario, config, 10));
    expect(
      labels
        .filter((l) => l.reporter === 'destination')
        .every((l) => l.connection_security_policy === 'mutual_tls'),
    ).toBe(true);
    expect(
      labels
        .filter((l) => l.reporter === 'source')
        .every((l) => l.connection_security_policy === 'unknown'),
    ).toBe(true);
    const dst = labels.find((l) => l.reporter === 'destination');
    expect(dst?.source_principal).toBe(`spiffe://cluster.local/ns/${NS}/sa/client`);
    expect(dst?.destination_principal).toBe(`spiffe://cluster.local/ns/${NS}/sa/server`);
  });

  it('a caller without sidecar has no source series; PERMISSIVE destination reports it as unknown, plaintext', () => {
    const { scenario, config } = miniMesh({ rps: 20, clientSidecar: false });
    const state = run(scenario, config, 10);
    const labels = seriesLabels(state);
    expect(labels.some((l) => l.reporter === 'source')).toBe(false);
    const dst = labels.filter((l) => l.reporter === 'destination');
    expect(dst.length).toBeGreaterThan(0);
    for (const l of dst) {
      expect(l).toMatchObject({
        source_workload: 'unknown',
        source_principal: 'unknown',
        source_canonical_revision: 'latest',
        connection_security_policy: 'none',
        destination_principal: 'unknown',
      });
    }
  });

  it('a caller without sidecar bypasses VirtualServices (kube-proxy spreads over all pods)', () => {
    const { scenario, config } = miniMesh({ rps: 100, clientSidecar: false });
    const state = run(scenario, config, 60);
    const v2 = requests(state, { reporter: 'destination', destination_workload: 'server-v2' });
    expect(v2 / requests(state, { reporter: 'destination' })).toBeCloseTo(0.5, 1);
  });

  it('STRICT refuses a caller without sidecar and nothing is reported on either side', () => {
    const { scenario, config } = miniMesh({ rps: 20, clientSidecar: false, mtls: 'STRICT' });
    const state = run(scenario, config, 10);
    expect(state.http.size).toBe(0);
  });

  it('a workload-selector PeerAuthentication overrides the namespace mode', () => {
    const { scenario, config } = miniMesh({ rps: 20, clientSidecar: false, mtls: 'STRICT' });
    config.apply({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'v2-open', namespace: NS },
      spec: { selector: { matchLabels: { version: 'v2' } }, mtls: { mode: 'PERMISSIVE' } },
    });
    const labels = seriesLabels(run(scenario, config, 20));
    expect(new Set(labels.map((l) => l.destination_workload))).toEqual(new Set(['server-v2']));
  });

  it('a mesh-wide PeerAuthentication in istio-system applies where the namespace sets no mode', () => {
    const meshStrict = (namespaceMode: 'PERMISSIVE' | 'UNSET') => {
      const { scenario, config } = miniMesh({ rps: 20, clientSidecar: false });
      const pa = (namespace: string, mode: string) => ({
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default', namespace },
        spec: { mtls: { mode } },
      });
      config.apply(pa('istio-system', 'STRICT'));
      config.apply(pa(NS, namespaceMode));
      return run(scenario, config, 5).http.size;
    };
    // The namespace's PERMISSIVE wins over the mesh's STRICT; UNSET inherits it and refuses plaintext.
    expect(meshStrict('PERMISSIVE')).toBeGreaterThan(0);
    expect(meshStrict('UNSET')).toBe(0);
  });
});

describe('traffic model determinism and counters', () => {
  it('gives identical series for the same seed and differs for another seed', () => {
    const a = miniMesh({ rps: 30 });
    const b = miniMesh({ rps: 30 });
    const sa = run(a.scenario, a.config, 20);
    const sb = run(b.scenario, b.config, 20);
    expect([...sa.http.entries()].map(([k, s]) => [k, s.requests, s.duration.sum])).toEqual(
      [...sb.http.entries()].map(([k, s]) => [k, s.requests, s.duration.sum]),
    );
    const c = miniMesh({ rps: 30 });
    const sc = run({ ...c.scenario, seed: 8 }, c.config, 20, newModelState(8, 0));
    expect(requests(sc, SRC)).not.toBe(requests(sa, SRC));
  });

  it('only ever increases counters', () => {
    const { scenario, config } = miniMesh({ rps: 30, server: { errorRate: 0.1 } });
    const state = run(scenario, config, 1);
    let previous = new Map([...state.http].map(([k, s]) => [k, s.requests]));
    for (let i = 0; i < 20; i++) {
      run(scenario, config, 1, state);
      for (const [k, v] of previous)
        expect(state.http.get(k)?.requests ?? -1).toBeGreaterThanOrEqual(v);
      previous = new Map([...state.http].map(([k, s]) => [k, s.requests]));
    }
  });
});
