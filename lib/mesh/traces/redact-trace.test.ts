import { describe, expect, it } from 'vitest';
import { redactTrace, RESTRICTED_SERVICE } from './redact-trace';
import type { Span, Trace } from './types';

function span(spanId: string, service: string, tags: Span['tags'] = {}): Span {
  return {
    traceId: 't1',
    spanId,
    service,
    operation: `${service} op`,
    startUs: 1,
    durationUs: 10,
    tags,
    logs: [{ timestampUs: 2, fields: { event: 'x' } }],
    error: false,
    process: { serviceName: service, tags: { ip: '10.0.0.1' } },
    kind: 'server',
  };
}

describe('redactTrace', () => {
  const trace: Trace = {
    traceId: 't1',
    spans: [
      span('a', 'productpage.bookinfo'),
      span('b', 'cart.shop', { 'http.url': 'http://cart.shop/secret' }),
      span('c', 'bare-name'),
    ],
  };

  it('redacts spans of invisible or unknown namespaces and keeps visible ones', () => {
    const out = redactTrace(trace, new Set(['bookinfo']));
    expect(out.spans[0]).toBe(trace.spans[0]);
    for (const s of out.spans.slice(1)) {
      expect(s).toMatchObject({ service: RESTRICTED_SERVICE, operation: '', tags: {}, logs: [] });
      expect(s.process).toEqual({ serviceName: RESTRICTED_SERVICE, tags: {} });
    }
    expect(JSON.stringify(out)).not.toMatch(/shop|secret|bare-name/);
  });

  it('returns the trace unchanged when every span is visible', () => {
    const visibleOnly: Trace = { traceId: 't1', spans: [trace.spans[0]!] };
    expect(redactTrace(visibleOnly, new Set(['bookinfo']))).toBe(visibleOnly);
  });
});
