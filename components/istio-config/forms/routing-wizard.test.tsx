import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fakeApi,
  renderWithQueries,
  type FakeAnswer,
  type SentRequest,
} from '@/components/testing/fake-api';
import { fakeSession, type FakeWrites } from '@/components/testing/fake-session';
import type { ServiceRouting } from '@/lib/api/routing';
import { RoutingWizard } from './routing-wizard';

const routing: ServiceRouting = {
  namespace: 'shop',
  service: 'reviews',
  subsets: [
    { name: 'v1', labels: { version: 'v1' } },
    { name: 'v2', labels: { version: 'v2' } },
  ],
  virtualService: null,
  destinationRule: null,
};

/** The cluster's side of the wizard: routing, session and checks; writes go to `write`. */
function cluster(
  writes: FakeWrites,
  write: (request: SentRequest) => FakeAnswer = () => ({ body: { resourceVersion: '1' } }),
): SentRequest[] {
  return fakeApi((request) => {
    if (request.url === '/api/session') return { body: fakeSession(writes, ['shop']) };
    if (request.url === '/api/routing/shop/reviews') return { body: routing };
    if (request.url === '/api/istio/validate') return { body: { validations: [] } };
    return write(request);
  });
}

const writes = (sent: readonly SentRequest[]): string[] =>
  sent.filter((r) => r.method === 'POST' && r.url !== '/api/istio/validate').map((r) => r.url);

describe('RoutingWizard', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('builds the VirtualService from a header rule and the default subset as the form is filled', async () => {
    const user = userEvent.setup();
    cluster('all');
    renderWithQueries(<RoutingWizard namespace="shop" service="reviews" />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Routing for reviews.shop',
    );
    await user.click(await screen.findByRole('button', { name: 'Add header rule' }));
    // Pasted rather than typed: each key press re-renders both previews and costs seconds in jsdom.
    await user.click(screen.getByLabelText('Rule 1 header'));
    await user.paste('end-user');
    await user.click(screen.getByLabelText('Rule 1 value'));
    await user.paste('jason');
    await user.selectOptions(screen.getByLabelText('Rule 1 to subset'), 'v2');
    await user.selectOptions(screen.getByLabelText('Everything else goes to'), 'v1');

    const vsYaml = within(screen.getByRole('region', { name: 'VirtualService YAML' }));
    const text = vsYaml.getByText(/kind: VirtualService/).textContent ?? '';
    expect(text).toContain('end-user');
    expect(text).toContain('exact: jason');
    expect(text).toMatch(/subset: v2[\s\S]*subset: v1/);
    const drYaml = within(screen.getByRole('region', { name: 'DestinationRule YAML' }));
    expect(drYaml.getByText(/kind: DestinationRule/).textContent).toContain('version: v2');
  }, 15_000);

  it('dry-runs both objects before creating either, DestinationRule first', async () => {
    const user = userEvent.setup();
    const sent = cluster('all');
    renderWithQueries(<RoutingWizard namespace="shop" service="reviews" />);
    await user.click(await screen.findByRole('button', { name: 'Dry run, then apply both' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Applied the DestinationRule and the VirtualService for reviews.',
    );
    expect(writes(sent)).toEqual([
      '/api/istio/shop?dryRun=true',
      '/api/istio/shop?dryRun=true',
      '/api/istio/shop',
      '/api/istio/shop',
    ]);
    const kinds = sent
      .filter((r) => r.url === '/api/istio/shop')
      .map((r) => /kind: (\w+)/.exec((r.body as { yaml: string }).yaml)?.[1]);
    expect(kinds).toEqual(['DestinationRule', 'VirtualService']);
  });

  it('creates nothing when a dry run is refused, and says why', async () => {
    const user = userEvent.setup();
    const sent = cluster('all', (request) =>
      request.url.endsWith('?dryRun=true') &&
      (request.body as { yaml: string }).yaml.includes('kind: VirtualService')
        ? { status: 422, body: { title: 'Invalid', detail: 'spec.hosts: Required value' } }
        : { body: { resourceVersion: '1' } },
    );
    renderWithQueries(<RoutingWizard namespace="shop" service="reviews" />);
    await user.click(await screen.findByRole('button', { name: 'Dry run, then apply both' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not applied: spec.hosts: Required value',
    );
    expect(writes(sent)).toEqual(['/api/istio/shop?dryRun=true', '/api/istio/shop?dryRun=true']);
  });

  it('shows the forms but no apply button when Meshlens runs read-only', async () => {
    cluster('read-only');
    renderWithQueries(<RoutingWizard namespace="shop" service="reviews" />);
    expect(await screen.findByRole('group', { name: /VirtualService: routes/ })).toBeTruthy();
    expect((await screen.findByTestId('write-denied')).textContent).toContain('READ_ONLY=true');
    expect(screen.queryByRole('button', { name: /apply both/ })).toBeNull();
  });

  it('offers no apply when RBAC forbids creating the objects, and names the first refused', async () => {
    cluster('none');
    renderWithQueries(<RoutingWizard namespace="shop" service="reviews" />);
    expect((await screen.findByTestId('write-denied')).textContent).toBe(
      'Your Kubernetes permissions (signed in as alice) do not let you create DestinationRule in shop. The forms show what would be written; nothing can be applied.',
    );
    expect(screen.queryByRole('button', { name: /apply both/ })).toBeNull();
  });
});
