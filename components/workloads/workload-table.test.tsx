import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECKOUT, PAYMENTS } from '@/components/testing/fake-mtls';
import type { WorkloadSecurity } from '@/lib/api/security';
import type { WorkloadListItem } from '@/lib/mesh/lists/workload-list';
import { fakeWorkloadRow } from '@/components/testing/fake-workloads';
import { WorkloadTable } from './workload-table';

const item = (name: string): WorkloadListItem => fakeWorkloadRow(name, { app: name });

const STRICT_CHECKOUT: WorkloadSecurity = {
  ...CHECKOUT,
  mode: 'STRICT',
  modeSource: {
    kind: 'PeerAuthentication',
    namespace: 'shop',
    name: 'checkout',
    scope: 'workload',
    detail: 'STRICT, selector app=checkout',
  },
  portModes: [
    {
      port: 8080,
      mode: 'PERMISSIVE',
      source: {
        kind: 'PeerAuthentication',
        namespace: 'shop',
        name: 'checkout',
        scope: 'port',
        detail: 'PERMISSIVE on port 8080',
      },
    },
  ],
  clientTls: {
    mode: 'ISTIO_MUTUAL',
    source: {
      kind: 'DestinationRule',
      namespace: 'shop',
      name: 'checkout',
      scope: 'host',
      detail: 'ISTIO_MUTUAL for checkout.shop.svc.cluster.local',
    },
  },
};

function cell(name: string, header = 'mTLS'): HTMLElement {
  const row = screen
    .getAllByTestId('workload-row')
    .find((r) => r.dataset.workload === `shop/${name}`);
  if (!row) throw new Error(`no row ${name}`);
  const column = screen
    .getAllByRole('columnheader')
    .findIndex((h) => h.textContent?.startsWith(header));
  // The row header (the workload's name) is a th: cells after it are offset by one.
  const cells = within(row).getAllByRole('cell');
  const target = cells[column - 1];
  if (!target) throw new Error(`no ${header} cell`);
  return target;
}

describe('WorkloadTable mTLS column', () => {
  afterEach(cleanup);

  it('shows the mode with its source in the tooltip, port overrides and what clients send', () => {
    render(
      <WorkloadTable
        workloads={[item('payments'), item('checkout'), item('legacy')]}
        sort={{ key: 'name', direction: 'asc' }}
        onSort={() => {}}
        range={{ window: '1h', end: null }}
        security={
          new Map([
            ['shop/payments', PAYMENTS],
            ['shop/checkout', STRICT_CHECKOUT],
          ])
        }
      />,
    );
    const payments = within(cell('payments')).getByTestId('mtls-badge');
    expect(payments.getAttribute('title')).toBe(
      'PeerAuthentication shop/default: PERMISSIVE, namespace-wide in shop',
    );
    expect(cell('payments').textContent).toContain('clients send auto mTLS');

    const checkout = cell('checkout');
    expect(within(checkout).getByTestId('mtls-badge').textContent).toContain('STRICT');
    expect(checkout.textContent).toContain('ports 8080: PERMISSIVE');
    expect(within(checkout).getByTitle(/DestinationRule shop\/checkout/).textContent).toContain(
      'clients send ISTIO_MUTUAL',
    );
    expect(cell('legacy').textContent).toBe('—');
  });
});

describe('WorkloadTable p95 and sparkline', () => {
  afterEach(cleanup);

  it('shows each p95, a labelled sparkline beside the rate, and sorts by p95 from its header', () => {
    const onSort = vi.fn();
    render(
      <WorkloadTable
        workloads={[
          { ...item('payments'), p95Ms: 412, sparkline: [1, 3, 2] },
          { ...item('legacy'), rps: null, errorRate: null },
        ]}
        sort={{ key: 'p95', direction: 'desc' }}
        onSort={onSort}
        range={{ window: '6h', end: null }}
      />,
    );
    const header = screen.getByRole('columnheader', { name: /p95/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByText('412 ms')).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Requests/s over the last 6h: 1.00 to 3.00, last 2.00' }),
    ).toBeTruthy();
    expect(screen.getAllByRole('img')).toHaveLength(1);
    within(header).getByRole('button').click();
    expect(onSort).toHaveBeenCalledWith('p95');
  });
});

describe('WorkloadTable data plane column', () => {
  afterEach(cleanup);

  it('names sidecar, ambient with its waypoint, L4-only ambient and gaps, and sorts from its header', () => {
    const onSort = vi.fn();
    const waypoint = { namespace: 'shop', name: 'waypoint' };
    render(
      <WorkloadTable
        workloads={[
          item('payments'),
          { ...item('flights'), hasSidecar: false, dataPlane: { mode: 'ambient', waypoint } },
          { ...item('db'), hasSidecar: false, dataPlane: { mode: 'ambient' } },
          {
            ...item('legacy'),
            hasSidecar: false,
            namespaceInjects: false,
            dataPlane: { mode: 'none' },
            captureWarnings: [
              { code: 'not-captured', namespace: 'shop', workload: 'legacy', message: 'm' },
            ],
          },
          {
            ...item('waypoint'),
            dataPlane: { mode: 'none', proxy: 'waypoint' },
          },
        ]}
        sort={{ key: 'dataPlane', direction: 'asc' }}
        onSort={onSort}
        range={{ window: '1h', end: null }}
      />,
    );
    expect(cell('payments', 'Data plane').textContent).toBe('SidecarInjected');
    expect(cell('flights', 'Data plane').textContent).toBe('Ambient + waypointL7 via waypoint');
    expect(cell('db', 'Data plane').textContent).toBe('AmbientL4 only (ztunnel), no waypoint');
    expect(cell('legacy', 'Data plane').textContent).toContain('Not captured');
    expect(cell('waypoint', 'Data plane').textContent).toContain('Waypoint proxy');
    expect(screen.getAllByTestId('workload-row').map((r) => r.dataset.workload)).toEqual([
      'shop/db',
      'shop/flights',
      'shop/legacy',
      'shop/payments',
      'shop/waypoint',
    ]);
    const header = screen.getByRole('columnheader', { name: /Data plane/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    within(header).getByRole('button').click();
    expect(onSort).toHaveBeenCalledWith('dataPlane');
  });
});
