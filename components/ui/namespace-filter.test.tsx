import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import { FAKE_SECURITY } from '@/components/testing/fake-mtls';
import { NamespaceSelect } from './namespace-filter';

vi.mock('next/navigation', () => ({
  usePathname: () => '/workloads',
  useRouter: () => ({ replace: vi.fn() }),
  useSearchParams: () => new URLSearchParams(),
}));

describe('NamespaceSelect', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("names each namespace's mTLS mode in its option", async () => {
    fakeApi((request) =>
      request.url.startsWith('/api/security?')
        ? { body: FAKE_SECURITY }
        : { body: [{ name: 'bookinfo' }, { name: 'shop' }, { name: 'default' }] },
    );
    renderWithQueries(<NamespaceSelect selected={[]} onChange={() => {}} />);
    await screen.findByRole('option', { name: 'shop · mTLS PERMISSIVE' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All namespaces',
      'bookinfo · mTLS STRICT',
      'shop · mTLS PERMISSIVE',
      'default',
    ]);
  });
});
