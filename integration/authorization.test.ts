/**
 * AuthorizationPolicy evaluation on the demo's real Prometheus data: a previewed deny-all in shop
 * names every observed edge into shop with its rate and writes nothing; the shop's
 * payments-from-checkout policy denies frontend's calls, whose 403s the demo's sidecar really sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IstioListResponse } from '@/lib/api/istio';
import type { AuthorizationPreviewResponse, SecurityResponse } from '@/lib/api/security';
import { edgeVerdicts } from '@/lib/mesh/security/authz/edge-verdicts';
import { decodeObservedCalls } from '@/lib/mesh/security/decode-observed-calls';
import { SHOP_POLICY_INVENTORY } from '@/lib/mesh/testing/authorization';
import type { IstioObject, Sample } from '@/lib/mesh/types';
import { securityQueries } from '@/lib/prometheus/security-queries';
import type { Stack } from '../scripts/stack/index';
import { eventually, getJson, promQuery, startTestStack } from './harness';

let stack: Stack;
let app: string;

beforeAll(async () => {
  stack = await startTestStack({ app: true });
  app = stack.appUrl ?? '';
});

afterAll(async () => {
  await stack?.stop();
});

async function preview(
  yaml: string,
  headers: Record<string, string> = { 'x-meshlens-csrf': '1' },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app}/api/security/authorization/preview`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ yaml, window: '5m' }),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const DENY_ALL = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-all
  namespace: shop
spec:
  action: DENY
  rules:
  - {}
`;

/** Requests per second into shop's workloads per (source, destination), as the destination reported them. */
async function observedIntoShop(): Promise<Map<string, number>> {
  const rows = await promQuery(
    stack.prometheusUrl,
    'sum by (source_workload, destination_workload) (rate(istio_requests_total{reporter="destination",destination_workload_namespace="shop"}[5m]))',
  );
  const tcp = await promQuery(
    stack.prometheusUrl,
    'sum by (source_workload, destination_workload) (rate(istio_tcp_received_bytes_total{reporter="destination",destination_workload_namespace="shop"}[5m]))',
  );
  const out = new Map<string, number>();
  for (const r of rows)
    out.set(`${r.metric.source_workload}→${r.metric.destination_workload}`, Number(r.value[1]));
  for (const r of tcp) {
    const key = `${r.metric.source_workload}→${r.metric.destination_workload}`;
    if (!out.has(key)) out.set(key, 0);
  }
  return out;
}

const samples = (rows: Awaited<ReturnType<typeof promQuery>>): Sample[] =>
  rows.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));

