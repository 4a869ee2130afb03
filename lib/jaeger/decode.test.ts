import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '@/lib/testing/fixtures';
import { passesAcross } from '@/lib/mesh/traces/passes-across';
import { decodeTraceV1, decodeTracesV3, otlpIdToHex } from './decode';
import { JaegerEnvelopeV1, JaegerTraceV1, JaegerTracesV1 } from './wire-v1';
import { JaegerResultV3, OtlpTracesDataV3 } from './wire-v3';

describe('decodeTraceV1', () => {
  const trace = decodeTraceV1(
    JaegerTraceV1.parse(readJsonFixture('jaeger/v1-ui-trace.ui_01.json')),
  );

  it('resolves processes, typed tags and logs', () => {
    expect(trace.traceId).toBe('0000000000000001');
    expect(trace.spans).toHaveLength(5);
    expect(trace.warnings).toEqual(['some trace warning']);
    const tagged = trace.spans.find((s) => s.operation === 'some-operation' && !s.parentId);
    expect(tagged).toMatchObject({
      service: 'service-x',
      process: { serviceName: 'service-x', tags: {} },
      error: true,
      kind: 'unspecified',
      tags: {
        'peer.service': 'service-y',
        'peer.ipv4': 23456,
        error: true,
        temperature: 72.5,
        // Past 2^53: kept as the exact digits.
        javascript_limit: '9223372036854775222',
        blob: 'AAAwOQ==',
      },
    });
    const withLogs = trace.spans.find((s) => s.operation === 'test-general-conversion');
    expect(withLogs?.logs).toEqual([
      { timestampUs: 1485467191639875, fields: { event: 'some-event' } },
      { timestampUs: 1485467191639875, fields: { x: 'y' } },
    ]);
  });

  it('takes the parent from a same-trace CHILD_OF reference, ignoring other traces', () => {
    const ref = trace.spans.find((s) => s.operation === 'reference-test');
    expect(ref).toMatchObject({ parentId: '0000000000000002', service: 'service-y' });
    expect(ref?.followsFrom).toBeUndefined();
    expect(ref?.warnings).toEqual(['some span warning']);
    expect(trace.spans.find((s) => s.operation === 'preserveParentID-test')?.parentId).toBe(
      '0000000000000004',
    );
  });

  it('marks a FOLLOWS_FROM-only parent', () => {
    const wire = JaegerTraceV1.parse({
      traceID: 'ab',
      spans: [
        {
          traceID: 'ab',
          spanID: '1',
          operationName: 'a',
          startTime: 1,
          duration: 5,
          processID: 'p',
        },
        {
          traceID: 'ab',
          spanID: '2',
          operationName: 'b',
          references: [{ refType: 'FOLLOWS_FROM', traceID: 'ab', spanID: '1' }],
          startTime: 9,
          duration: 5,
          processID: 'p',
        },
      ],
      processes: { p: { serviceName: 's' } },
    });
    expect(decodeTraceV1(wire).spans[1]).toMatchObject({ parentId: '1', followsFrom: true });
  });

  it('reads the /api/traces envelope, span.kind included', () => {
    const envelope = JaegerEnvelopeV1.parse(
      readJsonFixture('jaeger/v1-api-traces-envelope.otlp2jaeger-out.json'),
    );
    const traces = (JaegerTracesV1.parse(envelope.data) ?? []).map(decodeTraceV1);
    expect(traces).toHaveLength(1);
    expect(traces[0]?.spans[0]).toMatchObject({
      traceId: '83a9efd15c1c98a977e0711cc93ee28b',
      spanId: 'e127af99e3b3e074',
      parentId: '909541b92cf05311',
      service: 'telemetrygen',
      kind: 'server',
      durationUs: 123,
      error: false,
    });
  });
});

