import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries } from '@/components/testing/fake-api';
import { fakeSession } from '@/components/testing/fake-session';
import type { ConfigListItem } from '@/lib/api/istio';
import { ConfigList } from './config-list';

const replace = vi.fn();
let search = '';
vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace, push: vi.fn() }),
  usePathname: () => '/istio',
  useSearchParams: () => new URLSearchParams(search),
}));

const ITEMS: ConfigListItem[] = [
  {
    kind: 'Sidecar',
    namespace: 'shop',
    name: 'default',
    resourceVersion: '3',
    validations: [],
    editable: true,
  },
  {
    kind: 'Telemetry',
    namespace: 'istio-system',
    name: 'mesh-default',
    resourceVersion: '4',
    validations: [
      { code: 'IST0157', severity: 'warning', message: 'The provider "zipkin" is not defined.' },
    ],
    editable: true,
  },
  {
    kind: 'Pod',
    apiVersion: 'v1',
    namespace: 'shop',
    name: 'legacy-batch-5d9f8b7c6d-x2k9p',
    resourceVersion: '9',
    validations: [
      { code: 'IST0103', severity: 'warning', message: 'The pod is missing the Istio proxy.' },
    ],
    checked: true,
    editable: false,
  },
  {
    kind: 'Service',
    apiVersion: 'v1',
    namespace: 'shop',
    name: 'postgres',
    resourceVersion: '10',
    validations: [
      { code: 'IST0118', severity: 'info', message: 'Port name "db" does not follow …' },
    ],
    checked: true,
    editable: false,
  },
  {
    kind: 'Namespace',
    apiVersion: 'v1',
    namespace: '',
    name: 'legacy',
    resourceVersion: '12',
    validations: [
      {
        code: 'IST0102',
        severity: 'info',
        message: 'The namespace is not enabled for Istio injection.',
      },
    ],
    checked: true,
    editable: false,
  },
  {
    kind: 'TCPRoute',
    apiVersion: 'gateway.networking.k8s.io/v1alpha2',
    namespace: 'travel',
    name: 'hotels-db',
    resourceVersion: '11',
    validations: [],
    checked: false,
    editable: false,
  },
];

function serve(): void {
  fakeApi((request) => {
    if (request.url.startsWith('/api/istio')) return { body: ITEMS };
    if (request.url.startsWith('/api/namespaces')) return { body: [] };
    if (request.url === '/api/session')
      return { body: fakeSession('all', ['shop', 'travel', 'istio-system']) };
    return { status: 404, body: { title: 'not found' } };
  });
}

const row = (name: string): HTMLElement => {
  const found = screen.getAllByTestId('istio-row').find((r) => r.dataset.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('ConfigList', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    replace.mockClear();
    search = '';
  });

  it('lists a kind Meshlens does not read as not checked, with the reason, never as valid', async () => {
    serve();
    renderWithQueries(<ConfigList />);
    const route = await screen.findByText('hotels-db');
    const tr = route.closest('tr') as HTMLElement;
    expect(tr.dataset.status).toBe('unchecked');
    expect(within(tr).getByText('Not checked')).toBeDefined();
    expect(
      within(tr).getByText('Meshlens does not read TCPRoute; nothing checked it.'),
    ).toBeDefined();
    expect(within(tr).queryByText('Valid')).toBeNull();
    expect(within(tr).queryByRole('link')).toBeNull();
    expect(within(tr).getByText('gateway.networking.k8s.io')).toBeDefined();
    expect(row('default').dataset.status).toBe('valid');
    expect(within(row('default')).getByText('Valid')).toBeDefined();
    expect(
      screen.getByText('6 objects: 0 with errors, 2 with warnings, 1 not checked.'),
    ).toBeDefined();
  });

  it('edits the new Istio kinds like the old, and links Kubernetes objects to their pages', async () => {
    serve();
    renderWithQueries(<ConfigList />);
    await screen.findByText('hotels-db');
    expect(within(row('default')).getByRole('link', { name: 'default' }).getAttribute('href')).toBe(
      '/istio/shop/sidecars/default',
    );
    expect(within(row('mesh-default')).getByText('IST0157')).toBeDefined();
    const pod = row('legacy-batch-5d9f8b7c6d-x2k9p');
    expect(pod.dataset.editable).toBe('false');
    expect(within(pod).getByText('IST0103')).toBeDefined();
    expect(
      within(pod).getByRole('link', { name: 'workload legacy-batch →' }).getAttribute('href'),
    ).toBe('/workloads/shop/legacy-batch');
    expect(
      within(row('postgres')).getByRole('link', { name: 'postgres' }).getAttribute('href'),
    ).toBe('/services/shop/postgres');
    const ns = row('legacy');
    expect(within(ns).getByText('cluster')).toBeDefined();
    expect(within(ns).getByRole('link', { name: 'legacy' }).getAttribute('href')).toBe(
      '/workloads?namespaces=legacy',
    );
  });

  it('offers every kind present in the kind filter and filters on "not checked"', async () => {
    const user = userEvent.setup();
    serve();
    renderWithQueries(<ConfigList />);
    await screen.findByText('hotels-db');
    const kind = screen.getByRole('combobox', { name: 'Kind' });
    const options = within(kind)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(
      expect.arrayContaining(['Sidecar', 'WasmPlugin', 'Gateway (Gateway API)', 'Pod', 'TCPRoute']),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Not checked');
    expect(replace).toHaveBeenCalledWith('/istio?status=unchecked', { scroll: false });
  });

  it('shows only the rows of the status asked for in the URL', async () => {
    search = 'status=unchecked';
    serve();
    renderWithQueries(<ConfigList />);
    await screen.findByText('hotels-db');
    expect(screen.getAllByTestId('istio-row').map((r) => r.dataset.name)).toEqual(['hotels-db']);
  });

  it('filters Kubernetes objects by kind and information-only findings', async () => {
    search = 'kind=Service&status=info';
    serve();
    renderWithQueries(<ConfigList />);
    await screen.findByText('postgres');
    expect(screen.getAllByTestId('istio-row').map((r) => r.dataset.name)).toEqual(['postgres']);
  });
});