describe('AuthorizationPolicy preview and verdicts on the demo stack', () => {
  it('a previewed deny-all in shop lists every observed edge into shop with its rate, and writes nothing', async () => {
    const writesBefore = stack.kube.requests.filter(
      (r) => r.verb !== 'get' && r.verb !== 'list' && r.verb !== 'watch',
    ).length;
    const { status, body } = await eventually(
      async () => {
        const r = await preview(DENY_ALL);
        const changes = (r.body as Partial<AuthorizationPreviewResponse>).changes;
        return r.status === 200 && (changes?.length ?? 0) > 3 ? r : undefined;
      },
      { what: 'a preview with the shop edges' },
    );
    expect(status).toBe(200);
    const result = body as unknown as AuthorizationPreviewResponse;
    const observed = await observedIntoShop();
    const listed = new Map(result.changes.map((c) => [`${c.source}→${c.target}`, c]));
    // frontend → payments is already denied by payments-from-checkout: it stays denied.
    expect(result.unchanged).toBe(1);
    expect(listed.has('frontend-v1→payments-v1')).toBe(false);
    observed.delete('frontend-v1→payments-v1');
    expect([...listed.keys()].sort()).toEqual([...observed.keys()].sort());
    for (const [key, rps] of observed) {
      const change = listed.get(key);
      expect(change?.after, key).toBe('deny');
      expect(change?.before, key).not.toBe('deny');
      expect(change?.targetNamespace).toBe('shop');
      if (rps > 0) expect(Math.abs((change?.rps ?? 0) - rps) / rps, key).toBeLessThan(0.25);
    }
    // The largest rate first: frontend calls catalog twice for each page it serves.
    const rates = result.changes.map((c) => c.rps);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const busiest = [...observed].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(`${result.changes[0]?.source}→${result.changes[0]?.target}`).toBe(busiest);
    // catalog's GET-only policy cannot be decided from metrics: its callers were 'depends' before.
    expect(listed.get('frontend-v1→catalog-v1')?.before).toBe('depends');
    expect(stack.kube.store.get('authorizationpolicies', 'shop', 'deny-all')).toBeUndefined();
    const writesAfter = stack.kube.requests.filter(
      (r) => r.verb !== 'get' && r.verb !== 'list' && r.verb !== 'watch',
    ).length;
    expect(writesAfter).toBe(writesBefore);
  });

  it('says how a text that is no AuthorizationPolicy is wrong, and wants the CSRF header', async () => {
    const vs = await preview(
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x, namespace: shop}\n',
    );
    expect(vs.status).toBe(422);
    expect(String(vs.body.detail)).toMatch(
      /a VirtualService; the preview takes one AuthorizationPolicy/,
    );
    const broken = await preview('kind: [');
    expect(broken.status).toBe(422);
    const noNamespace = await preview('kind: AuthorizationPolicy\nmetadata: {name: x}\n');
    expect(String(noNamespace.body.detail)).toMatch(/metadata.namespace/);
    expect((await preview(DENY_ALL, {})).status).toBe(403);
  });

  it('letting frontend in would allow its edge, at the rate of its 403s', async () => {
    const stored = stack.kube.store.get('authorizationpolicies', 'shop', 'payments-from-checkout');
    expect(stored).toBeDefined();
    const widened = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: payments-from-checkout
  namespace: shop
spec:
  selector:
    matchLabels:
      app: payments
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/checkout", "cluster.local/ns/shop/sa/frontend"]
`;
    const { status, body } = await preview(widened);
    expect(status).toBe(200);
    const result = body as unknown as AuthorizationPreviewResponse;
    expect(result.changes).toEqual([
      expect.objectContaining({
        source: 'frontend-v1',
        target: 'payments-v1',
        before: 'deny',
        after: 'allow',
      }),
    ]);
    expect(result.changes[0]?.rps).toBeGreaterThan(0);
    expect(result.unchanged).toBe(1);
  });

  it('the payments policy denies frontend’s edge on the real metrics, and its 403s read as the policy’s', async () => {
    const q = securityQueries(['shop'], '5m');
    const [requests, tcpSent, tcpReceived] = await Promise.all([
      promQuery(stack.prometheusUrl, q.requests),
      promQuery(stack.prometheusUrl, q.tcpSent),
      promQuery(stack.prometheusUrl, q.tcpReceived),
    ]);
    const calls = decodeObservedCalls({
      requests: samples(requests),
      tcpSent: samples(tcpSent),
      tcpReceived: samples(tcpReceived),
    });
    const policies: IstioObject[] = stack.kube.store.list('authorizationpolicies').map((o) => ({
      kind: 'AuthorizationPolicy',
      apiVersion: o.apiVersion,
      namespace: o.metadata.namespace ?? '',
      name: o.metadata.name,
      resourceVersion: '',
      labels: {},
      spec: (o.spec ?? {}) as Record<string, unknown>,
    }));
    const edges = edgeVerdicts(calls, policies, SHOP_POLICY_INVENTORY);
    const edge = (source: string, target: string) =>
      edges.find((e) => e.source === source && e.target === target);
    const denied = edge('frontend-v1', 'payments-v1');
    expect(denied).toMatchObject({
      sourceId: 'wl:shop:frontend-v1',
      targetId: 'wl:shop:payments-v1',
      principal: 'spiffe://cluster.local/ns/shop/sa/frontend',
      verdict: 'deny',
      decidedBy: { namespace: 'shop', name: 'payments-from-checkout', action: 'ALLOW' },
      forbiddenBy: 'policy',
    });
    expect(denied?.forbiddenRps).toBeGreaterThan(0);
    expect(denied?.forbiddenRps).toBeCloseTo(denied?.rps ?? -1, 5);
    expect(denied?.explanation).toMatch(/inferred/);
    expect(edge('checkout-v1', 'payments-v1')).toMatchObject({ verdict: 'allow', forbiddenRps: 0 });
    expect(edge('frontend-v1', 'catalog-v1')).toMatchObject({
      verdict: 'depends',
      dependsOn: ['methods', 'paths'],
    });
  });

  it('GET /api/security: the mesh, bookinfo and shop as the demo configures them, and who breaks under STRICT', async () => {
    const body = await eventually(
      async () => {
        const r = await getJson(`${app}/api/security?window=5m`);
        const b = r.body as SecurityResponse;
        const shop = b.namespaces?.find((n) => n.name === 'shop');
        return r.status === 200 && shop && !shop.strictReadiness.ready ? b : undefined;
      },
      { what: "shop's plaintext caller in GET /api/security" },
    );
    // istio-system/default is PERMISSIVE mesh-wide; auto mTLS is on; bookinfo tightens to STRICT.
    expect(body.mesh).toMatchObject({ mtls: 'partial', autoMtls: true });
    expect(body.mesh.sources[0]).toMatchObject({
      kind: 'PeerAuthentication',
      namespace: 'istio-system',
      name: 'default',
      scope: 'mesh',
    });
    // Auto mTLS as istiod's own ConfigMap says, read from the demo's API server.
    expect(body.mesh.sources.at(-1)?.detail).toMatch(
      /^auto mTLS on: .*\(mesh config in ConfigMap istio-system\/istio\)$/,
    );
    const ns = (name: string) => body.namespaces.find((n) => n.name === name);
    expect(ns('bookinfo')).toMatchObject({
      mtls: 'enabled',
      mode: 'STRICT',
      strictReadiness: { ready: true },
    });
    expect(ns('shop')).toMatchObject({ mtls: 'partial', mode: 'PERMISSIVE' });
    // legacy-batch has no sidecar: catalog's proxy sees it as an unknown plaintext caller.
    const [caller] = ns('shop')?.strictReadiness.plaintextCallers ?? [];
    expect(caller).toMatchObject({
      source: 'unknown',
      target: 'catalog-v1',
      candidates: ['shop/legacy-batch'],
      why: expect.stringContaining('connection_security_policy=none') as string,
    });
    const plaintext = await promQuery(
      stack.prometheusUrl,
      'sum(rate(istio_requests_total{reporter="destination",destination_workload="catalog-v1",connection_security_policy="none"}[5m]))',
    );
    const rps = Number(plaintext[0]?.value[1] ?? 0);
    expect(Math.abs((caller?.rps ?? 0) - rps) / rps).toBeLessThan(0.25);
    const workload = (name: string) => body.workloads.find((w) => w.name === name);
    expect(workload('legacy-batch')).toMatchObject({ hasSidecar: false, mtls: 'disabled' });
    expect(workload('payments-v1')?.policies).toEqual([
      expect.objectContaining({
        name: 'payments-from-checkout',
        action: 'ALLOW',
        scope: 'selector',
      }),
    ]);
    expect(body.edges).toContainEqual(
      expect.objectContaining({
        source: 'frontend-v1',
        target: 'payments-v1',
        verdict: 'deny',
        forbiddenBy: 'policy',
      }),
    );
  });

  it('the new checks fire on crafted objects and stay silent on the demo’s own', async () => {
    const list = (await getJson(`${app}/api/istio`)).body as IstioListResponse;
    const NEW_CODES = ['IST0127', 'IST0101', 'KIA0104', 'KIA0105', 'KIA0106', 'IST0113'];
    // IST0101 also names missing gateways: the demo's deliberately broken VirtualService has one.
    const demoFindings = list.flatMap((item) =>
      item.validations
        .filter((v) => NEW_CODES.includes(v.code))
        .filter((v) => v.code !== 'IST0101' || item.kind === 'AuthorizationPolicy')
        .map((v) => `${item.kind} ${item.namespace}/${item.name} ${v.code}`),
    );
    expect(demoFindings).toEqual([]);

    const validate = async (yaml: string): Promise<string[]> => {
      const res = await fetch(`${app}/api/istio/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ yaml }),
        signal: AbortSignal.timeout(20_000),
      });
      const { validations } = (await res.json()) as { validations: { code: string }[] };
      return validations.map((v) => v.code).sort();
    };
    const crafted = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: crafted, namespace: shop}
