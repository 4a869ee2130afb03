import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import { FAKE_SECURITY } from '@/components/testing/fake-mtls';
import type { SecurityResponse } from '@/lib/api/security';
import { MeshMtlsLock } from './mesh-mtls-lock';

function answer(body: SecurityResponse): void {
  fakeApi((request) =>
    request.url.startsWith('/api/security?') ? { body } : { status: 404, body: {} },
  );
}

describe('MeshMtlsLock', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('is a button naming the status and auto mTLS; the keyboard opens and closes its rules', async () => {
    const user = userEvent.setup();
    answer(FAKE_SECURITY);
    renderWithQueries(<MeshMtlsLock />);
    const lock = await screen.findByRole('button', {
      name: 'mTLS partially enabled · auto mTLS',
    });
    expect(lock.getAttribute('aria-expanded')).toBe('false');

    await user.tab();
    expect(document.activeElement).toBe(lock);
    await user.keyboard('{Enter}');
    expect(lock.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Mesh-wide: mTLS partially enabled' });
    expect(panel.textContent).toContain(FAKE_SECURITY.mesh.summary);
    expect(panel.textContent).toContain('Auto mTLS is on: sidecars send mTLS to sidecars unasked');
    const sources = within(within(panel).getByTestId('mesh-mtls-sources')).getAllByRole('listitem');
    expect(sources.map((li) => li.textContent)).toEqual([
      'PeerAuthentication istio-system/default (mesh)PERMISSIVE, mesh-wide',
      'MeshConfig (mesh)auto mTLS (default on)',
    ]);
    expect(
      within(panel)
        .getByRole('link', { name: 'PeerAuthentication istio-system/default' })
        .getAttribute('href'),
    ).toBe('/istio/istio-system/peerauthentications/default');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region')).toBeNull();
    expect(document.activeElement).toBe(lock);
  });

  it('says enabled without the auto mTLS note when the mesh requires mTLS', async () => {
    answer({
      ...FAKE_SECURITY,
      mesh: { ...FAKE_SECURITY.mesh, mtls: 'enabled', summary: 'STRICT mesh-wide' },
    });
    renderWithQueries(<MeshMtlsLock />);
    const lock = await screen.findByRole('button', { name: 'mTLS enabled' });
    expect(lock.dataset.status).toBe('enabled');
  });

  it('says the status is unavailable when the API refuses', async () => {
    fakeApi(() => ({ status: 503, body: { title: 'Unavailable', detail: 'Kubernetes is down' } }));
    renderWithQueries(<MeshMtlsLock />);
    const note = await screen.findByText('mTLS status unavailable');
    expect(note.getAttribute('title')).toBe('Kubernetes is down');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
