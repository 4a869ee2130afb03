import { describe, expect, it } from 'vitest';
import { buildScenario } from '../scenarios/index.js';
import { authorizationPolicy } from '../scenarios/istio-objects.js';
import { StaticConfig } from './static-config.js';
import { NS, miniMesh, requests, run } from './testing.js';

const DST = { reporter: 'destination', destination_workload: 'server-v1' };

function codes(policy: Record<string, unknown> | null, clientSidecar = true) {
  const { scenario, config } = miniMesh({ rps: 20, clientSidecar });
  if (policy) config.apply(authorizationPolicy(NS, 'server', policy));
  const state = run(scenario, config, 20);
  return {
    ok: requests(state, { ...DST, response_code: '200' }),
    denied: requests(state, { ...DST, response_code: '403', response_flags: '-' }),
    deniedAtClient: requests(state, {
      reporter: 'source',
      destination_workload: 'server-v1',
      response_code: '403',
    }),
  };
}

const onlyFrom = (principal: string) => ({
  selector: { matchLabels: { app: 'server' } },
  rules: [{ from: [{ source: { principals: [principal] } }] }],
});

describe('the server sidecar enforces AuthorizationPolicies', () => {
  it('lets everything through without a policy', () => {
    expect(codes(null)).toMatchObject({ denied: 0 });
  });

  it('answers 403 with response_flags "-" to a caller an ALLOW policy leaves out, on both reports', () => {
    const denied = codes(onlyFrom('cluster.local/ns/app/sa/other'));
    expect(denied.ok).toBe(0);
    expect(denied.denied).toBeGreaterThan(100);
    expect(denied.deniedAtClient).toBe(denied.denied);
    const allowed = codes(onlyFrom('cluster.local/ns/app/sa/client'));
    expect(allowed).toMatchObject({ denied: 0 });
    expect(allowed.ok).toBeGreaterThan(100);
  });

  it('matches paths and methods, which the demo knows and the metrics do not carry', () => {
    const deny = (paths: string[]) => ({
      action: 'DENY',
      rules: [{ to: [{ operation: { methods: ['GET'], paths } }] }],
    });
    expect(codes(deny(['/api'])).ok).toBe(0);
    expect(codes(deny(['/admin*'])).denied).toBe(0);
  });

  it('a plaintext caller has no principal: "*" does not admit it', () => {
    const denied = codes(onlyFrom('*'), false);
    expect(denied.ok).toBe(0);
    expect(denied.denied).toBeGreaterThan(100);
  });
});

describe('the shop’s policies in the demo scenario', () => {
  it('payments answers frontend 403 and checkout as usual; catalog serves its GET callers', () => {
    const scenario = buildScenario('demo', 42);
    const state = run(scenario, new StaticConfig(scenario.objects), 30);
    const into = (target: string, source: string, more: Record<string, string> = {}) =>
      requests(state, {
        reporter: 'destination',
        destination_workload: target,
        source_workload: source,
        ...more,
      });
    expect(into('payments-v1', 'frontend-v1')).toBeGreaterThan(3);
    expect(into('payments-v1', 'frontend-v1', { response_code: '403', response_flags: '-' })).toBe(
      into('payments-v1', 'frontend-v1'),
    );
    expect(into('payments-v1', 'checkout-v1', { response_code: '403' })).toBe(0);
    expect(into('payments-v1', 'checkout-v1')).toBeGreaterThan(0);
    expect(into('catalog-v1', 'frontend-v1', { response_code: '403' })).toBe(0);
  });
});
