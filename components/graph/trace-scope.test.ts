import { describe, expect, it } from 'vitest';
import { testNode } from './graph-fixture';
import { edgeTraceScope, nodeTraceScope } from './trace-scope';

const productpage = testNode('wl:bookinfo:productpage-v1', { workload: 'productpage-v1' });
const reviews = testNode('svc:bookinfo:reviews', { kind: 'service', service: 'reviews' });
const unknown = testNode('unknown', { kind: 'unknown', namespace: 'unknown', name: 'unknown' });

describe('edgeTraceScope', () => {
  it('names the caller by workload and the callee by service, in the callee namespace', () => {
    expect(edgeTraceScope(productpage, reviews)).toEqual({
      namespace: 'bookinfo',
      source: 'productpage-v1',
      target: 'reviews',
    });
  });

  it('takes the waypoint for the caller of an edge the waypoint measured (ambient apps emit no spans)', () => {
    const web = testNode('wl:travel:web', { namespace: 'travel', workload: 'web' });
    const flights = testNode('wl:travel:flights-v1', {
      namespace: 'travel',
      workload: 'flights-v1',
    });
    const waypoint = { namespace: 'travel', name: 'waypoint' };
    expect(edgeTraceScope(web, flights, { reportedBy: 'waypoint', waypoint })).toEqual({
      namespace: 'travel',
      source: 'waypoint',
      target: 'flights-v1',
    });
    expect(edgeTraceScope(web, flights, { reportedBy: 'ztunnel', waypoint }).source).toBe('web');
  });

  it('searches the caller namespace when the callee is outside the mesh', () => {
    const ext = testNode('ext:api.example.com', {
      kind: 'external',
      namespace: 'unknown',
      name: 'api.example.com',
    });
    expect(edgeTraceScope(productpage, ext).namespace).toBe('bookinfo');
  });
});

describe('nodeTraceScope', () => {
  it('takes a node alone as the target', () => {
    expect(nodeTraceScope(reviews)).toEqual({ namespace: 'bookinfo', target: 'reviews' });
    expect(nodeTraceScope(productpage)).toEqual({
      namespace: 'bookinfo',
      target: 'productpage-v1',
    });
    const box = testNode('app:bookinfo:reviews', { kind: 'app', app: 'reviews', name: 'reviews' });
    expect(nodeTraceScope(box)).toEqual({ namespace: 'bookinfo', target: 'reviews' });
  });

  it('has none outside the mesh', () => {
    expect(nodeTraceScope(unknown)).toBeUndefined();
    expect(nodeTraceScope(testNode('ext:x.example.com', { kind: 'external' }))).toBeUndefined();
  });
});
