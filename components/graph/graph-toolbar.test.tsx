import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFilter } from './filter-expr';
import { GraphToolbar } from './graph-toolbar';
import { DEFAULT_VIEW, type GraphViewState } from './url-state';

/** The toolbar is controlled by the URL state; this stands in for it and records each patch. */
function Harness({
  onPatch,
  multiCluster,
}: {
  onPatch: (patch: Partial<GraphViewState>) => void;
  multiCluster?: boolean;
}): ReactNode {
  const [view, setView] = useState<GraphViewState>({ ...DEFAULT_VIEW, namespaces: ['shop'] });
  return (
    <GraphToolbar
      view={view}
      update={(patch) => {
        onPatch(patch);
        setView((v) => ({ ...v, ...patch }));
      }}
      allNamespaces={['shop', 'payments']}
      namespaces={view.namespaces}
      defaultRefreshMs={10_000}
      find={parseFilter(view.find)}
      hide={parseFilter(view.hide)}
      multiCluster={multiCluster}
    />
  );
}

describe('GraphToolbar', () => {
  afterEach(cleanup);

  it('changes the graph type and clears the selection, which names another element then', async () => {
    const user = userEvent.setup();
    const onPatch = vi.fn();
    render(<Harness onPatch={onPatch} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Graph options' });
    await user.selectOptions(within(toolbar).getByLabelText('Graph'), 'Services');
    expect(onPatch).toHaveBeenLastCalledWith({ type: 'service', selected: null });
    expect(screen.getByRole('combobox', { name: 'Graph' })).toHaveProperty('value', 'service');
  });

  it('offers the header refresh as the default and sets the window and edge labels', async () => {
    const user = userEvent.setup();
    const onPatch = vi.fn();
    render(<Harness onPatch={onPatch} />);
    const refresh = screen.getByRole('combobox', { name: 'Refresh graph' });
    expect(within(refresh).getByRole('option', { name: 'Default (10 s)' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Window' }), 'Last 1h');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Edge labels' }), 'mTLS');
    expect(onPatch.mock.calls).toEqual([[{ window: '1h' }], [{ labels: 'mtls' }]]);
  });

  it('offers cluster boxes only for a graph of several clusters', async () => {
    const user = userEvent.setup();
    const onPatch = vi.fn();
    render(<Harness onPatch={onPatch} />);
    expect(screen.queryByRole('checkbox', { name: 'Cluster boxes' })).toBeNull();
    cleanup();
    render(<Harness onPatch={onPatch} multiCluster />);
    await user.click(screen.getByRole('checkbox', { name: 'Cluster boxes' }));
    expect(onPatch).toHaveBeenLastCalledWith({ clusters: true });
  });

  it('adds a namespace from the picker and toggles idle nodes', async () => {
    const user = userEvent.setup();
    const onPatch = vi.fn();
    render(<Harness onPatch={onPatch} />);
    await user.click(screen.getByText('Namespaces', { selector: 'summary span' }));
    await user.click(screen.getByRole('checkbox', { name: 'payments' }));
    expect(onPatch).toHaveBeenLastCalledWith({ namespaces: ['shop', 'payments'] });
    const idle = screen.getByRole('checkbox', { name: 'Idle nodes' });
    await user.click(idle);
    expect(onPatch).toHaveBeenLastCalledWith({ idle: !DEFAULT_VIEW.idle });
  });

  it('turns the authorization overlay on and off', async () => {
    const user = userEvent.setup();
    const onPatch = vi.fn();
    render(<Harness onPatch={onPatch} />);
    const overlay = screen.getByRole('checkbox', { name: 'Authorization' });
    await user.click(overlay);
    await user.click(overlay);
    expect(onPatch.mock.calls).toEqual([[{ authz: true }], [{ authz: false }]]);
  });

  it('marks a find expression it cannot read as invalid and says why', async () => {
    const user = userEvent.setup();
    render(<Harness onPatch={() => {}} />);
    const find = screen.getByRole('searchbox', { name: 'Find' });
    expect(find.getAttribute('aria-invalid')).toBe('false');
    await user.type(find, 'health:purple');
    expect(find.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (find.getAttribute('aria-describedby') ?? '').split(' ');
    const why = document.getElementById(describedBy[0] ?? '');
    expect(why?.textContent).toMatch(/purple/);
  });

  it('opens and closes the legend from its button', async () => {
    const user = userEvent.setup();
    render(<Harness onPatch={() => {}} />);
    const button = screen.getByRole('button', { name: 'Legend' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await user.click(button);
    expect(screen.getByRole('region', { name: 'Legend' })).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    await user.click(button);
    expect(screen.queryByRole('region', { name: 'Legend' })).toBeNull();
  });
});