describe('decodeTracesV3', () => {
  it('reads the api_v3 GetTrace and FindTraces snapshots (hex ids, numeric kind, error status)', () => {
    for (const file of ['GetTrace.json', 'FindTraces.json']) {
      const result = JaegerResultV3.parse(readJsonFixture(`jaeger/api-v3/${file}`)).result;
      const [trace] = decodeTracesV3(result);
      expect(trace?.traceId).toBe('00000000000000000000000000000001');
      expect(trace?.spans).toEqual([
        expect.objectContaining({
          spanId: '0000000000000002',
          operation: 'foobar',
          kind: 'server',
          error: true,
          service: 'unknown',
          startUs: 0,
          durationUs: 0,
        }),
      ]);
      expect(trace?.spans[0]?.parentId).toBeUndefined();
    }
  });

  it('reads a real Istio trace from Tempo (base64 ids, nanosecond strings, kind names)', () => {
    const tempo = readJsonFixture('kiali/tempo-bookinfo-trace.otlp.json') as { batches: unknown };
    const traces = decodeTracesV3(OtlpTracesDataV3.parse({ resourceSpans: tempo.batches }));
    expect(traces).toHaveLength(1);
    const trace = traces[0]!;
    expect(trace.traceId).toBe(otlpIdToHex('O6VWCcPN5JZJzXfR+dzZNg=='));
    expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(trace.spans).toHaveLength(8);
    const gateway = trace.spans[0]!;
    expect(gateway).toMatchObject({
      spanId: otlpIdToHex('Sc130fnc2TY='),
      service: 'istio-ingressgateway.istio-system',
      kind: 'client',
      startUs: 1701779876570888,
      durationUs: 11932,
      tags: { 'istio.canonical_service': 'istio-ingressgateway', 'http.status_code': '200' },
      logs: [{ timestampUs: 1701779876582892, fields: { event: 'cr' } }],
    });
    expect(trace.spans.every((s) => s.traceId === trace.traceId)).toBe(true);
    const services = new Set(trace.spans.map((s) => s.service));
    expect(services).toEqual(
      new Set([
        'istio-ingressgateway.istio-system',
        'productpage.bookinfo',
        'details.bookinfo',
        'reviews.bookinfo',
        'ratings.bookinfo',
      ]),
    );
    // The real Envoy attributes make the hop visible: productpage's client span → reviews' server span.
    expect(passesAcross(trace, 'productpage.bookinfo', 'reviews.bookinfo')).toBe(true);
    expect(passesAcross(trace, 'reviews.bookinfo', 'ratings.bookinfo')).toBe(true);
    expect(passesAcross(trace, 'reviews.bookinfo', 'productpage.bookinfo')).toBe(false);
    expect(passesAcross(trace, 'details.bookinfo', 'ratings.bookinfo')).toBe(false);
  });

  it('converts ids: hex kept (lower case), base64 to hex', () => {
    expect(otlpIdToHex('00000000000000000000000000000001')).toBe(
      '00000000000000000000000000000001',
    );
    expect(otlpIdToHex('ABCDEF0123456789')).toBe('abcdef0123456789');
    expect(otlpIdToHex('AAAAAAAAAAE=')).toBe('0000000000000001');
  });

  it('decodes every attribute type and keeps large int64 digits', () => {
    const [trace] = decodeTracesV3(
      OtlpTracesDataV3.parse({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
            scopeSpans: [
              {
                scope: { name: 'envoy' },
                spans: [
                  {
                    traceId: '0102030405060708090a0b0c0d0e0f10',
                    spanId: '0102030405060708',
                    parentSpanId: '',
                    name: 'op',
                    kind: 'SPAN_KIND_PRODUCER',
                    startTimeUnixNano: '1000000000000001500',
                    endTimeUnixNano: '1000000000002001500',
                    status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                    attributes: [
                      { key: 'b', value: { boolValue: true } },
                      { key: 'i', value: { intValue: '42' } },
                      { key: 'big', value: { intValue: '9223372036854775807' } },
                      { key: 'd', value: { doubleValue: 1.5 } },
                      { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'x' }] } } },
                      {
                        key: 'kv',
                        value: { kvlistValue: { values: [{ key: 'k', value: { intValue: 1 } }] } },
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(trace?.spans[0]).toMatchObject({
      kind: 'producer',
      error: true,
      startUs: 1000000000000001,
      durationUs: 2000,
      tags: {
        b: true,
        i: 42,
        big: '9223372036854775807',
        d: 1.5,
        arr: '["x"]',
        kv: '{"k":1}',
        'otel.scope.name': 'envoy',
        'otel.status_description': 'boom',
      },
    });
    expect(trace?.spans[0]?.parentId).toBeUndefined();
  });
});