spec:
  selector: {matchLabels: {app: nothing-has-this}}
  rules:
  - from:
    - source:
        namespaces: [shpo]
        principals: [cluster.local/ns/shop/sa/ghost]
    to:
    - operation: {hosts: [catalgo.shop]}
`;
    expect(await validate(crafted)).toEqual(['IST0101', 'IST0127', 'KIA0104', 'KIA0106']);
    const off = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec: {mtls: {mode: DISABLE}}
`;
    const offWithMutual = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: catalog-mtls, namespace: shop}
spec: {host: catalog, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
`;
    expect(await validate(off)).toEqual([]);
    // With shop's policy turned off, a payments rule on principals can never match.
    const policyOnOffMtls = await fetch(`${app}/api/istio/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: p, namespace: shop}
spec:
  selector: {matchLabels: {app: payments}}
  rules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/checkout]}}]}]
`,
        alongside: [off],
      }),
      signal: AbortSignal.timeout(20_000),
    });
    const alongside = (await policyOnOffMtls.json()) as { validations: { code: string }[] };
    expect(alongside.validations.map((v) => v.code)).toEqual(['KIA0105']);
    const withOff = await fetch(`${app}/api/istio/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ yaml: offWithMutual, alongside: [off] }),
      signal: AbortSignal.timeout(20_000),
    });
    const conflict = (await withOff.json()) as { validations: { code: string }[] };
    expect(conflict.validations.map((v) => v.code)).toEqual(['IST0113']);
  });
});
