import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRACES_VIEW,
  describeScope,
  parseTracesViewState,
  serializeTracesViewState,
  tracesQueryOf,
} from './url-state';

const parse = (q: string): ReturnType<typeof parseTracesViewState> =>
  parseTracesViewState(new URLSearchParams(q));

describe('traces url state', () => {
  it("reads the graph's link and round-trips every field", () => {
    const view = parse('namespace=bookinfo&source=productpage&target=reviews&window=5m');
    expect(view).toEqual({
      ...DEFAULT_TRACES_VIEW,
      namespace: 'bookinfo',
      source: 'productpage',
      target: 'reviews',
      window: '5m',
    });
    const full = {
      ...view,
      limit: 50,
      minDurationMs: 12.5,
      errorsOnly: true,
      operation: 'GET /',
      sort: 'slowest' as const,
      trace: 'abc123',
      window: '2h' as const,
      end: Date.parse('2026-12-05T10:00:00Z'),
    };
    expect(parse(serializeTracesViewState(full))).toEqual(full);
    expect(tracesQueryOf(full)).toMatchObject({ window: '2h', end: full.end });
  });

  it('falls back to defaults on malformed values', () => {
    expect(parse('namespace=Bad!&window=31d&limit=999&minDurationMs=-3&sort=x&trace=zz')).toEqual(
      DEFAULT_TRACES_VIEW,
    );
  });

  it('asks the API only once an edge or node is named', () => {
    expect(tracesQueryOf(parse('namespace=bookinfo'))).toBeUndefined();
    expect(tracesQueryOf(parse('namespace=bookinfo&target=reviews'))).toEqual({
      namespace: 'bookinfo',
      target: 'reviews',
      window: '15m',
      limit: 20,
      errorsOnly: false,
      sort: 'newest',
    });
  });

  it('says which edge or node', () => {
    expect(describeScope(parse('namespace=bookinfo&source=productpage&target=reviews'))).toBe(
      'Traces from productpage to reviews in bookinfo',
    );
    expect(describeScope(parse('namespace=bookinfo&target=reviews'))).toBe(
      'Traces through reviews in bookinfo',
    );
  });
});
