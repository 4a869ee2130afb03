import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { z } from 'zod';
import { readFixture, readJsonFixture } from '@/lib/testing/fixtures';
import { parseSampleValue, toSamples, toSeries } from './decode';
import { PromQueryResponse } from './wire';

function success(raw: unknown): z.infer<typeof PromQueryResponse> & { status: 'success' } {
  const parsed = PromQueryResponse.parse(raw);
  if (parsed.status !== 'success') throw new Error('expected success');
  return parsed;
}

/** The examples Prometheus' own OpenAPI golden file gives for GET /api/v1/query. */
function queryExamples(): Record<string, unknown> {
  const doc = YAML.parse(readFixture('prometheus/openapi_3.1_golden.v3.14.0.yaml'));
  const QueryPath = z.object({
    get: z.object({
      responses: z.record(
        z.string(),
        z.object({
          content: z.object({
            'application/json': z.object({
              examples: z.record(z.string(), z.object({ value: z.unknown() })),
            }),
          }),
        }),
      ),
    }),
  });
  const get = QueryPath.parse(
    z.object({ paths: z.record(z.string(), z.unknown()) }).parse(doc).paths['/query'],
  ).get;
  const examples: Record<string, unknown> = {};
  for (const response of Object.values(get.responses)) {
    for (const [name, ex] of Object.entries(response.content['application/json'].examples))
      examples[name] = ex.value;
  }
  return examples;
}

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['0.25', 0.25],
    ['1e-3', 0.001],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['9223372036854', 9223372036854],
  ])('%s → %d', (raw, n) => expect(parseSampleValue(raw)).toBe(n));

  it.each(['NaN', '', 'garbage'])('%j → NaN, never 0', (raw) =>
    expect(parseSampleValue(raw)).toBeNaN(),
  );
});

describe('toSeries on fixtures/prometheus/query-range', () => {
  it('decodes a one-series matrix with seconds → ms', () => {
    const r = success(readJsonFixture('prometheus/query-range/service_datapoint_response.json'));
    expect(toSeries(r.data)).toEqual([
      {
        labels: { service_name: 'emailservice' },
        points: [{ t: 1620351786000, v: 9223372036854 }],
      },
    ]);
  });

  it('keeps every label', () => {
    const r = success(
      readJsonFixture('prometheus/query-range/service_span_name_datapoint_response.json'),
    );
    expect(toSeries(r.data)[0]?.labels).toEqual({
      span_name: '/OrderResult',
      service_name: 'emailservice',
    });
  });

  it('decodes an empty matrix', () => {
    expect(
      toSeries(success(readJsonFixture('prometheus/query-range/empty_response.json')).data),
    ).toEqual([]);
  });

  it('keeps NaN points and float timestamps', () => {
    const series = toSeries({
      resultType: 'matrix',
      result: [
        {
          metric: {},
          values: [
            [1767436320.5, 'NaN'],
            [1767436335.123, '+Inf'],
          ],
        },
      ],
    });
    expect(series[0]?.points[0]?.t).toBe(1767436320500);
    expect(series[0]?.points[0]?.v).toBeNaN();
    expect(series[0]?.points[1]).toEqual({ t: 1767436335123, v: Infinity });
  });

  it('refuses a vector', () => {
    expect(() => toSeries({ resultType: 'vector', result: [] })).toThrow('Expected a matrix');
  });
});

describe('toSamples on the OpenAPI golden examples', () => {
  const examples = queryExamples();

  it('decodes the vector example', () => {
    expect(toSamples(success(examples.vectorResult).data)).toEqual([
      {
        labels: { __name__: 'up', instance: 'demo.prometheus.io:9090', job: 'prometheus' },
        value: 1,
      },
      {
        labels: {
          __name__: 'up',
          env: 'demo',
          instance: 'demo.prometheus.io:9093',
          job: 'alertmanager',
        },
        value: 1,
      },
    ]);
  });

  it('decodes the scalar example as one unlabeled sample', () => {
    expect(toSamples(success(examples.scalarResult).data)).toEqual([{ labels: {}, value: 42 }]);
  });

  it('refuses the matrix example for an instant decode', () => {
    expect(() => toSamples(success(examples.matrixResult).data)).toThrow(
      'Expected an instant vector',
    );
  });

  it('parses the error envelope example', () => {
    expect(PromQueryResponse.parse(examples.tsdbNotReady)).toEqual({
      status: 'error',
      errorType: 'internal',
      error: 'TSDB not ready',
    });
  });
});

describe('PromQueryResponse', () => {
  it('rejects the api-v1 fixtures that are not query results', () => {
    expect(
      PromQueryResponse.safeParse(readJsonFixture('prometheus/api-v1/labels.json')).success,
    ).toBe(false);
    expect(
      PromQueryResponse.safeParse(
        readJsonFixture('prometheus/api-v1/alertmanager_alerts_series.json'),
      ).success,
    ).toBe(false);
  });

  it('keeps warnings', () => {
    const r = success({
      status: 'success',
      data: { resultType: 'vector', result: [] },
      warnings: ['partial'],
    });
    expect(r.warnings).toEqual(['partial']);
  });
});
