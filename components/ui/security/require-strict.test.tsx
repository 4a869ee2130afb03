import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries, type SentRequest } from '@/components/testing/fake-api';
import { CHECKOUT, FAKE_SECURITY, SHOP } from '@/components/testing/fake-mtls';
import {
  FAKE_READ_ONLY_REASON,
  fakeSession,
  type FakeWrites,
} from '@/components/testing/fake-session';
import { RequireStrict } from './require-strict';
import type { StrictTarget } from './strict-target';

const OBJECT = '/api/istio/shop/peerauthentications/default';
const LIVE =
  'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: shop\nspec:\n  mtls:\n    mode: PERMISSIVE\n';
const STORED = LIVE.replace('PERMISSIVE', 'STRICT');

const NAMESPACE: StrictTarget = {
  namespace: 'shop',
  mode: SHOP.mode,
  source: SHOP.modeSource,
  readiness: SHOP.strictReadiness,
  window: '5m',
};

const WORKLOAD: StrictTarget = {
  namespace: 'shop',
  workload: 'checkout',
  selector: { app: 'checkout', version: 'v1' },
  mode: CHECKOUT.mode,
  source: CHECKOUT.modeSource,
  readiness: CHECKOUT.strictReadiness,
  window: '5m',
};

/** The shop namespace with its `default` PeerAuthentication at version 7; writes answer version 8. */
function cluster(writes: FakeWrites, conflict = false): SentRequest[] {
  return fakeApi((request) => {
    if (conflict && request.method === 'PUT' && request.url === OBJECT)
      return {
        status: 409,
        body: { title: 'Conflict', detail: 'the object has been modified' },
      };
    if (request.url === '/api/session') return { body: fakeSession(writes, ['shop']) };
    if (request.url.startsWith('/api/security')) return { body: FAKE_SECURITY };
    if (request.url === '/api/istio?namespaces=shop')
      return {
        body: [
          {
            kind: 'PeerAuthentication',
            namespace: 'shop',
            name: 'default',
            resourceVersion: '7',
            validations: [],
          },
        ],
      };
    if (request.method === 'GET' && request.url === OBJECT) {
      const allowed = writes === 'all';
      return {
        body: {
          kind: 'PeerAuthentication',
          namespace: 'shop',
          name: 'default',
          resourceVersion: '7',
          yaml: LIVE,
          object: {
            apiVersion: 'security.istio.io/v1',
            kind: 'PeerAuthentication',
            metadata: { name: 'default', namespace: 'shop' },
            spec: { mtls: { mode: 'PERMISSIVE' } },
          },
          validations: [],
          access: { update: allowed, delete: allowed },
        },
      };
    }
    const dryRun = request.url.endsWith('dryRun=true');
    const body = request.body as { yaml: string };
    return {
      body: {
        kind: 'PeerAuthentication',
        namespace: 'shop',
        name: request.method === 'POST' ? 'checkout' : 'default',
        resourceVersion: dryRun ? '7' : '8',
        yaml: request.method === 'POST' ? body.yaml : STORED,
        dryRun,
        validations: [],
      },
    };
  });
}

const writes = (sent: readonly SentRequest[]): string[] =>
  sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);

