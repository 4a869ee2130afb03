import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Stack } from '../scripts/stack/index';
import { billionLaughs, deepNesting } from '../lib/testing/yaml-bombs';
import { revision, send, storedVersion, appStackForFile, type Reply } from './write-client';

/**
 * Random and near-valid bodies on every write and validate endpoint: never a 5xx, and nothing stored
 * changes unless the answer is 2xx. Fixed seed and run counts keep it reproducible and short; on a
 * failure fast-check prints the seed, the path and the shrunk body.
 */
const SEED = 20261203;
const RUNS = 25;

const running = appStackForFile();
let stack: Stack;
let app: string;

beforeAll(() => {
  stack = running.stack();
  app = running.app();
});

interface Endpoint {
  readonly name: string;
  readonly method: 'PUT' | 'POST' | 'DELETE';
  readonly path: () => string;
}

const reviewsVersion = (): string =>
  storedVersion(stack, 'virtualservices', 'bookinfo', 'reviews') ?? '';

const ENDPOINTS: readonly Endpoint[] = [
  { name: 'slider', method: 'PUT', path: () => '/api/traffic/bookinfo/reviews' },
  { name: 'replace', method: 'PUT', path: () => '/api/istio/bookinfo/virtualservices/reviews' },
  { name: 'create', method: 'POST', path: () => '/api/istio/bookinfo' },
  { name: 'validate', method: 'POST', path: () => '/api/istio/validate' },
  {
    name: 'delete',
    method: 'DELETE',
    path: () => `/api/istio/bookinfo/virtualservices/reviews?resourceVersion=x${reviewsVersion()}`,
  },
];

const query = fc.constantFrom('', '?dryRun=true', '?dryRun=maybe', '?dryRun=false&x=%ff');

/** Sends one body and checks the two invariants; the reply is returned for the property's report. */
async function probe(endpoint: Endpoint, q: string, body: unknown): Promise<Reply> {
  const before = revision(stack);
  const url = endpoint.path();
  const reply = await send(
    app,
    endpoint.method,
    url + (url.includes('?') ? q.replace('?', '&') : q),
    body,
  );
  expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBeLessThan(500);
  if (reply.status < 200 || reply.status > 299) expect(revision(stack)).toBe(before);
  return reply;
}

const run = (property: fc.IAsyncProperty<[string, unknown]>, runs = RUNS): Promise<void> =>
  fc.assert(property, { seed: SEED, numRuns: runs, endOnFailure: true });

/** The stored VirtualService as an editor would send it. */
function reviewsManifest(): Record<string, unknown> {
  const vs = stack.kube.store.get('virtualservices', 'bookinfo', 'reviews') as unknown as {
    apiVersion: string;
    kind: string;
    spec: Record<string, unknown>;
  };
  return {
    apiVersion: vs.apiVersion,
    kind: vs.kind,
    metadata: { name: 'reviews', namespace: 'bookinfo' },
    spec: vs.spec,
  };
}

/** Mostly plausible weights, so that some bodies pass and reach the write; the rest are edge cases. */
const weightValue = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100 }), weight: 6 },
  fc.integer({ min: -10, max: -1 }),
  fc.constantFrom(0, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 1e300, Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.string({ maxLength: 5 }),
  fc.constant(null),
);

/** The stored resourceVersion most of the time, else garbage. */
const version = fc.oneof(
  { arbitrary: fc.constant('current'), weight: 3 },
  fc.string({ maxLength: 12 }),
);

/** A slider body built from the real subsets, with fields mutated or dropped. */
const nearSliderBody = fc
  .record(
    {
      route: fc.oneof(
        { arbitrary: fc.constant(0), weight: 4 },
        fc.constantFrom(1, -1, 1e9),
        fc.string({ maxLength: 3 }),
      ),
      weights: fc
        .tuple(
          fc.record({ v1: weightValue, v2: weightValue, v3: weightValue }),
          fc.dictionary(fc.string({ maxLength: 8 }), weightValue, { maxKeys: 2 }),
          fc.boolean(),
        )
        .map(([known, extra, withExtra]) => (withExtra ? { ...extra, ...known } : known)),
      resourceVersion: version,
    },
    { requiredKeys: ['weights'] },
  )
  .map((b) => () => ({
    ...b,
    ...(b.resourceVersion === 'current' && { resourceVersion: reviewsVersion() }),
  }));

/** Text mutations of the real object's YAML: weights, subsets, anchors and aliases, bombs, extra documents. */
const editedReviews = fc
  .record({
    weights: fc.array(weightValue, { maxLength: 4 }),
    subset: fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, fc.string({ maxLength: 10 })),
  })
  .map(({ weights, subset }) => (): string => {
    const m = reviewsManifest() as { spec: { http: { route: Record<string, unknown>[] }[] } };
    const http = m.spec.http.map((rule, i) =>
      i === 0
        ? {
            ...rule,
            route: rule.route.map((r, j) => ({
              ...r,
              ...(weights[j] !== undefined && { weight: weights[j] }),
              ...(j === 2 && subset && { destination: { host: 'reviews', subset } }),
            })),
          }
        : rule,
    );
    return stringify({ ...m, spec: { ...m.spec, http } });
  });

const yamlText = fc.oneof(
  { arbitrary: editedReviews, weight: 6 },
  fc.integer({ min: 1, max: 9 }).map((levels) => (): string => billionLaughs(levels)),
  fc.integer({ min: 10, max: 3000 }).map((depth) => (): string => deepNesting(depth)),
  fc.constantFrom(
    (): string =>
      `x: &h reviews\n${stringify(reviewsManifest()).replace(/host: reviews/g, 'host: *h')}`,
    (): string => `${stringify(reviewsManifest())}---\n${stringify(reviewsManifest())}`,
    (): string => `${stringify(reviewsManifest())}\nspec: *nowhere\n`,
    (): string => '---\n'.repeat(500),
    (): string => '<<: *a\n',
  ),
  fc.jsonValue().map((v) => (): string => stringify(v)),
  fc.string({ maxLength: 200 }).map((s) => (): string => s),
);

const nearYamlBody = fc
  .record({
    yaml: yamlText,
    resourceVersion: version,
    applyAnyway: fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, fc.string({ maxLength: 3 })),
    namespace: fc.oneof(fc.constant('bookinfo'), fc.string({ maxLength: 10 })),
    alongside: fc.array(yamlText, { maxLength: 2 }),
  })
  .map((b) => () => ({
    ...b,
    yaml: b.yaml(),
    alongside: b.alongside.map((t) => t()),
    resourceVersion: b.resourceVersion === 'current' ? reviewsVersion() : b.resourceVersion,
  }));

describe.each(ENDPOINTS)('$method $name under random input', (endpoint) => {
  it('answers any JSON value without a 5xx and writes nothing unless 2xx', async () => {
    await run(
      fc.asyncProperty(
        query,
        fc.jsonValue(),
        async (q, body) => void (await probe(endpoint, q, body)),
      ),
    );
  });

  it('answers bytes that are not JSON, or not UTF-8, the same way', async () => {
    await run(
      fc.asyncProperty(
        query,
        fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.constantFrom('{"weights":', '\uFFFF', '[]', 'null'),
        ),
        async (q, text) => void (await probe(endpoint, q, text)),
      ),
      10,
    );
  });

  it('answers near-valid bodies built from the real objects', async () => {
    const body = endpoint.name === 'slider' ? nearSliderBody : nearYamlBody;
    await run(
      fc.asyncProperty(query, body, async (q, build) => void (await probe(endpoint, q, build()))),
    );
  });
});
