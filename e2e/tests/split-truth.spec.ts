import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures';
import { ServicePage } from '../pages/service-page';

const OBJECT = '/api/istio/bookinfo/virtualservices/ratings';
const WRITE_HEADERS = { 'x-meshlens-csrf': '1', 'content-type': 'application/json' };

interface Stored {
  readonly yaml: string;
  readonly resourceVersion: string;
}

/** The stored object; the first reads may find the informer caches still filling (503). */
async function read(request: APIRequestContext): Promise<Stored> {
  let stored: Stored | undefined;
  await expect
    .poll(
      async () => {
        const res = await request.get(OBJECT);
        if (res.ok()) stored = (await res.json()) as Stored;
        return res.status();
      },
      { timeout: 30_000 },
    )
    .toBe(200);
  if (stored === undefined) throw new Error(`GET ${OBJECT} answered without a body`);
  return stored;
}

async function replace(request: APIRequestContext, yaml: string, resourceVersion: string) {
  const res = await request.put(OBJECT, {
    headers: WRITE_HEADERS,
    data: { yaml, resourceVersion, applyAnyway: true },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/**
 * ratings with jason's requests all aborted, then the catch-all, then a rule after the catch-all
 * that no request can reach.
 */
const withFaultAndDeadRule = (apiVersion: string): string => `apiVersion: ${apiVersion}
kind: VirtualService
metadata:
  name: ratings
  namespace: bookinfo
spec:
  hosts:
  - ratings
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    fault:
      abort:
        percentage:
          value: 100
        httpStatus: 503
    route:
    - destination:
        host: ratings
        subset: v1
  - route:
    - destination:
        host: ratings
        subset: v1
  - match:
    - uri:
        prefix: /ratings/0
    route:
    - destination:
        host: ratings
        subset: v1
`;

test('the split says a rule aborts every matching request and marks a rule after the catch-all unreachable', async ({
  page,
}) => {
  const original = await read(page.request);
  const apiVersion = /^apiVersion: (.+)$/m.exec(original.yaml)?.[1] ?? 'networking.istio.io/v1';
  await replace(page.request, withFaultAndDeadRule(apiVersion), original.resourceVersion);
  try {
    const ratings = new ServicePage(page);
    await ratings.open('bookinfo', 'ratings');
    await expect(page.getByTestId('traffic-split')).toBeVisible();

    const abort = ratings.routeFact(0, 'abort');
    await expect(abort).toContainText('Aborts 100% of matching requests with HTTP 503');
    await expect(abort).toContainText('none of them reaches v1');

    const dead = ratings.routeFact(2, 'unreachable');
    await expect(dead).toContainText('Never matches: route #1 matches every request');
    await expect(dead).toHaveAttribute('data-shadowed-by', '1');
    await expect(ratings.routeFact(1, 'unreachable')).toHaveCount(0);

    const split = page.getByRole('region', { name: 'Traffic split', exact: true });
    await ratings.setTheme('light');
    await split.screenshot({ path: 'docs/split-truth-light.png' });
    await ratings.setTheme('dark');
    await split.screenshot({ path: 'docs/split-truth-dark.png' });
    await ratings.setTheme('light');
  } finally {
    const now = await read(page.request);
    await replace(page.request, original.yaml, now.resourceVersion);
  }
  // The demo's own ratings rules are back: jason's requests abort with 500, nothing after the catch-all.
  const restored = (await read(page.request)).yaml;
  expect(restored).toContain('httpStatus: 500');
  expect(restored).not.toContain('/ratings/0');
});
