import { describe, expect, it } from 'vitest';
import {
  SHOP_POLICY_INVENTORY,
  authorizationPolicy as policy,
} from '@/lib/mesh/testing/authorization';
import type { ObservedCall } from '@/lib/mesh/security/types';
import { edgeVerdicts } from './edge-verdicts';
import { previewAuthorization } from './preview';

const INVENTORY = SHOP_POLICY_INVENTORY;

const call = (source: string, target: string, over: Partial<ObservedCall> = {}): ObservedCall => ({
  source,
  sourceNamespace: 'shop',
  principal: `spiffe://cluster.local/ns/shop/sa/${source.replace(/-v1$/, '')}`,
  target,
  targetNamespace: 'shop',
  security: 'mutual_tls',
  rps: 1,
  forbiddenRps: 0,
  bytesPerSecond: 0,
  ...over,
});

const PAYMENTS = policy('shop', 'payments', {
  selector: { matchLabels: { app: 'payments' } },
  action: 'ALLOW',
  rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/checkout'] } }] }],
});

describe('edgeVerdicts', () => {
  it('denies the caller the ALLOW policy leaves out, and reads its 403s as the policy’s', () => {
    const [checkout, frontend, catalog] = edgeVerdicts(
      [
        call('checkout-v1', 'payments-v1', { rps: 3 }),
        call('frontend-v1', 'payments-v1', { rps: 0.5, forbiddenRps: 0.5 }),
        call('frontend-v1', 'catalog-v1', { forbiddenRps: 0.1 }),
      ],
      [PAYMENTS],
      INVENTORY,
    );
    expect(checkout).toMatchObject({
      sourceId: 'wl:shop:checkout-v1',
      targetId: 'wl:shop:payments-v1',
      verdict: 'allow',
      decidedBy: { namespace: 'shop', name: 'payments', action: 'ALLOW' },
      forbiddenRps: 0,
    });
    expect(checkout?.forbiddenBy).toBeUndefined();
    expect(frontend).toMatchObject({ verdict: 'deny', forbiddenRps: 0.5, forbiddenBy: 'policy' });
    expect(frontend?.explanation).toMatch(/ALLOW policies on shop\/payments-v1 .*inferred/);
    expect(catalog).toMatchObject({ verdict: 'allow', forbiddenBy: 'application' });
    expect(catalog?.explanation).toMatch(/No AuthorizationPolicy applies.*from the application/);
  });

  it('names an unknown source with the graph’s unknown node and says it is plaintext', () => {
    const [edge] = edgeVerdicts(
      [
        call('unknown', 'payments-v1', {
          sourceNamespace: 'unknown',
          principal: 'unknown',
          security: 'none',
        }),
      ],
      [PAYMENTS],
      INVENTORY,
    );
    expect(edge).toMatchObject({ sourceId: 'unknown', verdict: 'deny' });
    expect(edge?.explanation).toMatch(/unknown caller \(plaintext/);
  });

  it('lists what a depending edge depends on', () => {
    const paths = policy('shop', 'catalog-read', {
      selector: { matchLabels: { app: 'catalog' } },
      rules: [{ to: [{ operation: { methods: ['GET'], paths: ['/api/products*'] } }] }],
    });
    const [edge] = edgeVerdicts([call('frontend-v1', 'catalog-v1')], [paths], INVENTORY);
    expect(edge).toMatchObject({ verdict: 'depends', dependsOn: ['methods', 'paths'] });
    expect(edge?.explanation).toMatch(/^Depends on methods, paths.*ALLOW shop\/catalog-read/);
  });
});

describe('previewAuthorization', () => {
  const calls = [
    call('frontend-v1', 'catalog-v1', { rps: 4 }),
    call('checkout-v1', 'payments-v1', { rps: 3 }),
    call('frontend-v1', 'payments-v1', { rps: 0.5, forbiddenRps: 0.5 }),
    call('unknown', 'catalog-v1', { principal: 'unknown', security: 'none', rps: 1 }),
    call('catalog-v1', 'postgres', { rps: 0, bytesPerSecond: 900 }),
  ];

  it('a namespace-wide deny-all lists every edge into the namespace that it would cut, largest first', () => {
    const denyAll = policy('shop', 'deny-all', { action: 'DENY', rules: [{}] });
    const preview = previewAuthorization(calls, [PAYMENTS], denyAll, INVENTORY);
    expect(preview.changes.map((c) => [c.source, c.target, c.rps, c.before, c.after])).toEqual([
      ['frontend-v1', 'catalog-v1', 4, 'allow', 'deny'],
      ['checkout-v1', 'payments-v1', 3, 'allow', 'deny'],
      ['unknown', 'catalog-v1', 1, 'allow', 'deny'],
      ['catalog-v1', 'postgres', 0, 'allow', 'deny'],
    ]);
    // frontend → payments was already denied by the payments policy.
    expect(preview.unchanged).toBe(1);
  });

  it('an edit compares with the policy it replaces, and counts only edges into its workloads', () => {
    const widened = policy('shop', 'payments', {
      selector: { matchLabels: { app: 'payments' } },
      rules: [{ from: [{ source: { namespaces: ['shop'] } }] }],
    });
    const preview = previewAuthorization(calls, [PAYMENTS], widened, INVENTORY);
    expect(preview.changes).toEqual([
      {
        source: 'frontend-v1',
        sourceNamespace: 'shop',
        target: 'payments-v1',
        targetNamespace: 'shop',
        rps: 0.5,
        before: 'deny',
        after: 'allow',
      },
    ]);
    expect(preview.unchanged).toBe(1);
  });

  it('reports what a new verdict depends on', () => {
    const denyPost = policy('shop', 'no-post', {
      action: 'DENY',
      selector: { matchLabels: { app: 'catalog' } },
      rules: [{ to: [{ operation: { methods: ['POST'] } }] }],
    });
    const preview = previewAuthorization(calls, [], denyPost, INVENTORY);
    expect(preview.changes.map((c) => [c.source, c.after, c.dependsOn])).toEqual([
      ['frontend-v1', 'depends', ['methods']],
      ['unknown', 'depends', ['methods']],
    ]);
    expect(preview.unchanged).toBe(0);
  });
});
