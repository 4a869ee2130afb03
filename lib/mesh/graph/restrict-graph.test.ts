import { describe, expect, it } from 'vitest';
import {
  BOOKINFO_INVENTORY,
  bookinfoRequests,
  graphInput,
  meshRequest,
  PRODUCTPAGE,
  to,
  workload,
} from '@/lib/mesh/testing/graph-samples';
import { buildGraph } from './build-graph';
import { RESTRICTED_NODE_ID, restrictGraph } from './restrict-graph';

const SHOP = { ns: 'shop', wl: 'cart-v1', app: 'cart', version: 'v1' };
const SHOP_DB = { ns: 'shop', wl: 'db-v1', app: 'db', version: 'v1' };

function meshWithShop(): ReturnType<typeof buildGraph> {
  return buildGraph(
    graphInput({
      namespaces: ['bookinfo', 'shop'],
      requests: [
        ...bookinfoRequests(),
        ...meshRequest(PRODUCTPAGE, to(SHOP, 'cart'), 5),
        ...meshRequest(SHOP, to(SHOP_DB, 'db'), 7),
      ],
      inventory: {
        ...BOOKINFO_INVENTORY,
        workloads: [
          ...BOOKINFO_INVENTORY.workloads,
          workload('shop', 'cart-v1'),
          workload('shop', 'db-v1'),
        ],
      },
    }),
  );
}

describe('restrictGraph', () => {
  it('folds hidden namespaces into one node with no name, numbers or health', () => {
    const graph = restrictGraph(meshWithShop(), new Set(['bookinfo', 'istio-system']));
    expect(graph.nodes.some((n) => 'namespace' in n && n.namespace === 'shop')).toBe(false);
    expect(graph.nodes.filter((n) => n.id === RESTRICTED_NODE_ID)).toEqual([
      { id: 'restricted', kind: 'restricted', label: 'Restricted' },
    ]);
    expect(JSON.stringify(graph)).not.toMatch(/shop|cart|db-v1/);
  });

  it('keeps a visible → hidden edge without numbers and drops hidden → hidden ones', () => {
    const graph = restrictGraph(meshWithShop(), new Set(['bookinfo', 'istio-system']));
    const toRestricted = graph.edges.filter((e) => e.target === RESTRICTED_NODE_ID);
    expect(toRestricted).toHaveLength(1);
    expect(toRestricted[0]).toEqual({
      id: expect.any(String),
      source: expect.stringContaining('productpage'),
      target: RESTRICTED_NODE_ID,
      protocol: 'http',
      restricted: true,
    });
    expect(graph.edges.some((e) => e.source === RESTRICTED_NODE_ID)).toBe(false);
  });

  it('leaves the graph as it is when every namespace is visible', () => {
    const mesh = meshWithShop();
    expect(restrictGraph(mesh, new Set(['bookinfo', 'shop', 'istio-system']))).toBe(mesh);
  });
});
