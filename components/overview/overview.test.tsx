import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import { FAKE_SECURITY } from '@/components/testing/fake-mtls';
import { fakeSession, type FakeWrites } from '@/components/testing/fake-session';
import type { NamespaceSummary } from '@/lib/api/namespaces';
import { Overview } from './overview';

// The overview's window and end live in the URL; the tests open it with neither (the last hour).
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams() }));

const summary = (name: string): NamespaceSummary => ({
  name,
  services: 3,
  workloads: 4,
  rps: 12,
  errorRate: 0,
  health: 'healthy',
  unhealthy: [],
  problems: [],
  dataPlane: { mode: 'sidecar', workloads: { sidecar: 4, ambient: 0, none: 0 } },
  captureWarnings: [],
});

function mesh(writes: FakeWrites, security: unknown = FAKE_SECURITY): void {
  fakeApi((request) => {
    if (request.url === '/api/session') return { body: fakeSession(writes, ['bookinfo', 'shop']) };
    if (request.url === '/api/namespaces?window=1h')
      return { body: [summary('bookinfo'), summary('shop')] };
    if (request.url === '/api/security?window=1h') return { body: security };
    return { status: 404, body: { title: 'Not found', detail: request.url } };
  });
}

async function card(name: string): Promise<HTMLElement> {
  return within(await screen.findByRole('article', { name })).findByRole('region', {
    name: `mTLS in ${name}`,
  });
}

describe('Overview mTLS', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each namespace mode with its source, who breaks under STRICT, and the action', async () => {
    mesh('all');
    renderWithQueries(<Overview />);
    const shop = await card('shop');
    expect(within(shop).getByTestId('mtls-badge').textContent).toBe('PERMISSIVE');
    expect(shop.textContent).toContain(
      'PeerAuthentication shop/default: PERMISSIVE, namespace-wide in shop',
    );
    expect(within(shop).getByTestId('strict-readiness').textContent).toBe(
      'Not ready for STRICT: 1 plaintext caller breaks (last 1h)legacy-client (shop) → payments, 2.50 req/s',
    );
    expect(
      await within(shop).findByRole('button', { name: 'Require STRICT… for namespace shop' }),
    ).toBeTruthy();

    const bookinfo = await card('bookinfo');
    expect(within(bookinfo).getByTestId('mtls-badge').textContent).toBe('STRICT');
    expect(bookinfo.textContent).toContain(
      'PeerAuthentication istio-system/default: STRICT, mesh-wide',
    );
    expect(within(bookinfo).queryByTestId('strict-readiness')).toBeNull();
    expect(within(bookinfo).queryByRole('button')).toBeNull();
  });

  it('says "ready for STRICT" when no plaintext caller was seen', async () => {
    mesh('all', {
      ...FAKE_SECURITY,
      namespaces: FAKE_SECURITY.namespaces.map((ns) => ({
        ...ns,
        strictReadiness: { ready: true, plaintextCallers: [] },
      })),
    });
    renderWithQueries(<Overview />);
    expect(within(await card('shop')).getByTestId('strict-readiness').textContent).toBe(
      'Ready for STRICT: no plaintext caller in the last 1h.',
    );
  });

  it('names the refused write instead of the action for a person who may not write', async () => {
    mesh('none');
    renderWithQueries(<Overview />);
    const shop = await card('shop');
    expect((await within(shop).findByTestId('strict-denied')).textContent).toContain(
      'do not let you update PeerAuthentication default in shop',
    );
    expect(within(shop).queryByRole('button')).toBeNull();
  });
});

describe('Overview data plane', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows each namespace's mode, its waypoint and what escapes capture", async () => {
    const travel: NamespaceSummary = {
      ...summary('travel'),
      dataPlane: {
        mode: 'mixed',
        waypoint: { namespace: 'travel', name: 'waypoint' },
        workloads: { sidecar: 0, ambient: 4, none: 1 },
      },
      captureWarnings: [
        {
          code: 'not-captured',
          namespace: 'travel',
          workload: 'legacy',
          message: 'legacy is not captured although namespace travel is ambient.',
        },
      ],
    };
    fakeApi((request) => {
      if (request.url === '/api/session') return { body: fakeSession('all', ['shop', 'travel']) };
      if (request.url === '/api/namespaces?window=1h') return { body: [summary('shop'), travel] };
      if (request.url === '/api/security?window=1h') return { body: FAKE_SECURITY };
      return { status: 404, body: { title: 'Not found', detail: request.url } };
    });
    renderWithQueries(<Overview />);
    const section = await within(await screen.findByRole('article', { name: 'travel' })).findByRole(
      'region',
      { name: 'Data plane in travel' },
    );
    expect(within(section).getByTestId('data-plane-badge').textContent).toBe('mixed');
    expect(section.textContent).toContain('waypoint waypoint');
    expect(section.textContent).toContain('4 ambient · 1 none');
    expect(
      within(section).getByRole('list', { name: 'Capture warnings in travel' }).textContent,
    ).toBe('legacy is not captured although namespace travel is ambient.');
    const shop = screen.getByRole('region', { name: 'Data plane in shop' });
    expect(within(shop).getByTestId('data-plane-badge').textContent).toBe('sidecar');
    expect(within(shop).queryByRole('list')).toBeNull();
  });
});
