import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { testVerdict } from '@/components/testing/fake-security';
import { applyAuthzOverlay, authzMarks, AUTHZ_CLASSES, worstVerdict } from './authz-overlay';

const edge = (source: string, target: string, protocol = 'http') => ({
  id: `wl:shop:${source}>wl:shop:${target}:${protocol}`,
  source: `wl:shop:${source}`,
  target: `wl:shop:${target}`,
});

describe('authzMarks', () => {
  it('marks each graph edge by the verdicts on its two ends, every protocol alike', () => {
    const edges = [
      edge('checkout', 'payments'),
      edge('checkout', 'payments', 'tcp'),
      edge('cart', 'payments'),
      edge('web', 'cart'),
    ];
    const marks = authzMarks(edges, [
      testVerdict('cart', 'payments', { verdict: 'deny' }),
      testVerdict('checkout', 'payments'),
      testVerdict('web', 'cart', { verdict: 'depends', dependsOn: ['paths'] }),
      // A verdict on an edge the graph does not draw marks nothing.
      testVerdict('ghost', 'payments', { verdict: 'deny' }),
    ]);
    expect([...marks]).toEqual([
      [edges[0]?.id, 'allow'],
      [edges[1]?.id, 'allow'],
      [edges[2]?.id, 'deny'],
      [edges[3]?.id, 'depends'],
    ]);
  });

  it('lets a denied principal win over an allowed one on the same edge', () => {
    const a = testVerdict('checkout', 'payments');
    const d = testVerdict('checkout', 'payments', { verdict: 'depends', principal: 'x' });
    const n = testVerdict('checkout', 'payments', { verdict: 'deny', principal: 'y' });
    expect(worstVerdict([a, d])).toBe('depends');
    expect(worstVerdict([a, n, d])).toBe('deny');
    expect(worstVerdict([])).toBeUndefined();
  });
});

describe('applyAuthzOverlay', () => {
  it('sets and clears classes without moving a node', () => {
    const cy = cytoscape({
      headless: true,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'wl:shop:cart' }, position: { x: 10, y: 20 } },
        { data: { id: 'wl:shop:payments' }, position: { x: 200, y: 20 } },
        { data: { id: 'e1', source: 'wl:shop:cart', target: 'wl:shop:payments' } },
        { data: { id: 'e2', source: 'wl:shop:payments', target: 'wl:shop:cart' } },
      ],
    });
    applyAuthzOverlay(
      cy,
      new Map([
        ['e1', 'deny'],
        ['e2', 'depends'],
      ]),
    );
    expect(cy.getElementById('e1').hasClass(AUTHZ_CLASSES.deny)).toBe(true);
    expect(cy.getElementById('e2').hasClass(AUTHZ_CLASSES.depends)).toBe(true);
    applyAuthzOverlay(cy, new Map([['e2', 'allow']]));
    expect(cy.edges(`.${AUTHZ_CLASSES.deny}, .${AUTHZ_CLASSES.depends}`).length).toBe(0);
    expect(cy.getElementById('wl:shop:cart').position()).toEqual({ x: 10, y: 20 });
    cy.destroy();
  });
});
