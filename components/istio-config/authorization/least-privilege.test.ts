import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { testVerdict } from '@/components/testing/fake-security';
import {
  leastPrivilegeYaml,
  observedCallers,
  policyPrincipal,
  readSelector,
} from './least-privilege';

describe('policyPrincipal', () => {
  it('drops the spiffe scheme the metrics carry and refuses plaintext callers', () => {
    expect(policyPrincipal('spiffe://cluster.local/ns/shop/sa/checkout')).toBe(
      'cluster.local/ns/shop/sa/checkout',
    );
    expect(policyPrincipal('td1/ns/a/sa/b')).toBe('td1/ns/a/sa/b');
    expect(policyPrincipal('unknown')).toBeUndefined();
    expect(policyPrincipal('')).toBeUndefined();
  });
});

describe('observedCallers', () => {
  it('groups the edges into the workload by principal, busiest first, worst verdict kept', () => {
    const callers = observedCallers(
      [
        testVerdict('checkout', 'payments', {
          principal: 'spiffe://cluster.local/ns/shop/sa/checkout',
          rps: 3,
        }),
        testVerdict('checkout-canary', 'payments', {
          principal: 'spiffe://cluster.local/ns/shop/sa/checkout',
          rps: 1,
          verdict: 'depends',
        }),
        testVerdict('legacy', 'payments', { principal: 'unknown', rps: 5, verdict: 'deny' }),
        testVerdict('cart', 'payments', {
          principal: 'spiffe://cluster.local/ns/shop/sa/cart',
          target: 'cart',
        }),
      ],
      'shop',
      'payments',
    );
    expect(callers).toEqual([
      {
        principal: 'unknown',
        policyPrincipal: undefined,
        sources: ['legacy.shop'],
        rps: 5,
        verdict: 'deny',
      },
      {
        principal: 'spiffe://cluster.local/ns/shop/sa/checkout',
        policyPrincipal: 'cluster.local/ns/shop/sa/checkout',
        sources: ['checkout-canary.shop', 'checkout.shop'],
        rps: 4,
        verdict: 'depends',
      },
    ]);
  });
});

describe('readSelector', () => {
  it('reads key=value pairs and refuses an empty selector, which would cover the namespace', () => {
    expect(readSelector(' app=payments , version=v1')).toEqual({
      ok: true,
      labels: { app: 'payments', version: 'v1' },
    });
    expect(readSelector('app.kubernetes.io/name=payments')).toEqual({
      ok: true,
      labels: { 'app.kubernetes.io/name': 'payments' },
    });
    expect(readSelector('  ')).toMatchObject({ ok: false, error: /whole namespace/ });
    expect(readSelector('app')).toMatchObject({ ok: false, error: /key=value/ });
    expect(readSelector('app=pay ments')).toMatchObject({ ok: false, error: /label value/ });
  });
});

describe('leastPrivilegeYaml', () => {
  it('allows exactly the chosen principals, once each, in a stable order', () => {
    const yaml = leastPrivilegeYaml({
      namespace: 'shop',
      name: 'payments-allow-observed',
      selector: { app: 'payments' },
      principals: [
        'cluster.local/ns/shop/sa/checkout',
        'cluster.local/ns/ops/sa/audit',
        'cluster.local/ns/shop/sa/checkout',
      ],
    });
    expect(parseDocument(yaml).toJS()).toEqual({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'payments-allow-observed', namespace: 'shop' },
      spec: {
        selector: { matchLabels: { app: 'payments' } },
        action: 'ALLOW',
        rules: [
          {
            from: [
              {
                source: {
                  principals: [
                    'cluster.local/ns/ops/sa/audit',
                    'cluster.local/ns/shop/sa/checkout',
                  ],
                },
              },
            ],
          },
        ],
      },
    });
  });

  it('has no rules, which denies everything, when no principal is chosen', () => {
    const doc = parseDocument(
      leastPrivilegeYaml({ namespace: 'shop', name: 'p', selector: { app: 'p' }, principals: [] }),
    ).toJS() as { spec: Record<string, unknown> };
    expect(doc.spec).toEqual({ selector: { matchLabels: { app: 'p' } }, action: 'ALLOW' });
  });
});
