import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import { fakeSession, type FakeWrites } from '@/components/testing/fake-session';
import {
  testSecurity,
  testVerdict,
  testWorkloadSecurity,
} from '@/components/testing/fake-security';
import { AuthzStatus } from './authz-status';
import { EdgeAuthorization } from './edge-authz';
import { testGraph } from './graph-fixture';
import { SidePanel } from './side-panel';
import { WorkloadPolicies } from './workload-policies';

const DECIDED = { namespace: 'shop', name: 'payments-allow', action: 'ALLOW' };

describe('EdgeAuthorization', () => {
  afterEach(cleanup);

  it('explains a denied edge, links the deciding policy and calls its 403s an inference', () => {
    render(
      <EdgeAuthorization
        verdicts={[
          testVerdict('cart', 'payments', {
            verdict: 'deny',
            decidedBy: DECIDED,
            forbiddenRps: 1.5,
            forbiddenBy: 'policy',
            explanation: 'No rule of ALLOW policy shop/payments-allow matches cart.',
          }),
        ]}
      />,
    );
    const section = screen.getByRole('region', { name: 'Authorization' });
    expect(within(section).getByText('Denied')).toBeTruthy();
    expect(section.textContent).toContain(
      'No rule of ALLOW policy shop/payments-allow matches cart.',
    );
    expect(
      within(section).getByRole('link', { name: 'shop/payments-allow' }).getAttribute('href'),
    ).toBe('/istio/shop/authorizationpolicies/payments-allow');
    expect(section.textContent).toContain(
      "1.50 req/s answered 403: denials by shop/payments-allow. Inferred: Istio's metrics do not tell a policy's 403 from the application's.",
    );
  });

  it("says 403s on an allowed edge are the application's, and names what a verdict depends on", () => {
    render(
      <EdgeAuthorization
        verdicts={[
          testVerdict('checkout', 'payments', { forbiddenRps: 0.25, forbiddenBy: 'application' }),
          testVerdict('checkout', 'payments', {
            principal: 'spiffe://cluster.local/ns/shop/sa/other',
            verdict: 'depends',
            dependsOn: ['paths', 'methods'],
          }),
        ]}
      />,
    );
    const [allowed, depends] = screen.getAllByTestId('edge-verdict');
    expect(allowed?.textContent).toContain(
      '0.25 req/s answered 403, though the policies allow this edge: those 403s come from the application',
    );
    expect(depends?.textContent).toContain('Depends on paths, methods: request attributes');
    expect(depends?.textContent).not.toContain('403');
  });

  it('says when no verdict reaches the edge', () => {
    render(<EdgeAuthorization verdicts={[]} />);
    expect(screen.getByRole('region', { name: 'Authorization' }).textContent).toContain(
      'No verdict for this edge',
    );
  });
});

describe('WorkloadPolicies', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  const session = (writes: FakeWrites): void => {
    fakeApi(() => ({ body: fakeSession(writes, ['shop']) }));
  };

  it('lists the policies in evaluation order with scope and rules, linking each to its YAML', async () => {
    session('all');
    renderWithQueries(
      <WorkloadPolicies
        workload={testWorkloadSecurity('payments', {
          policies: [
            {
              namespace: 'shop',
              name: 'payments-allow',
              action: 'ALLOW',
              scope: 'selector',
              rules: 1,
            },
            { namespace: 'istio-system', name: 'audit', action: 'AUDIT', scope: 'mesh', rules: 1 },
            { namespace: 'shop', name: 'no-legacy', action: 'DENY', scope: 'namespace', rules: 2 },
            { namespace: 'shop', name: 'ext', action: 'CUSTOM', scope: 'selector', rules: 1 },
            { namespace: 'shop', name: 'nothing', action: 'ALLOW', scope: 'namespace', rules: 0 },
          ],
        })}
        inbound={[
          testVerdict('checkout', 'payments'),
          testVerdict('cart', 'payments', { verdict: 'deny' }),
        ]}
      />,
    );
    const section = screen.getByRole('region', {
      name: 'Authorization policies, in evaluation order',
    });
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'CUSTOMshop/extselects this workload, 1 rule',
      'DENYshop/no-legacynamespace-wide, 2 rules',
      'ALLOWshop/nothingnamespace-wide, no rules: denies every request',
      'ALLOWshop/payments-allowselects this workload, 1 rule',
      'AUDITistio-system/auditmesh-wide (root namespace), 1 rule; logs only',
    ]);
    expect(
      within(items[1] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('/istio/shop/authorizationpolicies/no-legacy');
    expect(section.textContent).toContain('a request no ALLOW rule matches is denied');
    expect(section.textContent).toContain('Observed callers: 1 allowed, 1 denied, 0 depending');
    expect(
      (
        await within(section).findByRole('link', { name: /Build a least-privilege ALLOW policy/ })
      ).getAttribute('href'),
    ).toBe('/istio/authorization/shop/payments');
  });

  it('says every request is allowed when no policy applies, and why nothing can be built', async () => {
    session('none');
    renderWithQueries(<WorkloadPolicies workload={testWorkloadSecurity('cart')} inbound={[]} />);
    expect(
      screen.getByText('No AuthorizationPolicy applies: every request is allowed.'),
    ).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect((await screen.findByTestId('least-privilege-denied')).textContent).toContain(
      'do not let you create AuthorizationPolicy in shop',
    );
    expect(screen.queryByRole('link', { name: /Build/ })).toBeNull();
  });
});

describe('AuthzStatus', () => {
  afterEach(cleanup);
  const marks = new Map([
    ['a', 'deny'],
    ['b', 'depends'],
    ['c', 'allow'],
  ] as const);

  it('counts what the overlay marks', () => {
    render(
      <AuthzStatus
        type="workload"
        marks={marks}
        isPending={false}
        error={null}
        onUseWorkloadGraph={() => {}}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Authorization: 1 edge denied, 1 edge depends on request attributes the metrics do not carry, of 3 evaluated edges.',
    );
  });

  it('offers the workload graph on another graph type', async () => {
    const onUse = vi.fn();
    render(
      <AuthzStatus
        type="app"
        marks={new Map()}
        isPending={false}
        error={null}
        onUseWorkloadGraph={onUse}
      />,
    );
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Switch to the workload graph' }));
    expect(onUse).toHaveBeenCalledOnce();
  });
});

describe('SidePanel authorization sections', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the verdict of the selected workload-graph edge', () => {
    // jsdom lays nothing out, so it has no scrolling either.
    Element.prototype.scrollIntoView = () => {};
    fakeApi(() => ({ status: 404, body: { title: 'Not found', detail: 'not in this test' } }));
    const graph = testGraph();
    const edge = graph.edges[1];
    if (!edge) throw new Error('fixture has no edge');
    renderWithQueries(
      <SidePanel
        graph={graph}
        type="workload"
        selected={edge.id}
        window="5m"
        refetchInterval={false}
        onClose={() => {}}
        security={testSecurity([
          {
            ...testVerdict('productpage-v1', 'reviews-v1', { verdict: 'deny', decidedBy: DECIDED }),
            sourceId: edge.source,
            targetId: edge.target,
          },
        ])}
      />,
    );
    expect(
      within(screen.getByRole('region', { name: 'Authorization' })).getByText('Denied'),
    ).toBeTruthy();
  });
});