describe('RequireStrict', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('previews with a dry run, refuses while plaintext callers are not accepted, then applies', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    renderWithQueries(<RequireStrict target={NAMESPACE} />);
    await user.click(
      await screen.findByRole('button', { name: 'Require STRICT… for namespace shop' }),
    );

    const dialog = screen.getByRole('dialog', { name: 'Require STRICT for namespace shop' });
    expect(within(dialog).getByTestId('strict-plan').textContent).toContain(
      'Updates PeerAuthentication default in shop (version 7) to mode STRICT',
    );
    const diff = await within(dialog).findByTestId('yaml-diff');
    expect(diff.textContent).toContain('-    mode: PERMISSIVE');
    expect(diff.textContent).toContain('+    mode: STRICT');
    expect(writes(sent)).toEqual([`PUT ${OBJECT}?dryRun=true`]);
    expect(within(dialog).getByTestId('breaking-callers').textContent).toContain(
      'legacy-client (shop) → payments, 2.50 req/s',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Apply STRICT' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Not applied: a caller sends plaintext to namespace shop, and STRICT would refuse it. Tick the box under the list to accept that.',
    );
    expect(writes(sent)).toEqual([`PUT ${OBJECT}?dryRun=true`]);

    await user.click(
      within(dialog).getByRole('checkbox', { name: 'I accept that this caller breaks' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply STRICT' }));
    expect((await within(dialog).findByRole('status')).textContent).toBe(
      'Applied. PeerAuthentication default in shop is now at resourceVersion 8.',
    );
    expect(writes(sent)).toEqual([
      `PUT ${OBJECT}?dryRun=true`,
      `PUT ${OBJECT}?dryRun=true`,
      `PUT ${OBJECT}`,
    ]);
    expect(sent.find((r) => r.method === 'PUT' && r.url === OBJECT)?.body).toMatchObject({
      yaml: STORED,
      resourceVersion: '7',
    });
  });

  it('creates a workload policy selecting its pods, with no confirmation when nobody breaks', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    renderWithQueries(<RequireStrict target={WORKLOAD} />);
    await user.click(
      await screen.findByRole('button', { name: 'Require STRICT… for workload checkout in shop' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('strict-plan').textContent).toContain(
      'Creates PeerAuthentication checkout in shop with mode STRICT, for the pods of checkout (selector app=checkout, version=v1)',
    );
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    await within(dialog).findByTestId('yaml-diff');
    await user.click(within(dialog).getByRole('button', { name: 'Apply STRICT' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('resourceVersion 8');
    expect(writes(sent)).toEqual([
      'POST /api/istio/shop?dryRun=true',
      'POST /api/istio/shop?dryRun=true',
      'POST /api/istio/shop',
    ]);
    expect((sent.find((r) => r.url === '/api/istio/shop')?.body as { yaml: string }).yaml).toBe(
      'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: checkout\n      version: v1\n  mtls:\n    mode: STRICT\n',
    );
  });

  it('without traffic, asks to accept unseen callers before writing', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    const unknown = 'Prometheus is unreachable at http://127.0.0.1:9.';
    renderWithQueries(
      <RequireStrict
        target={{ ...WORKLOAD, readiness: { ready: false, plaintextCallers: [], unknown } }}
      />,
    );
    await user.click(
      await screen.findByRole('button', { name: 'Require STRICT… for workload checkout in shop' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(unknown)).toBeDefined();
    await within(dialog).findByTestId('yaml-diff');
    await user.click(within(dialog).getByRole('button', { name: 'Apply STRICT' }));
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'nobody can tell who sends plaintext',
    );
    expect(writes(sent)).toEqual(['POST /api/istio/shop?dryRun=true']);
    await user.click(
      within(dialog).getByRole('checkbox', {
        name: 'I accept that callers Meshlens could not see may break',
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply STRICT' }));
    expect((await within(dialog).findByRole('status')).textContent).toContain('resourceVersion 8');
  });

  it('says nothing was written when the policy changed meanwhile (409), and offers to reload it', async () => {
    const user = userEvent.setup();
    const sent = cluster('all', true);
    renderWithQueries(
      <RequireStrict target={{ ...NAMESPACE, readiness: CHECKOUT.strictReadiness }} />,
    );
    await user.click(await screen.findByRole('button', { name: /Require STRICT/ }));
    const dialog = screen.getByRole('dialog');
    await within(dialog).findByTestId('yaml-diff');
    await user.click(within(dialog).getByRole('button', { name: 'Apply STRICT' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain(
      'PeerAuthentication default changed meanwhile: nothing was written.',
    );
    expect(within(alert).getByRole('button', { name: 'Reload it' })).toBeTruthy();
    expect(within(dialog).queryByRole('status')).toBeNull();
    expect(writes(sent)).toEqual([
      `PUT ${OBJECT}?dryRun=true`,
      `PUT ${OBJECT}?dryRun=true`,
      `PUT ${OBJECT}`,
    ]);
  });

  it('Escape closes the dialog without writing and gives focus back to the button', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    renderWithQueries(<RequireStrict target={NAMESPACE} />);
    const open = await screen.findByRole('button', { name: /Require STRICT/ });
    await user.click(open);
    await screen.findByTestId('yaml-diff');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(open);
    expect(writes(sent)).toEqual([`PUT ${OBJECT}?dryRun=true`]);
  });

  it('offers nothing when RBAC forbids the update, and names the refused write', async () => {
    const sent = cluster('none');
    renderWithQueries(<RequireStrict target={NAMESPACE} />);
    expect((await screen.findByTestId('strict-denied')).textContent).toBe(
      'Require STRICT is not offered: Your Kubernetes permissions (signed in as alice) do not let you update PeerAuthentication default in shop.',
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(writes(sent)).toEqual([]);
  });

  it('offers nothing when Meshlens runs read-only', async () => {
    cluster('read-only');
    renderWithQueries(<RequireStrict target={WORKLOAD} />);
    expect((await screen.findByTestId('strict-denied')).textContent).toContain(
      FAKE_READ_ONLY_REASON,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers nothing for a scope that is already STRICT', async () => {
    const sent = cluster('all');
    renderWithQueries(<RequireStrict target={{ ...NAMESPACE, mode: 'STRICT' }} />);
    await vi.waitFor(() => expect(sent.some((r) => r.url === '/api/session')).toBe(true));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
