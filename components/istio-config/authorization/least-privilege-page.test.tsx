import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fakeApi,
  renderWithQueries,
  type FakeAnswer,
  type SentRequest,
} from '@/components/testing/fake-api';
import { fakeSession, type FakeWrites } from '@/components/testing/fake-session';
import {
  testSecurity,
  testVerdict,
  testWorkloadSecurity,
} from '@/components/testing/fake-security';
import { LeastPrivilegePage } from './least-privilege-page';

const PREVIEW = '/api/security/authorization/preview';

const security = testSecurity([
  testVerdict('checkout', 'payments', {
    principal: 'spiffe://cluster.local/ns/shop/sa/checkout',
    rps: 4,
  }),
  testVerdict('cart', 'payments', { principal: 'spiffe://cluster.local/ns/shop/sa/cart', rps: 1 }),
  testVerdict('legacy-batch', 'payments', { principal: 'unknown', rps: 0.5 }),
]);

const workloads = {
  workloads: [{ namespace: 'shop', name: 'payments', app: 'payments', version: 'v1' }],
};

function cluster(
  writes: FakeWrites,
  write: (r: SentRequest) => FakeAnswer = () => ({
    body: {
      kind: 'AuthorizationPolicy',
      namespace: 'shop',
      name: 'payments-allow-observed',
      resourceVersion: '1',
    },
  }),
): SentRequest[] {
  return fakeApi((request) => {
    if (request.url === '/api/session') return { body: fakeSession(writes, ['shop']) };
    if (request.url.startsWith('/api/security?')) return { body: security };
    if (request.url.startsWith('/api/workloads')) return { body: workloads };
    if (request.url === '/api/istio/validate') return { body: { validations: [] } };
    if (request.url === PREVIEW)
      return {
        body: {
          changes: [
            {
              source: 'legacy-batch',
              sourceNamespace: 'shop',
              target: 'payments',
              targetNamespace: 'shop',
              rps: 0.5,
              before: 'allow',
              after: 'deny',
            },
          ],
          unchanged: 2,
        },
      };
    return write(request);
  });
}

const principalsOf = (yaml: unknown): unknown =>
  (
    parseDocument(String(yaml)).toJS() as {
      spec: { rules?: { from: { source: { principals: string[] } }[] }[] };
    }
  ).spec.rules?.[0]?.from[0]?.source.principals;

describe('LeastPrivilegePage', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('builds the policy from the observed principals, previews it and creates it after a dry run', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    renderWithQueries(<LeastPrivilegePage namespace="shop" workload="payments" />);
    const callers = await screen.findByRole('group', { name: 'Allow these callers' });
    const boxes = within(callers).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.querySelector('.font-mono')?.textContent)).toEqual([
      'cluster.local/ns/shop/sa/checkout',
      'cluster.local/ns/shop/sa/cart',
    ]);
    expect(callers.textContent).toContain(
      'No principal rule can name them: this policy denies them',
    );
    expect(screen.getByRole('textbox', { name: 'Workload selector (matchLabels)' })).toHaveProperty(
      'value',
      'app=payments, version=v1',
    );

    await user.click(boxes[1] as HTMLElement);
    // The text on screen is previewed once typing (here: ticking) pauses.
    await waitFor(() =>
      expect(
        sent
          .filter((r) => r.url === PREVIEW)
          .map((r) => principalsOf((r.body as { yaml: string }).yaml)),
      ).toContainEqual(['cluster.local/ns/shop/sa/checkout']),
    );
    const denying = await screen.findByRole('region', { name: 'Would start denying' });
    expect(denying.textContent).toContain('legacy-batch.shop → payments.shop');

    await user.click(screen.getByRole('button', { name: 'Dry run, then create' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Created AuthorizationPolicy payments-allow-observed in shop.',
    );
    const creates = sent.filter((r) => r.method === 'POST' && r.url.startsWith('/api/istio/shop'));
    expect(creates.map((r) => r.url)).toEqual(['/api/istio/shop?dryRun=true', '/api/istio/shop']);
    const body = creates[1]?.body as { yaml: string };
    expect(principalsOf(body.yaml)).toEqual(['cluster.local/ns/shop/sa/checkout']);
    const previewed = sent.filter((r) => r.url === PREVIEW).at(-1)?.body as { yaml: string };
    expect(previewed.yaml).toBe(body.yaml);
  });

  it("selects by the workload's pod labels when the server sends them", async () => {
    fakeApi((request) => {
      if (request.url === '/api/session') return { body: fakeSession('all', ['shop']) };
      if (request.url.startsWith('/api/security?'))
        return {
          body: {
            ...security,
            workloads: [
              testWorkloadSecurity('payments', { podLabels: { app: 'payments', tier: 'pci' } }),
            ],
          },
        };
      if (request.url.startsWith('/api/workloads')) return { body: workloads };
      return { body: { validations: [], changes: [], unchanged: 0 } };
    });
    renderWithQueries(<LeastPrivilegePage namespace="shop" workload="payments" />);
    expect(
      await screen.findByRole('textbox', { name: 'Workload selector (matchLabels)' }),
    ).toHaveProperty('value', 'app=payments, tier=pci');
  });

  it('refuses a selector that would cover the namespace and a policy with no caller', async () => {
    const user = userEvent.setup();
    cluster('all');
    renderWithQueries(<LeastPrivilegePage namespace="shop" workload="payments" />);
    const selector = await screen.findByRole('textbox', {
      name: 'Workload selector (matchLabels)',
    });
    await user.clear(selector);
    expect(screen.getByRole('button', { name: 'Dry run, then create' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getAllByText(/applies to the whole namespace/).length).toBeGreaterThan(0);
    await user.type(selector, 'app=payments');
    for (const box of screen.getAllByRole('checkbox')) await user.click(box);
    expect(
      screen.getByText(
        'Choose at least one caller: an ALLOW policy with no rules denies every request.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dry run, then create' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('offers no create when RBAC refuses it, and names why', async () => {
    const sent = cluster('none');
    renderWithQueries(<LeastPrivilegePage namespace="shop" workload="payments" />);
    expect((await screen.findByTestId('write-denied')).textContent).toContain(
      'do not let you create AuthorizationPolicy in shop',
    );
    expect(screen.queryByRole('button', { name: 'Dry run, then create' })).toBeNull();
    expect(sent.filter((r) => r.url.startsWith('/api/istio/shop'))).toEqual([]);
  });

  it('shows the refusal of the dry run and creates nothing', async () => {
    const user = userEvent.setup();
    const sent = cluster('all', () => ({
      status: 409,
      body: {
        title: 'Conflict',
        detail: 'authorizationpolicies "payments-allow-observed" already exists',
      },
    }));
    renderWithQueries(<LeastPrivilegePage namespace="shop" workload="payments" />);
    await user.click(await screen.findByRole('button', { name: 'Dry run, then create' }));
    expect((await screen.findByText(/^Not applied/)).textContent).toBe(
      'Not applied: authorizationpolicies "payments-allow-observed" already exists',
    );
    expect(sent.filter((r) => r.url.startsWith('/api/istio/shop')).map((r) => r.url)).toEqual([
      '/api/istio/shop?dryRun=true',
    ]);
  });
});
