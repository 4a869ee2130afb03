import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderWithQueries, type SentRequest } from '@/components/testing/fake-api';
import type { TrafficResponse } from '@/lib/api/traffic';
import { WeightEditor } from './weight-editor';

const traffic: TrafficResponse = {
  service: { namespace: 'shop', name: 'reviews' },
  virtualService: { name: 'reviews', namespace: 'shop', resourceVersion: '41' },
  destinationRule: { name: 'reviews', namespace: 'shop' },
  routes: [
    {
      index: 0,
      destinations: [
        { host: 'reviews', subset: 'v1', weight: 90, share: 0.9 },
        { host: 'reviews', subset: 'v2', weight: 10, share: 0.1 },
      ],
      subsets: ['v1', 'v2'],
    },
  ],
  defaultRoute: 0,
  observed: { window: '5m', shares: { v1: 0.9, v2: 0.1 }, totalRps: 12, unassignedShare: 0 },
  subsets: [],
  warnings: [],
  readOnly: false,
  access: { update: true, delete: true },
  changes: { seenSince: 0, items: [] },
};

const diff = [
  { kind: 'remove', text: '        weight: 90' },
  { kind: 'add', text: '        weight: 50' },
];

const weightsAnswer = (request: SentRequest) =>
  request.url.endsWith('?dryRun=true')
    ? { body: { resourceVersion: '41', dryRun: true, diff } }
    : { body: { resourceVersion: '42', dryRun: false } };

const puts = (sent: readonly SentRequest[]): string[] =>
  sent.filter((r) => r.method === 'PUT').map((r) => r.url);

describe('WeightEditor', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('moves the other subset when one slider moves, and keeps the total at 100', () => {
    fakeApi(weightsAnswer);
    renderWithQueries(<WeightEditor namespace="shop" service="reviews" traffic={traffic} />);
    fireEvent.change(screen.getByRole('slider', { name: 'Weight for subset v2' }), {
      target: { value: '30' },
    });
    expect(screen.getByRole('slider', { name: 'Weight for subset v1' })).toHaveProperty(
      'value',
      '70',
    );
    expect(screen.getByText(/Total 100%/).textContent).toContain('version 41');
  });

  it('previews the dry run diff, then applies with a dry run first and says the new version', async () => {
    const user = userEvent.setup();
    const sent = fakeApi(weightsAnswer);
    renderWithQueries(<WeightEditor namespace="shop" service="reviews" traffic={traffic} />);
    expect(screen.getByRole('button', { name: 'Apply' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: '50/50' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByLabelText('YAML diff of the VirtualService');
    expect(preview.textContent).toContain('weight: 50');

    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Applied (version 42)');
    expect(puts(sent)).toEqual([
      '/api/traffic/shop/reviews?dryRun=true',
      '/api/traffic/shop/reviews?dryRun=true',
      '/api/traffic/shop/reviews',
    ]);
    expect(sent.at(-1)?.body).toEqual({
      route: 0,
      weights: { v1: 50, v2: 50 },
      resourceVersion: '41',
    });
  });

  it('writes nothing and shows the problem when the dry run is refused', async () => {
    const user = userEvent.setup();
    const sent = fakeApi(() => ({
      status: 422,
      body: { title: 'Invalid weights', detail: 'weights must sum to 100' },
    }));
    renderWithQueries(<WeightEditor namespace="shop" service="reviews" traffic={traffic} />);
    await user.click(screen.getByRole('button', { name: 'Promote v2' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Invalid weights: weights must sum to 100');
    expect(puts(sent)).toEqual(['/api/traffic/shop/reviews?dryRun=true']);
  });

  it('shows theirs against yours on a 409 and re-applies against their version', async () => {
    const user = userEvent.setup();
    let refused = false;
    const sent = fakeApi((request) => {
      const body = request.body as { resourceVersion: string };
      if (!refused && body.resourceVersion === '41') {
        refused = true;
        return {
          status: 409,
          body: {
            title: 'Conflict',
            detail: 'the object has been modified',
            current: { resourceVersion: '43', routes: traffic.routes },
          },
        };
      }
      return weightsAnswer(request);
    });
    renderWithQueries(<WeightEditor namespace="shop" service="reviews" traffic={traffic} />);
    await user.click(screen.getByRole('button', { name: 'Promote v2' }));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Changed meanwhile: nothing was written')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /re-apply/i }));
    await waitFor(() =>
      expect((sent.at(-1)?.body as { resourceVersion: string }).resourceVersion).toBe('43'),
    );
    expect(await screen.findByRole('status')).toBeTruthy();
  });
});
