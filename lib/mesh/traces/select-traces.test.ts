import { describe, expect, it } from 'vitest';
import { endpointFromName } from './passes-across';
import { selectTraces, type TraceSelection } from './select-traces';
import { envoySpan } from './testing';
import type { Trace } from './types';

const pp = {
  canonical: 'productpage',
  namespace: 'bookinfo',
  pod: 'productpage-v1-6b746f74dc-9stvs',
};
const rv = { canonical: 'reviews', namespace: 'bookinfo', pod: 'reviews-v1-5b667bcbf8-x9k2p' };
const dt = { canonical: 'details', namespace: 'bookinfo', pod: 'details-v1-5b667bcbf8-x9k2p' };

function hop(traceId: string, startMs: number, durMs: number, to: typeof rv, error = false): Trace {
  const start = startMs * 1000;
  const client = envoySpan('c', 'client', pp, {
    traceId,
    startUs: start,
    durationUs: durMs * 1000,
    operation: 'op-a',
  });
  const server = envoySpan('s', 'server', to, {
    traceId,
    parentId: 'c',
    startUs: start + 1,
    durationUs: durMs * 1000 - 2,
    error,
    operation: 'op-b',
  });
  return { traceId, spans: [client, server] };
}

const base: TraceSelection = {
  source: endpointFromName('productpage.bookinfo'),
  target: endpointFromName('reviews.bookinfo'),
  errorsOnly: false,
  sort: 'newest',
  limit: 10,
};

const candidates = [
  hop('t1', 1000, 50, rv),
  hop('t2', 3000, 10, rv, true),
  hop('t3', 2000, 90, rv),
  hop('t4', 4000, 500, dt),
  hop('t1', 1000, 50, rv),
];

describe('selectTraces', () => {
  it('keeps the traces across the edge once each, newest first', () => {
    const { traces, operations } = selectTraces(candidates, base);
    expect(traces.map((t) => t.traceId)).toEqual(['t2', 't3', 't1']);
    expect(traces[0]).toMatchObject({ startTime: 3000, durationMs: 10, spanCount: 2, error: true });
    expect(operations).toEqual(['op-a', 'op-b']);
  });

  it('sorts slowest first and cuts at the limit', () => {
    const { traces } = selectTraces(candidates, { ...base, sort: 'slowest', limit: 2 });
    expect(traces.map((t) => t.traceId)).toEqual(['t3', 't1']);
  });

  it('filters errors, minimum duration and operation', () => {
    expect(
      selectTraces(candidates, { ...base, errorsOnly: true }).traces.map((t) => t.traceId),
    ).toEqual(['t2']);
    expect(
      selectTraces(candidates, { ...base, minDurationMs: 40 }).traces.map((t) => t.traceId),
    ).toEqual(['t3', 't1']);
    expect(selectTraces(candidates, { ...base, operation: 'nope' }).traces).toEqual([]);
  });

  it('takes every trace touching a node when only one side is given', () => {
    const { traces } = selectTraces(candidates, {
      ...base,
      source: undefined,
      target: endpointFromName('details.bookinfo'),
    });
    expect(traces.map((t) => t.traceId)).toEqual(['t4']);
  });
});
